namespace Cadre.Web.Features.Api;

/// <summary>A page of results: the items and where they sit in the whole list.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record DepartmentDto(Guid Id, string Name, string ScienceTheme, string? Site, int Posts);

public sealed record PostSummaryDto(Guid Id, string PostNumber, string Title, Guid DepartmentId, string Department, string Band,
    decimal FundedWte, decimal InPostWte, PostStatus Status, string? OccupationCode);

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

public sealed record AssignmentDto(Guid PostId, string PostNumber, string PostTitle, decimal Wte, DateOnly StartDate, DateOnly? EndDate);
public sealed record RegistrationDto(RegistrationType Type, string Number, DateOnly? ExpiresOn);
public sealed record CertificateDto(CertificateType Type, string? Number, string? Scope, DateOnly? ExpiresOn);
public sealed record TrainingDto(TrainingProgramme Programme, string Specialism, DateOnly StartDate, DateOnly ExpectedEndDate, StudyMode Mode, TrainingStatus Status);

public sealed record PersonDto(Guid Id, string StaffNumber, string GivenName, string FamilyName, int? YearOfBirth,
    IReadOnlyList<AssignmentDto> Assignments, IReadOnlyList<RegistrationDto> Registrations, IReadOnlyList<CertificateDto> Certificates,
    IReadOnlyList<TrainingDto> Training);
