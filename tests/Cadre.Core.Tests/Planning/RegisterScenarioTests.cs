using Cadre.Core.Planning;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Planning;

public class RegisterScenarioTests
{
    private static readonly DateOnly On = new(2026, 11, 1);

    private static Post Post(EntryRequirement entry, decimal wte, int? born, Guid? personId = null, TraineeProgramme? trainee = null)
    {
        var post = new Post { EntryRequirement = entry, FundedWte = wte, TraineeProgramme = trainee };
        if (born is not null || personId is not null)
        {
            var id = personId ?? Guid.NewGuid();
            post.Assignments.Add(new Assignment { PersonId = id, Person = new Person { Id = id, YearOfBirth = born }, Wte = wte, StartDate = new DateOnly(2020, 1, 1) });
        }
        return post;
    }

    [Fact]
    public void Trainee_posts_are_training_places_not_establishment_and_trainees_are_intake_of_the_level_they_train_for()
    {
        var stpTrainee = Guid.NewGuid();
        var hsstTrainee = Guid.NewGuid();
        var posts = new[]
        {
            Post(EntryRequirement.ClinicalScientist, 1.0m, 1970),
            Post(EntryRequirement.ClinicalScientist, 1.0m, 1985, hsstTrainee),       // HSST trainee: a working scientist, stays
            Post(EntryRequirement.ClinicalScientist, 1.0m, 2000, stpTrainee),        // STP trainee's post: a training place
            Post(EntryRequirement.Consultant, 1.0m, 1965),
            Post(EntryRequirement.Practitioner, 0.8m, 1990),
            Post(EntryRequirement.Assistant, 1.0m, 1995),                           // not a commissioned level
        };
        var enrolments = new[]
        {
            new TrainingEnrolment { PersonId = stpTrainee, Programme = TrainingProgramme.Stp, StartDate = new DateOnly(2025, 9, 1), Status = TrainingStatus.Active },
            new TrainingEnrolment { PersonId = hsstTrainee, Programme = TrainingProgramme.Hsst, StartDate = new DateOnly(2024, 9, 1), Status = TrainingStatus.Active },
        };

        var d = RegisterScenario.Build("Test", "Healthcare Science: Test", posts, enrolments, On);

        Assert.Equal((2026, 10, 2032), (d.StartYear, d.Years, d.TargetYear));
        Assert.Equal(["Healthcare science practitioners", "Clinical scientists", "Consultant clinical scientists"], d.Segments.Select(s => s.Name));
        var scientists = d.Segments[1];
        Assert.Equal(2.0, scientists.EstablishmentWte);
        Assert.Equal(2.0, scientists.StaffInPostHeadcount);
        Assert.Equal("STP", scientists.CommissionProgramme);
        Assert.Equal([("STP", 2025, 1.0)], scientists.Intake.Select(i => (i.Programme, i.Year, i.Trainees)));
        var consultants = d.Segments[2];
        Assert.Equal([("HSST", 2024, 1.0)], consultants.Intake.Select(i => (i.Programme, i.Year, i.Trainees)));
        Assert.Equal("Clinical scientists", Assert.Single(consultants.Intake).From); // a scientist until they complete: counted once
        Assert.Equal(0.8, d.Segments[0].EstablishmentWte, 9);

        // The document is a valid scenario and survives a save and reload unchanged.
        var scenario = d.Parse();
        Assert.Equal(3, scenario.Segments.Count);
        Assert.Equal(d.ToJson(), ScenarioDocument.FromJson(d.ToJson()).ToJson());
        Assert.Contains("\"PLAN-LEAVERS-01\"", new ScenarioDocument { Name = "x", StartYear = 2026, Years = 5, TargetYear = 2030, Assumptions = { ["PLAN-LEAVERS-01"] = new() { Value = 0.07 } } }.ToJson());
    }

    [Fact]
    public void A_trainee_past_the_programme_length_finishes_in_the_first_projected_year_instead_of_being_refused()
    {
        // An STP started in 2022 would have qualified in 2025 by the default 3 years; still active in 2026, so it ends in 2027.
        Assert.Equal(2024, RegisterScenario.StillTraining(TrainingProgramme.Stp, 2022, 2026));
        Assert.Equal(2025, RegisterScenario.StillTraining(TrainingProgramme.Stp, 2025, 2026));
        Assert.Equal(2022, RegisterScenario.StillTraining(TrainingProgramme.Hsst, 2020, 2026));

        var id = Guid.NewGuid();
        var d = RegisterScenario.Build("Late", "", [Post(EntryRequirement.ClinicalScientist, 1.0m, 1990, id)],
            [new TrainingEnrolment { PersonId = id, Programme = TrainingProgramme.Stp, StartDate = new DateOnly(2022, 9, 1), Status = TrainingStatus.Interrupted }], On);
        var scientists = Assert.Single(d.Segments);
        Assert.Equal(0, scientists.EstablishmentWte);
        Assert.Equal(2024, Assert.Single(scientists.Intake).Year);
        var plan = PlanningEngine.Project(d.Parse(), runs: 0);
        Assert.Equal(0.925, plan.Segments[0].Years.Single(y => y.Year == 2027).TraineesCompleting, 9); // less 7.5% STP withdrawal
    }

    [Fact]
    public void A_scope_with_nothing_to_plan_is_refused_with_the_field_named()
    {
        var ex = Assert.Throws<ScenarioException>(() => RegisterScenario.Build("Empty", "", [Post(EntryRequirement.Assistant, 1.0m, 1990)], [], On));
        Assert.Equal("scope", ex.Field);
    }

    [Fact]
    public void Annual_intake_is_kept_as_typed_and_runs_as_intake_in_every_year()
    {
        var d = new ScenarioDocument
        {
            Name = "Annual", StartYear = 2026, Years = 6, TargetYear = 2032,
            Segments = [new SegmentDocument { Name = "CS", EstablishmentWte = 10, StaffInPost = [new() { Headcount = 10, Wte = 10 }], AnnualIntake = new() { ["STP"] = 2 } }],
        };
        var back = ScenarioDocument.FromJson(d.ToJson());
        Assert.Equal(2, back.Segments[0].AnnualIntake!["STP"]);
        Assert.Empty(back.Segments[0].Intake);
        Assert.Equal(12, d.Parse().Segments[0].Intake.Sum(i => i.Trainees)); // 2027 to 2032
        var bad = ScenarioDocument.FromJson(d.ToJson());
        bad.Segments[0].EstablishmentWte = -1;
        Assert.Equal("segments[0].establishmentWte", Assert.Throws<ScenarioException>(() => bad.Parse()).Field);
    }
}
