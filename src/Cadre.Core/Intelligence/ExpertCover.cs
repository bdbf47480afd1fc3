using Cadre.Core.Register;

namespace Cadre.Core.Intelligence;

/// <summary>A statutory expert role a department's work needs, and why.</summary>
public sealed record ExpertNeed(CertificateType Role, string Because);

/// <summary>
/// Which statutory expert roles a department's work needs, read from the Areas of Work of its posts and its own name
/// (docs/decisions/intelligence-expert-cover.md): a Medical Physics Expert for medical exposures (IR(ME)R 2017:
/// radiotherapy, nuclear medicine, imaging with ionising radiation), a Radiation Protection Adviser wherever ionising
/// radiation is used or radiation safety is the service (IRR17), and a Radioactive Waste Adviser where unsealed sources
/// make radioactive waste (nuclear medicine). The register cannot see a service level agreement with another trust, so
/// "no one in post" is a question to ask, not a breach.
/// </summary>
public static class ExpertCover
{
    private static readonly string[] MedicalExposures = ["radiotherapy", "nuclear medicine", "radiology", "ct", "mammography", "breast screening", "x-ray", "interventional"];
    private static readonly string[] IonisingRadiation = [.. MedicalExposures, "radiation safety", "radiation protection"];
    private static readonly string[] UnsealedSources = ["nuclear medicine", "radiopharmacy"];

    public static IReadOnlyList<ExpertNeed> NeedsOf(string departmentName, IEnumerable<string> areasOfWork)
    {
        var words = areasOfWork.Append(departmentName).Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var needs = new List<ExpertNeed>();
        void Need(CertificateType role, string[] keys, string rule)
        {
            var hit = words.FirstOrDefault(w => keys.Any(k => Mentions(w, k)));
            if (hit is not null) needs.Add(new ExpertNeed(role, $"{hit}: {rule}"));
        }
        Need(CertificateType.Mpe, MedicalExposures, "medical exposures need a Medical Physics Expert (IR(ME)R 2017)");
        Need(CertificateType.Rpa, IonisingRadiation, "work with ionising radiation needs a Radiation Protection Adviser (IRR17)");
        Need(CertificateType.Rwa, UnsealedSources, "unsealed sources make radioactive waste, which needs a Radioactive Waste Adviser");
        return needs;
    }

    /// <summary>Whole words only, so "CT" matches "CT" and "CT scanning" but not "Electrophysiology" or "Doctor".</summary>
    private static bool Mentions(string text, string key)
    {
        var at = text.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetter(text[at - 1]);
            var end = at + key.Length;
            var after = end == text.Length || !char.IsLetter(text[end]);
            if (before && after) return true;
            at = text.IndexOf(key, at + 1, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }
}
