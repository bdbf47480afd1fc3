using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Figures;

/// <summary>
/// Its own app: the demo trust grown by generated posts, holders, registrations and training with a fixed seed, including
/// the cases that made the pages disagree: posts typed vacant that somebody holds, posts typed funded that nobody holds,
/// holders who left or have not started, part-time holders, people out of post with registrations and training due.
/// </summary>
public sealed class GeneratedRegisterFixture : IAsyncLifetime
{
    public CadreWebFixture App { get; } = new();
    public const int GeneratedPosts = 600;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(1010);
        await using var db = App.SystemContext();
        var organisation = App.DemoOrganisation;
        var departments = await db.Departments.Where(d => d.OrganisationId == organisation).Select(d => d.Id).ToListAsync();
        string[] titles = ["Clinical Scientist (Radiotherapy Physics)", "Clinical Technologist", "Principal Clinical Scientist", "Healthcare Science Practitioner",
            "Trainee Clinical Scientist", "Biomedical Scientist", "Medical Engineer", "Consultant Clinical Scientist"];
        string?[] codes = ["U2H", "U4J", "U1H", "T2H", null, "U3E", "U6H"];
        for (var i = 0; i < GeneratedPosts; i++)
        {
            var post = new Post
            {
                OrganisationId = organisation,
                DepartmentId = departments[random.Next(departments.Count)],
                PostNumber = $"GEN{i:00000}",
                Title = titles[random.Next(titles.Length)],
                Band = PayBand.All[random.Next(2, 11)],
                FundedWte = random.Next(5) == 0 ? 0.6m : 1.0m,
                Status = random.Next(10) switch { 0 => PostStatus.Frozen, < 4 => PostStatus.Vacant, _ => PostStatus.Funded },
                OccupationCode = codes[random.Next(codes.Length)],
            };
            db.Posts.Add(post);
            // About half the posts are held; some by two part-timers; some holders left or have not started yet.
            var holders = random.Next(10) switch { < 4 => 0, < 9 => 1, _ => 2 };
            for (var h = 0; h < holders; h++)
            {
                var person = new Person { OrganisationId = organisation, StaffNumber = $"GEN{i:00000}-{h}", GivenName = "Gen", FamilyName = $"Person {i}-{h}", YearOfBirth = 1960 + random.Next(40) };
                var registrations = random.Next(3);
                for (var r = 0; r < registrations; r++)
                    person.Registrations.Add(new ProfessionalRegistration { OrganisationId = organisation, Type = (RegistrationType)random.Next(4), Number = $"R{i}{h}{r}", ExpiresOn = today.AddDays(random.Next(-40, 200)) });
                if (random.Next(4) == 0)
                    person.TrainingEnrolments.Add(new TrainingEnrolment
                    {
                        OrganisationId = organisation, Programme = (TrainingProgramme)random.Next(4), Specialism = "Medical Physics", StartDate = today.AddYears(-2),
                        ExpectedEndDate = today.AddDays(random.Next(-30, 400)),
                        Status = random.Next(6) switch { 0 => TrainingStatus.Interrupted, 1 => TrainingStatus.Withdrawn, 2 => TrainingStatus.Completed, _ => TrainingStatus.Active },
                    });
                db.People.Add(person);
                var when = random.Next(8);
                db.Assignments.Add(new Assignment
                {
                    OrganisationId = organisation, PostId = post.Id, PersonId = person.Id, Wte = holders == 2 ? 0.5m : random.Next(3) == 0 ? 0.8m : 1.0m,
                    StartDate = when == 0 ? today.AddDays(10) : today.AddYears(-1),
                    EndDate = when == 1 ? today.AddDays(-1) : when == 2 ? today : null,
                });
            }
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();
}
