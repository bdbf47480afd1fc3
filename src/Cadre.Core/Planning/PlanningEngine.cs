namespace Cadre.Core.Planning;

/// <summary>
/// Projects a scenario: the central (deterministic) projection of all segments together, the trainee commissions that
/// close each segment's gap by the target year, and a seeded Monte Carlo run over the uncertain assumptions for the
/// spread (<see cref="MonteCarlo"/>).
/// </summary>
public static class PlanningEngine
{
    public const int DefaultRuns = 1000;
    public const int DefaultSeed = 1;

    public static PlanResult Project(Scenario scenario, int runs = DefaultRuns, int seed = DefaultSeed, IProgress<double>? progress = null)
    {
        if (runs < 0) throw new ScenarioException("--runs", "must be 0 or more.");
        var set = new AssumptionSet(scenario);
        var projection = new ScenarioProjection(scenario);
        var rates = set.Central();
        var central = projection.Run(rates);
        var needs = scenario.Segments.Select((s, i) => CommissionsFor(scenario, s, rates[i], central[i])).ToList();
        var spread = runs == 0 ? null : MonteCarlo.Run(scenario, set, projection, runs, seed, central, progress);

        // The headline is the median of the runs when there are runs (issue 8: with skewed ranges the projection at the
        // central values can lie outside its own band); with --runs 0 it is that deterministic projection, exactly.
        // Flows (leavers, retirements, qualifying) are those of the central projection in both cases.
        var segments = new List<SegmentPlan>();
        for (var i = 0; i < scenario.Segments.Count; i++)
        {
            var need = needs[i];
            if (spread is not null)
            {
                var k = scenario.TargetYear - scenario.StartYear;
                need = need with { PerYear = spread.Commissions[i].P50, PerYearSpread = spread.Commissions[i], GapAtTarget = central[i][k].Demand - spread.Supply[i][k].P50 };
            }
            var keeping = GapKeeping.Central(scenario, scenario.Segments[i], rates[i], central[i]);
            if (spread is not null)
                keeping = keeping with
                {
                    // The profile stays the central projection's (a year-by-year median of each run's profile would not keep any one run's gap closed).
                    Sustaining = keeping.Sustaining is { } st ? st with { PerYear = spread.Sustaining[i].P50, PerYearSpread = spread.Sustaining[i] } : null,
                    Confident = keeping.Confident with { PerYear = spread.Confident[i] },
                };
            var years = central[i].Select((y, k) => new PlanYear(y.Year, y.Demand, spread?.Supply[i][k].P50 ?? y.Supply, spread?.Supply[i][k] ?? Point(y.Supply),
                y.Leavers, y.Retirements, y.TraineesCompleting,
                y.Year >= need.FirstIntakeYear && y.Year <= need.LastIntakeYear ? need.PerYear : null) { MovedIn = y.MovedIn, MovedOut = y.MovedOut, CentralSupply = y.Supply }).ToList();
            segments.Add(new SegmentPlan(scenario.Segments[i], years, need, scenario.AssumptionsFor(scenario.Segments[i]).Values.ToList()) { CentralCommissions = needs[i], Keeping = keeping });
        }

        var total = Enumerable.Range(0, scenario.Years + 1).Select(k => new PlanYear(
            scenario.StartYear + k,
            central.Sum(c => c[k].Demand),
            spread?.Total[k].P50 ?? central.Sum(c => c[k].Supply),
            spread?.Total[k] ?? Point(central.Sum(c => c[k].Supply)),
            central.Sum(c => c[k].Leavers), central.Sum(c => c[k].Retirements), central.Sum(c => c[k].TraineesCompleting),
            null) { CentralSupply = central.Sum(c => c[k].Supply) }).ToList();
        return new PlanResult(scenario, runs, seed, segments, total);
    }

    /// <summary>The commissions a segment needs, projected on its own (see <see cref="CohortProjection"/>).</summary>
    public static CommissionNeed CommissionsFor(Scenario scenario, Segment segment, Rates rates) =>
        CommissionsFor(scenario, segment, rates, CohortProjection.Run(scenario, segment, rates));

    /// <summary>
    /// The extra trainees a year, over the commission window, that make supply equal demand in the target year. Supply
    /// is linear in the intake (every flow is a rate times a stock), so the answer is exact: the target-year gap of the
    /// projection divided by the supply one extra trainee a year adds by then. That comes in closed form: a trainee
    /// starting in year y completes with probability (1 − withdrawal), takes a post with the employed share at the
    /// joiner WTE in y + duration, and stays each later year with (1 − leavers − moves out); newly qualified staff have
    /// no year of birth, so none retire. No extra is needed when supply already meets demand.
    /// </summary>
    internal static CommissionNeed CommissionsFor(Scenario scenario, Segment segment, Rates rates, IReadOnlyList<ProjectedYear> projected)
    {
        var window = Window(scenario, segment, rates);
        var gap = projected[scenario.TargetYear - scenario.StartYear].Gap;
        var perYear = PerYear(gap, PerTrainee(scenario, segment, rates, window));
        return new CommissionNeed(segment.CommissionProgramme, window.First, window.Last, scenario.TargetYear, perYear, Point(perYear), gap);
    }

    internal static double PerYear(double gap, double perTrainee) => gap <= 0 ? 0 : perTrainee <= 0 ? double.PositiveInfinity : gap / perTrainee;

    /// <summary>Target-year WTE added by one extra trainee a year over the window.</summary>
    internal static double PerTrainee(Scenario scenario, Segment segment, Rates rates, (int First, int Last) window)
    {
        var p = segment.CommissionProgramme;
        var joining = (1 - rates.Withdrawal(p)) * rates.EmployedShare * rates.JoinerWte;
        double sum = 0;
        for (var y = window.First; y <= window.Last; y++)
        {
            var joins = y + rates.Duration(p);
            if (joins > scenario.TargetYear) continue;
            sum += joining * Math.Pow(rates.Staying, scenario.TargetYear - joins);
        }
        return sum;
    }

    /// <summary>
    /// Commissions can start in the first projected year (the start year's intake is already recruited and belongs in
    /// the scenario's intake) and must finish the programme by the target year.
    /// </summary>
    public static (int First, int Last) Window(Scenario scenario, Segment segment, Rates rates) =>
        (scenario.StartYear + 1, scenario.TargetYear - rates.Duration(segment.CommissionProgramme));

    internal static Spread Point(double v) => new(v, v, v);
}
