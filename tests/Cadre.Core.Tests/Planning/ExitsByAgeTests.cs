using Cadre.Core.Planning;

namespace Cadre.Core.Tests.Planning;

/// <summary>Retirement by age and leaver rates by age band (issue 8, "exits by age"; docs/decisions/planning-model.md point 1a).</summary>
public class ExitsByAgeTests
{
    // Two cohorts of 50: born 1995 (31 in 2026) and 1975 (51 in 2026); no intake, steady demand; 2025-2031.
    private const string TwoAges = """{ "name": "CS", "establishmentWte": 100, "staffInPost": [ { "yearOfBirth": 1995, "headcount": 50, "wte": 50 }, { "yearOfBirth": 1975, "headcount": 50, "wte": 50 } ] }""";

    private static Scenario Parse(string segment, string exits, string assumptions = "", double leavers = 0.1) =>
        ScenarioJson.Parse(ProjectionTests.Json(segment, assumptions).Replace("\"name\": \"hand\",", "\"name\": \"hand\", " + exits)
            .Replace("\"PLAN-LEAVERS-01\": 0.1", $"\"PLAN-LEAVERS-01\": {leavers}"));

    private static IReadOnlyList<PlanYear> Years(Scenario s) => PlanningEngine.Project(s, runs: 0).Segments[0].Years;

    [Fact]
    public void A_single_age_at_share_one_is_the_retirement_cliff_exactly()
    {
        var seg = """{ "name": "CS", "establishmentWte": 100, "staffInPost": [ { "yearOfBirth": 1961, "headcount": 10, "wte": 10 }, { "yearOfBirth": 1963, "headcount": 20, "wte": 18 }, { "yearOfBirth": 1980, "headcount": 70, "wte": 70 } ] }""";
        var cliff = Years(Parse(seg, "", ", \"PLAN-RETIRE-01\": 65"));
        var byAge = Years(Parse(seg, "\"exitsByAge\": { \"retirement\": [ { \"age\": 65, \"share\": 1 } ] },", ", \"PLAN-RETIRE-01\": 60"));
        Assert.Equal(cliff.Select(y => y.Supply), byAge.Select(y => y.Supply));
        Assert.Equal(cliff.Select(y => y.Retirements), byAge.Select(y => y.Retirements));
        Assert.Equal(10, byAge[1].Retirements, 12); // born 1961: 65 in 2026
    }

    [Fact]
    public void Retirement_spread_over_ages_takes_each_ages_share_of_those_still_in_post()
    {
        // 100 born 1965, no leavers: at 61 (2026) half retire, at 62 (2027) the rest.
        var seg = """{ "name": "CS", "establishmentWte": 100, "staffInPost": [ { "yearOfBirth": 1965, "headcount": 100, "wte": 100 } ] }""";
        var y = Years(Parse(seg, "\"exitsByAge\": { \"retirement\": [ { \"age\": 61, \"share\": 0.5 }, { \"age\": 62, \"share\": 1 } ] },", leavers: 0));
        Assert.Equal([100, 50, 0], y.Take(3).Select(r => r.Supply));
        Assert.Equal([0, 50, 50], y.Take(3).Select(r => r.Retirements));
    }

    [Fact]
    public void Leaver_rates_by_age_band_apply_to_staff_of_known_age()
    {
        // 31-year-olds leave at 20%, 51-year-olds at 5%: 50 × 0.8 + 50 × 0.95 = 87.5, then 40 × 0.8 + 47.5 × 0.95 = 77.125.
        var exits = "\"exitsByAge\": { \"leavers\": [ { \"fromAge\": 16, \"toAge\": 34, \"rate\": 0.2 }, { \"fromAge\": 35, \"toAge\": 64, \"rate\": 0.05 } ], \"source\": \"ESR leavers 2022-25\" },";
        var y = Years(Parse(TwoAges, exits));
        Assert.Equal(87.5, y[1].Supply, 12);
        Assert.Equal(12.5, y[1].Leavers, 12);
        Assert.Equal(77.125, y[2].Supply, 12);
        Assert.Equal("ESR leavers 2022-25", Parse(TwoAges, exits).ExitsByAge!.Source);
    }

    [Fact]
    public void A_segments_own_leaver_rate_scales_every_band_in_proportion()
    {
        // The scenario's rate is 10%; the segment's own 5% halves the bands: 50 × 0.9 + 50 × 0.975 = 93.75.
        var exits = "\"exitsByAge\": { \"leavers\": [ { \"fromAge\": 16, \"toAge\": 34, \"rate\": 0.2 }, { \"fromAge\": 35, \"toAge\": 64, \"rate\": 0.05 } ] },";
        var own = TwoAges.Replace("\"staffInPost\"", "\"assumptions\": { \"PLAN-LEAVERS-01\": 0.05 }, \"staffInPost\"");
        Assert.Equal(93.75, Years(Parse(own, exits))[1].Supply, 12);
    }

    [Fact]
    public void Staff_of_unknown_age_leave_at_the_one_leaver_rate()
    {
        var exits = "\"exitsByAge\": { \"leavers\": [ { \"fromAge\": 16, \"toAge\": 64, \"rate\": 0.5 } ] },";
        Assert.Equal(90, Years(Parse(ProjectionTests.Hundred, exits))[1].Supply, 12);
    }

    [Theory]
    [InlineData("\"exitsByAge\": { \"retirement\": [ { \"age\": 60, \"share\": 0.4 }, { \"age\": 66, \"share\": 0.9 } ] },", "exitsByAge.retirement[1].share")]
    [InlineData("\"exitsByAge\": { \"retirement\": [ { \"age\": 66, \"share\": 0.4 }, { \"age\": 60, \"share\": 1 } ] },", "exitsByAge.retirement[1].age")]
    [InlineData("\"exitsByAge\": { \"leavers\": [ { \"fromAge\": 16, \"toAge\": 40, \"rate\": 0.1 }, { \"fromAge\": 35, \"toAge\": 64, \"rate\": 0.05 } ] },", "exitsByAge.leavers[1]")]
    [InlineData("\"exitsByAge\": { \"leavers\": [ { \"fromAge\": 16, \"toAge\": 40, \"rate\": 1.5 } ] },", "exitsByAge.leavers[0].rate")]
    public void Bad_exits_by_age_are_refused_naming_the_field(string exits, string field) =>
        Assert.Equal(field, Assert.Throws<ScenarioException>(() => Parse(TwoAges, exits)).Field);

    [Fact]
    public void Exits_by_age_survive_a_save_on_the_page()
    {
        // The page edits through ScenarioDocument: what it reads it writes back.
        var json = $$"""{ "name": "x", "startYear": 2025, "years": 6, "targetYear": 2031, "exitsByAge": { "retirement": [ { "age": 62, "share": 0.25 }, { "age": 66, "share": 1 } ], "leavers": [ { "fromAge": 16, "toAge": 34, "rate": 0.2 } ], "source": "ESR" }, "segments": [ {{TwoAges}} ] }""";
        var exits = ScenarioDocument.FromJson(ScenarioDocument.FromJson(json).ToJson()).Parse().ExitsByAge!;
        Assert.Equal([new RetirementAtAge(62, 0.25), new RetirementAtAge(66, 1)], exits.Retirement);
        Assert.Equal([new LeaverBand(16, 34, 0.2)], exits.Leavers);
        Assert.Equal("ESR", exits.Source);
    }
}
