using System.Diagnostics;
using Cadre.Core.Planning;

namespace Cadre.Bench.Planning;

/// <summary>
/// `-- planning-national [specialisms] [years] [runs]`: times the national scenario's central run and its Monte Carlo
/// spread in process and prints the peak working set. Run under `/usr/bin/time -v` for the whole-process peak.
/// </summary>
public static class PlanningNational
{
    public static int Run(string[] args)
    {
        var specialisms = args.Length > 0 ? int.Parse(args[0]) : 50;
        var years = args.Length > 1 ? int.Parse(args[1]) : 25;
        var runs = args.Length > 2 ? int.Parse(args[2]) : 10_000;
        var clock = Stopwatch.StartNew();
        var scenario = ScenarioJson.Parse(NationalScenario.Json(specialisms, years));
        Console.WriteLine($"parse: {scenario.Segments.Count} segments, {years} years: {clock.ElapsedMilliseconds} ms");
        PlanningEngine.Project(scenario, runs: 0); // warm-up
        var me = Process.GetCurrentProcess();
        // The machine may be shared: CPU time used by this process is reported beside the wall-clock time.
        double Cpu() { me.Refresh(); return me.TotalProcessorTime.TotalMilliseconds; }
        clock.Restart();
        var cpu = Cpu();
        var central = PlanningEngine.Project(scenario, runs: 0);
        Console.WriteLine($"central run (--runs 0): {clock.ElapsedMilliseconds} ms wall, {Cpu() - cpu:0} ms CPU; total {central.Total[^1].Year}: {central.Total[^1].Supply:0.0} WTE");
        clock.Restart();
        cpu = Cpu();
        var spread = PlanningEngine.Project(scenario, runs);
        Console.WriteLine($"{runs} runs: {clock.ElapsedMilliseconds} ms wall, {Cpu() - cpu:0} ms CPU; total {spread.Total[^1].Year}: p10 {spread.Total[^1].SupplySpread.P10:0.0}, p50 {spread.Total[^1].SupplySpread.P50:0.0}, p90 {spread.Total[^1].SupplySpread.P90:0.0}");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB; cores: {Environment.ProcessorCount}");
        return 0;
    }
}
