using System.Text.Json;
using Cadre.Core;
using Cadre.Core.JobEvaluation;

namespace Cadre.Cli.Tests.JobEvaluation;

public class JeScoreCliTests
{
    private static string SeedText() => ReferenceFiles.ReadAllText("job-evaluation/profiles/patient-services.txt");

    [Fact]
    public void ScoreSuiteJsonGivesOneObjectPerProfileWithTheContractKeys()
    {
        using var file = new CadreProcess.TempFile(SeedText());
        var r = CadreProcess.Run("je", "score", file.Path, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var profiles = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(17, profiles.Count);
        string[] keys = ["title", "computedMin", "computedMax", "bands", "printedMin", "printedMax", "printedBand", "warnings"];
        foreach (var p in profiles)
        {
            Assert.Equal(keys, p.EnumerateObject().Select(o => o.Name).ToArray());
            var title = p.GetProperty("title").GetString()!;
            var warnings = p.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
            var bands = p.GetProperty("bands").EnumerateArray().Select(b => b.GetString()!).ToArray();
            Assert.Equal(2, bands.Length);
            if (title == "Clinical Coding Service Manager")
            {
                Assert.Equal((482, 489), (p.GetProperty("computedMin").GetInt32(), p.GetProperty("computedMax").GetInt32()));
                Assert.Equal((481, 489), (p.GetProperty("printedMin").GetInt32(), p.GetProperty("printedMax").GetInt32()));
                Assert.Contains("482", Assert.Single(warnings));
            }
            else if (title == "Practice Manager (Group Practice)")
            {
                Assert.Equal(p.GetProperty("printedMin").GetInt32(), p.GetProperty("computedMin").GetInt32());
                Assert.Contains("Factor 9", Assert.Single(warnings));
            }
            else
            {
                Assert.Empty(warnings);
                Assert.Equal(p.GetProperty("printedMin").GetInt32(), p.GetProperty("computedMin").GetInt32());
                Assert.Equal(p.GetProperty("printedMax").GetInt32(), p.GetProperty("computedMax").GetInt32());
                var printed = p.GetProperty("printedBand").GetString()!;
                Assert.Equal(printed, bands[0] == bands[1] ? bands[0] : $"{bands[0]}-{bands[1][^1]}");
            }
        }
        var top = profiles.Single(p => p.GetProperty("title").GetString() == "Health Records Services Manager");
        Assert.Equal("8a-c", top.GetProperty("printedBand").GetString());
        Assert.Equal(["8a", "8c"], top.GetProperty("bands").EnumerateArray().Select(b => b.GetString()!).ToArray());
    }

    [Fact]
    public void ScoreSuiteTableShowsEachDisagreement()
    {
        using var file = new CadreProcess.TempFile(SeedText());
        var r = CadreProcess.Run("je", "score", file.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Clinical Coding Service Manager: JE score: the levels give 482-489; the profile prints 481-489.", r.Stdout);
        Assert.Contains("Practice Manager (Group Practice): Factor 9 (Responsibilities for human resources): level 3(a) / 4(a) gives 21-32 points; the profile prints 21.", r.Stdout);
        Assert.Contains("17 profiles, 7 archived", r.Stdout);
    }

    [Theory]
    [InlineData("4,5,3,2,3,5,1,2,2,1,2,3,4,3,4,4", 390, "5")]
    [InlineData("4a,5,3,2,3,5ac,1,2,2,1,2,3,4,3,4,4", 390, "5")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1", 86, "1")]
    [InlineData("6,8,5,5,5,8,6,6,6,7,6,6,5,5,4,5", 1000, "none")]
    [InlineData("4,7,5,4,2,1,4,4,4,4,1,4,1,3,2,1", 535, "7")]   // Health Records Department Manager at the top of its ranges
    [InlineData("5,7,5,5,2,1,5,4,5,3,2,5,1,3,2,1", 604, "8b")]
    public void ScoreLevelsJsonGivesTotalAndBand(string levels, int total, string band)
    {
        var r = CadreProcess.Run("je", "score", "--levels", levels, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["total", "band"], doc.RootElement.EnumerateObject().Select(o => o.Name).ToArray());
        Assert.Equal(total, doc.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(band, doc.RootElement.GetProperty("band").GetString());
        // The CLI must agree with the engine.
        var reference = JeReference.Default;
        Assert.Equal(total, reference.Scorer.Score(Job.Parse("", levels.Split(','), reference.Plan)).Total);
    }

    [Fact]
    public void ScoreLevelsTableExplainsItself()
    {
        var r = CadreProcess.Run("je", "score", "--levels", "4,5,3,2,3,5,1,2,2,1,2,3,4,3,4,4");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Total 390, band 5", r.Stdout);
        Assert.Contains("JE-SCORE-01: NHS JE Handbook", r.Stdout);
        Assert.Contains("JE-BAND-01: NHS Terms and Conditions", r.Stdout);
    }

    [Theory]
    [InlineData("4,5,3,2,3,5,1,2,7,1,2,3,4,3,4,4", "Factor 9 (Responsibilities for human resources) has levels 1 to 6; level 7 is above its maximum.")]
    [InlineData("4,5,3,2,3,5,1,2,2,1,2,3,4,3,5,4", "Factor 15 (Emotional effort) has levels 1 to 4; level 5 is above its maximum.")]
    [InlineData("4,5,3,2,3,5,1,2,2,1,2,3,4,3,4", "--levels needs 16 levels separated by commas, factor 1 first; 15 given.")]
    [InlineData("4,5,3,2,3,5,1,2,2,1,2,3,4,3,4,4,1", "17 given")]
    [InlineData("4,five,3,2,3,5,1,2,2,1,2,3,4,3,4,4", "Factor 2 (Knowledge, training and experience): Cannot read level notation 'five'")]
    [InlineData("4,5,3,2-3,3,5,1,2,2,1,2,3,4,3,4,4", "Factor 4 (Planning and organisational skills): a job holds one level, not the range '2-3'.")]
    public void BadLevelsAreOnePlainErrorWithNonZeroExit(string levels, string message)
    {
        CadreProcess.AssertPlainError(CadreProcess.Run("je", "score", "--levels", levels, "--json"), message);
    }

    [Fact]
    public void MissingFileIsOnePlainError() =>
        CadreProcess.AssertPlainError(CadreProcess.Run("je", "score", "/nonexistent/suite.txt", "--json"), "file '/nonexistent/suite.txt' not found.");

    [Fact]
    public void AFileWithNoProfilesIsOnePlainError()
    {
        using var file = new CadreProcess.TempFile("nothing to see\n");
        CadreProcess.AssertPlainError(CadreProcess.Run("je", "score", file.Path, "--json"), "no profiles found");
    }

    [Fact]
    public void NeitherFileNorLevelsIsAnError() =>
        CadreProcess.AssertPlainError(CadreProcess.Run("je", "score"), "give a suite FILE or --levels");
}
