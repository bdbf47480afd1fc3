namespace Cadre.Core.Planning;

/// <summary>Staff of one year of birth (or of unknown age, <c>YearOfBirth</c> null) in a segment at the start.</summary>
public sealed record StaffCohort(int? YearOfBirth, double Headcount, double Wte);

/// <summary>Trainees starting a programme in a year; they join the segment when the programme ends, less withdrawals.</summary>
public sealed record TraineeIntake(string Programme, int Year, double Trainees);

/// <summary>
/// One part of the staff group planned on its own: a level or band within a specialism (for example "Clinical
/// Scientists, band 7, Radiotherapy Physics"). <c>Assumptions</c> override the scenario's for this segment only.
/// </summary>
public sealed record Segment(
    string Name,
    string? Level,
    string? Band,
    string? Specialism,
    double EstablishmentWte,
    IReadOnlyList<StaffCohort> StaffInPost,
    IReadOnlyList<TraineeIntake> Intake,
    string CommissionProgramme,
    IReadOnlyDictionary<string, PlanningAssumption> Assumptions)
{
    public double StaffInPostWte => StaffInPost.Sum(c => c.Wte);
    public double StaffInPostHeadcount => StaffInPost.Sum(c => c.Headcount);
}

/// <summary>
/// A planner's scenario: a staff group from a start year for a number of years, with the year by which the gap should
/// be closed. Assumptions named here replace the defaults for every segment.
/// </summary>
public sealed record Scenario(
    string Name,
    string StaffGroup,
    int StartYear,
    int Years,
    int TargetYear,
    IReadOnlyList<Segment> Segments,
    IReadOnlyDictionary<string, PlanningAssumption> Assumptions)
{
    public int EndYear => StartYear + Years;

    /// <summary>The assumptions in force for a segment: defaults, then the scenario's, then the segment's.</summary>
    public IReadOnlyDictionary<string, PlanningAssumption> AssumptionsFor(Segment segment)
    {
        var merged = new Dictionary<string, PlanningAssumption>(PlanningAssumptions.Defaults, StringComparer.Ordinal);
        foreach (var (k, v) in Assumptions) merged[k] = v;
        foreach (var (k, v) in segment.Assumptions) merged[k] = v;
        return merged;
    }
}

/// <summary>A scenario that cannot be planned, naming the field at fault (for example <c>segments[0].staffInPost[2].wte</c>).</summary>
public sealed class ScenarioException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
