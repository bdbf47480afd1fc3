using Cadre.Core.Planning;

namespace Cadre.Core.Tests.Planning;

public class CommissionsTests
{
    [Fact]
    public void Commissions_needed_close_the_gap_exactly_in_the_target_year()
    {
        // 100 WTE, 10% leavers, target 2031 on the STP (3 years): commission in 2026, 2027 and 2028.
        var s = ScenarioJson.Parse(ProjectionTests.Json(ProjectionTests.Hundred, years: 8, target: 6));
        var seg = s.Segments[0];
        var rates = Rates.Central(s.AssumptionsFor(seg));
        var need = PlanningEngine.CommissionsFor(s, seg, rates);
        Assert.Equal((2026, 2028), (need.FirstIntakeYear, need.LastIntakeYear));
        Assert.Equal(100 - 100 * Math.Pow(0.9, 6), need.GapAtTarget, 9);
        // By hand: trainees starting 2026, 2027, 2028 join 2029, 2030, 2031 and then lose 10% a year to 2031.
        var perTrainee = 0.81 + 0.9 + 1.0;
        Assert.Equal(need.GapAtTarget / perTrainee, need.PerYear, 9);

        var closed = CohortProjection.Run(s, seg, rates, need.PerYear, PlanningEngine.Window(s, seg, rates));
        var target = closed.Single(y => y.Year == 2031);
        Assert.Equal(target.Demand, target.Supply, 9);
        Assert.Equal(0, target.Gap, 9);
    }

    [Fact]
    public void No_commissions_when_supply_already_meets_demand()
    {
        var s = ScenarioJson.Parse(ProjectionTests.Json("""{ "name": "CS", "establishmentWte": 50, "staffInPost": [ { "headcount": 100, "wte": 100 } ] }"""));
        Assert.Equal(0, PlanningEngine.CommissionsFor(s, s.Segments[0], Rates.Central(s.AssumptionsFor(s.Segments[0]))).PerYear);
    }

    [Fact]
    public void Withdrawal_raises_the_commissions_needed()
    {
        var plain = ScenarioJson.Parse(ProjectionTests.Json(ProjectionTests.Hundred, years: 8, target: 6));
        var leaky = ScenarioJson.Parse(ProjectionTests.Json(ProjectionTests.Hundred, years: 8, target: 6).Replace("\"PLAN-WDR-STP\": 0", "\"PLAN-WDR-STP\": 0.25"));
        double Need(Scenario s) => PlanningEngine.CommissionsFor(s, s.Segments[0], Rates.Central(s.AssumptionsFor(s.Segments[0]))).PerYear;
        Assert.Equal(Need(plain) / 0.75, Need(leaky), 9);
    }
}
