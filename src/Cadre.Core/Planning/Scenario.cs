using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>Staff of one year of birth (or of unknown age, <c>YearOfBirth</c> null) in a segment at the start.</summary>
public sealed record StaffCohort(int? YearOfBirth, double Headcount, double Wte);

/// <summary>
/// Trainees starting a programme in a year; they join the segment when the programme ends, less withdrawals. When
/// <c>From</c> names another segment the trainees are already its staff (in-service training, as HSST trainees are
/// scientists): on completing they leave it, so each is counted once.
/// </summary>
public sealed record TraineeIntake(TrainingProgramme Programme, int Year, double Trainees, SegmentId? From = null)
{
    /// <summary>Part-time trainees take <c>PLAN-DUR-PT-…</c> years, not <c>PLAN-DUR-…</c>, unless <see cref="Completes"/> is known.</summary>
    public StudyMode Mode { get; init; } = StudyMode.FullTime;

    /// <summary>The year they are expected to complete (the register's expected end date); when known it decides, whatever the mode or duration.</summary>
    public int? Completes { get; init; }
}

/// <summary>A yearly flow of staff from one segment to another (promotion 7 → 8a → 8b → consultant), its share an assumption with its own range and source.</summary>
public sealed record Transition(SegmentId To, PlanningAssumption Share);

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
    TrainingProgramme CommissionProgramme,
    IReadOnlyDictionary<AssumptionId, PlanningAssumption> Assumptions)
{
    /// <summary>The segment's id in the scenario: its <c>id</c> when the JSON gives one, else its name.</summary>
    public SegmentId Id { get; init; } = new(Name);

    /// <summary>Staff moving each year to other segments (none unless the scenario names them).</summary>
    public IReadOnlyList<Transition> Transitions { get; init; } = [];

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
    IReadOnlyDictionary<AssumptionId, PlanningAssumption> Assumptions)
{
    public int EndYear => StartYear + Years;

    /// <summary>What keeping the gap closed asks of the confident intake (<c>commissioning</c> in the JSON).</summary>
    public CommissioningRule Commissioning { get; init; } = CommissioningRule.Default;

    /// <summary>Retirement by age and leaver rates by age band for every segment (<c>exitsByAge</c>); null: the single age and rate.</summary>
    public ExitsByAge? ExitsByAge { get; init; }

    /// <summary>The assumptions in force for a segment: defaults, then the scenario's, then the segment's.</summary>
    public IReadOnlyDictionary<AssumptionId, PlanningAssumption> AssumptionsFor(Segment segment)
    {
        var merged = new Dictionary<AssumptionId, PlanningAssumption>(PlanningAssumptions.Defaults);
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
