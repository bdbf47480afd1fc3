using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Core.Register;
using Cadre.Data;
using Cadre.Data.Register.Import;
using Cadre.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cadre.Bench.Register;

/// <summary>
/// <c>dotnet run -c Release --project bench/Cadre.Bench -- import-baseline [rows...] [--pg CONNECTION] [--only posts|people]</c>:
/// for each size, writes a posts file and a people file, then in one run times `cadre import posts|people` (the real
/// command line, start-up included) against the database's own bulk load of the same file into a keyed table:
/// sqlite3's <c>.import</c> on SQLite, <c>COPY ... FROM</c> (psql's \copy, CSV) on PostgreSQL. Each under /usr/bin/time -v
/// for wall time and peak resident memory, each into a fresh database. People are imported against 2,000 posts.
/// </summary>
public static class ImportBaseline
{
    private const string Ods = "ZZB";

    public static int Run(string[] args)
    {
        var sizes = new List<int>();
        string? pg = Environment.GetEnvironmentVariable("CADRE_BENCH_PG");
        var kinds = new List<string> { "posts", "people" };
        var dir = Path.Combine(Path.GetTempPath(), "cadre-bench-import");
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--pg") pg = args[++i];
            else if (args[i] == "--only") kinds = [args[++i]];
            else if (args[i] == "--dir") dir = args[++i];
            else sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
        }
        if (sizes.Count == 0) sizes = [100_000, 1_000_000];
        Directory.CreateDirectory(dir);
        var cadre = Path.Combine(AppContext.BaseDirectory, "cadre.dll");
        Console.WriteLine($"load average at the start (1, 5, 15 min): {LoadAverage()}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {TimedProcess.CpuModel()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; .NET {Environment.Version}; sqlite3 {TimedProcess.Shell("sqlite3", "--version").Split(' ')[0]}; {TimedProcess.Shell("psql", "--version")}");
        Console.WriteLine();
        Console.WriteLine("| rows | file | database | tool | wall s | rows/s | CPU s (user+sys) | peak RSS MB | ratio |");
        Console.WriteLine("| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        foreach (var kind in kinds)
        {
            var file = Path.Combine(dir, $"{kind}-{rows}.csv");
            if (!File.Exists(file))
            {
                if (kind == "posts") ImportPostsBenchmark.WriteCsv(file, rows);
                else WritePeople(file, rows, 2_000);
            }
            foreach (var database in pg is null ? new[] { "sqlite" } : ["sqlite", "postgresql"])
            {
                var baseline = database == "sqlite" ? SqliteImport(dir, kind, file) : PgCopy(pg!, kind, file);
                Report(rows, kind, database, database == "sqlite" ? "sqlite3 .import (keyed table)" : "COPY FROM (CSV, keyed table)", baseline, null);
                var (args2, cleanup) = Fresh(dir, database, pg, kind);
                var measure = TimedProcess.Run("dotnet", [cadre, "import", kind, file, "--organisation", Ods, .. args2], null);
                if (!measure.Stdout.Contains("Imported")) Console.Error.WriteLine($"cadre import {kind} did not import: {measure.Stdout} {measure.Stderr}");
                Report(rows, kind, database, $"cadre import {kind}", measure, measure.WallSeconds / baseline.WallSeconds);
                cleanup();
            }
        }
        Console.WriteLine();
        Console.WriteLine($"load average at the end (1, 5, 15 min): {LoadAverage()}");
        return 0;
    }

    /// <summary>Staff numbers S0000001..., one assignment each to one of <paramref name="posts"/> posts, a registration for one in three.</summary>
    public static void WritePeople(string path, int rows, int posts)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("Staff Number,Given Name,Family Name,Year of Birth,Post Number,Assignment WTE,Assignment Start,Registration,Registration Number");
        for (var i = 1; i <= rows; i++)
        {
            var registration = i % 3 == 0 ? $"HCPC Clinical Scientist,CS{i:0000000}" : ",";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"S{i:0000000},Given{i % 500},Family{i % 2000},{1960 + i % 40},P{i % posts + 1:000000},{(i % 5 == 0 ? "0.60" : "1.00")},20{10 + i % 15}-0{1 + i % 9}-01,{registration}"));
        }
    }

    /// <summary>A fresh database with the organisation (and, for people, 2,000 posts); the command-line arguments to reach it.</summary>
    private static (string[] Args, Action Cleanup) Fresh(string dir, string database, string? pg, string kind)
    {
        DatabaseOptions options;
        string[] args;
        Action cleanup;
        if (database == "sqlite")
        {
            var data = Path.Combine(dir, "db-" + Guid.NewGuid().ToString("N"));
            options = DatabaseOptions.Sqlite(data);
            args = ["--data", data];
            cleanup = () => { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); try { Directory.Delete(data, true); } catch (IOException) { } };
        }
        else
        {
            var name = "cadre_bench_" + Guid.NewGuid().ToString("N");
            using (var c = new NpgsqlConnection(pg)) { c.Open(); using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c); cmd.ExecuteNonQuery(); }
            var connection = new NpgsqlConnectionStringBuilder(pg) { Database = name }.ConnectionString;
            options = DatabaseOptions.PostgreSql(connection);
            args = ["--postgres", connection];
            cleanup = () =>
            {
                NpgsqlConnection.ClearAllPools();
                using var c = new NpgsqlConnection(pg);
                c.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c);
                cmd.ExecuteNonQuery();
            };
        }
        using var db = new CadreDbContext(options.BuildContextOptions(), OrganisationScope.System, AuditActor.System("bench"));
        db.Database.Migrate();
        var org = new Organisation { Name = "Bench Trust", OdsCode = Ods };
        db.Organisations.Add(org);
        db.SaveChanges();
        if (kind == "people")
        {
            var posts = Path.Combine(dir, "posts-for-people.csv");
            if (!File.Exists(posts)) ImportPostsBenchmark.WriteCsv(posts, 2_000);
            var result = new PostImporter(db).ImportFileAsync(org.Id, posts).GetAwaiter().GetResult();
            if (!result.Succeeded) throw new InvalidOperationException(result.Summary);
        }
        return (args, cleanup);
    }

    private static ProcessMeasure SqliteImport(string dir, string kind, string file)
    {
        var db = Path.Combine(dir, "sqlite3-" + Guid.NewGuid().ToString("N") + ".db");
        var table = kind == "posts"
            ? "CREATE TABLE t(post_number TEXT PRIMARY KEY, title TEXT, department TEXT, theme TEXT, band TEXT, wte REAL, cost_centre TEXT, status TEXT, occupation_code TEXT, area_of_work TEXT, entry TEXT, split TEXT);"
            : "CREATE TABLE t(staff_number TEXT, given TEXT, family TEXT, year INTEGER, post_number TEXT, wte REAL, start TEXT, registration TEXT, registration_number TEXT, PRIMARY KEY (staff_number, post_number, start));";
        var script = Path.Combine(dir, "import.sql");
        File.WriteAllText(script, $"{table}\n.mode csv\n.import --skip 1 '{file}' t\n");
        try { return TimedProcess.Run("sqlite3", [db], script); }
        finally { File.Delete(db); }
    }

    private static ProcessMeasure PgCopy(string pg, string kind, string file)
    {
        var builder = new NpgsqlConnectionStringBuilder(pg);
        var table = kind == "posts"
            ? "CREATE TABLE t(post_number text PRIMARY KEY, title text, department text, theme text, band text, wte double precision, cost_centre text, status text, occupation_code text, area_of_work text, entry text, split text);"
            : "CREATE TABLE t(staff_number text, given text, family text, year integer, post_number text, wte double precision, start date, registration text, registration_number text, PRIMARY KEY (staff_number, post_number, start));";
        var script = Path.GetTempFileName();
        File.WriteAllText(script, $"DROP TABLE IF EXISTS t;\n{table}\n\\copy t FROM '{file}' WITH (FORMAT csv, HEADER true)\nDROP TABLE t;\n");
        try
        {
            return TimedProcess.Run("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!, "-f", script], null);
        }
        finally { File.Delete(script); }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";


    private static void Report(int rows, string kind, string database, string tool, ProcessMeasure m, double? ratio)
    {
        if (m.ExitCode != 0) Console.Error.WriteLine($"{tool} failed ({m.ExitCode}): {m.Stderr}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rows:N0} | {kind} | {database} | {tool} | {m.WallSeconds:0.00} | {rows / m.WallSeconds:N0} | {m.CpuSeconds:0.00} | {m.PeakMb:0} | {(ratio is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "×" : "1")} |"));
    }

}
