using Cadre.Core.Register;

namespace Cadre.Core.Careers;

/// <summary>
/// What a person holds that opens a door in the MSC career framework: a qualification or a registration. Routes
/// (reference/careers/routes.tsv) lead from one credential to another.
/// </summary>
public enum Credential
{
    /// <summary>Nothing yet: everyone holds this, so routes from school or from outside the NHS start here.</summary>
    None,
    /// <summary>Assistant learning: the credit-bearing modular national curriculum (Modernising Scientific Careers: The England Action Plan (DH 2010) ch.4 para 28).</summary>
    AssistantQualification,
    /// <summary>Associate learning: a Foundation degree (Modernising Scientific Careers: The England Action Plan (DH 2010) ch.4 para 28).</summary>
    FoundationDegree,
    /// <summary>A first or upper-second honours degree in a relevant science: the STP entry requirement (National School of Healthcare Science programme guidance).</summary>
    HonoursDegree,
    /// <summary>On the Academy for Healthcare Science accredited register as a practitioner.</summary>
    AhcsPractitioner,
    /// <summary>HCPC registered, protected title Biomedical Scientist.</summary>
    HcpcBiomedicalScientist,
    /// <summary>HCPC registered, protected title Clinical Scientist.</summary>
    HcpcClinicalScientist,
    /// <summary>On the Higher Specialist Scientist Register (after HSST or HSSE).</summary>
    Hssr,
}

public static class Credentials
{
    /// <summary>The words users type, mapped to credentials. Lower case, spaces and hyphens ignored.</summary>
    private static readonly Dictionary<string, Credential> Words = new()
    {
        ["none"] = Credential.None,
        ["nothing"] = Credential.None,
        ["assistant"] = Credential.AssistantQualification,
        ["assistantqualification"] = Credential.AssistantQualification,
        ["foundationdegree"] = Credential.FoundationDegree,
        ["associate"] = Credential.FoundationDegree,
        ["degree"] = Credential.HonoursDegree,
        ["honoursdegree"] = Credential.HonoursDegree,
        ["bsc"] = Credential.HonoursDegree,
        ["ahcs"] = Credential.AhcsPractitioner,
        ["ahcspractitioner"] = Credential.AhcsPractitioner,
        ["practitioner"] = Credential.AhcsPractitioner,
        ["hcpcbiomedicalscientist"] = Credential.HcpcBiomedicalScientist,
        ["biomedicalscientist"] = Credential.HcpcBiomedicalScientist,
        ["bms"] = Credential.HcpcBiomedicalScientist,
        ["hcpcclinicalscientist"] = Credential.HcpcClinicalScientist,
        ["clinicalscientist"] = Credential.HcpcClinicalScientist,
        ["hcpc"] = Credential.HcpcClinicalScientist,
        ["hssr"] = Credential.Hssr,
    };

    public static IReadOnlyCollection<string> KnownWords => Words.Keys;

    public static bool TryParse(string text, out Credential credential) =>
        Words.TryGetValue(Normalise(text), out credential) || Enum.TryParse(text.Trim(), true, out credential);

    private static string Normalise(string text) => new(text.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>The credential a register entry gives (Register.RegistrationType is what the register records).</summary>
    public static Credential From(RegistrationType registration) => registration switch
    {
        RegistrationType.HcpcClinicalScientist => Credential.HcpcClinicalScientist,
        RegistrationType.HcpcBiomedicalScientist => Credential.HcpcBiomedicalScientist,
        RegistrationType.Ahcs => Credential.AhcsPractitioner,
        RegistrationType.Hssr => Credential.Hssr,
        _ => throw new ArgumentOutOfRangeException(nameof(registration)),
    };

    /// <summary>
    /// The credentials that meet a post's entry requirement. Assistant posts are recruited locally with no prior
    /// qualification (Modernising Scientific Careers: The England Action Plan (DH 2010) ch.5 para 22); the others follow the registration of the role (reference/careers/roles.tsv).
    /// </summary>
    public static IReadOnlyList<Credential> Meeting(EntryRequirement requirement) => requirement switch
    {
        EntryRequirement.Assistant => [Credential.None],
        EntryRequirement.Associate => [Credential.FoundationDegree],
        EntryRequirement.Practitioner => [Credential.AhcsPractitioner, Credential.HcpcBiomedicalScientist],
        EntryRequirement.BiomedicalScientist => [Credential.HcpcBiomedicalScientist],
        EntryRequirement.ClinicalScientist => [Credential.HcpcClinicalScientist],
        EntryRequirement.Consultant => [Credential.Hssr],
        _ => throw new ArgumentOutOfRangeException(nameof(requirement)),
    };

    /// <summary>An entry requirement in users' words ("clinical scientist", not "ClinicalScientist").</summary>
    public static string Describe(EntryRequirement r) => string.Concat(r.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : (i == 0 ? char.ToLowerInvariant(ch) : ch).ToString()));

    public static string Describe(Credential c) => c switch
    {
        Credential.None => "no qualification yet",
        Credential.AssistantQualification => "assistant qualification",
        Credential.FoundationDegree => "Foundation degree (associate)",
        Credential.HonoursDegree => "first or upper-second honours degree",
        Credential.AhcsPractitioner => "AHCS practitioner registration",
        Credential.HcpcBiomedicalScientist => "HCPC Biomedical Scientist registration",
        Credential.HcpcClinicalScientist => "HCPC Clinical Scientist registration",
        Credential.Hssr => "HSSR registration",
        _ => throw new System.Diagnostics.UnreachableException($"No description for {c}"),
    };
}
