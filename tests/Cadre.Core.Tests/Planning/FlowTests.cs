using Cadre.Core.Planning;

namespace Cadre.Core.Tests.Planning;

/// <summary>Flows between segments (issue 8): closed forms worked by hand, with no demand growth, withdrawal or joiners.</summary>
public class FlowTests
{
    private static string Scenario(string segments, string assumptions = "", int years = 6) => $$"""
    {
      "name": "flows", "startYear": 2025, "years": {{years}}, "targetYear": 2031,
      "assumptions": { "PLAN-DEMAND-01": 0, "PLAN-LEAVERS-01": 0.1, "PLAN-WDR-STP": 0, "PLAN-WDR-HSST": 0, "PLAN-EMPLOY-01": 1 {{assumptions}} },
      "segments": [ {{segments}} ]
    }
    """;

    private static IReadOnlyList<PlanYear> Years(PlanResult r, int segment) => r.Segments[segment].Years;

    [Fact]
    public void A_promotion_chain_gives_A_times_one_less_p_less_q_and_B_receives_q_times_A()
    {
        // A: 100 WTE, leavers p = 0.1, promotion q = 0.05 to B. B starts empty with the same leaver rate.
        // A_t = 100 × 0.85^t; B_1 = 0.05 × 100 = 5; B_2 = 0.9 × 5 + 0.05 × 85 = 8.75; B_3 = 0.9 × 8.75 + 0.05 × 72.25 = 11.4875.
        var s = ScenarioJson.Parse(Scenario("""
            { "id": "a", "name": "Band 7", "establishmentWte": 100, "staffInPost": [ { "headcount": 100, "wte": 100 } ], "transitions": [ { "to": "b", "share": 0.05 } ] },
            { "id": "b", "name": "Band 8a", "establishmentWte": 20, "staffInPost": [] }
            """));
        var r = PlanningEngine.Project(s, runs: 0);
        for (var t = 0; t <= 6; t++) Assert.Equal(100 * Math.Pow(0.85, t), Years(r, 0)[t].Supply, 12);
        Assert.Equal([0, 5, 8.75, 11.4875], Years(r, 1).Take(4).Select(y => Math.Round(y.Supply, 12)));
        Assert.Equal(5, Years(r, 0)[1].MovedOut, 12);
        Assert.Equal(5, Years(r, 1)[1].MovedIn, 12);
        // Moves are inside the staff group: the total loses only the leavers, 10% a year.
        Assert.Equal(100 * 0.9 * 0.9 * 0.9, r.Total[3].Supply, 12);
    }

    [Fact]
    public void Promoted_staff_keep_their_year_of_birth_and_retire_from_their_new_segment()
    {
        // 10 staff born 1961 in A, all promoted in 2026 (share 1, no leavers); they reach 65 in 2026... so born 1962: 65 in 2027.
        var s = ScenarioJson.Parse(Scenario("""
            { "id": "a", "name": "A", "establishmentWte": 10, "staffInPost": [ { "yearOfBirth": 1962, "headcount": 10, "wte": 10 } ], "transitions": [ { "to": "b", "share": 1 } ] },
            { "id": "b", "name": "B", "establishmentWte": 10, "staffInPost": [] }
            """).Replace("\"PLAN-LEAVERS-01\": 0.1", "\"PLAN-LEAVERS-01\": 0"));
        var r = PlanningEngine.Project(s, runs: 0);
        Assert.Equal(10, Years(r, 1)[1].Supply, 12);
        Assert.Equal(10, Years(r, 1)[2].Retirements, 12);
        Assert.Equal(0, Years(r, 1)[2].Supply, 12);
    }

    [Fact]
    public void HSST_completers_move_from_the_scientists_to_the_consultants_and_the_total_is_unchanged()
    {
        // 20 scientists, no leavers; 2 of them start HSST in 2025 (in-service, from the scientists) and finish in 2030.
        var s = ScenarioJson.Parse(Scenario("""
            { "id": "cs", "name": "Clinical scientists", "establishmentWte": 20, "staffInPost": [ { "headcount": 20, "wte": 20 } ] },
            { "id": "ccs", "name": "Consultants", "establishmentWte": 2, "staffInPost": [], "commissionProgramme": "HSST",
              "intake": [ { "programme": "HSST", "year": 2025, "trainees": 2, "from": "cs" } ] }
            """).Replace("\"PLAN-LEAVERS-01\": 0.1", "\"PLAN-LEAVERS-01\": 0"));
        var r = PlanningEngine.Project(s, runs: 0);
        Assert.All(r.Total, y => Assert.Equal(20, y.Supply, 12));
        Assert.Equal(2, Years(r, 1)[5].Supply, 12);   // 2030
        Assert.Equal(18, Years(r, 0)[5].Supply, 12);
        Assert.Equal(0, Years(r, 1)[4].Supply, 12);   // not before
        Assert.Equal(2, Years(r, 0)[5].MovedOut, 12);
    }

    [Fact]
    public void Moving_out_lowers_what_one_commissioned_trainee_adds_by_the_target_year()
    {
        // 100 WTE, p = 0.1, q = 0.05: a trainee who joins stays with 0.85 a year. STP commissions 2026-2028 join 2029-2031.
        var s = ScenarioJson.Parse(Scenario("""
            { "id": "a", "name": "A", "establishmentWte": 100, "staffInPost": [ { "headcount": 100, "wte": 100 } ], "transitions": [ { "to": "b", "share": 0.05 } ] },
            { "id": "b", "name": "B", "establishmentWte": 0, "staffInPost": [] }
            """, years: 8));
        var need = PlanningEngine.Project(s, runs: 0).Segments[0].Commissions;
        Assert.Equal(100 - 100 * Math.Pow(0.85, 6), need.GapAtTarget, 9);
        Assert.Equal(need.GapAtTarget / (0.85 * 0.85 + 0.85 + 1), need.PerYear, 9);
    }

    [Theory]
    [InlineData("""{ "id": "a", "name": "A", "establishmentWte": 1, "staffInPost": [], "transitions": [ { "to": "zz", "share": 0.1 } ] }""", "segments[0].transitions[0].to")]
    [InlineData("""{ "id": "a", "name": "A", "establishmentWte": 1, "staffInPost": [], "transitions": [ { "to": "a", "share": 0.1 } ] }""", "segments[0].transitions[0].to")]
    [InlineData("""{ "id": "a", "name": "A", "establishmentWte": 1, "staffInPost": [], "transitions": [ { "to": "b", "share": 1.5 } ] }""", "segments[0].transitions[0].share")]
    [InlineData("""{ "id": "a", "name": "A", "establishmentWte": 1, "staffInPost": [], "transitions": [ { "to": "b", "share": 0.95 } ] }""", "segments[0].transitions")]
    [InlineData("""{ "id": "a", "name": "A", "establishmentWte": 1, "staffInPost": [], "transitions": [ { "to": "b" } ] }""", "segments[0].transitions[0].share")]
    [InlineData("""{ "id": "a", "name": "A", "establishmentWte": 1, "staffInPost": [], "intake": [ { "programme": "HSST", "year": 2025, "trainees": 1, "from": "nowhere" } ] }""", "segments[0].intake[0].from")]
    public void A_bad_transition_names_its_field(string first, string field)
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioJson.Parse(Scenario(first + """, { "id": "b", "name": "B", "establishmentWte": 1, "staffInPost": [] }""")));
        Assert.Equal(field, ex.Field);
    }
}

public class SensitivityTests
{
    [Fact]
    public void A_sensitivity_row_equals_two_deterministic_runs_and_rows_are_ranked_by_swing()
    {
        var json = ReferenceFiles.ReadAllText("planning/examples/medical-physics.json");
        var rows = Sensitivity.For(ScenarioJson.Parse(json));
        var leavers = rows.Single(r => r.Id == "PLAN-LEAVERS-01" && r.Scope == "scenario");
        Assert.Equal((0.05, 0.09), (leavers.Low, leavers.High));
        // The same two runs by hand: the scenario's leaver range replaced by a point value at each end.
        PlanResult Run(double v)
        {
            var s = ScenarioJson.Parse(json.Replace("\"PLAN-LEAVERS-01\": { \"value\": 0.07, \"low\": 0.05, \"high\": 0.09,", $"\"PLAN-LEAVERS-01\": {{ \"value\": {v}, \"low\": {v}, \"high\": {v},"));
            return PlanningEngine.Project(s, runs: 0);
        }
        double Gap(double v) => Run(v).Total[Run(v).Scenario.TargetYear - Run(v).Scenario.StartYear].Gap;
        double Commissions(double v) => Run(v).Segments.Sum(x => x.Commissions.PerYear);
        Assert.Equal(Gap(0.05), leavers.GapAtLow, 12);
        Assert.Equal(Gap(0.09), leavers.GapAtHigh, 12);
        Assert.Equal(Commissions(0.05), leavers.CommissionsAtLow, 12);
        Assert.Equal(Commissions(0.09), leavers.CommissionsAtHigh, 12);
        Assert.True(leavers.GapAtHigh > leavers.GapAtLow); // more leavers, a bigger shortfall
        Assert.Equal(rows.Select(r => r.Swing).OrderDescending(), rows.Select(r => r.Swing));
        Assert.Contains(rows, r => r.Id == "PLAN-MOVE-01" && r.Scope == "Clinical Scientists, bands 7-8b");
        Assert.DoesNotContain(rows, r => r.Id == "PLAN-DEMAND-01"); // demand is not uncertain
    }
}
