using Cadre.Core.Intelligence;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Intelligence;

public sealed class ExpertCoverTests
{
    [Fact]
    public void Nuclear_medicine_needs_an_MPE_an_RPA_and_an_RWA() =>
        Assert.Equal([CertificateType.Mpe, CertificateType.Rpa, CertificateType.Rwa],
            ExpertCover.NeedsOf("Nuclear Medicine and Radiopharmacy", []).Select(n => n.Role).ToArray());

    [Fact]
    public void Radiation_safety_needs_an_RPA_only() =>
        Assert.Equal([CertificateType.Rpa], ExpertCover.NeedsOf("Radiation Protection Service", ["Radiation Safety"]).Select(n => n.Role).ToArray());

    [Theory]
    [InlineData("Cardiology", "Electrophysiology")]
    [InlineData("Audiology", "Doctor's clinic")]
    [InlineData("Medical Equipment Management (EBME)", "Medical Equipment Management / EBME")]
    public void Whole_words_only_so_CT_is_not_found_inside_other_words(string department, string area) =>
        Assert.Empty(ExpertCover.NeedsOf(department, [area]));

    [Fact]
    public void CT_on_its_own_is_a_medical_exposure() =>
        Assert.Contains(ExpertCover.NeedsOf("Imaging Physics", ["CT"]), n => n.Role == CertificateType.Mpe);
}
