using System.Text.Json;

namespace Cadre.Core.Planning;

/// <summary>
/// A plan as JSON: the one shape `cadre plan --json` prints and /api/v1/planning/scenarios/{id}/run returns (the API
/// adds the saved scenario's id). Documented in docs/decisions/planning-scenario-json.md. JSON has no infinity: a gap
/// extra trainees cannot close is <c>null</c>.
/// </summary>
public sealed record PlanDocument(Guid? ScenarioId, string Scenario, string StaffGroup, int StartYear, int EndYear, int TargetYear, int Runs, int Seed, string Headline,
    IReadOnlyList<PlanDocument.SegmentResult> Segments, IReadOnlyList<PlanDocument.YearRow> Total, IReadOnlyList<PlanDocument.SensitivityResult>? Sensitivity)
{
    /// <summary>Retirement by age and leaver rates by age band when the scenario sets them; null for the single age and rate.</summary>
    public ExitsByAgeResult? ExitsByAge { get; init; }

    public sealed record ExitsByAgeResult(string RetirementId, IReadOnlyList<RetirementAtAge> Retirement, string LeaversId, IReadOnlyList<LeaverBand> Leavers, string Source);

    public sealed record SpreadValues(double P10, double P50, double P90);
    public sealed record YearRow(int Year, double Demand, double Supply, double CentralSupply, SpreadValues SupplySpread, double Gap, double Leavers, double Retirements,
        double TraineesCompleting, double MovedIn, double MovedOut, double? CommissionsNeeded);
    public sealed record Commissions(string Programme, int FirstIntakeYear, int LastIntakeYear, int TargetYear, double GapAtTarget, double? PerYear, int? WholePerYear, SpreadValues? PerYearSpread)
    {
        /// <summary>Extra trainees a year that keep supply at demand after the target year (null when the horizon ends in it).</summary>
        public Sustaining? Sustaining { get; init; }
        /// <summary>Extra trainees by intake year keeping the gap at or below zero from the first year it can be closed (central projection).</summary>
        public IReadOnlyList<ProfileRow>? Profile { get; init; }
        /// <summary>The smallest level intake keeping the gap within the tolerance in at least the chosen share of runs.</summary>
        public Confident? Confident { get; init; }
    }
    public sealed record Sustaining(int FirstIntakeYear, int LastIntakeYear, double? PerYear, int? WholePerYear, SpreadValues? PerYearSpread);
    public sealed record ProfileRow(int IntakeYear, int JoiningYear, double? Trainees, double? WholeTrainees);
    public sealed record Confident(double ToleranceWte, double ShareOfRuns, int FirstIntakeYear, int LastIntakeYear, int FromYear, int ToYear, double? PerYear, int? WholePerYear);
    public sealed record Assumption(string Id, string Name, string Unit, double Value, double Low, double High, string Status, bool LocalInputNeeded, bool Overridden, string Source, string Caveat);
    public sealed record TransitionResult(string To, Assumption Share);
    /// <summary>A tornado row (<see cref="Planning.Sensitivity"/>): target-year gap and extra trainees a year at the assumption's low and high.</summary>
    public sealed record SensitivityResult(string Id, string Name, string Scope, double Low, double High, double GapAtLow, double GapAtHigh,
        double? CommissionsAtLow, double? CommissionsAtHigh, double Swing);
    public sealed record SegmentResult(string Id, string Name, string? Level, string? Band, string? Specialism, double EstablishmentWte, double StaffInPostHeadcount,
        double StaffInPostWte, IReadOnlyList<YearRow> Years, Commissions Commissions, IReadOnlyList<TransitionResult> Transitions, IReadOnlyList<Assumption> Assumptions);

    /// <summary>The serializer settings both the CLI and the API use (camel case, as the API's defaults).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static PlanDocument From(PlanResult r, Guid? scenarioId = null, IReadOnlyList<SensitivityRow>? sensitivity = null) => new(scenarioId, r.Scenario.Name, r.Scenario.StaffGroup, r.Scenario.StartYear,
        r.Scenario.EndYear, r.Scenario.TargetYear, r.Runs, r.Seed, r.Headline,
        r.Segments.Select(s => new SegmentResult(s.Segment.Id.Value, s.Segment.Name, s.Segment.Level, s.Segment.Band, s.Segment.Specialism, s.Segment.EstablishmentWte,
            s.Segment.StaffInPostHeadcount, s.Segment.StaffInPostWte, s.Years.Select(YearOf).ToList(), CommissionsOf(s.Commissions, s.Keeping),
            s.Segment.Transitions.Select(t => new TransitionResult(t.To.Value, AssumptionOf(t.Share))).ToList(),
            s.Assumptions.Select(AssumptionOf).ToList())).ToList(),
        r.Total.Select(YearOf).ToList(),
        sensitivity?.Select(x => new SensitivityResult(x.Id.Value, x.Name, x.Scope, x.Low, x.High, x.GapAtLow, x.GapAtHigh,
            Finite(x.CommissionsAtLow), Finite(x.CommissionsAtHigh), x.Swing)).ToList())
    {
        ExitsByAge = r.Scenario.ExitsByAge is { } e
            ? new ExitsByAgeResult(Planning.ExitsByAge.RetirementId.Value, e.Retirement, Planning.ExitsByAge.LeaversId.Value, e.Leavers, e.Source)
            : null,
    };

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static YearRow YearOf(PlanYear y) => new(y.Year, y.Demand, y.Supply, y.CentralSupply, SpreadOf(y.SupplySpread)!, y.Gap, y.Leavers, y.Retirements, y.TraineesCompleting,
        y.MovedIn, y.MovedOut, y.CommissionsNeeded is { } c && double.IsFinite(c) ? c : null);

    private static Commissions CommissionsOf(CommissionNeed c, KeepingTheGapClosed? k) => new(c.Programme.Code(), c.FirstIntakeYear, c.LastIntakeYear, c.TargetYear, c.GapAtTarget,
        double.IsFinite(c.PerYear) ? c.PerYear : null, double.IsFinite(c.PerYear) ? c.WholePerYear : null, SpreadOf(c.PerYearSpread))
    {
        Sustaining = k?.Sustaining is { } s ? new Sustaining(s.FirstIntakeYear, s.LastIntakeYear, Finite(s.PerYear), double.IsFinite(s.PerYear) ? s.WholePerYear : null, SpreadOf(s.PerYearSpread)) : null,
        Profile = k?.Profile.Select(p => new ProfileRow(p.IntakeYear, p.JoiningYear, Finite(p.Trainees), Finite(p.WholeTrainees))).ToList(),
        Confident = k?.Confident is { } f ? new Confident(f.ToleranceWte, f.ShareOfRuns, f.FirstIntakeYear, f.LastIntakeYear, f.FromYear, f.ToYear,
            Finite(f.PerYear), double.IsFinite(f.PerYear) ? f.WholePerYear : null) : null,
    };

    internal static Assumption AssumptionOf(PlanningAssumption a) =>
        new(a.Id.Value, a.Name, a.Unit, a.Value, a.Low, a.High, a.Status, a.LocalInputNeeded, a.Overridden, a.Source, a.Caveat);

    private static SpreadValues? SpreadOf(Spread s) => double.IsFinite(s.P10) && double.IsFinite(s.P50) && double.IsFinite(s.P90) ? new(s.P10, s.P50, s.P90) : null;
}
