using System.Text.Json;
using Cadre.Core;
using Cadre.Core.JobEvaluation;

namespace Cadre.Cli.Tests.JobEvaluation;

public class JeMatchCliTests
{
    private static readonly JeReference Ref = JeReference.Default;

    private static int[] MinLevelsOf(string title) =>
        Ref.LoadLibrary().OfferedForMatching.Single(p => p.Title == title).Factors.Select(f => f.Levels.Min).ToArray();

    private static List<JsonElement> MatchJson(string jobJson, params string[] extra)
    {
        using var file = new CadreProcess.TempFile(jobJson, ".json");
        var r = CadreProcess.Run(["je", "match", file.Path, "--json", .. extra]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement.EnumerateArray().ToList();
    }

    [Fact]
    public void AJobAtAProfilesLevelsRanksThatProfileFirstAsAMatch()
    {
        var levels = MinLevelsOf("Clinical Coding Officer");
        var candidates = MatchJson(JsonSerializer.Serialize(new { title = "Coder, Trust X", levels }));
        Assert.Equal(17, candidates.Count);
        var first = candidates[0];
        Assert.Equal("Clinical Coding Officer", first.GetProperty("title").GetString());
        Assert.Equal("match", first.GetProperty("outcome").GetString());
        Assert.Equal("3", first.GetProperty("band").GetString());
        Assert.Equal(217, first.GetProperty("recalculatedTotal").GetInt32());
        Assert.Equal(0, first.GetProperty("variations").GetArrayLength());
        Assert.Equal("afc-common-5", first.GetProperty("policy").GetString());
        var rules = first.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("citation").GetString()!);
        Assert.Contains("chapter 11", rules["JE-MATCH-01"]);
        Assert.Contains("table 1", rules["JE-BAND-01"]);
        Assert.Equal(Enumerable.Range(1, 17), candidates.Select(c => c.GetProperty("rank").GetInt32()));
        string[] order = ["match", "match with variations", "no match"];
        var ranks = candidates.Select(c => Array.IndexOf(order, c.GetProperty("outcome").GetString())).ToList();
        Assert.DoesNotContain(-1, ranks);
        Assert.Equal(ranks.Order(), ranks);
    }

    [Fact]
    public void BareArrayAndObjectFormsGiveTheSameRanking()
    {
        var levels = MinLevelsOf("Clinical Coding Team Manager");
        levels[8] = 5;
        var fromObject = MatchJson(JsonSerializer.Serialize(new { title = "x", levels }), "--top", "4");
        var fromArray = MatchJson(JsonSerializer.Serialize(levels), "--top", "4");
        Assert.Equal(4, fromObject.Count);
        Assert.Equal(fromObject.Select(c => c.GetProperty("title").GetString()), fromArray.Select(c => c.GetProperty("title").GetString()));
        var first = fromObject[0];
        Assert.Equal("Clinical Coding Team Manager", first.GetProperty("title").GetString());
        Assert.Equal("match with variations", first.GetProperty("outcome").GetString());
        var variation = Assert.Single(first.GetProperty("variations").EnumerateArray());
        Assert.Equal(9, variation.GetProperty("factor").GetInt32());
        Assert.Equal("above", variation.GetProperty("direction").GetString());
        Assert.Equal(1, variation.GetProperty("levels").GetInt32());
        Assert.Equal(45, variation.GetProperty("jobPoints").GetInt32());
    }

    [Fact]
    public void NoMatchCandidatesGiveTheirReasons()
    {
        var levels = MinLevelsOf("Clerical Officer (Data Entry)");
        var candidates = MatchJson(JsonSerializer.Serialize(levels));
        var senior = candidates.Single(c => c.GetProperty("title").GetString() == "Health Records Services Manager");
        Assert.Equal("no match", senior.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, senior.GetProperty("band").ValueKind);
        var reasons = senior.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("JE-MATCH-03:"));
        Assert.StartsWith("JE-MATCH-07:", reasons[^1]);
    }

    [Fact]
    public void PolicyOptionChangesTheOutcomeAndIsNamed()
    {
        var levels = MinLevelsOf("Clinical Coding Team Manager");
        levels[1] = 6;
        var job = JsonSerializer.Serialize(levels);
        var lenient = MatchJson(job, "--top", "1");
        Assert.Equal("match with variations", lenient[0].GetProperty("outcome").GetString());
        var strict = MatchJson(job, "--policy", "afc-protect-kte");
        var same = strict.Single(c => c.GetProperty("title").GetString() == "Clinical Coding Team Manager");
        Assert.Equal("no match", same.GetProperty("outcome").GetString());
        Assert.Equal("afc-protect-kte", same.GetProperty("policy").GetString());
    }

    [Fact]
    public void ReadableTableWithoutJson()
    {
        using var file = new CadreProcess.TempFile(JsonSerializer.Serialize(new { title = "Coder", levels = MinLevelsOf("Clinical Coding Officer") }), ".json");
        var r = CadreProcess.Run("je", "match", file.Path, "--top", "3");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Job: Coder", r.Stdout);
        Assert.Contains("total 217, band 3", r.Stdout);
        Assert.Contains("Policy: afc-common-5", r.Stdout);
        Assert.Contains("1. Clinical Coding Officer (Patient Services, band 3): match", r.Stdout);
        Assert.Contains("JE-MATCH-01: NHS JE Handbook 2nd ed., section 9", r.Stdout);
    }

    [Fact]
    public void ExtraSuiteProfilesAreMatchedToo()
    {
        var generated = new SyntheticProfiles(Ref.Scorer, 99).Profiles(3, "Local Test");
        var writer = new StringWriter();
        new ProfileSuiteWriter(Ref.Scorer).Write(generated, writer);
        using var suite = new CadreProcess.TempFile(writer.ToString());
        var levels = generated[1].Factors.Select(f => f.Levels.Max).ToArray();
        var candidates = MatchJson(JsonSerializer.Serialize(levels), "--suite", suite.Path);
        Assert.Equal(20, candidates.Count);
        Assert.Equal(generated[1].Title, candidates[0].GetProperty("title").GetString());
        Assert.Equal("match", candidates[0].GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("{\"levels\": [1,2", "is not valid JSON")]
    [InlineData("[1,2,3]", "a job needs one level for each of the 16 factors; 3 given.")]
    [InlineData("{\"title\": \"x\"}", "must be an array of 16 levels or an object")]
    [InlineData("[4,5,3,2,3,5,1,2,7,1,2,3,4,3,4,4]", "Factor 9 (Responsibilities for human resources) has levels 1 to 6; level 7 is above its maximum.")]
    [InlineData("[4,5,3,2,3,5,1,2,2,1,2,3,4,3,4,2.5]", "level 16 is 2.5")]
    public void BadJobFilesAreOnePlainError(string content, string message)
    {
        using var file = new CadreProcess.TempFile(content, ".json");
        CadreProcess.AssertPlainError(CadreProcess.Run("je", "match", file.Path, "--json"), message);
    }

    [Fact]
    public void MissingJobFileAndUnknownPolicyAreErrors()
    {
        CadreProcess.AssertPlainError(CadreProcess.Run("je", "match", "/nonexistent/job.json", "--json"), "not found");
        using var file = new CadreProcess.TempFile(JsonSerializer.Serialize(MinLevelsOf("Clinical Coding Officer")), ".json");
        CadreProcess.AssertPlainError(CadreProcess.Run("je", "match", file.Path, "--policy", "nope"), "No matching policy 'nope'");
    }
}
