using Cadre.Core.Planning;

namespace Cadre.Core.Tests.Planning;

public class MonteCarloTests
{
    private static Scenario Uncertain() => ScenarioJson.Parse(ScenarioText);

    private const string ScenarioText = """
    {
      "name": "mc", "startYear": 2025, "years": 10, "targetYear": 2032,
      "segments": [ { "name": "CS", "establishmentWte": 40,
        "staffInPost": [ { "yearOfBirth": 1963, "headcount": 6, "wte": 5.4 }, { "yearOfBirth": 1985, "headcount": 30, "wte": 27 } ],
        "annualIntake": { "STP": 2 } } ]
    }
    """;

    [Fact]
    public void Same_seed_same_answer_different_seed_different_spread()
    {
        var a = PlanningEngine.Project(Uncertain(), runs: 300, seed: 42);
        var b = PlanningEngine.Project(Uncertain(), runs: 300, seed: 42);
        var c = PlanningEngine.Project(Uncertain(), runs: 300, seed: 7);
        Assert.Equal(a.Total.Select(y => y.SupplySpread), b.Total.Select(y => y.SupplySpread));
        Assert.Equal(a.Segments[0].Commissions.PerYearSpread, b.Segments[0].Commissions.PerYearSpread);
        Assert.NotEqual(a.Total[^1].SupplySpread, c.Total[^1].SupplySpread);
    }

    [Fact]
    public void Percentiles_are_ordered_and_the_central_projection_lies_within_them()
    {
        var r = PlanningEngine.Project(Uncertain(), runs: 500, seed: 1);
        foreach (var y in r.Total.Skip(1))
        {
            Assert.True(y.SupplySpread.P10 <= y.SupplySpread.P50 && y.SupplySpread.P50 <= y.SupplySpread.P90, $"{y.Year}");
            Assert.True(y.SupplySpread.P10 < y.SupplySpread.P90, $"{y.Year}: no spread");
            Assert.InRange(y.Supply, y.SupplySpread.P10, y.SupplySpread.P90);
        }
        var c = r.Segments[0].Commissions.PerYearSpread;
        Assert.True(c.P10 <= c.P50 && c.P50 <= c.P90);
    }

    [Fact]
    public void More_intake_never_lowers_any_percentile_for_the_same_seed()
    {
        var less = PlanningEngine.Project(Uncertain(), runs: 200, seed: 5);
        var more = PlanningEngine.Project(ScenarioJson.Parse(ScenarioText.Replace("\"STP\": 2", "\"STP\": 4")), runs: 200, seed: 5);
        foreach (var (a, b) in less.Total.Zip(more.Total))
        {
            Assert.True(b.SupplySpread.P10 >= a.SupplySpread.P10 - 1e-12, $"{a.Year} p10");
            Assert.True(b.SupplySpread.P50 >= a.SupplySpread.P50 - 1e-12, $"{a.Year} p50");
            Assert.True(b.SupplySpread.P90 >= a.SupplySpread.P90 - 1e-12, $"{a.Year} p90");
        }
    }

    [Fact]
    public void Percentiles_of_equal_infinite_values_stay_infinite()
    {
        Assert.Equal(double.PositiveInfinity, Spread.Of([double.PositiveInfinity, double.PositiveInfinity]).P50);
    }

    [Fact]
    public void Zero_runs_gives_the_central_projection_as_every_percentile()
    {
        var r = PlanningEngine.Project(Uncertain(), runs: 0);
        Assert.All(r.Total, y => Assert.Equal(new Spread(y.Supply, y.Supply, y.Supply), y.SupplySpread));
    }

    [Fact]
    public void Percentile_interpolates_between_order_statistics()
    {
        var s = Spread.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        Assert.Equal(new Spread(2, 6, 10), s);
        Assert.Equal(1.9, Spread.Of([1, 10]).P10, 9);
    }

    [Fact]
    public void Triangular_draws_stay_in_range_and_hit_the_ends()
    {
        Assert.Equal(0.05, Rates.Triangular(0, 0.05, 0.08, 0.1), 12);
        Assert.Equal(0.1, Rates.Triangular(1, 0.05, 0.08, 0.1), 12);
        Assert.Equal(0.08, Rates.Triangular(0.6, 0.05, 0.08, 0.1), 12); // the mode sits at F = 0.6
    }

    [Fact]
    public void Every_default_assumption_is_cited_and_local_gaps_are_marked()
    {
        var d = PlanningAssumptions.Defaults;
        Assert.All(d.Values, a => { Assert.StartsWith("PLAN-", a.Id.Value); Assert.False(string.IsNullOrWhiteSpace(a.Source)); Assert.InRange(a.Value, a.Low, a.High); });
        Assert.Equal(0.17, d["PLAN-WDR-HSST"].Value);
        Assert.Contains("42%", d["PLAN-WDR-HSST"].Caveat);
        Assert.Contains("bias", d["PLAN-WDR-HSST"].Caveat);
        Assert.True(d["PLAN-WDR-STP"].LocalInputNeeded);
        Assert.Equal(65, d["PLAN-RETIRE-01"].Value);
        Assert.Equal(3, d["PLAN-DUR-STP"].Value);
        Assert.Equal(5, d["PLAN-DUR-HSST"].Value);
    }
}
