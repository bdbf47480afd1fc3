using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cadre.Bench.Coding;

/// <summary>
/// <c>dotnet run -c Release --project bench/Cadre.Bench -- coding-baseline [rows...] [--dir DIR]</c>: generates an extract,
/// then in one run times <c>cadre code</c> and the analyst's alternative — the sqlite3 command-line tool importing the same
/// CSV and joining it to a code lookup table — each under /usr/bin/time -v for wall time and peak resident memory.
/// </summary>
public static class CodingBaseline
{
    public static int Run(string[] args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cadre-bench-coding");
        var sizes = new List<int>();
        var jobDescriptions = 5_000;
        var repeat = 3;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--dir") dir = args[++i];
            else if (args[i] == "--distinct") jobDescriptions = 0;
            else if (args[i] == "--repeat") repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--job-descriptions") jobDescriptions = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
        }
        if (sizes.Count == 0) sizes = [100_000, 1_000_000];
        Directory.CreateDirectory(dir);
        var cadre = Path.Combine(AppContext.BaseDirectory, "cadre.dll");
        var lookup = Path.Combine(dir, "lookup.csv");
        ExtractGenerator.WriteLookup(lookup);

        Console.WriteLine($"load average at the start (1, 5, 15 min): {LoadAverage()}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {TimedProcess.CpuModel()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; .NET {Environment.Version}; {TimedProcess.Shell("sqlite3", "--version").Split(' ')[0]} sqlite3");
        Console.WriteLine(jobDescriptions > 0 ? $"extract: posts share {jobDescriptions:N0} distinct job descriptions" : "extract: every row a distinct job description (worst case)");
        Console.WriteLine();
        Console.WriteLine($"each tool run {repeat} times, interleaved; median by wall time shown (the machine is shared, so CPU seconds are given too)");
        Console.WriteLine();
        Console.WriteLine("| rows | tool | wall s | rows/s | CPU s (user+sys) | peak RSS MB |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var input = Path.Combine(dir, $"extract-{rows}-jd{jobDescriptions}.csv");
            if (!File.Exists(input)) ExtractGenerator.Write(input, rows, jobDescriptions);

            var cadreOut = Path.Combine(dir, $"cadre-out-{rows}.csv");

            var sql = Path.Combine(dir, $"join-{rows}.sql");
            var sqliteOut = Path.Combine(dir, $"sqlite-out-{rows}.csv");
            File.WriteAllText(sql, $"""
                .mode csv
                .import '{input}' extract
                .import '{lookup}' lookup
                .headers on
                .output '{sqliteOut}'
                SELECT e.post_id, e.role, e.wte, e.current_code, coalesce(l.new_code, '') AS proposed_code, e.current_area_of_work AS proposed_area_of_work,
                       CASE WHEN l.new_code = e.current_code THEN 'unchanged' WHEN l.new_code IS NULL THEN 'review' ELSE 'recode' END AS status
                FROM extract e LEFT JOIN lookup l ON l.current_code = e.current_code;
                """.Replace("\r", ""));
            var cadreRuns = new List<ProcessMeasure>();
            var sqliteRuns = new List<ProcessMeasure>();
            for (var k = 0; k < repeat; k++)
            {
                cadreRuns.Add(TimedProcess.Run("dotnet", [cadre, "code", input, "--out", cadreOut, "--on", "2026-01-01"], null));
                sqliteRuns.Add(TimedProcess.Run("sqlite3", [":memory:"], sql));
            }
            Report(rows, "cadre code (every rule, reasons, streaming)", Median(cadreRuns));
            Report(rows, "sqlite3 :memory: .import + join to lookup", Median(sqliteRuns));
        }
        Console.WriteLine();
        Console.WriteLine($"load average at the end (1, 5, 15 min): {LoadAverage()}");
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";


    private static ProcessMeasure Median(List<ProcessMeasure> runs) => runs.OrderBy(r => r.WallSeconds).ElementAt(runs.Count / 2);

    private static void Report(int rows, string tool, ProcessMeasure m)
    {
        if (m.ExitCode != 0) Console.Error.WriteLine($"{tool} failed ({m.ExitCode}): {m.Stderr}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rows:N0} | {tool} | {m.WallSeconds:0.00} | {rows / m.WallSeconds:N0} | {m.CpuSeconds:0.00} | {m.PeakMb:0} |"));
    }

}
