using System.Diagnostics;
using Cadre.Core.Coding.Reference;
using Cadre.Core.Coding.Rules;
using Cadre.Core.Register;

namespace Cadre.Core.Intelligence;

/// <summary>The words the reports use for register values (the same NHS and ESR terms the web app's labels use).</summary>
public static class ReportWords
{
    public static string Theme(char? theme) =>
        theme is { } t && CodingReference.Default.ThemeNames.TryGetValue(t, out var name) ? $"{name} ({t})" : "Theme not recorded";

    public static string Level(char level, DateOnly on) => LevelRule.LevelName(level, CodingReference.Default.Manual.InForceOn(on));

    public static string Programme(TrainingProgramme p) => p switch
    {
        TrainingProgramme.Ptp => "PTP",
        TrainingProgramme.Stp => "STP",
        TrainingProgramme.Hsst => "HSST",
        TrainingProgramme.Hsse => "HSSE",
        _ => throw new UnreachableException($"No label for {p}"),
    };

    public static string Register(RegistrationType r) => r switch
    {
        RegistrationType.HcpcClinicalScientist => "HCPC Clinical Scientist",
        RegistrationType.HcpcBiomedicalScientist => "HCPC Biomedical Scientist",
        RegistrationType.Ahcs => "AHCS",
        RegistrationType.Hssr => "HSSR",
        _ => throw new UnreachableException($"No label for {r}"),
    };

    public static string Expert(CertificateType c) => c switch
    {
        CertificateType.Mpe => "Medical Physics Expert (MPE)",
        CertificateType.Rpa => "Radiation Protection Adviser (RPA)",
        CertificateType.Rwa => "Radioactive Waste Adviser (RWA)",
        CertificateType.Dgsa => "Dangerous Goods Safety Adviser (DGSA)",
        CertificateType.Lpa => "Laser Protection Adviser (LPA)",
        _ => throw new UnreachableException($"No label for {c}"),
    };

    public static string Status(AccreditationStatus s) => s.ToString();

    public static string Date(DateOnly? d) => d is { } day ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
}
