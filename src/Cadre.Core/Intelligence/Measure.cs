namespace Cadre.Core.Intelligence;

/// <summary>A reported measure: its id, its name in users' words, how it is worked out, and the source it rests on (if any).</summary>
public sealed record Measure(string Id, string Name, string Definition, string? Citation = null);

/// <summary>
/// Every measure the reports show, in one place, so the pages, the exports and docs/workforce-intelligence.md use the same
/// words. "On the day" means the snapshot's day; "funded" means funded and not frozen.
/// </summary>
public static class Measures
{
    public const int RenewalWindowDays = Register.DueSoon.RegistrationWindowDays;
    public const int AccreditationWindowDays = 180;
    public const decimal NationalMiscodedPercent = 26m;

    public static readonly Measure FundedWte = new("INTEL-EST-01", "Funded establishment (WTE)",
        "Sum of the funded whole-time equivalent of posts that are not frozen.");
    public static readonly Measure InPostWte = new("INTEL-EST-02", "Contracted WTE in post",
        "Sum of the WTE of every assignment current on the day, on any post (including frozen posts and holders above establishment).");
    public static readonly Measure VacancyWte = new("INTEL-EST-03", "Vacancy (WTE)",
        "For each funded post, its funded WTE less the WTE of its current holders (never below zero), summed.");
    public static readonly Measure VacancyRate = new("INTEL-EST-04", "Vacancy rate (%)",
        "Vacancy WTE as a percentage of funded establishment WTE, one decimal place; not given when nothing is funded.",
        "NHS England vacancy statistics: vacancies as a share of planned establishment");
    public static readonly Measure FrozenPosts = new("INTEL-EST-05", "Frozen posts",
        "Posts kept on the establishment with status Frozen: no budget to recruit to, so outside funded WTE and vacancy.");
    public static readonly Measure FilledPosts = new("INTEL-EST-06", "Funded posts filled / vacant",
        "A funded post is filled when somebody holds it on the day (more than 0 WTE), vacant otherwise, whatever status was typed.");
    public static readonly Measure Headcount = new("INTEL-EST-07", "Headcount",
        "Distinct people holding at least one post on the day. People are counted through the posts they hold.");
    public static readonly Measure ByDepartment = new("INTEL-EST-08", "Establishment by department",
        "INTEL-EST-01 to INTEL-EST-05 for each department.");
    public static readonly Measure ByBand = new("INTEL-MIX-01", "Mix by pay band",
        "Posts, funded WTE, WTE in post and vacancy WTE for each Agenda for Change band.");
    public static readonly Measure ByLevel = new("INTEL-MIX-02", "Mix by U-matrix level",
        "Posts and funded WTE by the level character of the occupation code the post holds today (second character, e.g. U2H is level 2 Clinical Scientist); posts without a code or outside the U matrix are shown apart.",
        "NHS Occupation Code Manual, U matrix v22.1");
    public static readonly Measure ByTheme = new("INTEL-MIX-03", "Mix by science theme",
        "Funded WTE by U-matrix science theme, each post shared across themes by its split of time (a post with no split counts to its department's theme).");
    public static readonly Measure RenewalsDue = new("INTEL-REG-01", $"Registrations to renew in {RenewalWindowDays} days",
        $"Professional registrations (HCPC, AHCS, HSSR) of people in post that expire from the day to {RenewalWindowDays} days later (the dashboard's figure too).");
    public static readonly Measure RegistrationsLapsed = new("INTEL-REG-02", "Registrations lapsed",
        "Registrations of people in post whose expiry date is before the day.");
    public static readonly Measure ProtectedTitles = new("INTEL-REG-03", "Protected-title posts without registration",
        "Filled posts whose title carries a protected title (Clinical Scientist: HCPC Clinical Scientist; Biomedical Scientist: HCPC Biomedical Scientist) where a holder has no current registration of that kind. Pre-registration trainee posts (STP, PTP, trainee BMS, associate) are left out.",
        "IPEM guidance on coding MP & CE posts in ESR, Protected Titles: record protected titles in the job title and in the professional registration field");
    public static readonly Measure ExpertCover = new("INTEL-EXP-01", "Statutory expert cover",
        "For each department whose work needs a Medical Physics Expert (radiotherapy, nuclear medicine, imaging with ionising radiation), a Radiation Protection Adviser (any ionising radiation work, radiation safety) or a Radioactive Waste Adviser (nuclear medicine, unsealed sources): how many people in post hold an in-date certificate, in the department and elsewhere in the organisation. An MPE must be in the department; an RPA or RWA, appointed for the employer, may be elsewhere in the organisation. None means the cover must come from elsewhere (a service level agreement), which the register does not record.",
        "IR(ME)R 2017 (MPE), IRR17 (RPA), Environmental Permitting Regulations (RWA)");
    public static readonly Measure Trainees = new("INTEL-TRN-01", "Trainees by programme",
        "People in post with an active or interrupted national training enrolment (PTP, STP, HSST, HSSE), and when they are expected to finish: within 6 months (including any past their expected end: the dashboard's \"trainees due to finish\"), 6 to 12 months, later.");
    public static readonly Measure TraineeWithdrawal = new("INTEL-TRN-02", "Training withdrawal",
        "Enrolments recorded as Withdrawn as a share of all enrolments recorded for the programme. Given only when the register holds finished enrolments (Completed or Withdrawn); otherwise \"not recorded\".",
        "IPEM report Is HSST meeting the needs of the Medical Physics profession?: NSHCS records HSST attrition of about 17% across medical physics cohorts");
    public static readonly Measure ConsultantPosts = new("INTEL-CCS-01", "Consultant clinical scientist posts (8c+)",
        "Posts at band 8c, 8d or 9: posts, filled, vacant, funded WTE and their share of all funded WTE.",
        "IPEM report Is HSST meeting the needs of the Medical Physics profession?, Background: a Consultant Clinical Scientist is one who sits at Band 8c, 8d or 9");
    public static readonly Measure ConsultantShare = new("INTEL-CCS-02", "Consultant share of headcount (%)",
        "People in post in band 8c, 8d or 9 posts as a percentage of headcount.",
        "IPEM report Is HSST meeting the needs of the Medical Physics profession?, Background (bands 8c, 8d, 9)");
    public static readonly Measure Miscoded = new("INTEL-COD-01", "Roles miscoded (%)",
        "Roles (one per job description) whose recorded occupation code differs from the code the coding engine proposes, as a share of the roles the engine could propose a code for (roles needing a person's review have no proposed code and are left out; the Coding page and the reports state this denominator beside the figure).",
        "IPEM guidance on coding MP & CE posts in ESR, introduction: at least 26% of the HCS workforce is estimated to be inaccurately coded");
    public static readonly Measure JeMismatches = new("INTEL-JE-01", "Job evaluation band mismatches",
        "Posts whose recorded pay band differs from the band of their latest job evaluation outcome (rule JE-CONS-03).",
        "NHS Job Evaluation Handbook");
    public static readonly Measure Accreditation = new("INTEL-ACC-01", "Service accreditation",
        $"Departments' accreditations (e.g. UKAS MPACE against BS 70000) by status; a service counts as accredited only while an accreditation is in date on the day (one past its expiry is shown as expired); accredited ones expiring within {AccreditationWindowDays} days are flagged, and so are Medical Physics (H) and Clinical Engineering (J) departments with no accreditation recorded.",
        "IPEM policy statement on leadership and management of MP & CE services: MPACE is the accreditation standard intended to cover all MP & CE services, against BS 70000");
    public static readonly Measure AgeProfile = new("INTEL-AGE-01", "Age profile",
        "People in post by age on the day worked out from year of birth (age = year of the day − year of birth, so within a year); 55 and over shown as a share, the group nearest retirement.");
    public static readonly Measure Pipeline = new("INTEL-PIP-01", "Training pipeline stage",
        "Active and interrupted enrolments by programme and year of training reached on the day (from the start date), and those expected to finish within 12 months.");
    public static readonly Measure TraineesPerConsultant = new("INTEL-PIP-02", "HSST trainees per consultant post",
        "Active HSST trainees divided by band 8c+ posts, two decimal places: how the higher-specialist pipeline compares with the posts it is meant to fill.",
        "IPEM report Is HSST meeting the needs of the Medical Physics profession?: HSST is to give future CCS staff the skills they need");

    public static readonly Measure ServiceLeadership = new("INTEL-LEAD-01", "Service leadership by a Consultant Clinical Scientist",
        "For each Medical Physics (H) or Clinical Engineering (J) service: whether the lead recorded for it is a Consultant Clinical Scientist on the day (holds a band 8c, 8d or 9 post and a current Higher Specialist Scientific Register entry); a lead at consultant band not on the register, a lead below band 8c, a lead holding no post here, and no lead recorded are each flagged. Access to consultant leadership from another organisation and the organisation's executive-level Healthcare Science lead are not recorded in Cadre, so they are not counted.",
        "IPEM policy statement on leadership and management of Medical Physics and Clinical Engineering services, sections 5 and 6.3; IPEM Workforce Intelligence Unit, Is HSST meeting the needs of the Medical Physics profession? (bands 8c, 8d, 9)");

    public static readonly Measure BySpecialism = new("INTEL-PRO-01", "Workforce by specialism",
        "For each science theme (a post counts wholly to its main theme, the one with the largest share of its time, else its department's theme): headcount, WTE in post, funded WTE, vacancy rate, consultant (8c+) headcount and share, trainees by programme, and the share aged 55 and over.",
        "U-matrix themes v22.1");
    public static readonly Measure Findings = new("INTEL-PRO-02", "Key findings",
        "The headline figures a professional body's workforce report leads with, each with the measure it comes from.",
        "IPEM report Is HSST meeting the needs of the Medical Physics profession? as the model of such a report");

    public static readonly Measure EstablishmentCost = new("INTEL-COST-01", "Cost of the establishment",
        "For each Agenda for Change band, a year's pay and employer on-costs (pension, National Insurance above its threshold, Apprenticeship Levy) of: the funded establishment (funded WTE of posts not frozen), the staff in post (WTE in post) and the vacancies (vacancy WTE, INTEL-EST-03: the saving while vacant and the cost of filling). Each WTE is costed at the holder's recorded pay point, else the middle of the band (the intermediate point, or halfway between entry and top); the financial year's pay scale is used, or the latest Cadre holds. A band total from 1 to 4 people is hidden where disclosure control applies.",
        "NHS Employers: Agenda for Change pay scales; NHS Business Services Authority, HM Revenue and Customs (employer on-costs)");

    public static Measure Find(string id) => All.First(m => m.Id == id);

    public static IReadOnlyList<Measure> All { get; } =
    [
        FundedWte, InPostWte, VacancyWte, VacancyRate, FrozenPosts, FilledPosts, Headcount, ByDepartment, ByBand, ByLevel, ByTheme,
        RenewalsDue, RegistrationsLapsed, ProtectedTitles, ExpertCover, Trainees, TraineeWithdrawal, ConsultantPosts, ConsultantShare,
        Miscoded, JeMismatches, Accreditation, ServiceLeadership, AgeProfile, Pipeline, TraineesPerConsultant, BySpecialism, Findings,
        EstablishmentCost,
        .. Surveys.SurveyMeasures.All,
    ];
}
