using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cadre.Core.Register;
using Cadre.Data;
using Cadre.Data.Register.Import;
using Cadre.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cadre.Bench.Register;

/// <summary>
/// Import throughput for a 100,000-post CSV, as a workforce-information officer would load a whole trust's establishment.
/// Each iteration imports into an empty, migrated database (SQLite; PostgreSQL too when CADRE_BENCH_PG is set), with the
/// audit trail on, exactly as `cadre import posts` does. Peak working set of the benchmark process is written to
/// BenchmarkDotNet.Artifacts/register-import-memory.txt, since BenchmarkDotNet reports allocations, not peak memory.
///
/// Run: dotnet run -c Release --project bench/Cadre.Bench -- --filter '*ImportPostsBenchmark*'
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
public class ImportPostsBenchmark
{
    /// <summary>
    /// In process: BenchmarkDotNet's generated project cannot restore the ASP.NET Core packages on our machines, and one
    /// 100,000-row import per iteration needs no statistics engine, just a few timed runs.
    /// </summary>
    private sealed class InProcessMonitoringConfig : ManualConfig
    {
        public InProcessMonitoringConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(3)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    public const int Rows = 100_000;

    public static IEnumerable<string> Databases()
    {
        yield return "sqlite";
        if (Environment.GetEnvironmentVariable("CADRE_BENCH_PG") is { Length: > 0 }) yield return "postgresql";
    }

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    private string _folder = "";
    private string _csv = "";
    private DatabaseOptions _options = null!;
    private Guid _organisation;
    private string? _pgName;
    private readonly List<long> _peaks = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "cadre-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _csv = Path.Combine(_folder, "posts.csv");
        WriteCsv(_csv, Rows);
    }

    /// <summary>A realistic spread: 40 departments, bands 2-9, one in five posts split across two services.</summary>
    public static void WriteCsv(string path, int rows)
    {
        var bands = new[] { "2", "3", "4", "5", "5", "6", "6", "7", "7", "8a", "8b", "8c", "8d", "9" };
        var random = new Random(42);
        using var writer = new StreamWriter(path);
        writer.WriteLine("Post Number,Title,Department,Science Theme,Pay Band,Funded WTE,Cost Centre,Status,Occupation Code,Area of Work,Entry Requirement,Time Split");
        for (var i = 1; i <= rows; i++)
        {
            var theme = random.Next(3) == 0 ? 'J' : 'H';
            var split = random.Next(5) == 0 ? $"{theme}:Service A=60; {theme}:Service B=40" : $"{theme}:Service A=100";
            var wte = random.Next(6) == 0 ? "0.60" : "1.00";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"P{i:000000},Clinical Technologist {i % 97},Department {i % 40},{theme},{bands[random.Next(bands.Length)]},{wte},4101{i % 40:00},{(random.Next(10) == 0 ? "Vacant" : "Funded")},U4{theme},Area {i % 12},Practitioner,{split}"));
        }
    }

    [IterationSetup]
    public void FreshDatabase()
    {
        if (Database == "sqlite")
        {
            var dir = Path.Combine(_folder, "db-" + Guid.NewGuid().ToString("N"));
            _options = DatabaseOptions.Sqlite(dir);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("CADRE_BENCH_PG")!;
            _pgName = "cadre_bench_" + Guid.NewGuid().ToString("N");
            using (var c = new NpgsqlConnection(admin)) { c.Open(); using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_pgName}\"", c); cmd.ExecuteNonQuery(); }
            _options = DatabaseOptions.PostgreSql(new NpgsqlConnectionStringBuilder(admin) { Database = _pgName, Pooling = false }.ConnectionString);
        }
        using var db = new CadreDbContext(_options.BuildContextOptions(), OrganisationScope.System, AuditActor.System("bench"));
        db.Database.Migrate();
        var org = new Organisation { Name = "Bench Trust", OdsCode = "ZZB" };
        db.Organisations.Add(org);
        db.SaveChanges();
        _organisation = org.Id;
    }

    [Benchmark(Description = "Import 100,000 posts from CSV")]
    public int ImportPosts()
    {
        using var db = new CadreDbContext(_options.BuildContextOptions(), OrganisationScope.For([_organisation]), AuditActor.System("bench"));
        var result = new PostImporter(db).ImportFileAsync(_organisation, _csv).GetAwaiter().GetResult();
        if (!result.Succeeded || result.Created != Rows) throw new InvalidOperationException(result.Summary + " " + string.Join("; ", result.Problems.Take(3)));
        return result.Created;
    }

    [IterationCleanup]
    public void Measure()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        _peaks.Add(process.PeakWorkingSet64);
        if (_pgName is not null)
        {
            using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable("CADRE_BENCH_PG"));
            c.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", c);
            cmd.ExecuteNonQuery();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var artifacts = Path.Combine(Directory.GetCurrentDirectory(), "..", "..", "..", "..");
        var line = $"{DateTime.UtcNow:u} {Database}: peak working set {_peaks.Max() / (1024 * 1024)} MiB over {_peaks.Count} iteration(s) of {Rows:N0} posts";
        Console.WriteLine("// " + line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "cadre-register-import-memory.txt"), line + Environment.NewLine);
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
