using System.Globalization;
using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>
/// A named, cited planning assumption (<c>PLAN-…</c>): its central value and the range the Monte Carlo run samples.
/// Defaults come from reference/planning/assumptions.tsv; a scenario may override any of them.
/// </summary>
public sealed record PlanningAssumption(AssumptionId Id, string Name, string Unit, double Value, double Low, double High, string Status, string Source, string Caveat)
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
    public static readonly AssumptionId LeaverRate = "PLAN-LEAVERS-01";
    public static readonly AssumptionId RetirementAge = "PLAN-RETIRE-01";
    public static readonly AssumptionId EmployedShare = "PLAN-EMPLOY-01";
    public static readonly AssumptionId JoinerWte = "PLAN-JOINER-WTE-01";
    public static readonly AssumptionId OtherJoiners = "PLAN-JOINERS-01";
    public static readonly AssumptionId DemandGrowth = "PLAN-DEMAND-01";

    /// <summary>
    /// The share of a segment's staff moving to another segment each year. It has no scenario-wide value: each
    /// transition a scenario names carries its own (segments[].transitions), so it is not among <see cref="Defaults"/>.
    /// </summary>
    public static readonly AssumptionId Move = "PLAN-MOVE-01";

    /// <summary>The programmes a plan can commission trainees on, with the ids of their duration and withdrawal.</summary>
    public static IReadOnlyList<TrainingProgramme> Programmes => PlanningProgrammes.Commissioned;

    public static AssumptionId Duration(TrainingProgramme programme) => "PLAN-DUR-" + programme.Code();
    public static AssumptionId Withdrawal(TrainingProgramme programme) => "PLAN-WDR-" + programme.Code();

    /// <summary>The programme's length for a trainee studying part-time with no expected end date in the register.</summary>
    public static AssumptionId PartTimeDuration(TrainingProgramme programme) => "PLAN-DUR-PT-" + programme.Code();

    private static readonly Lazy<IReadOnlyDictionary<AssumptionId, PlanningAssumption>> Loaded = new(Load);

    /// <summary>Every assumption in the catalogue, transitions' share included, by id in file order.</summary>
    public static IReadOnlyDictionary<AssumptionId, PlanningAssumption> Catalogue => Loaded.Value;

    /// <summary>The defaults a scenario or a segment may override, by id, in file order.</summary>
    public static IReadOnlyDictionary<AssumptionId, PlanningAssumption> Defaults => Overridable.Value;

    private static readonly Lazy<IReadOnlyDictionary<AssumptionId, PlanningAssumption>> Overridable = new(() => Loaded.Value.Where(kv => kv.Key != Move).ToDictionary());

    /// <summary>Which assumptions are rates between 0 and 1 (the others are ages, years or WTE).</summary>
    public static bool IsShare(AssumptionId id) => id == LeaverRate || id == EmployedShare || id == DemandGrowth || id == Move || id.StartsWith("PLAN-WDR-");

    private static IReadOnlyDictionary<AssumptionId, PlanningAssumption> Load()
    {
        var rows = ReferenceFiles.ReadAllText("planning/assumptions.tsv").Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);
        var result = new Dictionary<AssumptionId, PlanningAssumption>();
        foreach (var f in rows.Select(r => r.Split('\t')))
            result[f[0]] = new PlanningAssumption(f[0], f[1], f[2], D(f[3]), D(f[4]), D(f[5]), f[6], f[7], f[8]);
        return result;
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
