namespace Cadre.Core.Coding;

/// <summary>A coding rule and the paragraph it rests on, so every decision can be traced to its source.</summary>
public sealed record CodingRule(string Id, string Summary, string Document, string Section);

/// <summary>The rules Cadre applies, by id. Ids are stable: reports, overrides and tests refer to them.</summary>
public static class CodingRules
{
    private const string Ipem = "IPEM guidance on coding Medical Physics and Clinical Engineering staff within ESR";
    private const string Manual = "NHS Occupation Code Manual";

    public static readonly CodingRule PostNotPerson = new("ESR-POST-01",
        "The post is coded, not the person: the level follows the educational entry level the post requires, whatever the holder holds.",
        Ipem, "Background (\"it is the post that is coded, not the person\")");

    public static readonly CodingRule TwoJobDescriptions = new("ESR-POST-02",
        "A member of staff with two roles and two job descriptions gets two codes, each with the WTE spent on it.",
        Ipem, "Area of Work: Mixed roles");

    public static readonly CodingRule ThemeByActivity = new("ESR-THEME-01",
        "The science theme follows the role's activity, not the department it sits in (vascular scientists in Medical Physics are U*E; EBME staff in Estates are U*J).",
        Ipem, "Selection of Matrix and Science Theme");

    public static readonly CodingRule AreaByMajority = new("ESR-AREA-01",
        "The Area of Work is the one where more than 50% of the time is spent.",
        Ipem, "Area of Work: Mixed roles");

    public static readonly CodingRule AreaTieByTitle = new("ESR-AREA-02",
        "When time is split exactly 50:50, the job title and description decide (a Clinical Engineer half in radiation safety is coded as a Clinical Engineer).",
        Ipem, "Area of Work: Mixed roles");

    public static readonly CodingRule AreaSpecificNotOverSpecific = new("ESR-AREA-03",
        "Use a specific Area of Work where the work justifies it, not an over-specific one: mammography among several imaging modalities is Diagnostic and Interventional Radiology; solely breast screening is Breast Screening.",
        Ipem, "Area of Work: Mixed roles; Selecting area of work, when not precisely defined");

    public static readonly CodingRule ListOfServices = new("ESR-AREA-04",
        "Local services are recorded under the Area of Work the IPEM List of Services gives them, for consistency across England and Wales.",
        Ipem, "Selecting area of work, when not precisely defined; Appendix 1: List of Services");

    public static readonly CodingRule Consultant = new("ESR-CONS-01",
        "A post is coded Consultant (UA*) when the job title is \"Consultant\", it is on band 8c or above, and the appointment was by a consultant panel or an equally rigorous peer-reviewed process.",
        Ipem, "Consultant Healthcare Scientist Code (UA*)");

    public static readonly CodingRule ManagerLittleScience = new("ESR-MGR-01",
        "A manager operationally responsible for a department who needs an HCS qualification and spends 10% or less of the time in direct healthcare science activity is coded U0*.",
        Ipem, "Manager Code (U0*), Occupation Code Manual points 1 and 2");

    public static readonly CodingRule ManagerWithScience = new("ESR-MGR-02",
        "A manager who spends more than 10% of the time in direct healthcare science activity (including equipment selection and taking scientific responsibility for service delivery) is coded for the healthcare science role, usually UA*.",
        Ipem, "Manager Code (U0*), IPEM recommendation");

    public static readonly CodingRule ManagerNoQualification = new("ESR-MGR-03",
        "A manager who does not need to be a qualified healthcare scientist is coded on the G matrix (administration and estates), not the U matrix.",
        Ipem, "Manager Code (U0*), Occupation Code Manual point 3");

    public static readonly CodingRule Trainee = new("ESR-TRAIN-01",
        "Trainee posts take the trainee level of their programme: STP -> Trainee Clinical Scientist (U6*), PTP -> Trainee Healthcare Science Practitioner (U7*), associate route -> Trainee Healthcare Science Associate (U8*), trainee biomedical scientist -> UF* (themes A-D).",
        Manual + " v22.1 (levels 6, 7, 8, F); reference notes section 8", "Trainees");

    public static readonly CodingRule HsstSubstantive = new("ESR-TRAIN-02",
        "HSST trainees are registered scientists employed at band 7 or above; v22.1 has no HSST trainee level, so the post is coded at its substantive level.",
        Manual + " v22.1; reference notes section 8", "Trainees");

    public static readonly CodingRule AssistantAssociateBands = new("ESR-BAND-01",
        "As a plausibility check, associates are largely on band 4 and assistants on bands 2 and 3; a post outside that range is reviewed.",
        Ipem, "Assistants and Associates");

    public static readonly CodingRule TechnologistCeiling = new("ESR-TECH-01",
        "U3* is the highest non-manager level open to practitioners; a practitioner-entry post on band 7 or above is flagged for review, the inconsistency IPEM points out.",
        Ipem, "Issues and Inconsistencies");

    public static readonly CodingRule ProtectedTitle = new("ESR-TITLE-01",
        "A protected title (Clinical Scientist, Biomedical Scientist) in the job title should be matched by the registration recorded in the Professional Registration field.",
        Ipem, "Protected Titles");

    public static readonly CodingRule OtTechnicians = new("ESR-SMAT-01",
        "S4C is for occupational therapy technicians who support existing equipment only; those who develop or modify equipment are U4J with the Area of Work Rehabilitation Engineering.",
        Ipem, "Selection of Matrix and Science Theme, S-matrix note 8");

    public static readonly CodingRule S4FClosed = new("ESR-SMAT-02",
        "S4F (Radiography (diagnostic) Technician) is closed; staff formerly coded there are Healthcare Science Practitioners in Medical Physics (U4H).",
        Ipem, "Selection of Matrix and Science Theme, S-matrix note 16");

    public static readonly CodingRule OtherSCodes = new("ESR-SMAT-03",
        "Posts coded S*X or elsewhere on the S matrix may be better coded on the U matrix and are reviewed.",
        Ipem, "Selection of Matrix and Science Theme, S-matrix note 18");

    public static readonly CodingRule TMatrixRetired = new("ESR-TMAT-01",
        "The T matrix is retired; old values cannot simply be mapped to new ones, so a T-coded post is coded afresh by these rules.",
        Ipem, "Background");

    public static readonly CodingRule VersionInForce = new("ESR-VER-01",
        "A code is checked against the Occupation Code Manual version in force on the date of coding; retired codes must be replaced.",
        Manual + " v12 and v22.1", "Occupation Code Lookup");

    public static readonly CodingRule EntryLevel = new("ESR-LEVEL-01",
        "The level character follows the entry requirement: assistant 9, associate 5, practitioner 4 (specialist 3), clinical scientist 2 (specialist 1), biomedical scientist E (specialist D, themes A-D).",
        Manual + " v22.1 (levels 0-9, A-F); IPEM guidance on coding Medical Physics and Clinical Engineering staff within ESR Background (\"page 5 of the Healthcare Science section\")", "Healthcare Science levels");

    public static IReadOnlyList<CodingRule> All { get; } =
    [
        PostNotPerson, TwoJobDescriptions, ThemeByActivity, AreaByMajority, AreaTieByTitle, AreaSpecificNotOverSpecific, ListOfServices,
        Consultant, ManagerLittleScience, ManagerWithScience, ManagerNoQualification, Trainee, HsstSubstantive, AssistantAssociateBands,
        TechnologistCeiling, ProtectedTitle, OtTechnicians, S4FClosed, OtherSCodes, TMatrixRetired, VersionInForce, EntryLevel,
    ];

    public static CodingRule ById(string id) => All.First(r => r.Id == id);
}
