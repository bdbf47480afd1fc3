using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cadre.Bench;

/// <summary>What GNU time saw of one program run: wall and CPU seconds, peak memory, and how it ended.</summary>
public sealed record ProcessMeasure(double WallSeconds, double CpuSeconds, double PeakMb, int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs a program under <c>/usr/bin/time -v</c>, so Cadre and the tool it is compared with (sqlite3, psql) are measured
/// the same way in the same run; shared by the baseline benches.
/// </summary>
public static class TimedProcess
{
    public static ProcessMeasure Run(string program, string[] args, string? stdinFile)
    {
        var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = stdinFile is not null, UseShellExecute = false };
        psi.ArgumentList.Add("-v");
        psi.ArgumentList.Add(program);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        if (stdinFile is not null)
        {
            p.StandardInput.Write(File.ReadAllText(stdinFile));
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        sw.Stop();
        var rss = Regex.Match(stderr, @"Maximum resident set size \(kbytes\): (\d+)");
        var wall = Regex.Match(stderr, @"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)");
        var seconds = wall.Success
            ? (wall.Groups[1].Success ? int.Parse(wall.Groups[1].Value) * 3600 : 0) + int.Parse(wall.Groups[2].Value) * 60 + double.Parse(wall.Groups[3].Value, CultureInfo.InvariantCulture)
            : sw.Elapsed.TotalSeconds;
        var user = Regex.Match(stderr, @"User time \(seconds\): ([\d.]+)");
        var sys = Regex.Match(stderr, @"System time \(seconds\): ([\d.]+)");
        var cpu = (user.Success ? double.Parse(user.Groups[1].Value, CultureInfo.InvariantCulture) : 0) + (sys.Success ? double.Parse(sys.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
        return new ProcessMeasure(seconds, cpu, rss.Success ? long.Parse(rss.Groups[1].Value) / 1024.0 : 0, p.ExitCode, stdout.Result, stderr.Length > 2000 ? stderr[..2000] : stderr);
    }

    public static string CpuModel() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown cpu" : "unknown cpu";

    /// <summary>A tool's one-line answer (its version), or "missing" when it is not installed.</summary>
    public static string Shell(string program, string args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var o = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return o.Trim();
        }
        catch (System.ComponentModel.Win32Exception) { return "missing"; }
    }
}
