using Cadre.Core.Careers;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Careers;

public class TraineePipelineTests
{
    private static readonly DateOnly On = new(2026, 11, 1);

    private static (Person, TrainingEnrolment) Trainee(TrainingProgramme programme, DateOnly end, TrainingStatus status = TrainingStatus.Active, params RegistrationType[] registered)
    {
        var person = new Person();
        foreach (var r in registered) person.Registrations.Add(new ProfessionalRegistration { Type = r, ExpiresOn = On.AddYears(1) });
        var e = new TrainingEnrolment { Programme = programme, StartDate = end.AddYears(-3), ExpectedEndDate = end, Status = status };
        person.TrainingEnrolments.Add(e);
        return (person, e);
    }

    private static readonly Post StpPost = new() { EntryRequirement = EntryRequirement.ClinicalScientist, Band = PayBand.Band6 };

    [Fact]
    public void On_track_finishing_soon_and_overdue_either_side_of_the_dates()
    {
        var (p1, far) = Trainee(TrainingProgramme.Stp, On.AddDays(TraineePipeline.SoonDays + 1));
        Assert.Equal(PipelineStatus.OnTrack, TraineePipeline.Assess(far, p1, StpPost, On).Status);
        var (p2, soon) = Trainee(TrainingProgramme.Stp, On.AddDays(TraineePipeline.SoonDays));
        Assert.Equal(PipelineStatus.FinishingSoon, TraineePipeline.Assess(soon, p2, StpPost, On).Status);
        var (p3, today) = Trainee(TrainingProgramme.Stp, On);
        Assert.Equal(PipelineStatus.FinishingSoon, TraineePipeline.Assess(today, p3, StpPost, On).Status);
        var (p4, late) = Trainee(TrainingProgramme.Stp, On.AddDays(-1));
        var overdue = TraineePipeline.Assess(late, p4, StpPost, On);
        Assert.Equal(PipelineStatus.Overdue, overdue.Status);
        Assert.Equal(["CAREER-PIPE-OVERDUE"], overdue.Flags.Select(f => f.RuleId));
    }

    [Fact]
    public void Interruption_no_post_and_an_inconsistent_post_put_a_trainee_at_risk_with_the_rule()
    {
        var (p1, interrupted) = Trainee(TrainingProgramme.Stp, On.AddYears(2), TrainingStatus.Interrupted);
        Assert.Equal(PipelineStatus.AtRisk, TraineePipeline.Assess(interrupted, p1, StpPost, On).Status);

        var (p2, noPost) = Trainee(TrainingProgramme.Stp, On.AddYears(2));
        Assert.Contains("CAREER-PIPE-NOPOST", TraineePipeline.Assess(noPost, p2, null, On).Flags.Select(f => f.RuleId));

        // HSST without a registration, in a band 6 post: both CAREER-TRAIN findings are flags.
        var (p3, hsst) = Trainee(TrainingProgramme.Hsst, On.AddYears(3));
        var a = TraineePipeline.Assess(hsst, p3, StpPost, On);
        Assert.Equal(PipelineStatus.AtRisk, a.Status);
        Assert.Equal(["CAREER-TRAIN-HSST-REG", "CAREER-TRAIN-HSST-BAND"], a.Flags.Select(f => f.RuleId));

        var (p4, fine) = Trainee(TrainingProgramme.Hsst, On.AddYears(3), TrainingStatus.Active, RegistrationType.HcpcClinicalScientist);
        Assert.Equal(PipelineStatus.OnTrack, TraineePipeline.Assess(fine, p4, new Post { EntryRequirement = EntryRequirement.ClinicalScientist, Band = PayBand.Band7 }, On).Status);
    }

    [Fact]
    public void The_next_rung_of_the_framework()
    {
        Assert.Equal(EntryRequirement.ClinicalScientist, TraineePipeline.NextLevel(EntryRequirement.Practitioner));
        Assert.Equal(EntryRequirement.Consultant, TraineePipeline.NextLevel(EntryRequirement.ClinicalScientist));
        Assert.Null(TraineePipeline.NextLevel(EntryRequirement.Consultant));
    }
}

public class PersonCareerEntryTests
{
    [Fact]
    public void An_stp_trainee_with_nothing_recorded_holds_the_entry_degree_and_their_route_is_the_stp_in_progress()
    {
        var trainee = new PersonCareer([], [TrainingProgramme.Stp]).WithProgrammeEntry();
        Assert.Equal([Credential.HonoursDegree], trainee.Held);
        var answer = new RouteFinder().Find(trainee, EntryRequirement.ClinicalScientist);
        Assert.True(answer.Routes[0].InProgress);
        Assert.Equal("CAREER-ROUTE-STP", answer.Routes[0].Steps.Single().Id);

        // Registered practitioners (in-service) keep what they hold; HSST trainees are never given a registration.
        var inService = new PersonCareer([Credential.AhcsPractitioner], [TrainingProgramme.Stp]);
        Assert.Same(inService, inService.WithProgrammeEntry());
        Assert.Empty(new PersonCareer([], [TrainingProgramme.Hsst]).WithProgrammeEntry().Held);
    }
}
