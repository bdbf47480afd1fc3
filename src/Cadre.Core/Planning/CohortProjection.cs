namespace Cadre.Core.Planning;

/// <summary>
/// One segment projected on its own with given rates: the whole-scenario step (<see cref="ScenarioProjection"/>) over
/// a scenario holding only this segment. Its moves to other segments still leave it; nothing arrives from them. For a
/// single deterministic run and for tests; <see cref="PlanningEngine.Project"/> projects all segments together.
/// </summary>
public static class CohortProjection
{
    /// <param name="extraPerYear">Additional trainees commissioned on the segment's commission programme in every year of <paramref name="window"/>.</param>
    public static IReadOnlyList<ProjectedYear> Run(Scenario scenario, Segment segment, Rates rates, double extraPerYear = 0, (int First, int Last)? window = null)
    {
        var alone = scenario with { Segments = [segment] };
        var extra = extraPerYear != 0 && window is { } w ? new Dictionary<int, (double, int, int)> { [0] = (extraPerYear, w.First, w.Last) } : null;
        return new ScenarioProjection(alone, extra).Run([rates])[0];
    }
}
