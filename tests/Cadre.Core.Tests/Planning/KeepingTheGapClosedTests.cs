using Cadre.Core.Planning;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Planning;

/// <summary>Commissioning that keeps the gap closed after the target year (issue 8, defect 5; docs/decisions/planning-model.md point 5).</summary>
public class KeepingTheGapClosedTests
{
    // 100 WTE in post and funded, no one of known age, 10% leavers, 20% STP withdrawal, steady demand; 2025-2035, target 2031.
    private static Scenario Steady(string commissioning = "") => ScenarioJson.Parse(ProjectionTests.Json(ProjectionTests.Hundred, years: 10, target: 6)
        .Replace("\"PLAN-WDR-STP\": 0", "\"PLAN-WDR-STP\": 0.2")
        .Replace("\"name\": \"hand\",", "\"name\": \"hand\", " + commissioning));

    private static Scenario LeaverRange(Scenario s, double low, double value, double high) => s with
    {
        Assumptions = new Dictionary<AssumptionId, PlanningAssumption>(s.Assumptions)
        {
            [PlanningAssumptions.LeaverRate] = s.Assumptions[PlanningAssumptions.LeaverRate] with { Low = low, Value = value, High = high },
        },
    };

    private static KeepingTheGapClosed Keeping(Scenario s, int runs = 0, int seed = 1) => PlanningEngine.Project(s, runs, seed).Segments[0].Keeping!;

    private static IReadOnlyList<ProjectedYear> WithExtra(Scenario s, IEnumerable<(int Year, double Trainees)> extra)
    {
        var seg = s.Segments[0];
        var withExtra = seg with { Intake = seg.Intake.Concat(extra.Select(x => new TraineeIntake(TrainingProgramme.Stp, x.Year, x.Trainees))).ToList() };
        return CohortProjection.Run(s, withExtra, Rates.Central(s.AssumptionsFor(seg)));
    }

    [Fact]
    public void The_sustaining_intake_at_steady_demand_is_leavers_over_one_less_withdrawal()
    {
        var k = Keeping(Steady());
        // Once supply is at the 100 WTE demand, 10 WTE leave a year; 10 ÷ (1 − 0.2) = 12.5 trainees replace them.
        Assert.NotNull(k.Sustaining);
        Assert.Equal((2029, 2032), (k.Sustaining!.FirstIntakeYear, k.Sustaining.LastIntakeYear)); // join 2032-2035, after the target year
        Assert.Equal(12.5, k.Sustaining.PerYear, 12);
        Assert.Equal(13, k.Sustaining.WholePerYear);
    }

    [Fact]
    public void The_profile_closes_the_gap_from_the_first_year_a_trainee_can_join_and_keeps_it_closed()
    {
        var s = Steady();
        var k = Keeping(s);
        // By hand: the first commissioned STP trainees start in 2026 and join in 2029, when supply is 100 × 0.9^4 = 65.61:
        // 34.39 WTE short, so 34.39 ÷ 0.8 trainees. After that each year replaces that year's 10 WTE of leavers: 12.5.
        Assert.Equal(Enumerable.Range(2026, 7), k.Profile.Select(p => p.IntakeYear));
        Assert.Equal(2029, k.Profile[0].JoiningYear);
        Assert.Equal(34.39 / 0.8, k.Profile[0].Trainees, 9);
        Assert.All(k.Profile.Skip(1), p => Assert.Equal(12.5, p.Trainees, 9));
        Assert.Equal(43, k.Profile[0].WholeTrainees); // 42.99 rounded up

        var exact = WithExtra(s, k.Profile.Select(p => (p.IntakeYear, p.Trainees)));
        Assert.All(exact.Where(y => y.Year >= 2029), y => Assert.Equal(0, y.Gap, 9));
        // The chart's "with commissions" line is that projection: supply as it is until 2028, then at demand.
        Assert.Equal(exact.Select(y => y.Supply), k.SupplyWithCommissions, (a, b) => Math.Abs(a - b) < 1e-9);
        var whole = WithExtra(s, k.Profile.Select(p => (p.IntakeYear, p.WholeTrainees)));
        Assert.All(whole.Where(y => y.Year >= 2029), y => Assert.True(y.Gap <= 1e-9, $"{y.Year}: gap {y.Gap}"));
        Assert.All(k.Profile, p => Assert.Equal(Math.Floor(p.WholeTrainees), p.WholeTrainees));
    }

    [Fact]
    public void No_extra_trainees_when_supply_already_meets_demand_every_year()
    {
        var s = ScenarioJson.Parse(ProjectionTests.Json("""{ "name": "CS", "establishmentWte": 10, "staffInPost": [ { "headcount": 100, "wte": 100 } ] }""", years: 10, target: 6));
        var k = Keeping(s);
        Assert.All(k.Profile, p => Assert.Equal(0, p.Trainees));
        Assert.Equal(0, k.Sustaining!.PerYear);
        Assert.Equal(0, k.Confident.PerYear);
    }

    [Fact]
    public void The_confident_level_intake_of_the_central_projection_meets_its_hardest_year()
    {
        var k = Keeping(Steady()).Confident;
        // A level intake x a year from 2026 to 2032 adds 0.8x in 2029 and then 0.9 of it again each year: by 2031
        // 0.8x(1 + 0.9 + 0.81) = 2.168x against a gap of 100 − 100 × 0.9^6 = 46.8559. Later years need less
        // (2035: gap 65.13 against 4.17x), so the target year decides: 46.8559 ÷ 2.168.
        Assert.Equal((2026, 2032, 2031, 2035), (k.FirstIntakeYear, k.LastIntakeYear, k.FromYear, k.ToYear));
        Assert.Equal(46.8559 / 2.168, k.PerYear, 9);
        Assert.Equal(22, k.WholePerYear);

        var kept = WithExtra(Steady(), Enumerable.Range(2026, 7).Select(y => (y, k.PerYear)));
        Assert.Equal(0, kept.Single(y => y.Year == 2031).Gap, 9);
        Assert.All(kept.Where(y => y.Year >= 2031), y => Assert.True(y.Gap <= 1e-9));
    }

    [Fact]
    public void A_tolerance_lowers_the_confident_intake_by_the_tolerance_over_what_a_trainee_adds()
    {
        var k = Keeping(Steady("\"commissioning\": { \"toleranceWte\": 5 },")).Confident;
        Assert.Equal(5, k.ToleranceWte);
        Assert.Equal((46.8559 - 5) / 2.168, k.PerYear, 9);
    }

    [Fact]
    public void The_confident_intake_keeps_the_gap_within_tolerance_in_the_chosen_share_of_runs_and_no_less_would()
    {
        // A leaver range makes runs differ; rerun each run by hand (the seeding of docs/decisions/planning-uncertainty.md)
        // with the level intake added, and count the runs it keeps within the tolerance from 2031 to 2035.
        var s = LeaverRange(Steady("\"commissioning\": { \"toleranceWte\": 1, \"shareOfRuns\": 0.8 },"), 0.05, 0.1, 0.15);
        const int Runs = 200;
        var x = Keeping(s, Runs, seed: 7).Confident.PerYear;

        int Kept(double perYear)
        {
            var master = new Random(7);
            var seeds = Enumerable.Range(0, Runs).Select(_ => master.Next()).ToArray();
            var set = new AssumptionSet(s);
            var projection = new ScenarioProjection(s, new Dictionary<int, (double, int, int)> { [0] = (perYear, 2026, 2032) });
            return seeds.Count(seed => projection.Run(set.Draw(new Random(seed)))[0].Where(y => y.Year >= 2031).All(y => y.Gap <= 1 + 1e-9));
        }
        Assert.True(Kept(x) >= 160, $"{Kept(x)} of {Runs} runs kept at {x}");
        Assert.True(Kept(x - 0.01) < 160, $"{Kept(x - 0.01)} of {Runs} runs kept at {x - 0.01}");
    }

    [Fact]
    public void The_headline_sustaining_intake_lies_inside_its_band()
    {
        var s = LeaverRange(Steady(), 0.06, 0.07, 0.15);
        var st = Keeping(s, runs: 300).Sustaining!;
        Assert.InRange(st.PerYear, st.PerYearSpread.P10, st.PerYearSpread.P90);
        Assert.Equal(st.PerYearSpread.P50, st.PerYear);
        // Steady state in every run: leavers × 100 ÷ 0.8, so the band is that of the leaver rate's draws (7.5 to 18.75 at the ends).
        Assert.InRange(st.PerYearSpread.P10, 7.5, st.PerYearSpread.P50);
        Assert.InRange(st.PerYearSpread.P90, st.PerYearSpread.P50, 18.75);
    }

    [Fact]
    public void No_sustaining_intake_when_the_horizon_ends_in_the_target_year()
    {
        var s = ScenarioJson.Parse(ProjectionTests.Json(ProjectionTests.Hundred, years: 6, target: 6));
        Assert.Null(Keeping(s).Sustaining);
        Assert.Null(PlanDocument.From(PlanningEngine.Project(s, 0)).Segments[0].Commissions.Sustaining);
    }

    [Fact]
    public void The_commissioning_rule_is_read_from_the_scenario_and_old_files_keep_the_defaults()
    {
        Assert.Equal(CommissioningRule.Default, Steady().Commissioning);
        Assert.Equal(new CommissioningRule(0.5, 0.75), Steady("\"commissioning\": { \"toleranceWte\": 0.5, \"shareOfRuns\": 0.75 },").Commissioning);
        var bad = Assert.Throws<ScenarioException>(() => Steady("\"commissioning\": { \"shareOfRuns\": 90 },"));
        Assert.Equal("commissioning.shareOfRuns", bad.Field);
        // A saved scenario edited on the page keeps its rule (the page edits through ScenarioDocument).
        var doc = ScenarioDocument.FromJson($$"""{ "name": "hand", "startYear": 2025, "years": 10, "targetYear": 2031, "commissioning": { "toleranceWte": 2 }, "segments": [ {{ProjectionTests.Hundred}} ] }""");
        Assert.Equal(new CommissioningRule(2, 0.9), ScenarioDocument.FromJson(doc.ToJson()).Parse().Commissioning);
    }

    [Fact]
    public void The_plan_json_carries_the_profile_the_sustaining_and_the_confident_intake()
    {
        var json = PlanDocument.From(PlanningEngine.Project(Steady(), 0)).ToJson();
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var c = doc.RootElement.GetProperty("segments")[0].GetProperty("commissions");
        Assert.Equal(12.5, c.GetProperty("sustaining").GetProperty("perYear").GetDouble(), 9);
        Assert.Equal(13, c.GetProperty("sustaining").GetProperty("wholePerYear").GetInt32());
        Assert.Equal(2026, c.GetProperty("profile")[0].GetProperty("intakeYear").GetInt32());
        Assert.Equal(43, c.GetProperty("profile")[0].GetProperty("wholeTrainees").GetDouble());
        Assert.Equal(0.9, c.GetProperty("confident").GetProperty("shareOfRuns").GetDouble());
    }
}
