using Cadre.Core.Register;

namespace Cadre.Web.Features.Shared;

/// <summary>Words users read for the register's values: the NHS and ESR terms, not the C# names.</summary>
public static class Labels
{
    public static string Status(PostStatus s) => s switch
    {
        PostStatus.Funded => "Funded",
        PostStatus.Vacant => "Vacant",
        PostStatus.Frozen => "Frozen",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {s}"),
    };

    /// <summary>NHS.UK tag colour for a post status.</summary>
    public static string StatusTag(PostStatus s) => s switch
    {
        PostStatus.Funded => "nhsuk-tag nhsuk-tag--green",
        PostStatus.Vacant => "nhsuk-tag nhsuk-tag--orange",
        PostStatus.Frozen => "nhsuk-tag nhsuk-tag--grey",
        _ => throw new System.Diagnostics.UnreachableException($"No tag for {s}"),
    };

    /// <summary>Where a post stands by its holders (the figures' reading), in users' words.</summary>
    public static string Occupancy(Occupancy o) => o switch
    {
        Core.Register.Occupancy.Filled => "Filled",
        Core.Register.Occupancy.Vacant => "Vacant",
        Core.Register.Occupancy.Frozen => "Frozen",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {o}"),
    };

    public static string OccupancyTag(Occupancy o) => o switch
    {
        Core.Register.Occupancy.Filled => "nhsuk-tag nhsuk-tag--green",
        Core.Register.Occupancy.Vacant => "nhsuk-tag nhsuk-tag--orange",
        Core.Register.Occupancy.Frozen => "nhsuk-tag nhsuk-tag--grey",
        _ => throw new System.Diagnostics.UnreachableException($"No tag for {o}"),
    };

    /// <summary>The posts list's status filter choices.</summary>
    public static string Shown(Posts.PostShown s) => s switch
    {
        Posts.PostShown.Funded => "Funded (filled or vacant)",
        Posts.PostShown.Filled => "Filled",
        Posts.PostShown.Vacant => "Vacant",
        Posts.PostShown.Frozen => "Frozen",
        Posts.PostShown.ToCheck => "Recorded as vacant but held",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {s}"),
    };

    public static string Band(PayBand b) => b.Label;

    public static string Entry(EntryRequirement e) => e switch
    {
        EntryRequirement.Assistant => "Healthcare science assistant",
        EntryRequirement.Associate => "Healthcare science associate",
        EntryRequirement.Practitioner => "Healthcare science practitioner (degree)",
        EntryRequirement.ClinicalScientist => "Clinical scientist (STP or equivalent)",
        EntryRequirement.BiomedicalScientist => "Biomedical scientist",
        EntryRequirement.Consultant => "Consultant clinical scientist (HSST or equivalent)",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {e}"),
    };

    public static string Appointment(ConsultantAppointment a) => a switch
    {
        ConsultantAppointment.None => "Not a consultant post",
        ConsultantAppointment.Panel => "Advisory appointments panel",
        ConsultantAppointment.PeerReview => "Equivalent peer review",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {a}"),
    };

    // U-matrix v22.1 theme names (reference/occupation-codes/themes.csv).
    private static readonly Dictionary<char, string> ThemeNames = new()
    {
        ['A'] = "Blood Sciences", ['B'] = "Infection Sciences", ['C'] = "Cellular Sciences", ['D'] = "Genetics",
        ['E'] = "Cardiac, Vascular, Respiratory and Sleep Sciences", ['F'] = "Neurosensory Sciences",
        ['G'] = "Gastrointestinal and Urodynamic Sciences", ['H'] = "Medical Physics", ['J'] = "Clinical Engineering",
        ['K'] = "Clinical Bioinformatics", ['L'] = "Social Sciences", ['M'] = "Environmental Sciences",
    };

    public static IEnumerable<KeyValuePair<char, string>> Themes => ThemeNames;

    public static string Theme(char theme) => ThemeNames.TryGetValue(theme, out var name) ? $"{theme} – {name}" : "Not recorded";

    public static string ThemeShort(char theme) => ThemeNames.TryGetValue(theme, out var name) ? $"{name} ({theme})" : "Not recorded";

    public static string Registration(RegistrationType r) => r switch
    {
        RegistrationType.HcpcClinicalScientist => "HCPC – Clinical Scientist",
        RegistrationType.HcpcBiomedicalScientist => "HCPC – Biomedical Scientist",
        RegistrationType.Ahcs => "Academy for Healthcare Science (AHCS)",
        RegistrationType.Hssr => "Higher Specialist Scientist Register (HSSR)",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {r}"),
    };

    public static string Certificate(CertificateType c) => c switch
    {
        CertificateType.Mpe => "Medical Physics Expert (MPE)",
        CertificateType.Rpa => "Radiation Protection Adviser (RPA)",
        CertificateType.Rwa => "Radioactive Waste Adviser (RWA)",
        CertificateType.Dgsa => "Dangerous Goods Safety Adviser (DGSA)",
        CertificateType.Lpa => "Laser Protection Adviser (LPA)",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {c}"),
    };

    public static string Programme(TrainingProgramme p) => p switch
    {
        TrainingProgramme.Ptp => "Practitioner Training Programme (PTP)",
        TrainingProgramme.Stp => "Scientist Training Programme (STP)",
        TrainingProgramme.Hsst => "Higher Specialist Scientist Training (HSST)",
        TrainingProgramme.Hsse => "Higher Specialist Scientist Equivalence (HSSE)",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {p}"),
    };

    public static string Mode(StudyMode m) => m == StudyMode.FullTime ? "Full-time" : "Part-time";

    public static string TrainingTag(TrainingStatus s) => s switch
    {
        TrainingStatus.Active => "nhsuk-tag nhsuk-tag--blue",
        TrainingStatus.Interrupted => "nhsuk-tag nhsuk-tag--yellow",
        TrainingStatus.Completed => "nhsuk-tag nhsuk-tag--green",
        TrainingStatus.Withdrawn => "nhsuk-tag nhsuk-tag--red",
        _ => throw new System.Diagnostics.UnreachableException($"No tag for {s}"),
    };

    public static string Wte(decimal wte) => wte.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly? d) => d?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "Not recorded";

    public static string When(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc)
        .ToString("d MMMM yyyy 'at' HH:mm 'UTC'", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Whole pounds as a head of service reads them: "£1,234,567".</summary>
    public static string Pounds(decimal gbp) => "£" + Math.Round(gbp, 0, MidpointRounding.AwayFromZero).ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture);

    public static string YesNo(bool b) => b ? "Yes" : "No";

    public static string Programme(TraineeProgramme t) => t switch
    {
        TraineeProgramme.None => "None: not a trainee post",
        TraineeProgramme.Stp => "STP: Scientist Training Programme",
        TraineeProgramme.Ptp => "PTP: Practitioner Training Programme or apprenticeship",
        TraineeProgramme.Associate => "Associate: trainee associate",
        TraineeProgramme.Bms => "BMS: trainee biomedical scientist",
        TraineeProgramme.Hsst => "HSST: Higher Specialist Scientist Training",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {t}"),
    };

    /// <summary>A recorded coding input, or what the coding does when nothing is recorded.</summary>
    public static string Recorded(bool? b) => b is { } v ? YesNo(v) : "Not recorded (read from the title and band)";

    public static string Recorded(TraineeProgramme? t) => t is { } v ? Programme(v) : "Not recorded (read from the title)";
}
