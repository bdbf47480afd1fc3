using Cadre.Core.Planning;

namespace Cadre.Core.Tests.Planning;

public class ProjectionTests
{
    // A scenario with every flow off except those a test turns on, so the expected numbers can be worked by hand.
    internal static string Json(string segment, string assumptions = "", int years = 6, int target = 6, int start = 2025) => $$"""
    {
      "name": "hand", "startYear": {{start}}, "years": {{years}}, "targetYear": {{start + target}},
      "assumptions": { "PLAN-DEMAND-01": 0, "PLAN-LEAVERS-01": 0.1, "PLAN-WDR-STP": 0, "PLAN-WDR-HSST": 0, "PLAN-EMPLOY-01": 1 {{assumptions}} },
      "segments": [ {{segment}} ]
    }
    """;

    internal const string Hundred = """{ "name": "CS", "establishmentWte": 100, "staffInPost": [ { "headcount": 100, "wte": 100 } ] }""";

    private static IReadOnlyList<ProjectedYear> Central(string json)
    {
        var s = ScenarioJson.Parse(json);
        return CohortProjection.Run(s, s.Segments[0], Rates.Central(s.AssumptionsFor(s.Segments[0])));
    }

    [Fact]
    public void Hundred_staff_ten_percent_turnover_no_intake_gives_90_81_72_9()
    {
        var y = Central(Json(Hundred));
        Assert.Equal([2025, 2026, 2027, 2028], y.Take(4).Select(r => r.Year));
        Assert.Equal(100, y[0].Supply, 9);
        Assert.Equal(90, y[1].Supply, 9);
        Assert.Equal(81, y[2].Supply, 9);
        Assert.Equal(72.9, y[3].Supply, 9);
        Assert.Equal(10, y[1].Leavers, 9);
        Assert.Equal(27.1, y[3].Gap, 9);
        Assert.Equal(72.9, y[3].Headcount, 9);
    }

    [Fact]
    public void Demand_grows_from_the_establishment()
    {
        var y = Central(Json(Hundred).Replace("\"PLAN-DEMAND-01\": 0", "\"PLAN-DEMAND-01\": 0.02"));
        Assert.Equal(100 * 1.02 * 1.02, y[2].Demand, 9);
    }

    [Fact]
    public void Staff_retire_in_the_year_they_reach_retirement_age()
    {
        // Born 1961: 65 in 2026, so all 10 retire then (before the leaver rate applies); the other 90 leave at 10%.
        var seg = """{ "name": "CS", "establishmentWte": 100, "staffInPost": [ { "yearOfBirth": 1961, "headcount": 10, "wte": 10 }, { "yearOfBirth": 1980, "headcount": 90, "wte": 90 } ] }""";
        var y = Central(Json(seg, ", \"PLAN-RETIRE-01\": 65"));
        Assert.Equal(10, y[1].Retirements, 9);
        Assert.Equal(9, y[1].Leavers, 9);
        Assert.Equal(81, y[1].Supply, 9);
        Assert.Equal(0, y[2].Retirements, 9);
    }

    [Fact]
    public void Trainees_join_when_their_programme_ends()
    {
        // 5 STP trainees starting 2025 finish after 3 years and join in 2028, not before. No leavers, to see them clearly.
        var seg = """{ "name": "CS", "establishmentWte": 10, "staffInPost": [], "intake": [ { "programme": "STP", "year": 2025, "trainees": 5 } ] }""";
        var y = Central(Json(seg, years: 4, target: 4).Replace("\"PLAN-LEAVERS-01\": 0.1", "\"PLAN-LEAVERS-01\": 0"));
        Assert.Equal([0, 0, 0, 5, 5], y.Select(r => r.Supply));
        Assert.Equal(5, y[3].TraineesCompleting, 9);
    }

    [Fact]
    public void HSST_takes_five_years()
    {
        var seg = """{ "name": "CS", "establishmentWte": 10, "staffInPost": [], "intake": [ { "programme": "HSST", "year": 2025, "trainees": 2 } ], "commissionProgramme": "HSST" }""";
        var y = Central(Json(seg, years: 6, target: 6).Replace("\"PLAN-LEAVERS-01\": 0.1", "\"PLAN-LEAVERS-01\": 0"));
        Assert.Equal(0, y[4].Supply, 9);
        Assert.Equal(2, y[5].Supply, 9);
    }

    [Fact]
    public void Withdrawal_reduces_completions()
    {
        var seg = """{ "name": "CS", "establishmentWte": 10, "staffInPost": [], "intake": [ { "programme": "STP", "year": 2025, "trainees": 10 } ] }""";
        var y = Central(Json(seg).Replace("\"PLAN-WDR-STP\": 0", "\"PLAN-WDR-STP\": 0.2").Replace("\"PLAN-LEAVERS-01\": 0.1", "\"PLAN-LEAVERS-01\": 0"));
        Assert.Equal(8, y[3].TraineesCompleting, 9);
        Assert.Equal(8, y[3].Supply, 9);
    }

    [Fact]
    public void Completers_who_do_not_take_a_post_and_part_time_joiners_reduce_supply()
    {
        var seg = """{ "name": "CS", "establishmentWte": 10, "staffInPost": [], "intake": [ { "programme": "STP", "year": 2025, "trainees": 10 } ] }""";
        var y = Central(Json(seg, ", \"PLAN-JOINER-WTE-01\": 0.8").Replace("\"PLAN-EMPLOY-01\": 1", "\"PLAN-EMPLOY-01\": 0.5").Replace("\"PLAN-LEAVERS-01\": 0.1", "\"PLAN-LEAVERS-01\": 0"));
        Assert.Equal(4, y[3].Supply, 9);   // 10 × 0.5 take a post × 0.8 WTE
        Assert.Equal(5, y[3].Headcount, 9);
    }

    [Fact]
    public void More_intake_never_lowers_supply()
    {
        IReadOnlyList<ProjectedYear> With(int trainees) => Central(Json(
            $$"""{ "name": "CS", "establishmentWte": 100, "staffInPost": [ { "yearOfBirth": 1962, "headcount": 30, "wte": 28 }, { "headcount": 70, "wte": 65 } ], "annualIntake": { "STP": {{trainees}} } }""",
            years: 10, target: 10));
        var previous = With(0);
        foreach (var n in new[] { 1, 2, 5, 10 })
        {
            var next = With(n);
            Assert.All(next.Zip(previous), p => Assert.True(p.First.Supply >= p.Second.Supply - 1e-12, $"{p.First.Year}: {p.First.Supply} < {p.Second.Supply}"));
            previous = next;
        }
    }
}
