using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cadre.Bench.Web;

/// <summary>
/// Server time of the posts list at 5,000 posts: one signed-in GET over loopback to the in-process app on SQLite, the
/// whole page rendered (filters, sort, count, one page of 50 rows with WTE in post). P50 is BenchmarkDotNet's median.
///
/// Run: dotnet run -c Release --project bench/Cadre.Bench -- --filter '*PostsListBenchmark*'
/// </summary>
[Config(typeof(PercentileConfig))]
public class PostsListBenchmark
{
    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig()
        {
            // In process: the generated BenchmarkDotNet project cannot restore ASP.NET Core packages here.
            // One request per iteration, so the median and P95 columns are those of single page loads.
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(20).WithIterationCount(200).WithInvocationCount(1).WithUnrollFactor(1)
                // Slow requests are the point of a P95: keep them.
                .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }

    public const int Posts = 5_000;
    private WebBench _bench = default!;

    [Params("/posts", "/posts?page=60", "/posts?q=scientist&sort=title&dir=desc&page=20", "/posts?band=7&status=Vacant&sort=department", "/", "/api/v1/posts?pageSize=50")]
    public string Url { get; set; } = "/posts";

    [GlobalSetup]
    public void Setup() => _bench = WebBench.StartAsync(Posts).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _bench.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public int GetPage() => _bench.GetAsync(Url).GetAwaiter().GetResult();
}
