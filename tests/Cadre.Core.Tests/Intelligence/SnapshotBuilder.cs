using Cadre.Core.Intelligence;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Intelligence;

/// <summary>Small hand-built snapshots: each test adds the rows it needs and works its expected figures out by hand.</summary>
internal sealed class SnapshotBuilder
{
    public static readonly DateOnly Day = new(2026, 6, 30);

    public List<OrganisationRow> Organisations { get; } = [];
    public List<DepartmentRow> Departments { get; } = [];
    public List<PostRow> Posts { get; } = [];
    public List<HolderRow> Holders { get; } = [];
    public List<PersonRow> People { get; } = [];
    public List<RegistrationRow> Registrations { get; } = [];
    public List<CertificateRow> Certificates { get; } = [];
    public List<EnrolmentRow> Enrolments { get; } = [];
    public List<AccreditationRow> Accreditations { get; } = [];
    public List<CodingRow> Coding { get; } = [];
    public List<JobEvaluationRow> JobEvaluations { get; } = [];
    public List<CodingDecisionRow> CodingDecisions { get; } = [];
    public bool CodingChecked { get; set; }

    public Guid Organisation(string ods, string name)
    {
        var id = Guid.NewGuid();
        Organisations.Add(new OrganisationRow(id, ods, name));
        return id;
    }

    public Guid Department(Guid organisation, string name, char? theme)
    {
        var id = Guid.NewGuid();
        Departments.Add(new DepartmentRow(id, organisation, name, theme));
        return id;
    }

    public Guid Post(Guid department, string band, decimal funded, PostStatus status = PostStatus.Funded, string title = "Healthcare Science Practitioner",
        string? code = null, TraineeProgramme programme = TraineeProgramme.None, ThemeShare[]? split = null, string[]? areas = null)
    {
        var id = Guid.NewGuid();
        var organisation = Departments.Single(d => d.Id == department).OrganisationId;
        Posts.Add(new PostRow(id, organisation, department, title, PayBand.Parse(band), funded, status, code, programme, split ?? [], areas ?? []));
        return id;
    }

    /// <summary>A person in post at the given WTE (a new person each call).</summary>
    public Guid Hold(Guid post, decimal wte, int? born = 1980)
    {
        var person = Guid.NewGuid();
        People.Add(new PersonRow(person, born));
        Holders.Add(new HolderRow(post, person, wte));
        return person;
    }

    public WorkforceSnapshot Build() => new()
    {
        On = Day, Organisations = Organisations, Departments = Departments, Posts = Posts, Holders = Holders, People = People,
        Registrations = Registrations, Certificates = Certificates, Enrolments = Enrolments, Accreditations = Accreditations,
        CodingChecked = CodingChecked, Coding = Coding, CodingDecisions = CodingDecisions, JobEvaluations = JobEvaluations,
    };
}
