using Cadre.Core.JobEvaluation;
using Cadre.Core.Register;

namespace Cadre.Core.Intelligence;

// The plain rows the reports read. The data layer fills them through the reader's organisation (and department) scope,
// so a report can only ever describe what its reader may see. No names, staff numbers or registration numbers: the
// reports are aggregate, and a snapshot that never holds personal details cannot leak them.

/// <summary>Everything the workforce reports need, as at one day.</summary>
public sealed record WorkforceSnapshot
{
    /// <summary>The day the figures describe: who is in post, what is due, what has lapsed.</summary>
    public required DateOnly On { get; init; }
    public IReadOnlyList<OrganisationRow> Organisations { get; init; } = [];
    public IReadOnlyList<DepartmentRow> Departments { get; init; } = [];
    public IReadOnlyList<PostRow> Posts { get; init; } = [];
    /// <summary>Current assignments only (in post on <see cref="On"/>).</summary>
    public IReadOnlyList<HolderRow> Holders { get; init; } = [];
    public IReadOnlyList<PersonRow> People { get; init; } = [];
    public IReadOnlyList<RegistrationRow> Registrations { get; init; } = [];
    public IReadOnlyList<CertificateRow> Certificates { get; init; } = [];
    public IReadOnlyList<EnrolmentRow> Enrolments { get; init; } = [];
    public IReadOnlyList<AccreditationRow> Accreditations { get; init; } = [];
    /// <summary>Whether the coding engine was run over the posts; when false the coding measures say "not checked".</summary>
    public bool CodingChecked { get; init; }
    public IReadOnlyList<CodingRow> Coding { get; init; } = [];
    /// <summary>Coding decisions people have recorded (accepted or overridden proposals), one per role decided.</summary>
    public IReadOnlyList<CodingDecisionRow> CodingDecisions { get; init; } = [];
    /// <summary>The band of each post's latest job evaluation outcome (posts never evaluated are absent).</summary>
    public IReadOnlyList<JobEvaluationRow> JobEvaluations { get; init; } = [];
}

/// <param name="Area">The high cost area zone its staff are paid in (costs only).</param>
public sealed record OrganisationRow(Guid Id, string OdsCode, string Name, Cadre.Core.Money.HighCostArea Area = Cadre.Core.Money.HighCostArea.None);

/// <param name="Theme">The U-matrix science theme the department mainly works in; null outside healthcare science.</param>
/// <param name="LeadPersonId">The person recorded as leading the service, if any (an id only, like every person row).</param>
public sealed record DepartmentRow(Guid Id, Guid OrganisationId, string Name, char? Theme, Guid? LeadPersonId = null);

/// <summary>A post on the establishment.</summary>
/// <param name="Programme">The trainee programme, as recorded or read from the title by the coding rules; None when not a trainee post.</param>
/// <param name="Split">How the post's time splits across science themes (empty: all in the department's theme).</param>
/// <param name="AreasOfWork">The ESR Areas of Work the post's activities (or the post itself) record.</param>
public sealed record PostRow(
    Guid Id, Guid OrganisationId, Guid DepartmentId, string Title, PayBand Band, decimal FundedWte, PostStatus Status,
    string? OccupationCode, TraineeProgramme Programme, IReadOnlyList<ThemeShare> Split, IReadOnlyList<string> AreasOfWork);

public sealed record ThemeShare(char Theme, int Percent);

/// <summary>Someone in (part of) a post on the day, with their pay point where recorded (costs only; never shown per person).</summary>
public sealed record HolderRow(Guid PostId, Guid PersonId, decimal Wte, Cadre.Core.Money.PayPoint? Point = null);

public sealed record PersonRow(Guid Id, int? YearOfBirth);

public sealed record RegistrationRow(Guid PersonId, RegistrationType Type, DateOnly? ExpiresOn);

public sealed record CertificateRow(Guid PersonId, CertificateType Type, DateOnly? ExpiresOn);

public sealed record EnrolmentRow(Guid PersonId, TrainingProgramme Programme, string Specialism, DateOnly StartDate, DateOnly ExpectedEndDate, TrainingStatus Status, StudyMode Mode);

public sealed record AccreditationRow(Guid DepartmentId, string Scheme, string Standard, AccreditationStatus Status, DateOnly? ExpiresOn);

/// <summary>
/// One post's coding check: its roles (one per job description), how many the engine could propose a code for, how many
/// of those hold a different code today, and how many need a person's review.
/// </summary>
public sealed record CodingRow(Guid PostId, int Roles, int Proposed, int Miscoded, int ToReview);

/// <param name="Overridden">A person chose another code than the one proposed (with a reason).</param>
public sealed record CodingDecisionRow(Guid PostId, bool Overridden);

/// <param name="Band">The band the latest outcome gave, as written on it (e.g. "7").</param>
public sealed record JobEvaluationRow(Guid PostId, JeBand Band);
