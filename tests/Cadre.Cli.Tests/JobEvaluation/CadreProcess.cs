using System.Diagnostics;

namespace Cadre.Cli.Tests.JobEvaluation;

/// <summary>Runs the real cadre program (cadre.dll beside the tests) as a separate process.</summary>
internal static class CadreProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "cadre.dll");
        Assert.True(File.Exists(dll), $"cadre.dll not found beside the tests at {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(true); Assert.Fail($"cadre {string.Join(' ', args)} did not finish in 60 s"); }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A temporary file that deletes itself.</summary>
    public sealed class TempFile : IDisposable
    {
        public string Path { get; }
        public TempFile(string content, string extension = ".txt")
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cadre-je-{Guid.NewGuid():N}{extension}");
            File.WriteAllText(Path, content);
        }
        public void Dispose() { try { File.Delete(Path); } catch (IOException) { } }
    }

    public static void AssertPlainError(Result r, string expected)
    {
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);       // no stack trace
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.Equal("", r.Stdout.Trim());
    }
}
