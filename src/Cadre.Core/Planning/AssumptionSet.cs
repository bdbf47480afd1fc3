namespace Cadre.Core.Planning;

/// <summary>
/// The assumptions of a scenario, resolved once: the scenario-level set (defaults, then the scenario's overrides) and,
/// per segment, the ones it sets for itself and the shares of its transitions. It gives each run's rates.
/// <para>
/// Correlation (docs/decisions/planning-uncertainty.md): a scenario-level range is one uncertain national or trust-wide
/// figure, so it is drawn <b>once per run</b> and every segment that inherits it uses that draw; a segment's own range
/// is drawn once per run for that segment; each transition's share is drawn once per run for that transition. So
/// splitting the same workforce into more segments does not narrow the total's band.
/// </para>
/// </summary>
public sealed class AssumptionSet
{
    private readonly PlanningAssumption[] scenarioLevel;
    private readonly Dictionary<AssumptionId, int> index;
    private readonly (int Index, PlanningAssumption Own)[][] own;
    private readonly PlanningAssumption[][] moves;
    private readonly ExitsByAge? byAge;
    private readonly double centralLeaverRate;

    public AssumptionSet(Scenario scenario)
    {
        var ids = Rates.Layout.Ids;
        index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        scenarioLevel = ids.Select(id => scenario.Assumptions.TryGetValue(id, out var set) ? set : PlanningAssumptions.Defaults[id]).ToArray();
        own = scenario.Segments.Select(s => s.Assumptions.Values.Select(a => (index[a.Id], a)).OrderBy(x => x.Item1).ToArray()).ToArray();
        moves = scenario.Segments.Select(s => s.Transitions.Select(t => t.Share).ToArray()).ToArray();
        byAge = scenario.ExitsByAge;
        centralLeaverRate = scenarioLevel[Rates.Layout.Leavers].Value;
    }

    /// <summary>Every segment's central rates.</summary>
    public Rates[] Central()
    {
        var values = scenarioLevel.Select(a => a.Value).ToArray();
        return Enumerable.Range(0, own.Length).Select(i => ForSegment(i, values, a => a.Value)).ToArray();
    }

    /// <summary>
    /// One run's rates for every segment. Draws come from <paramref name="random"/> in a fixed order (scenario-level ids
    /// in catalogue order, then each segment's own ids, then its transitions), so a seed fixes every figure.
    /// </summary>
    public Rates[] Draw(Random random)
    {
        var values = new double[scenarioLevel.Length];
        for (var k = 0; k < values.Length; k++) values[k] = Sample(scenarioLevel[k], random);
        Rates? shared = null;
        var result = new Rates[own.Length];
        for (var i = 0; i < own.Length; i++)
            result[i] = own[i].Length == 0 && moves[i].Length == 0
                ? shared ??= Build(values, [])
                : ForSegment(i, values, a => Sample(a, random));
        return result;
    }

    private Rates ForSegment(int segment, double[] scenarioValues, Func<PlanningAssumption, double> value)
    {
        var values = (double[])scenarioValues.Clone();
        foreach (var (k, a) in own[segment]) values[k] = value(a);
        return Build(values, moves[segment].Select(value).ToArray());
    }

    private Rates Build(double[] values, double[] shares)
    {
        var rates = Rates.From(values, shares);
        if (byAge is null) return rates;
        rates.ByAge = byAge;
        rates.LeaverScale = centralLeaverRate > 0 ? rates.LeaverRate / centralLeaverRate : 1;
        return rates;
    }

    private static double Sample(PlanningAssumption a, Random random) => a.Uncertain ? Rates.Triangular(random.NextDouble(), a.Low, a.Value, a.High) : a.Value;
}
