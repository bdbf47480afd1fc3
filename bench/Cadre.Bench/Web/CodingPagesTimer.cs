using System.Diagnostics;
using System.Globalization;

namespace Cadre.Bench.Web;

/// <summary>
/// Server time of the coding review and the head of service report on a large register (issue 12): the real app
/// in-process, the demo trust grown to each size with six posts in ten held, a signed-in Workforce information user, one
/// GET at a time over loopback. A plain timed run rather than BenchmarkDotNet: one page load at 70,000 posts takes
/// seconds, so 200 iterations per size would take hours on the shared machine. One warm-up, then the given number of
/// loads; prints the median and the slowest.
///
/// Run: dotnet run -c Release --project bench/Cadre.Bench -- coding-pages [--loads N] [--postgres CONN] 5000 15000 70000
/// </summary>
internal static class CodingPagesTimer
{
    private static readonly string[] Urls =
    [
        "/coding", "/coding?status=all&page=40", "/reports/head-of-service", "/api/v1/reports/head-of-service", "/",
    ];

    public static int Run(string[] args)
    {
        var loads = 5;
        string? postgres = null;
        var sizes = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--loads") loads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--postgres") postgres = args[++i];
            else sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
        }
        if (sizes.Count == 0) sizes = [5_000, 15_000, 70_000];
        Console.WriteLine($"| Posts | Request | Median | Slowest | Page size |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: |");
        foreach (var size in sizes) RunSize(size, loads, postgres).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunSize(int posts, int loads, string? postgres)
    {
        var built = Stopwatch.StartNew();
        string? database = null;
        if (postgres is not null)
        {
            database = "cadre_bench_" + Guid.NewGuid().ToString("N");
            postgres = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
        }
        await using var bench = await WebBench.StartAsync(posts, holders: true, postgres: postgres);
        Console.Error.WriteLine($"{posts:N0} posts ready in {built.Elapsed.TotalSeconds:0} s");
        foreach (var url in Urls)
        {
            var bytes = await bench.GetAsync(url);
            var times = new List<double>();
            for (var i = 0; i < loads; i++)
            {
                var watch = Stopwatch.StartNew();
                bytes = await bench.GetAsync(url);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"| {posts:N0} | `{url}` | {times[times.Count / 2]:N0} ms | {times[^1]:N0} ms | {bytes / 1024.0:N0} KiB |");
        }
    }
}
