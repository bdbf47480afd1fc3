namespace Cadre.Core.Register;

// The establishment register. Keys are GUIDs made when the object is created (version 7, so they sort by time and index
// well), which lets an import link rows before anything is saved and lets the audit name a new row in the same save.

/// <summary>An NHS organisation (trust, health board) identified by its ODS code.</summary>
public class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    /// <summary>Organisation Data Service code, e.g. "RXX" (the demo uses clearly fictional codes beginning with 'Z').</summary>
    public string OdsCode { get; set; } = "";
    /// <summary>The high cost area zone its staff are paid in (NHS Terms and Conditions of Service Handbook, Annex 8); costs only.</summary>
    public Cadre.Core.Money.HighCostArea HighCostArea { get; set; }
    public List<Department> Departments { get; set; } = [];
}

/// <summary>A department or service, e.g. "Radiotherapy Physics", with the science theme it mainly works in.</summary>
public class Department : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string Name { get; set; } = "";
    /// <summary>
    /// Science theme character of the U-matrix the department mainly works in (H Medical Physics, J Clinical Engineering,
    /// E, F...); empty for a department outside healthcare science, such as Estates, that still holds scientific posts.
    /// </summary>
    public char? ScienceTheme { get; set; }
    public string? Site { get; set; }
    /// <summary>The person who leads the service (seed 002: normally a Consultant Clinical Scientist).</summary>
    public Guid? LeadPersonId { get; set; }
    public Person? LeadPerson { get; set; }
    public List<Accreditation> Accreditations { get; set; } = [];
    public List<Post> Posts { get; set; } = [];
}

/// <summary>A service accreditation held or sought by a department, e.g. UKAS MPACE against BS 70000.</summary>
public class Accreditation : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>The scheme and its body, e.g. "UKAS MPACE", "UKAS IQIPS".</summary>
    public string Scheme { get; set; } = "";
    /// <summary>The standard assessed against, e.g. "BS 70000", "ISO 15189".</summary>
    public string Standard { get; set; } = "";
    public AccreditationStatus Status { get; set; }
    public DateOnly? AwardedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>
/// A post on the establishment: the thing that is funded, coded and graded, whoever holds it (seed 000: "it is the post
/// that is coded, not the person").
/// </summary>
public class Post : IDepartmentOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>The local position number, unique in the organisation (ESR position number or the finance post id).</summary>
    public string PostNumber { get; set; } = "";
    public string Title { get; set; } = "";
    public PayBand Band { get; set; } = PayBand.Band5;
    /// <summary>Whole-time equivalent the budget funds, 0 to 1.00.</summary>
    public decimal FundedWte { get; set; } = 1.0m;
    public string? CostCentre { get; set; }
    public PostStatus Status { get; set; } = PostStatus.Funded;
    /// <summary>The occupation code ESR holds today (may be wrong or retired: checking it is the coding feature's job).</summary>
    public string? OccupationCode { get; set; }
    /// <summary>The ESR Area of Work held today, e.g. "Radiotherapy Physics".</summary>
    public string? AreaOfWork { get; set; }
    /// <summary>Entry qualification the post requires; decides the level character of the code.</summary>
    public EntryRequirement EntryRequirement { get; set; } = EntryRequirement.Practitioner;
    /// <summary>Operationally responsible for a department (budget, staff, assets): a candidate for a manager code.</summary>
    public bool ManagesDepartment { get; set; }
    /// <summary>Share of time in direct healthcare science activity, 0-100 (seed 000: over 10% keeps a manager a scientist).</summary>
    public int DirectHcsPercent { get; set; } = 100;
    /// <summary>Whether the management role needs a healthcare science qualification (if not, the G matrix applies).</summary>
    public bool ManagerRequiresHcsQualification { get; set; }
    public ConsultantAppointment ConsultantAppointment { get; set; } = ConsultantAppointment.None;
    /// <summary>
    /// Whether the post needs specialist expertise beyond its entry qualification, as a person recorded it; null when not
    /// recorded, in which case the coding reads it from the title and band (docs/decisions/coding-workflow.md).
    /// </summary>
    public bool? Specialist { get; set; }
    /// <summary>The training programme of a trainee post, as recorded; null when not recorded (read from the title).</summary>
    public TraineeProgramme? TraineeProgramme { get; set; }
    /// <summary>How the post's time splits across services / areas of work; percentages sum to 100 when present.</summary>
    public List<PostActivity> Activities { get; set; } = [];
    /// <summary>One row per job description; a post with two JDs has two roles, each with its WTE and own code.</summary>
    public List<PostRole> Roles { get; set; } = [];
    public List<Assignment> Assignments { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A share of a post's time in one service / area of work.</summary>
public class PostActivity : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PostId { get; set; }
    public Post? Post { get; set; }
    /// <summary>The local service as the department names it, e.g. "Mammography QA services".</summary>
    public string Service { get; set; } = "";
    /// <summary>The U-matrix Area of Work it falls under (seed 000 Appendix 1), e.g. "Breast Screening".</summary>
    public string? AreaOfWork { get; set; }
    /// <summary>Science theme of the activity (vascular work is E even inside Medical Physics).</summary>
    public char ScienceTheme { get; set; }
    public int Percent { get; set; }
}

/// <summary>One job description within a post (seed 000: two roles with two JDs get two codes and the WTE of each).</summary>
public class PostRole : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PostId { get; set; }
    public Post? Post { get; set; }
    public string Title { get; set; } = "";
    public string? JobDescriptionReference { get; set; }
    public decimal Wte { get; set; }
    public string? OccupationCode { get; set; }
    public string? AreaOfWork { get; set; }
}

/// <summary>A member of staff. Year of birth only, never a full date of birth: planning needs age bands, nothing more.</summary>
public class Person : IOrganisationOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>ESR assignment/staff number, unique in the organisation.</summary>
    public string StaffNumber { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public int? YearOfBirth { get; set; }
    public List<Assignment> Assignments { get; set; } = [];
    public List<ProfessionalRegistration> Registrations { get; set; } = [];
    public List<Certificate> Certificates { get; set; } = [];
    public List<TrainingEnrolment> TrainingEnrolments { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    public string DisplayName => $"{GivenName} {FamilyName}".Trim();
}

/// <summary>A person holding (part of) a post for a period.</summary>
public class Assignment : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid PostId { get; set; }
    public Post? Post { get; set; }
    public decimal Wte { get; set; } = 1.0m;
    public DateOnly StartDate { get; set; }
    /// <summary>Last day in post; empty while current.</summary>
    public DateOnly? EndDate { get; set; }
    /// <summary>The holder's Agenda for Change pay point in the post's band, where recorded (what they cost; never reported per person).</summary>
    public Cadre.Core.Money.PayPoint? PayPoint { get; set; }
    /// <summary>The day they reached <see cref="PayPoint"/> (for pay progression, PAY-PROG-01); empty when not recorded.</summary>
    public DateOnly? PayPointSince { get; set; }

    public bool IsCurrentOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);
}

/// <summary>Registration with HCPC, AHCS or the HSSR. HSCIC asks for protected titles to be recorded here as well as in the title.</summary>
public class ProfessionalRegistration : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public RegistrationType Type { get; set; }
    /// <summary>Registration number, e.g. "CS012345" for HCPC.</summary>
    public string Number { get; set; } = "";
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>A certificate for a statutory expert role (MPE, RPA, RWA, DGSA, LPA).</summary>
public class Certificate : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public CertificateType Type { get; set; }
    public string? Number { get; set; }
    /// <summary>What it covers, e.g. "Radiotherapy" for an MPE.</summary>
    public string? Scope { get; set; }
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>A place on a national training programme.</summary>
public class TrainingEnrolment : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public TrainingProgramme Programme { get; set; }
    /// <summary>The programme specialism, e.g. "Radiotherapy Physics".</summary>
    public string Specialism { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly ExpectedEndDate { get; set; }
    public StudyMode Mode { get; set; } = StudyMode.FullTime;
    public TrainingStatus Status { get; set; } = TrainingStatus.Active;
}

/// <summary>
/// One change to one record: who, when, what, and the record before and after as JSON. Written by the data layer on every
/// create, update and delete; never updated or deleted.
/// </summary>
public class AuditEntry : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>When the change was saved, UTC.</summary>
    public DateTime When { get; set; }
    /// <summary>Who made it, as shown to users (display name or "cadre import").</summary>
    public string Who { get; set; } = "";
    /// <summary>The signed-in user's id, when a user (not the system) made it.</summary>
    public string? WhoUserId { get; set; }
    /// <summary>The record type, e.g. "Post".</summary>
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    /// <summary>For events of a request (sign-in, token use, export, a record read): the caller's network address.</summary>
    public string? Address { get; set; }
    /// <summary>For events of a request: the caller's browser or program, as it names itself.</summary>
    public string? UserAgent { get; set; }
    /// <summary>Position in the trail, from 1 with no gaps: a missing number is a deleted entry.</summary>
    public long Sequence { get; set; }
    /// <summary>
    /// The seal: a keyed hash of this entry and the previous entry's seal, so changing, removing or inserting an entry
    /// breaks the chain from there on. Empty only for entries written before the chain began.
    /// </summary>
    public string Hash { get; set; } = "";
}

/// <summary>Column sizes of the request details on an <see cref="AuditEntry"/>; longer values are cut, not refused.</summary>
public static class AuditLimits
{
    public const int Address = 64;       // an IPv6 address with a zone fits
    public const int UserAgent = 512;    // browsers send about 150 characters; anything past 512 is noise
}
