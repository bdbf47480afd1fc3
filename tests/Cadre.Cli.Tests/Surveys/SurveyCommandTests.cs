namespace Cadre.Cli.Tests.Surveys;

/// <summary><c>cadre survey report</c> run as a process against the demo database, whose trust ran a survey.</summary>
public sealed class SurveyCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cadre-cli-survey-" + Guid.NewGuid().ToString("N"));
    private string Data => Path.Combine(_folder, "data");

    public SurveyCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_surveys_results_are_written_whole_and_mistakes_leave_no_file()
    {
        Assert.Equal(0, (await CadreProcess.RunAsync(null, "db", "migrate", "--with-demo", "--data", Data)).ExitCode);
        var md = Path.Combine(_folder, "survey.md");
        var run = await CadreProcess.RunAsync(null, "survey", "report", "--survey", "Higher specialist training survey 2026", "--data", Data, "--org", "ZZ1", "--out", md);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Wrote the results of 'Higher specialist training survey 2026'", run.Stdout);
        var text = File.ReadAllText(md);
        Assert.Contains("INTEL-SUR-01", text);
        Assert.False(File.Exists(md + ".partial"));

        var missing = Path.Combine(_folder, "no-such-folder", "survey.csv");
        var refused = await CadreProcess.RunAsync(null, "survey", "report", "--survey", "Higher specialist training survey 2026", "--data", Data, "--org", "ZZ1", "--out", missing);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("the folder does not exist", refused.Stderr);

        var unknown = await CadreProcess.RunAsync(null, "survey", "report", "--survey", "No such survey", "--data", Data, "--org", "ZZ1", "--out", Path.Combine(_folder, "x.csv"));
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.False(File.Exists(Path.Combine(_folder, "x.csv")));
    }
}
