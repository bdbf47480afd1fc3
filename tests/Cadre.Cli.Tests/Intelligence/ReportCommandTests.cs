namespace Cadre.Cli.Tests.Intelligence;

/// <summary><c>cadre report</c> run as a process against a demo SQLite database in a temp folder.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cadre-cli-report-" + Guid.NewGuid().ToString("N"));
    private string Data => Path.Combine(_folder, "data");

    public ReportCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    private async Task DemoAsync() => Assert.Equal(0, (await CadreProcess.RunAsync(null, "db", "migrate", "--with-demo", "--data", Data)).ExitCode);

    [Fact]
    public async Task Each_report_is_written_as_csv_xlsx_or_markdown()
    {
        await DemoAsync();
        var md = Path.Combine(_folder, "hos.md");
        var run = await CadreProcess.RunAsync(null, "report", "head-of-service", "--data", Data, "--org", "ZZ1", "--out", md);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Wrote the head of service report", run.Stdout);
        var text = File.ReadAllText(md);
        Assert.StartsWith("# Head of service report", text);
        Assert.Contains("| INTEL-EST-01 | Funded establishment (WTE) |", text);
        Assert.Contains("## Statutory expert cover (INTEL-EXP-01)", text);
        Assert.DoesNotContain("Fenwick", text);

        var csv = Path.Combine(_folder, "bench.csv");
        Assert.Equal(0, (await CadreProcess.RunAsync(null, "report", "organisation", "--data", Data, "--out", csv)).ExitCode);
        var bench = File.ReadAllText(csv);
        Assert.Contains("(ZZ1)", bench);
        Assert.Contains("(ZZ2)", bench); // no --org: every organisation in the database, under disclosure control
        Assert.Contains("statistical disclosure control", bench);

        var xlsx = Path.Combine(_folder, "profession.xlsx");
        Assert.Equal(0, (await CadreProcess.RunAsync(null, "report", "profession", "--data", Data, "--org", "zz1", "--out", xlsx)).ExitCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(xlsx)[..2]));

        var one = Path.Combine(_folder, "audiology.csv");
        Assert.Equal(0, (await CadreProcess.RunAsync(null, "report", "head-of-service", "--data", Data, "--org", "ZZ1", "--department", "audiology", "--out", one)).ExitCode);
        var lines = File.ReadAllLines(one);
        Assert.Contains(lines, l => l.StartsWith("Audiology,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Radiotherapy Physics,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mistakes_get_one_clear_line_and_no_file()
    {
        await DemoAsync();
        var output = Path.Combine(_folder, "r.csv");
        var cases = new (string[] Args, string Expected)[]
        {
            (["report", "board-pack", "--data", Data, "--org", "ZZ1", "--out", output], "'board-pack' is not a report; use one of head-of-service, organisation, profession"),
            (["report", "head-of-service", "--data", Data, "--org", "QQQ", "--out", output], "no organisation has the ODS code 'QQQ'"),
            (["report", "head-of-service", "--data", Data, "--out", output], "say which with --organisation ODS"),
            (["report", "profession", "--data", Data, "--org", "ZZ1", "--out", Path.Combine(_folder, "r.pdf")], "use .csv, .xlsx or .md"),
            (["report", "head-of-service", "--data", Data, "--org", "ZZ1", "--department", "Astrology", "--out", output], "no department is called 'Astrology'"),
            (["report", "organisation", "--data", Data, "--department", "Audiology", "--out", output], "--department is for the head-of-service report only"),
        };
        foreach (var (args, expected) in cases)
        {
            var r = await CadreProcess.RunAsync(null, args);
            CadreProcess.AssertPlainError(r, expected);
        }
        Assert.False(File.Exists(output));
    }
}
