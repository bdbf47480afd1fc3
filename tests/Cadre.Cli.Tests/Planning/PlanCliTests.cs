using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Cadre.Cli.Tests.Planning;

/// <summary>Scenario files for the planning CLI tests.</summary>
internal static class Scenarios
{
    /// <summary>The example scenario shipped in the repository.</summary>
    public static string Example([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "reference", "planning", "examples", "medical-physics.json"));

    public static string Temp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cadre-plan-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }
}

public class PlanCliTests
{
    [Fact]
    public void Example_prints_the_yearly_table_commissions_and_cited_assumptions()
    {
        var r = CadreProcess.Run("plan", Scenarios.Example(), "--runs", "200", "--seed", "3");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("year    demand   supply      p10      p50      p90      gap", r.Stdout);
        Assert.Contains("Commissions needed:", r.Stdout);
        Assert.Contains("extra STP trainees a year", r.Stdout);
        Assert.Contains("PLAN-WDR-HSST", r.Stdout);
        Assert.Contains("IPEM Workforce Intelligence Unit report", r.Stdout);
        Assert.DoesNotContain("seed 0", r.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("anchors", r.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("LOCAL INPUT NEEDED", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Json_output_is_reproducible_with_a_seed_and_percentiles_are_ordered()
    {
        var a = CadreProcess.Run("plan", Scenarios.Example(), "--json", "--runs", "200", "--seed", "9");
        var b = CadreProcess.Run("plan", Scenarios.Example(), "--json", "--runs", "200", "--seed", "9");
        Assert.True(a.ExitCode == 0, a.Stderr);
        Assert.Equal(a.Stdout, b.Stdout);
        using var doc = JsonDocument.Parse(a.Stdout);
        var seg = doc.RootElement.GetProperty("segments")[0];
        Assert.Equal(11, seg.GetProperty("years").GetArrayLength());
        foreach (var y in seg.GetProperty("years").EnumerateArray())
        {
            var p10 = y.GetProperty("supplySpread").GetProperty("p10").GetDouble();
            var p50 = y.GetProperty("supplySpread").GetProperty("p50").GetDouble();
            var p90 = y.GetProperty("supplySpread").GetProperty("p90").GetDouble();
            Assert.True(p10 <= p50 && p50 <= p90);
        }
        Assert.Equal("STP", seg.GetProperty("commissions").GetProperty("programme").GetString());
        Assert.Contains(seg.GetProperty("assumptions").EnumerateArray(), x => x.GetProperty("id").GetString() == "PLAN-LEAVERS-01" && x.GetProperty("overridden").GetBoolean());
    }

    [Fact]
    public void Sensitivity_prints_a_ranked_tornado_and_the_same_rows_in_json()
    {
        var text = CadreProcess.Run("plan", Scenarios.Example(), "--runs", "0", "--sensitivity");
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("Sensitivity: each uncertain assumption at its low and its high", text.Stdout);
        Assert.Contains("  PLAN-LEAVERS-01    scenario", text.Stdout);
        var json = CadreProcess.Run("plan", Scenarios.Example(), "--runs", "0", "--sensitivity", "--json");
        using var doc = JsonDocument.Parse(json.Stdout);
        var swings = doc.RootElement.GetProperty("sensitivity").EnumerateArray().Select(r => r.GetProperty("swing").GetDouble()).ToArray();
        Assert.True(swings.Length >= 5, $"{swings.Length} rows");
        Assert.Equal(swings.OrderDescending(), swings);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(CadreProcess.Run("plan", Scenarios.Example(), "--runs", "0", "--json").Stdout).RootElement.GetProperty("sensitivity").ValueKind);
    }

    [Fact]
    public void Hand_computable_scenario_prints_90_81_72_9()
    {
        var path = Scenarios.Temp("""
        { "name": "hand", "startYear": 2025, "years": 4, "targetYear": 2029,
          "assumptions": { "PLAN-LEAVERS-01": 0.1, "PLAN-DEMAND-01": 0, "PLAN-WDR-STP": 0, "PLAN-EMPLOY-01": 1 },
          "segments": [ { "name": "CS", "establishmentWte": 100, "staffInPost": [ { "headcount": 100, "wte": 100 } ] } ] }
        """);
        var r = CadreProcess.Run("plan", path, "--runs", "0", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var supply = doc.RootElement.GetProperty("segments")[0].GetProperty("years").EnumerateArray().Select(y => Math.Round(y.GetProperty("supply").GetDouble(), 9)).ToArray();
        Assert.Equal([100, 90, 81, 72.9, 65.61], supply);
        // The STP takes 3 years, so only a 2026 intake can join by 2029: 34.39 trainees close the 34.39 WTE gap exactly.
        var c = doc.RootElement.GetProperty("segments")[0].GetProperty("commissions");
        Assert.Equal(2026, c.GetProperty("firstIntakeYear").GetInt32());
        Assert.Equal(2026, c.GetProperty("lastIntakeYear").GetInt32());
        Assert.Equal(34.39, c.GetProperty("perYear").GetDouble(), 9);
        Assert.Equal(35, c.GetProperty("wholePerYear").GetInt32());
    }

    [Fact]
    public void The_commissions_that_keep_the_gap_closed_are_printed_whole_with_the_exact_figure()
    {
        // 100 WTE funded and in post, 10% leavers, 20% STP withdrawal: once closed, 10 WTE leave a year and 10 ÷ 0.8 = 12.5 trainees replace them.
        var path = Scenarios.Temp("""
        { "name": "steady", "startYear": 2025, "years": 10, "targetYear": 2031, "commissioning": { "toleranceWte": 1, "shareOfRuns": 0.9 },
          "assumptions": { "PLAN-LEAVERS-01": 0.1, "PLAN-DEMAND-01": 0, "PLAN-WDR-STP": 0.2, "PLAN-EMPLOY-01": 1 },
          "segments": [ { "name": "CS", "establishmentWte": 100, "staffInPost": [ { "headcount": 100, "wte": 100 } ] } ] }
        """);
        var r = CadreProcess.Run("plan", path, "--runs", "0");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("To keep supply at demand after 2031: 13 STP trainees a year (12.5 exact), intakes 2029-2032.", r.Stdout);
        Assert.Contains("each year 2026-2032 keeps the gap at or below 1 WTE in every year 2031-2035 (central projection).", r.Stdout);
        Assert.Contains("2026 43 (43.0), 2027 13 (12.5)", r.Stdout);
    }

    [Fact]
    public void Exits_by_age_are_listed_with_their_source_and_carried_in_the_json()
    {
        // 100 born 1965, no leavers: half retire at 61 (2026), the rest at 62 (2027).
        var path = Scenarios.Temp("""
        { "name": "ages", "startYear": 2025, "years": 4, "targetYear": 2029,
          "exitsByAge": { "retirement": [ { "age": 61, "share": 0.5 }, { "age": 62, "share": 1 } ], "leavers": [ { "fromAge": 16, "toAge": 34, "rate": 0.2 } ], "source": "Trust ESR 2022-25" },
          "assumptions": { "PLAN-LEAVERS-01": 0, "PLAN-DEMAND-01": 0, "PLAN-WDR-STP": 0, "PLAN-EMPLOY-01": 1 },
          "segments": [ { "name": "CS", "establishmentWte": 100, "staffInPost": [ { "yearOfBirth": 1965, "headcount": 100, "wte": 100 } ] } ] }
        """);
        var text = CadreProcess.Run("plan", path, "--runs", "0");
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("PLAN-RETIRE-AGE-01 Retirement by age, the share of staff still in post retiring at each age: 61 50%, 62 100%. Replaces PLAN-RETIRE-01.", text.Stdout);
        Assert.Contains("PLAN-LEAVERS-AGE-01 Leaver rate by age band, scaled with PLAN-LEAVERS-01: 16-34 20%.", text.Stdout);
        Assert.Contains("Source: Trust ESR 2022-25", text.Stdout);
        var json = CadreProcess.Run("plan", path, "--runs", "0", "--json");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(0.5, doc.RootElement.GetProperty("exitsByAge").GetProperty("retirement")[0].GetProperty("share").GetDouble());
        var supply = doc.RootElement.GetProperty("segments")[0].GetProperty("years").EnumerateArray().Select(y => y.GetProperty("supply").GetDouble()).ToArray();
        Assert.Equal([100, 50, 0, 0, 0], supply);
    }

    [Theory]
    [InlineData("""{ "name": "x", "startYear": 2025, "years": 5, "targetYear": 2030, "segments": [ { "name": "a", "establishmentWte": 3, "staffInPost": [ { "headcount": 2, "wte": "x" } ] } ] }""", "segments[0].staffInPost[0].wte")]
    [InlineData("""{ "name": "x", "startYear": 2025, "years": 5, "targetYear": 2030, "assumptions": { "PLAN-LEAVERS-01": 1.5 }, "segments": [ { "name": "a", "establishmentWte": 3, "staffInPost": [] } ] }""", "assumptions.PLAN-LEAVERS-01")]
    [InlineData("""{ "name": "x", "startYear": 2025, "years": 5, "targetYear": 2030 }""", "segments")]
    [InlineData("""{ "name": "x", """, "scenario")]
    public void Bad_scenario_is_one_line_naming_the_field_and_a_non_zero_exit(string json, string field)
    {
        var r = CadreProcess.Run("plan", Scenarios.Temp(json));
        Assert.NotEqual(0, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains($": {field}: ", lines[0]);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Missing_file_and_bad_runs_are_one_line_each()
    {
        var missing = CadreProcess.Run("plan", "/nonexistent/scenario.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("cadre plan: cannot read", missing.Stderr);
        var runs = CadreProcess.Run("plan", Scenarios.Example(), "--runs", "-5");
        Assert.Equal(2, runs.ExitCode);
        Assert.Contains("--runs", runs.Stderr);
    }
}

public class CareersCliTests
{
    [Fact]
    public void Routes_from_graduate_to_clinical_scientist_lead_with_the_STP()
    {
        var r = CadreProcess.Run("careers", "routes", "--from", "degree", "--to", "clinical-scientist");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Route 1: 3 years", r.Stdout);
        Assert.Contains("CAREER-ROUTE-STP:", r.Stdout);
        Assert.Contains("CAREER-EQUIV-STP-GRADUATE", r.Stdout);
    }

    [Fact]
    public void Routes_to_consultant_give_HSST_and_HSSE_with_the_seed_004_caveat()
    {
        var r = CadreProcess.Run("careers", "routes", "--from", "HCPC Clinical Scientist", "--to", "consultant", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var rules = doc.RootElement.GetProperty("routes").EnumerateArray().Select(x => x.GetProperty("rules")[0].GetString()!).ToArray();
        Assert.Equal(["CAREER-ROUTE-HSST", "CAREER-EQUIV-HSSE"], rules);
        Assert.Equal("CAREER-CONS-01", doc.RootElement.GetProperty("notes")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public void Check_reports_each_rule_and_exits_1_when_inconsistent()
    {
        var bad = CadreProcess.Run("careers", "check", "--programme", "HSST", "--post", "clinical scientist", "--band", "6", "--has", "hcpc");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("FAIL CAREER-TRAIN-HSST-BAND", bad.Stdout);
        var good = CadreProcess.Run("careers", "check", "--programme", "STP", "--post", "clinical-scientist", "--band", "6");
        Assert.Equal(0, good.ExitCode);
    }

    [Fact]
    public void A_trainee_on_the_STP_sees_that_route_in_progress()
    {
        var r = CadreProcess.Run("careers", "routes", "--from", "bms", "--training", "STP", "--to", "clinical-scientist");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("On route already (CAREER-PROG-01)", r.Stdout);
        Assert.Contains("Route 1: 3 years, in progress", r.Stdout);
        var bad = CadreProcess.Run("careers", "routes", "--training", "MSc", "--to", "clinical-scientist");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--training 'MSc'", bad.Stderr);
    }

    [Fact]
    public void Unknown_words_are_one_line_errors()
    {
        var r = CadreProcess.Run("careers", "routes", "--from", "phd", "--to", "consultant");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'phd'", r.Stderr);
        var to = CadreProcess.Run("careers", "routes", "--to", "surgeon");
        Assert.Equal(2, to.ExitCode);
        Assert.Contains("--to 'surgeon'", to.Stderr);
    }

    [Fact]
    public void Framework_lists_roles_and_programmes_with_sources()
    {
        var r = CadreProcess.Run("careers", "framework");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Consultant Clinical Scientist: level 8-9; bands 8c-9", r.Stdout);
        Assert.Contains("HSST, Higher Specialist Scientist Training (doctoral): 5 years", r.Stdout);
    }
}
