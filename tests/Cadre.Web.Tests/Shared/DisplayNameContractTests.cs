using Cadre.Core.Intelligence;
using Cadre.Core.JobEvaluation;
using Cadre.Core.Register;
using Cadre.Web.Features.Shared;

namespace Cadre.Web.Tests.Shared;

/// <summary>
/// Issue 15: one display name per enum value. Every value of every enum the pages and reports print has its own words,
/// and no two values share them; a value added later without words fails here, not on a page.
/// </summary>
public class DisplayNameContractTests
{
    private static void EachValueHasItsOwnName<T>(Func<T, string> name) where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(v => (Value: v, Name: name(v))).ToList();
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n.Name), $"{typeof(T).Name}.{n.Value} has no display name"));
        Assert.Equal(names.Count, names.Select(n => n.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_register_value_has_one_display_name_of_its_own()
    {
        EachValueHasItsOwnName<PostStatus>(Labels.Status);
        EachValueHasItsOwnName<PostStatus>(Labels.StatusTag);
        EachValueHasItsOwnName<Occupancy>(Labels.Occupancy);
        EachValueHasItsOwnName<EntryRequirement>(Labels.Entry);
        EachValueHasItsOwnName<ConsultantAppointment>(Labels.Appointment);
        EachValueHasItsOwnName<RegistrationType>(Labels.Registration);
        EachValueHasItsOwnName<CertificateType>(Labels.Certificate);
        EachValueHasItsOwnName<TrainingProgramme>(Labels.Programme);
        EachValueHasItsOwnName<TraineeProgramme>(Labels.Programme);
        EachValueHasItsOwnName<TrainingStatus>(Labels.TrainingTag);
        EachValueHasItsOwnName<Features.Posts.PostShown>(Labels.Shown);
    }

    [Fact]
    public void Every_report_value_has_one_display_name_of_its_own()
    {
        EachValueHasItsOwnName<TrainingProgramme>(ReportWords.Programme);
        EachValueHasItsOwnName<RegistrationType>(ReportWords.Register);
        EachValueHasItsOwnName<CertificateType>(ReportWords.Expert);
    }

    [Fact]
    public void Every_pay_band_and_job_evaluation_result_has_one_name()
    {
        Assert.Equal(["Band 1", "Band 2", "Band 3", "Band 4", "Band 5", "Band 6", "Band 7", "Band 8a", "Band 8b", "Band 8c", "Band 8d", "Band 9"],
            PayBand.All.Select(Labels.Band));
        Assert.Equal(PayBand.All.Select(Labels.Band), PayBand.All.Select(b => b.Label));
        var results = PayBand.All.Select(b => (JeBand)new JeBand.Banded(b)).Append(JeBand.Above).Select(r => r.Name).ToList();
        Assert.Equal(results.Count, results.Distinct().Count());
        Assert.Equal("none", JeBand.Above.Name);
        Assert.All(results, n => Assert.Equal(n, JeBand.Parse(n).Name));
    }
}
