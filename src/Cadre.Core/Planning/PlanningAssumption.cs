using System.Globalization;

namespace Cadre.Core.Planning;

/// <summary>
/// A named, cited planning assumption (<c>PLAN-…</c>): its central value and the range the Monte Carlo run samples.
/// Defaults come from reference/planning/assumptions.tsv; a scenario may override any of them.
/// </summary>
public sealed record PlanningAssumption(string Id, string Name, string Unit, double Value, double Low, double High, string Status, string Source, string Caveat)
{
    /// <summary>True where no public figure exists and the default is a placeholder the planner should replace.</summary>
    public bool LocalInputNeeded => Status == "local input needed";

    /// <summary>True when a scenario replaced the default.</summary>
    public bool Overridden { get; init; }

    /// <summary>Sampled in the Monte Carlo run only when it has a range. Demand is never sampled (it is the planner's statement of need).</summary>
    public bool Uncertain => High > Low && Id != PlanningAssumptions.DemandGrowth;
}

/// <summary>The catalogue of assumptions and their ids.</summary>
public static class PlanningAssumptions
{
    public const string LeaverRate = "PLAN-LEAVERS-01";
    public const string RetirementAge = "PLAN-RETIRE-01";
    public const string EmployedShare = "PLAN-EMPLOY-01";
    public const string JoinerWte = "PLAN-JOINER-WTE-01";
    public const string OtherJoiners = "PLAN-JOINERS-01";
    public const string DemandGrowth = "PLAN-DEMAND-01";

    /// <summary>The programmes a plan can commission trainees on, with the ids of their duration and withdrawal.</summary>
    public static IReadOnlyList<string> Programmes { get; } = ["PTP", "STP", "HSST"];

    public static string Duration(string programme) => "PLAN-DUR-" + programme.ToUpperInvariant();
    public static string Withdrawal(string programme) => "PLAN-WDR-" + programme.ToUpperInvariant();

    private static readonly Lazy<IReadOnlyDictionary<string, PlanningAssumption>> Loaded = new(Load);

    /// <summary>The defaults, by id, in file order.</summary>
    public static IReadOnlyDictionary<string, PlanningAssumption> Defaults => Loaded.Value;

    /// <summary>Which assumptions are rates between 0 and 1 (the others are ages, years or WTE).</summary>
    public static bool IsShare(string id) => id is LeaverRate or EmployedShare or DemandGrowth || id.StartsWith("PLAN-WDR-", StringComparison.Ordinal);

    private static IReadOnlyDictionary<string, PlanningAssumption> Load()
    {
        var rows = ReferenceFiles.ReadAllText("planning/assumptions.tsv").Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);
        var result = new Dictionary<string, PlanningAssumption>(StringComparer.Ordinal);
        foreach (var f in rows.Select(r => r.Split('\t')))
            result[f[0]] = new PlanningAssumption(f[0], f[1], f[2], D(f[3]), D(f[4]), D(f[5]), f[6], f[7], f[8]);
        return result;
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
