using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Cadre.Cli.Tests.Coding;

/// <summary>Runs the real <c>cadre</c> program (cadre.dll in the test output) as a process, as a user would.</summary>
internal static class CadreProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cadre.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("cadre did not finish in 2 minutes"); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Fixture(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", name);
}

/// <summary>A scratch folder per test, removed afterwards.</summary>
internal sealed class Scratch : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("cadre-code-test-").FullName;
    public string Path(string name) => System.IO.Path.Combine(Dir, name);
    public void Dispose() { try { Directory.Delete(Dir, true); } catch (IOException) { } }
}
