using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Cadre.Cli.Tests;

/// <summary>Runs the real <c>cadre</c> program (cadre.dll beside the tests) as a separate process, as a user would.</summary>
internal static class CadreProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunAsync(null, args).GetAwaiter().GetResult();

    /// <summary>Runs cadre with <paramref name="stdin"/> typed at it (for <c>--password-stdin</c>); the environment's CADRE_DB is removed so a test never reaches a real database by accident.</summary>
    public static async Task<Result> RunAsync(string? stdin, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "cadre.dll");
        Assert.True(File.Exists(dll), $"cadre.dll not found beside the tests at {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("CADRE_DB");
        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(true); Assert.Fail($"cadre {string.Join(' ', args)} did not finish in 2 minutes"); }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A fixture file in the <c>Fixtures</c> folder beside the calling test's source file.</summary>
    public static string Fixture(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", name);

    /// <summary>A refusal as users must see it: non-zero exit, the message on stderr, nothing on stdout, no stack trace.</summary>
    public static void AssertPlainError(Result r, string expected)
    {
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.Equal("", r.Stdout.Trim());
    }

    /// <summary>A temporary file that deletes itself.</summary>
    public sealed class TempFile : IDisposable
    {
        public string Path { get; }
        public TempFile(string content, string extension = ".txt")
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cadre-test-{Guid.NewGuid():N}{extension}");
            File.WriteAllText(Path, content);
        }
        public void Dispose() { try { File.Delete(Path); } catch (IOException) { } }
    }
}
