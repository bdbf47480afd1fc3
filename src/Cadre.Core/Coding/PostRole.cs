using Cadre.Core.Register;

namespace Cadre.Core.Coding;

// The pay band, entry requirement, trainee programme and consultant appointment are the register's own types
// (Cadre.Core.Register): one concept, one type, so a post's values reach the engine without a mapping that could drift.

/// <summary>The share of a role's time spent in one service, Area of Work or specialism, as the practitioner wrote it.</summary>
public sealed record Activity(string Name, decimal Percent);

/// <summary>
/// One role of a post, described the way a head of department knows it: the job description's entry requirement,
/// what the role does and in what proportion, and the management and appointment facts the coding rules ask about.
/// A post with two job descriptions is two roles with the same <see cref="PostId"/>.
/// </summary>
public sealed record PostRole
{
    public required string PostId { get; init; }
    public string Role { get; init; } = "";
    public string Title { get; init; } = "";
    public string Department { get; init; } = "";
    public required PayBand PayBand { get; init; }
    public decimal Wte { get; init; } = 1m;
    public OccupationCode? CurrentCode { get; init; }
    public string CurrentAreaOfWork { get; init; } = "";
    public required EntryRequirement EntryRequirement { get; init; }
    public bool Specialist { get; init; }
    public TraineeProgramme TraineeProgramme { get; init; } = TraineeProgramme.None;
    public bool ManagesDepartment { get; init; }
    public decimal DirectHcsPercent { get; init; } = 100m;
    public bool RequiresHcsQualification { get; init; } = true;
    public ConsultantAppointment ConsultantAppointment { get; init; } = ConsultantAppointment.None;
    public required IReadOnlyList<Activity> Activities { get; init; }
    public IReadOnlyList<string> Registrations { get; init; } = [];

    /// <summary>
    /// False for a vacant post: nobody holds it, so there is no registration to record yet and the protected-title check
    /// (ESR-TITLE-01) cannot ask for one. An ESR extract row is always a holder's assignment, so the default is true.
    /// </summary>
    public bool HasHolder { get; init; } = true;
}
