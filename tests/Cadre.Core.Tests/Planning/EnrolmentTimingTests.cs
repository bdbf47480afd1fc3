using Cadre.Core.Planning;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Planning;

/// <summary>Enrolments as they are (issue 8, defect 4): study mode, expected end date and interruptions decide when each trainee completes.</summary>
public class EnrolmentTimingTests
{
    private static readonly DateOnly On = new(2026, 11, 1);

    private static IReadOnlyList<ProjectedYear> Central(Scenario s) => CohortProjection.Run(s, s.Segments[0], Rates.Central(s.AssumptionsFor(s.Segments[0])));

    // One empty segment that trainees join; no leavers, no withdrawal, so each completer is 1 WTE in the year they join.
    private static Scenario Joining(string intake, string assumptions = "") => ScenarioJson.Parse(ProjectionTests.Json(
        $$"""{ "name": "CS", "establishmentWte": 10, "staffInPost": [], "commissionProgramme": "HSST", "intake": [ {{intake}} ] }""",
        ", \"PLAN-WDR-PTP\": 0" + assumptions, years: 10, target: 10).Replace("\"PLAN-LEAVERS-01\": 0.1", "\"PLAN-LEAVERS-01\": 0"));

    private static int JoiningYear(Scenario s) => Central(s).First(y => y.TraineesCompleting > 0).Year;

    [Fact]
    public void A_part_time_STP_trainee_takes_the_part_time_length()
    {
        Assert.Equal(2028, JoiningYear(Joining("""{ "programme": "STP", "year": 2025, "trainees": 1 }""")));
        // PLAN-DUR-PT-STP: five years (the longest part-time length NSHCS allows), so 2025 + 5.
        Assert.Equal(2030, JoiningYear(Joining("""{ "programme": "STP", "year": 2025, "trainees": 1, "mode": "part-time" }""")));
        // It is its own assumption: a planner's four years gives 2029, and the full-time length is untouched.
        var four = Joining("""{ "programme": "STP", "year": 2025, "trainees": 1, "mode": "part-time" }""", ", \"PLAN-DUR-PT-STP\": 4");
        Assert.Equal(2029, JoiningYear(four));
        Assert.Equal(3, Rates.Central(four.AssumptionsFor(four.Segments[0])).Duration(TrainingProgramme.Stp));
    }

    [Fact]
    public void A_known_expected_end_decides_whatever_the_programme_length()
    {
        var s = Joining("""{ "programme": "HSST", "year": 2024, "trainees": 2, "completes": 2032, "mode": "part-time" }""");
        var y = Central(s);
        Assert.Equal(0, y.Single(r => r.Year == 2031).Supply, 12);
        Assert.Equal(2, y.Single(r => r.Year == 2032).TraineesCompleting, 12);
        Assert.Equal(2, y.Single(r => r.Year == 2032).Supply, 12);
    }

    [Fact]
    public void An_expected_end_before_the_start_year_is_refused_naming_the_intake()
    {
        var ex = Assert.Throws<ScenarioException>(() => Joining("""{ "programme": "HSST", "year": 2020, "trainees": 1, "completes": 2025 }"""));
        Assert.Equal("segments[0].intake", ex.Field);
        Assert.Contains("qualify by 2025", ex.Problem);
        Assert.Equal("segments[0].intake[0].mode", Assert.Throws<ScenarioException>(() => Joining("""{ "programme": "STP", "year": 2025, "trainees": 1, "mode": "evenings" }""")).Field);
        Assert.Equal("segments[0].intake[0].completes", Assert.Throws<ScenarioException>(() => Joining("""{ "programme": "STP", "year": 2025, "trainees": 1, "completes": 2024 }""")).Field);
    }

    private static (Post Post, Guid Person) Scientist(int born)
    {
        var id = Guid.NewGuid();
        var post = new Post { EntryRequirement = EntryRequirement.ClinicalScientist, FundedWte = 1.0m };
        post.Assignments.Add(new Assignment { PersonId = id, Person = new Person { Id = id, YearOfBirth = born }, Wte = 1.0m, StartDate = new DateOnly(2015, 1, 1) });
        return (post, id);
    }

    [Fact]
    public void A_part_time_HSST_trainee_due_in_2032_completes_in_2032()
    {
        // Started September 2026, part-time, expected to finish August 2032 (full time would be 2031).
        var (post, id) = Scientist(1988);
        var consultant = new Post { EntryRequirement = EntryRequirement.Consultant, FundedWte = 1.0m };
        var enrolment = new TrainingEnrolment
        {
            PersonId = id, Programme = TrainingProgramme.Hsst, StartDate = new DateOnly(2026, 9, 1), ExpectedEndDate = new DateOnly(2032, 8, 31),
            Mode = StudyMode.PartTime, Status = TrainingStatus.Active,
        };
        var d = RegisterScenario.Build("Part-time", "", [post, consultant], [enrolment], On);
        var intake = Assert.Single(d.Segments.Single(s => s.Level == "Consultant").Intake);
        Assert.Equal(("HSST", 2026, 2032, "part-time"), (intake.Programme, intake.Year, intake.Completes, intake.Mode));

        var plan = PlanningEngine.Project(d.Parse(), runs: 0);
        var consultants = plan.Segments.Single(s => s.Segment.Level == "Consultant").Years;
        Assert.Equal(0, consultants.Single(y => y.Year == 2031).TraineesCompleting, 12);
        Assert.Equal(1 - 0.17, consultants.Single(y => y.Year == 2032).TraineesCompleting, 12); // less the 17% HSST withdrawal
    }

    [Fact]
    public void An_interrupted_or_overdue_trainee_whose_end_date_has_passed_completes_in_the_first_projected_year()
    {
        var (post, id) = Scientist(1990);
        var consultant = new Post { EntryRequirement = EntryRequirement.Consultant, FundedWte = 1.0m };
        var enrolment = new TrainingEnrolment
        {
            PersonId = id, Programme = TrainingProgramme.Hsst, StartDate = new DateOnly(2020, 9, 1), ExpectedEndDate = new DateOnly(2025, 8, 31),
            Status = TrainingStatus.Interrupted,
        };
        Assert.Equal(2027, RegisterBaseline.Completes(enrolment, On));
        // A future end date stands as the provider revised it for the interruption.
        Assert.Equal(2029, RegisterBaseline.Completes(new TrainingEnrolment { StartDate = new DateOnly(2022, 9, 1), ExpectedEndDate = new DateOnly(2029, 3, 1), Status = TrainingStatus.Interrupted }, On));
        // No end date recorded: the programme's length in the trainee's mode decides.
        Assert.Null(RegisterBaseline.Completes(new TrainingEnrolment { StartDate = new DateOnly(2024, 9, 1) }, On));

        var d = RegisterScenario.Build("Interrupted", "", [post, consultant], [enrolment], On);
        Assert.Equal(2027, Assert.Single(d.Segments.Single(s => s.Level == "Consultant").Intake).Completes);
    }

    [Fact]
    public void A_part_time_trainee_with_no_end_date_takes_the_part_time_length_from_the_register()
    {
        // Part-time STP started 2023 with no expected end date: the part-time five years run to 2028; full time (2026) would already be over.
        var (post, id) = Scientist(1995);
        var enrolment = new TrainingEnrolment { PersonId = id, Programme = TrainingProgramme.Stp, StartDate = new DateOnly(2023, 9, 1), Mode = StudyMode.PartTime, Status = TrainingStatus.Active };
        var d = RegisterScenario.Build("No end", "", [post], [enrolment], On);
        var intake = Assert.Single(d.Segments[0].Intake);
        Assert.Equal((2023, (int?)null, "part-time"), (intake.Year, intake.Completes, intake.Mode));
        var plan = PlanningEngine.Project(d.Parse(), runs: 0);
        Assert.Equal(0.925, plan.Segments[0].Years.Single(y => y.Year == 2028).TraineesCompleting, 12); // less the 7.5% STP withdrawal
    }
}
