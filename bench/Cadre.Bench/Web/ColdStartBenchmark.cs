using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cadre.Bench.Web;

/// <summary>
/// Cold start: from launching `dotnet cadre.dll serve` in a new process to the first 200 from /health. "First run" starts on
/// an empty data folder (create and migrate the database, load the demo trusts, create the administrator); "restart"
/// starts on the database the first run left.
///
/// Run: dotnet run -c Release --project bench/Cadre.Bench -- --filter '*ColdStartBenchmark*'
/// </summary>
[Config(typeof(MonitoringConfig))]
public class ColdStartBenchmark
{
    private sealed class MonitoringConfig : ManualConfig
    {
        public MonitoringConfig() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(10)
                .WithToolchain(InProcessEmitToolchain.Instance));
    }

    [Params("first run", "restart")]
    public string Start { get; set; } = "restart";

    private string _data = "";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    [IterationSetup]
    public void PrepareData()
    {
        _data = Path.Combine(Path.GetTempPath(), "cadre-bench-start-" + Guid.NewGuid().ToString("N"));
        if (Start == "restart") RunUntilHealthy(_data);
    }

    [IterationCleanup]
    public void RemoveData()
    {
        try { Directory.Delete(_data, true); } catch (IOException) { }
    }

    [Benchmark]
    public void ServeUntilHealthy() => RunUntilHealthy(_data);

    private static void RunUntilHealthy(string data)
    {
        var port = FreePort();
        var cadre = Path.Combine(AppContext.BaseDirectory, "cadre.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cadre, "serve", "--urls", $"http://127.0.0.1:{port}", "--data", data])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(120))
            {
                try
                {
                    using var response = Http.GetAsync($"http://127.0.0.1:{port}/health").GetAwaiter().GetResult();
                    if (response.IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                Thread.Sleep(5);
            }
            throw new TimeoutException("cadre serve did not become healthy in 120 s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
