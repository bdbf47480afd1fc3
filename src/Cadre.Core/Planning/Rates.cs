namespace Cadre.Core.Planning;

/// <summary>The numbers one projection runs on: the central values, or one Monte Carlo draw of them.</summary>
public sealed record Rates(
    double LeaverRate,
    int RetirementAge,
    double EmployedShare,
    double JoinerWte,
    double OtherJoinersWte,
    double DemandGrowth,
    IReadOnlyDictionary<string, int> Durations,
    IReadOnlyDictionary<string, double> Withdrawals)
{
    public static Rates Central(IReadOnlyDictionary<string, PlanningAssumption> a) => From(a, id => a[id].Value);

    /// <summary>
    /// One draw: every uncertain assumption from a triangular distribution (low, central, high), the shape CfWI-style
    /// elicitation gives (a most likely value and a range; anchors B Uncertainty). Drawn in id order so a seed always
    /// gives the same numbers.
    /// </summary>
    public static Rates Draw(IReadOnlyDictionary<string, PlanningAssumption> a, Random random)
    {
        var drawn = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var id in a.Keys.Order(StringComparer.Ordinal))
            drawn[id] = a[id].Uncertain ? Triangular(random.NextDouble(), a[id].Low, a[id].Value, a[id].High) : a[id].Value;
        return From(a, id => drawn[id]);
    }

    private static Rates From(IReadOnlyDictionary<string, PlanningAssumption> a, Func<string, double> v) => new(
        v(PlanningAssumptions.LeaverRate),
        (int)Math.Round(v(PlanningAssumptions.RetirementAge), MidpointRounding.AwayFromZero),
        v(PlanningAssumptions.EmployedShare),
        v(PlanningAssumptions.JoinerWte),
        v(PlanningAssumptions.OtherJoiners),
        v(PlanningAssumptions.DemandGrowth),
        PlanningAssumptions.Programmes.ToDictionary(p => p, p => (int)Math.Round(v(PlanningAssumptions.Duration(p)))),
        PlanningAssumptions.Programmes.ToDictionary(p => p, p => v(PlanningAssumptions.Withdrawal(p))));

    /// <summary>Inverse of the triangular distribution's CDF at <paramref name="u"/>.</summary>
    public static double Triangular(double u, double low, double mode, double high)
    {
        if (high <= low) return mode;
        var split = (mode - low) / (high - low);
        return u < split
            ? low + Math.Sqrt(u * (high - low) * (mode - low))
            : high - Math.Sqrt((1 - u) * (high - low) * (high - mode));
    }
}
