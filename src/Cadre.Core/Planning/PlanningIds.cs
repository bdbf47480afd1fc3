using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>
/// A planning assumption's id (<c>PLAN-…</c>), the key of reference/planning/assumptions.tsv. Converts from text the way
/// <c>XName</c> does, so a catalogue id reads as written; whether it is a known id is checked where text comes in
/// (<see cref="ScenarioJson"/>), not here.
/// </summary>
public readonly record struct AssumptionId(string Value) : IComparable<AssumptionId>
{
    public static implicit operator AssumptionId(string value) => new(value);
    public bool StartsWith(string prefix) => Value.StartsWith(prefix, StringComparison.Ordinal);
    public int CompareTo(AssumptionId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}

/// <summary>
/// Which segment of a scenario: its <c>id</c> in the scenario JSON, or its name when it has none. Flows between
/// segments (promotion, completers moving on) name the segment they go to by this.
/// </summary>
public readonly record struct SegmentId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>The training programmes a plan commissions, as the register names them (one type: <see cref="TrainingProgramme"/>).</summary>
public static class PlanningProgrammes
{
    /// <summary>The programmes a plan can commission trainees on. HSSE is an equivalence route, not a commissioned programme.</summary>
    public static IReadOnlyList<TrainingProgramme> Commissioned { get; } = [TrainingProgramme.Ptp, TrainingProgramme.Stp, TrainingProgramme.Hsst];

    /// <summary>The code planners write (PTP, STP, HSST), used in the scenario JSON, assumption ids and every output.</summary>
    public static string Code(this TrainingProgramme p) => p switch
    {
        TrainingProgramme.Ptp => "PTP",
        TrainingProgramme.Stp => "STP",
        TrainingProgramme.Hsst => "HSST",
        TrainingProgramme.Hsse => "HSSE",
        _ => throw new System.Diagnostics.UnreachableException($"No code for training programme {(int)p}"),
    };

    /// <summary>A commissioned programme from its code (any case), or null.</summary>
    public static TrainingProgramme? Parse(string? code) =>
        Commissioned.Cast<TrainingProgramme?>().FirstOrDefault(p => string.Equals(p!.Value.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
