using System.Diagnostics;
using System.Globalization;
using Cadre.Core.Coding;
using Cadre.Core.Coding.Extract;

namespace Cadre.Bench.Coding;

/// <summary>
/// <c>dotnet run -c Release --project bench/Cadre.Bench -- coding-profile EXTRACT.csv [--passes N]</c>: recodes one extract
/// in process, one thread, several passes, and prints CPU time and bytes allocated per row for reading alone and for the
/// whole recode (reading, every rule, writing to a discarded stream). The first pass includes JIT warm-up; later passes
/// are the steady state the rule path costs.
/// </summary>
public static class CodingProfile
{
    public static int Run(string[] args)
    {
        var path = args[0];
        var passes = args.Length > 2 && args[1] == "--passes" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        using var allocations = args.Contains("--allocations") ? new AllocationSampler() : null;
        var engine = CodingEngine.Default;
        var on = new DateOnly(2026, 1, 1);
        for (var pass = 1; pass <= passes; pass++)
        {
            var rows = 0;
            var (readCpu, readBytes) = Measure(() =>
            {
                using var input = new StreamReader(path);
                var reader = new ExtractReader(input, engine.Reference.Services);
                reader.ReadHeader();
                while (reader.ReadNext(out _)) rows++;
            });
            var (allCpu, allBytes) = Measure(() =>
            {
                using var input = new StreamReader(path);
                using var output = new StreamWriter(Stream.Null);
                new ExtractRecoder(engine, on, parallel: false).Run(input, output, null, null, p => throw new InvalidOperationException(p.ToString()));
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pass {pass}: {rows:N0} rows; read {readCpu.TotalMilliseconds * 1000 / rows:0.00} µs/row {readBytes / rows:N0} B/row; recode {allCpu.TotalMilliseconds * 1000 / rows:0.00} µs/row {allBytes / rows:N0} B/row; GCs gen0/1/2 so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        }
        // The whole pipeline as `cadre code` runs it (reader, deciders, writer), once, with the collector's pause time.
        var pauseBefore = GC.GetTotalPauseDuration();
        var wall = Stopwatch.StartNew();
        var (parallelCpu, _) = Measure(() =>
        {
            using var input = new StreamReader(path);
            using var output = new StreamWriter(Stream.Null);
            new ExtractRecoder(engine, on).Run(input, output, null, null, p => throw new InvalidOperationException(p.ToString()));
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pipeline: {wall.Elapsed.TotalSeconds:0.00} s wall, {parallelCpu.TotalSeconds:0.00} s CPU, GC paused {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:0} ms ({GC.GetGCMemoryInfo().PauseTimePercentage:0.0}% of the process's time so far)"));
        allocations?.Print();
        return 0;
    }

    /// <summary>The runtime's allocation sampling (an event about every 100 KB allocated, naming the type): where the bytes go.</summary>
    private sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _bytes = new();

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
            var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
            var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var i and >= 0 ? Convert.ToInt64(e.Payload[i], CultureInfo.InvariantCulture) : 100_000;
            _bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
        }

        public void Print()
        {
            var total = _bytes.Values.Sum();
            foreach (var (type, bytes) in _bytes.OrderByDescending(kv => kv.Value).Take(25))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * bytes / total,6:0.0}%  {type}"));
        }
    }

    // Thread CPU time would be steadier, but .NET exposes only process time; the runs are single-threaded.
    private static (TimeSpan Cpu, long Bytes) Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        action();
        process.Refresh();
        return (process.TotalProcessorTime - cpu, GC.GetAllocatedBytesForCurrentThread() - bytes);
    }
}
