namespace Cadre.Core.Planning;

/// <summary>
/// One row of a tornado: an uncertain assumption set to its low and then its high with every other at its central
/// value (two deterministic projections), and what that does to the staff group's gap in the target year and to the
/// extra trainees a year the segments need. <c>Scope</c> is "scenario" or the segment whose own figure (or transition) it is.
/// </summary>
public sealed record SensitivityRow(AssumptionId Id, string Name, string Scope, double Low, double High,
    double GapAtLow, double GapAtHigh, double CommissionsAtLow, double CommissionsAtHigh)
{
    /// <summary>How far the target-year gap moves between the two ends: the tornado's bar length, and its rank.</summary>
    public double Swing => Math.Abs(GapAtHigh - GapAtLow);
}

/// <summary>
/// One-at-a-time sensitivity (issue 8; the CfWI's policy stress-testing): every assumption with a range, at its
/// low and its high, others central, ranked by the swing of the target-year gap. Deterministic runs only, so each row
/// equals two `cadre plan --runs 0` runs with that assumption set to a point value (a test).
/// </summary>
public static class Sensitivity
{
    public static IReadOnlyList<SensitivityRow> For(Scenario scenario)
    {
        var rows = new List<SensitivityRow>();
        foreach (var a in PlanningAssumptions.Defaults.Keys.Select(id => scenario.Assumptions.TryGetValue(id, out var set) ? set : PlanningAssumptions.Defaults[id]).Where(a => a.Uncertain))
            rows.Add(Row(a, "scenario", v => scenario with { Assumptions = With(scenario.Assumptions, a, v) }));
        for (var i = 0; i < scenario.Segments.Count; i++)
        {
            var segment = scenario.Segments[i];
            var index = i;
            foreach (var a in segment.Assumptions.Values.Where(a => a.Uncertain))
                rows.Add(Row(a, segment.Name, v => Replace(scenario, index, segment with { Assumptions = With(segment.Assumptions, a, v) })));
            for (var t = 0; t < segment.Transitions.Count; t++)
            {
                var transition = segment.Transitions[t];
                var at = t;
                if (!transition.Share.Uncertain) continue;
                rows.Add(Row(transition.Share, segment.Name, v => Replace(scenario, index, segment with
                {
                    Transitions = segment.Transitions.Select((x, k) => k == at ? x with { Share = Point(x.Share, v) } : x).ToList(),
                })));
            }
        }
        return rows.OrderByDescending(r => r.Swing).ThenBy(r => r.Id).ToList();
    }

    private static SensitivityRow Row(PlanningAssumption a, string scope, Func<double, Scenario> with)
    {
        var (gapLow, commissionsLow) = Outcome(with(a.Low));
        var (gapHigh, commissionsHigh) = Outcome(with(a.High));
        return new SensitivityRow(a.Id, a.Name, scope, a.Low, a.High, gapLow, gapHigh, commissionsLow, commissionsHigh);
    }

    private static (double Gap, double Commissions) Outcome(Scenario s)
    {
        var r = PlanningEngine.Project(s, runs: 0);
        var k = s.TargetYear - s.StartYear;
        return (r.Total[k].Gap, r.Segments.Sum(x => x.Commissions.PerYear));
    }

    private static Scenario Replace(Scenario s, int index, Segment segment) => s with { Segments = s.Segments.Select((x, i) => i == index ? segment : x).ToList() };

    private static IReadOnlyDictionary<AssumptionId, PlanningAssumption> With(IReadOnlyDictionary<AssumptionId, PlanningAssumption> set, PlanningAssumption a, double v) =>
        new Dictionary<AssumptionId, PlanningAssumption>(set) { [a.Id] = Point(a, v) };

    private static PlanningAssumption Point(PlanningAssumption a, double v) => a with { Value = v, Low = v, High = v };
}
