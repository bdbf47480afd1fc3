using Cadre.Core.Careers;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Careers;

public class TraineeCheckTests
{
    [Fact]
    public void Direct_entry_STP_trainee_in_a_band_6_clinical_scientist_post_is_consistent()
    {
        var r = TraineeCheck.Check(new TraineePost(TrainingProgramme.Stp, EntryRequirement.ClinicalScientist, PayBand.Band6, [Credential.HonoursDegree]));
        Assert.True(r.Consistent);
        Assert.All(r.RuleIds, id => Assert.Equal("CAREER-TRAIN-STP", id));
    }

    [Fact]
    public void STP_trainee_in_a_practitioner_post_is_not()
    {
        var r = TraineeCheck.Check(new TraineePost(TrainingProgramme.Stp, EntryRequirement.Practitioner, PayBand.Band6, []));
        Assert.False(r.Consistent);
        Assert.Contains(r.Findings, f => !f.Consistent && f.Reason.Contains("practitioner"));
    }

    [Fact]
    public void Direct_entry_STP_on_band_7_is_flagged_but_in_service_is_not()
    {
        Assert.False(TraineeCheck.Check(new TraineePost(TrainingProgramme.Stp, EntryRequirement.ClinicalScientist, PayBand.Band7, [])).Consistent);
        Assert.True(TraineeCheck.Check(new TraineePost(TrainingProgramme.Stp, EntryRequirement.ClinicalScientist, PayBand.Band7, [], InService: true)).Consistent);
    }

    [Theory]
    [InlineData("6", false)]
    [InlineData("7", true)]
    [InlineData("8a", true)]
    public void HSST_needs_band_7_or_above(string band, bool ok)
    {
        var r = TraineeCheck.Check(new TraineePost(TrainingProgramme.Hsst, EntryRequirement.ClinicalScientist, PayBand.Parse(band), [Credential.HcpcClinicalScientist]));
        Assert.Equal(ok, r.Findings.Single(f => f.RuleId == "CAREER-TRAIN-HSST-BAND").Consistent);
        Assert.Equal(ok, r.Consistent);
    }

    [Fact]
    public void HSST_without_scientist_registration_is_not_consistent()
    {
        var r = TraineeCheck.Check(new TraineePost(TrainingProgramme.Hsst, EntryRequirement.ClinicalScientist, PayBand.Band8a, [Credential.AhcsPractitioner]));
        Assert.False(r.Findings.Single(f => f.RuleId == "CAREER-TRAIN-HSST-REG").Consistent);
    }

    [Fact]
    public void PTP_trainee_in_a_practitioner_post_is_consistent()
    {
        Assert.True(TraineeCheck.Check(new TraineePost(TrainingProgramme.Ptp, EntryRequirement.Practitioner, PayBand.Band4, [])).Consistent);
    }
}

public class TraineeCheckRegisterTests
{
    [Fact]
    public void Register_post_and_enrolment_are_checked_with_current_registrations()
    {
        var post = new Post { Band = PayBand.Band7, EntryRequirement = EntryRequirement.ClinicalScientist };
        var person = new Person { Registrations = [new ProfessionalRegistration { Type = RegistrationType.HcpcClinicalScientist }] };
        var enrolment = new TrainingEnrolment { Programme = TrainingProgramme.Hsst, Status = TrainingStatus.Active };
        Assert.True(TraineeCheck.Check(post, person, enrolment, new DateOnly(2026, 1, 1)).Consistent);
        person.Registrations[0].ExpiresOn = new DateOnly(2025, 12, 31); // lapsed registration: HSST needs a registered scientist
        Assert.False(TraineeCheck.Check(post, person, enrolment, new DateOnly(2026, 1, 1)).Consistent);
    }
}
