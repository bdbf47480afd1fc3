using System.Diagnostics;
using System.Globalization;

namespace Cadre.Bench.Web;

/// <summary>
/// Server time of the coding review and the head of service report on a large register (issue 12): the real app
/// in-process, the demo trust grown to each size with six posts in ten held, a signed-in Workforce information user, one
/// GET at a time over loopback. A plain timed run rather than BenchmarkDotNet (a register of 70,000 posts takes a minute
/// to build). The first request decides and stores every post's proposal (docs/decisions/coding-stored-proposals.md)
/// and is timed on its own line; then for each page one warm-up and the given number of loads; prints the median (p50)
/// and the 95th percentile (nearest rank).
///
/// Run: dotnet run -c Release --project bench/Cadre.Bench -- coding-pages [--loads N] [--postgres CONN] 5000 15000 70000
/// </summary>
internal static class CodingPagesTimer
{
    private static readonly string[] Urls =
    [
        // The first page; a filtered page deep in the list; the recodes with the count "accept all n matching" shows.
        "/coding", "/coding?status=all&code=U2&page=40", "/coding?status=recode",
        "/reports/head-of-service", "/reports/organisations", "/reports/profession", "/api/v1/reports/head-of-service", "/",
    ];

    public static int Run(string[] args)
    {
        var loads = 20;
        string? postgres = null;
        var sizes = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--loads") loads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--postgres") postgres = args[++i];
            else sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
        }
        if (sizes.Count == 0) sizes = [5_000, 15_000, 70_000];
        Console.WriteLine($"| Database | Posts | Request | p50 | p95 | Page size |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: |");
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
        var kind = postgres is null ? "SQLite" : "PostgreSQL";
        var first = Stopwatch.StartNew();
        var firstBytes = await bench.GetAsync("/coding");
        Console.WriteLine($"| {kind} | {posts:N0} | `/coding`, first view: decides and stores every post | {first.Elapsed.TotalMilliseconds:N0} ms | | {firstBytes / 1024.0:N0} KiB |");
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
            var p95 = times[Math.Max(0, (int)Math.Ceiling(times.Count * 0.95) - 1)];
            Console.WriteLine($"| {kind} | {posts:N0} | `{url}` | {times[times.Count / 2]:N0} ms | {p95:N0} ms | {bytes / 1024.0:N0} KiB |");
        }
    }
}
