namespace Cadre.Core.Planning;

/// <summary>
/// Projects a scenario: the central (deterministic) projection of every segment, the trainee commissions that close
/// each segment's gap by the target year, and a seeded Monte Carlo run over the uncertain assumptions for the spread.
/// </summary>
public static class PlanningEngine
{
    public const int DefaultRuns = 1000;
    public const int DefaultSeed = 1;

    public static PlanResult Project(Scenario scenario, int runs = DefaultRuns, int seed = DefaultSeed)
    {
        if (runs < 0) throw new ScenarioException("--runs", "must be 0 or more.");
        var random = new Random(seed); // System.Random with a seed is stable across runs and .NET versions.
        var per = scenario.Segments.Select(s => (Segment: s, Assumptions: scenario.AssumptionsFor(s))).ToList();
        var central = per.Select(p => CohortProjection.Run(scenario, p.Segment, Rates.Central(p.Assumptions))).ToList();
        var needs = per.Select(p => CommissionsFor(scenario, p.Segment, Rates.Central(p.Assumptions))).ToList();

        // runSupply[segment][run][yearIndex]; a draw per run per segment, in a fixed order, so the seed fixes everything.
        var runSupply = per.Select(_ => new List<double[]>()).ToList();
        var runCommissions = per.Select(_ => new List<double>()).ToList();
        for (var r = 0; r < runs; r++)
            for (var i = 0; i < per.Count; i++)
            {
                var rates = Rates.Draw(per[i].Assumptions, random);
                runSupply[i].Add(CohortProjection.Run(scenario, per[i].Segment, rates).Select(y => y.Supply).ToArray());
                runCommissions[i].Add(CommissionsFor(scenario, per[i].Segment, rates).PerYear);
            }

        var segments = new List<SegmentPlan>();
        for (var i = 0; i < per.Count; i++)
        {
            var need = needs[i] with { PerYearSpread = runs == 0 ? Point(needs[i].PerYear) : Spread.Of(runCommissions[i]) };
            var years = central[i].Select((y, k) => new PlanYear(y.Year, y.Demand, y.Supply,
                runs == 0 ? Point(y.Supply) : Spread.Of(runSupply[i].Select(run => run[k]).ToList()),
                y.Leavers, y.Retirements, y.TraineesCompleting,
                y.Year >= need.FirstIntakeYear && y.Year <= need.LastIntakeYear ? need.PerYear : null)).ToList();
            var used = per[i].Assumptions.Values.ToList();
            segments.Add(new SegmentPlan(per[i].Segment, years, need, used));
        }

        var total = Enumerable.Range(0, scenario.Years + 1).Select(k => new PlanYear(
            scenario.StartYear + k,
            central.Sum(c => c[k].Demand),
            central.Sum(c => c[k].Supply),
            runs == 0 ? Point(central.Sum(c => c[k].Supply)) : Spread.Of(Enumerable.Range(0, runs).Select(r => runSupply.Sum(s => s[r][k])).ToList()),
            central.Sum(c => c[k].Leavers), central.Sum(c => c[k].Retirements), central.Sum(c => c[k].TraineesCompleting),
            null)).ToList();
        return new PlanResult(scenario, runs, seed, segments, total);
    }

    /// <summary>
    /// The extra trainees a year, over the commission window, that make supply equal demand in the target year. Supply
    /// is linear in the intake (every flow is a rate times a stock), so two projections give the exact answer: the
    /// target-year supply with no extra intake and the supply added by one extra trainee a year. No extra is needed
    /// when supply already meets demand.
    /// </summary>
    public static CommissionNeed CommissionsFor(Scenario scenario, Segment segment, Rates rates)
    {
        var window = Window(scenario, segment, rates);
        var k = scenario.TargetYear - scenario.StartYear;
        var baseline = CohortProjection.Run(scenario, segment, rates)[k];
        var withOne = CohortProjection.Run(scenario, segment, rates, 1, window)[k];
        var perTrainee = withOne.Supply - baseline.Supply;
        var perYear = baseline.Gap <= 0 ? 0 : perTrainee <= 0 ? double.PositiveInfinity : baseline.Gap / perTrainee;
        return new CommissionNeed(segment.CommissionProgramme, window.First, window.Last, scenario.TargetYear, perYear, Point(perYear), baseline.Gap);
    }

    /// <summary>
    /// Commissions can start in the first projected year (the start year's intake is already recruited and belongs in
    /// the scenario's intake) and must finish the programme by the target year.
    /// </summary>
    public static (int First, int Last) Window(Scenario scenario, Segment segment, Rates rates) =>
        (scenario.StartYear + 1, scenario.TargetYear - rates.Durations[segment.CommissionProgramme]);

    private static Spread Point(double v) => new(v, v, v);
}
