namespace Cadre.Web.Features.Api;

/// <summary>A page of results: the items and where they sit in the whole list.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record DepartmentDto(Guid Id, string Name, string ScienceTheme, string? Site, int Posts);

/// <param name="Status">The status recorded on the post.</param>
/// <param name="Occupancy">Where the post stands today by its holders: the reading every figure uses.</param>
/// <param name="StatusToCheck">Recorded as vacant, yet somebody holds it.</param>
public sealed record PostSummaryDto(Guid Id, string PostNumber, string Title, Guid DepartmentId, string Department, string Band,
    decimal FundedWte, decimal InPostWte, PostStatus Status, string? OccupationCode, Occupancy Occupancy, bool StatusToCheck);

public sealed record ActivityDto(string Service, string? AreaOfWork, string ScienceTheme, int Percent);

public sealed record RoleDto(Guid Id, string Title, string? JobDescriptionReference, decimal Wte, string? OccupationCode, string? AreaOfWork);

public sealed record PostDto(Guid Id, string PostNumber, string Title, Guid DepartmentId, string Department, string Band,
    decimal FundedWte, string? CostCentre, PostStatus Status, string? OccupationCode, string? AreaOfWork,
    EntryRequirement EntryRequirement, bool ManagesDepartment, int DirectHcsPercent, bool ManagerRequiresHcsQualification,
    ConsultantAppointment ConsultantAppointment, IReadOnlyList<ActivityDto> Activities, IReadOnlyList<RoleDto> Roles, Guid Version)
{
    public static PostDto From(Post p) => new(p.Id, p.PostNumber, p.Title, p.DepartmentId, p.Department?.Name ?? "", p.Band.Code,
        p.FundedWte, p.CostCentre, p.Status, p.OccupationCode, p.AreaOfWork, p.EntryRequirement, p.ManagesDepartment,
        p.DirectHcsPercent, p.ManagerRequiresHcsQualification, p.ConsultantAppointment,
        p.Activities.OrderByDescending(a => a.Percent).Select(a => new ActivityDto(a.Service, a.AreaOfWork, a.ScienceTheme.ToString(), a.Percent)).ToList(),
        p.Roles.Select(r => new RoleDto(r.Id, r.Title, r.JobDescriptionReference, r.Wte, r.OccupationCode, r.AreaOfWork)).ToList(),
        p.Version);
}

/// <summary>What a client sends to create or replace a post. Version, when given, must match (else 409 Conflict).</summary>
public sealed record PostWriteDto
{
    public string PostNumber { get; init; } = "";
    public string Title { get; init; } = "";
    public Guid DepartmentId { get; init; }
    public string Band { get; init; } = "";
    public decimal FundedWte { get; init; } = 1.0m;
    public string? CostCentre { get; init; }
    public PostStatus Status { get; init; } = PostStatus.Funded;
    public string? OccupationCode { get; init; }
    public string? AreaOfWork { get; init; }
    public EntryRequirement EntryRequirement { get; init; } = EntryRequirement.Practitioner;
    public bool ManagesDepartment { get; init; }
    public int DirectHcsPercent { get; init; } = 100;
    public bool ManagerRequiresHcsQualification { get; init; }
    public ConsultantAppointment ConsultantAppointment { get; init; } = ConsultantAppointment.None;
    public List<ActivityDto>? Activities { get; init; }
    public Guid? Version { get; init; }
}

public sealed record PersonSummaryDto(Guid Id, string StaffNumber, string GivenName, string FamilyName, int? YearOfBirth, int CurrentAssignments, decimal CurrentWte);

/// <param name="PayPoint">The holder's Agenda for Change pay point where recorded ("Entry", "Intermediate", "Top").</param>
public sealed record AssignmentDto(Guid PostId, string PostNumber, string PostTitle, decimal Wte, DateOnly StartDate, DateOnly? EndDate, Guid Id, string Version, string? PayPoint = null, DateOnly? PayPointSince = null);
public sealed record RegistrationDto(Guid Id, RegistrationType Type, string Number, DateOnly? ExpiresOn, string Version)
{
    public static RegistrationDto From(ProfessionalRegistration r) => new(r.Id, r.Type, r.Number, r.ExpiresOn, Features.Shared.RecordToken.Of(r));
}
public sealed record CertificateDto(Guid Id, CertificateType Type, string? Number, string? Scope, DateOnly? ExpiresOn, string Version)
{
    public static CertificateDto From(Certificate c) => new(c.Id, c.Type, c.Number, c.Scope, c.ExpiresOn, Features.Shared.RecordToken.Of(c));
}
public sealed record TrainingDto(Guid Id, TrainingProgramme Programme, string Specialism, DateOnly StartDate, DateOnly ExpectedEndDate, StudyMode Mode, TrainingStatus Status, string Version)
{
    public static TrainingDto From(TrainingEnrolment t) => new(t.Id, t.Programme, t.Specialism, t.StartDate, t.ExpectedEndDate, t.Mode, t.Status, Features.Shared.RecordToken.Of(t));
}

/// <summary>
/// A person's assignment, registration, certificate or training place as the write endpoints return it: the one that is
/// set is the kind written. Version is a digest of the values as read (these records have no version column). Warning
/// is the page's note when an assignment leaves its post holding more WTE than it funds (allowed, worth knowing).
/// </summary>
public sealed record PersonRecordDto(Guid Id, string Version, AssignmentDto? Assignment, RegistrationDto? Registration, CertificateDto? Certificate, TrainingDto? Training,
    string? Warning = null)
{
    public static PersonRecordDto From(object record, AssignmentDto? assignment = null, string? warning = null) => record switch
    {
        Assignment a => new(a.Id, Features.Shared.RecordToken.Of(a), assignment, null, null, null, warning),
        ProfessionalRegistration r => new(r.Id, Features.Shared.RecordToken.Of(r), null, RegistrationDto.From(r), null, null),
        Certificate c => new(c.Id, Features.Shared.RecordToken.Of(c), null, null, CertificateDto.From(c), null),
        TrainingEnrolment t => new(t.Id, Features.Shared.RecordToken.Of(t), null, null, null, TrainingDto.From(t)),
        _ => throw new ArgumentException("Not a person's record", nameof(record)),
    };
}

/// <summary>Version is the one read from GET (409 Conflict when the person changed since).</summary>
public sealed record PersonDto(Guid Id, string StaffNumber, string GivenName, string FamilyName, int? YearOfBirth,
    IReadOnlyList<AssignmentDto> Assignments, IReadOnlyList<RegistrationDto> Registrations, IReadOnlyList<CertificateDto> Certificates,
    IReadOnlyList<TrainingDto> Training, Guid Version);

/// <summary>
/// What a client sends to add or change a person. PostNumber, Wte and StartDate are the post a new person starts in
/// (required for a service lead, ignored on change: use the people pages to move posts). Version, when given, must match.
/// </summary>
public sealed record PersonWriteDto
{
    public string? StaffNumber { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public int? YearOfBirth { get; init; }
    public string? PostNumber { get; init; }
    public decimal? Wte { get; init; }
    public DateOnly? StartDate { get; init; }
    public Guid? Version { get; init; }

    public Features.People.PersonInput ToInput() => new()
    {
        StaffNumber = StaffNumber, GivenName = GivenName, FamilyName = FamilyName,
        YearOfBirth = YearOfBirth?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PostNumber = PostNumber, Wte = (Wte ?? 1.00m).ToString(System.Globalization.CultureInfo.InvariantCulture), StartDate = ApiFields.Date(StartDate),
    };
}

/// <summary>
/// An assignment (postNumber, wte — default 1.00 —, startDate, endDate, payPoint — Entry, Intermediate or Top; absent means not recorded —, payPointSince), a registration (registrationType, number, expiresOn), certificate (certificateType, number, scope, expiresOn) or
/// training place (programme, specialism, startDate, expectedEndDate, mode, status). Choices are sent by name
/// ("Hcpc", "FullTime") and checked as the form checks them. Version, when given, must match the one read.
/// </summary>
public sealed record PersonRecordWriteDto
{
    public string? PostNumber { get; init; }
    public decimal? Wte { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? PayPoint { get; init; }
    public DateOnly? PayPointSince { get; init; }
    public string? RegistrationType { get; init; }
    public string? CertificateType { get; init; }
    public string? Number { get; init; }
    public string? Scope { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public string? Programme { get; init; }
    public string? Specialism { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? ExpectedEndDate { get; init; }
    public string? Mode { get; init; } = nameof(StudyMode.FullTime);
    public string? Status { get; init; } = nameof(TrainingStatus.Active);
    public string? Version { get; init; }

    public Features.People.RecordInput ToInput() => new()
    {
        RegistrationType = RegistrationType, CertificateType = CertificateType, Number = Number, Scope = Scope, ExpiresOn = ApiFields.Date(ExpiresOn),
        Programme = Programme, Specialism = Specialism, StartDate = ApiFields.Date(StartDate), ExpectedEndDate = ApiFields.Date(ExpectedEndDate),
        Mode = Mode, Status = Status,
        PostNumber = PostNumber, Wte = (Wte ?? 1.00m).ToString(System.Globalization.CultureInfo.InvariantCulture), EndDate = ApiFields.Date(EndDate),
        PayPoint = PayPoint, PayPointSince = ApiFields.Date(PayPointSince),
    };
}

public sealed record AccreditationDto(Guid Id, string Scheme, string Standard, AccreditationStatus Status, DateOnly? AwardedOn, DateOnly? ExpiresOn, string Version)
{
    public static AccreditationDto From(Accreditation a) => new(a.Id, a.Scheme, a.Standard, a.Status, a.AwardedOn, a.ExpiresOn, Features.Shared.RecordToken.Of(a));
}

/// <summary>One service. The lead's staff number and name are given only to roles that see people; others learn only that one is recorded.</summary>
public sealed record DepartmentDetailDto(Guid Id, string Name, string? ScienceTheme, string? Site, bool LeadRecorded, string? LeadStaffNumber, string? LeadName,
    IReadOnlyList<AccreditationDto> Accreditations, string Version);

/// <summary>What a client sends to add or change a service. The lead is named by staff number, as on the form. Version, when given, must match.</summary>
public sealed record DepartmentWriteDto
{
    public string? Name { get; init; }
    public string? ScienceTheme { get; init; }
    public string? Site { get; init; }
    public string? LeadStaffNumber { get; init; }
    /// <summary>For a new service of a member of several organisations: the organisation's id (ignored for one organisation, and on change).</summary>
    public Guid? OrganisationId { get; init; }
    public string? Version { get; init; }

    public Features.Departments.DepartmentInput ToInput() => new() { Name = Name, Theme = ScienceTheme, Site = Site, LeadStaffNumber = LeadStaffNumber, OrganisationId = OrganisationId };

    /// <summary>The form calls the theme "Theme"; the API calls it as the department does.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string> { ["Theme"] = "ScienceTheme" };
}

public sealed record AccreditationWriteDto
{
    public string? Scheme { get; init; }
    public string? Standard { get; init; }
    public string? Status { get; init; }
    public DateOnly? AwardedOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public string? Version { get; init; }

    public Features.Departments.AccreditationInput ToInput() => new()
    {
        Scheme = Scheme, Standard = Standard, Status = Status, AwardedOn = ApiFields.Date(AwardedOn), ExpiresOn = ApiFields.Date(ExpiresOn),
    };
}
