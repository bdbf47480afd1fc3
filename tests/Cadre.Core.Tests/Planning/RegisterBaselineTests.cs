using Cadre.Core.Planning;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Planning;

public class RegisterBaselineTests
{
    [Fact]
    public void Baseline_takes_funded_posts_current_staff_by_year_of_birth_and_active_trainees()
    {
        var on = new DateOnly(2026, 4, 1);
        Person P(int? born) => new() { YearOfBirth = born };
        Post Post(decimal wte, PostStatus status, params (Person who, decimal wte, DateOnly? end)[] holders)
        {
            var post = new Post { FundedWte = wte, Status = status };
            foreach (var h in holders) post.Assignments.Add(new Assignment { Person = h.who, PersonId = Guid.NewGuid(), Wte = h.wte, StartDate = new DateOnly(2020, 1, 1), EndDate = h.end });
            return post;
        }
        var posts = new[]
        {
            Post(1.0m, PostStatus.Funded, (P(1961), 1.0m, null)),
            Post(1.0m, PostStatus.Funded, (P(1961), 0.6m, null), (P(1990), 0.4m, null)),
            Post(1.0m, PostStatus.Vacant, (P(1970), 1.0m, new DateOnly(2025, 12, 31))), // left before the date
            Post(2.0m, PostStatus.Frozen),
        };
        var enrolments = new[]
        {
            new TrainingEnrolment { Programme = TrainingProgramme.Stp, StartDate = new DateOnly(2024, 9, 1), Status = TrainingStatus.Active },
            new TrainingEnrolment { Programme = TrainingProgramme.Stp, StartDate = new DateOnly(2024, 9, 1), Status = TrainingStatus.Interrupted },
            new TrainingEnrolment { Programme = TrainingProgramme.Stp, StartDate = new DateOnly(2025, 9, 1), Status = TrainingStatus.Withdrawn },
        };
        var s = RegisterBaseline.Segment("CS", posts, enrolments, on);
        Assert.Equal(3.0, s.EstablishmentWte, 9);
        Assert.Equal([new StaffCohort(1961, 2, 1.6), new StaffCohort(1990, 1, 0.4)], s.StaffInPost);
        Assert.Equal([new TraineeIntake(TrainingProgramme.Stp, 2024, 2)], s.Intake);
    }
}
