using Cadre.Core.Register;
using Cadre.Data.Register.Queries;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Register;

public class AuditTrailDatabaseTests
{
    /// <summary>The second lock: even SQL that goes round the data layer cannot rewrite or remove history.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task The_database_itself_refuses_to_update_or_delete_audit_entries(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var db = database.NewContext(OrganisationScope.System);
        db.Organisations.Add(new Organisation { Name = "Trust", OdsCode = "ZZA" });
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync());

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Who\" = 'someone else'"));
        Assert.NotNull(update);
        Assert.Contains("append-only", update!.Message);
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.NotNull(delete);
        Assert.Contains("append-only", delete!.Message);
        var bulk = await Record.ExceptionAsync(() => db.AuditEntries.ExecuteDeleteAsync());
        Assert.NotNull(bulk);

        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Who == "test"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task The_dashboard_summary_counts_what_the_user_can_see(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind, migrate: false);
        await using (var services = database.NewServices())
            await CadreDatabaseInitialiser.InitialiseAsync(services, new InitialiseOptions { CreateAdministrator = false });
        await using var system = database.NewContext(OrganisationScope.System);
        var demo = await system.Organisations.SingleAsync(o => o.OdsCode == Demo.DemoOrganisations.DemoOdsCode);
        var expectedPosts = await system.Posts.CountAsync(p => p.OrganisationId == demo.Id);
        var on = Demo.DemoOrganisations.AsAt;
        // Vacant: funded (not frozen) and nobody holds it on the day, whatever status was typed.
        var expectedVacant = await system.Posts.CountAsync(p => p.OrganisationId == demo.Id && p.Status != PostStatus.Frozen
            && !p.Assignments.Any(a => a.StartDate <= on && (a.EndDate == null || a.EndDate >= on)));
        var expectedFrozen = await system.Posts.CountAsync(p => p.OrganisationId == demo.Id && p.Status == PostStatus.Frozen);

        await using var db = database.NewContext(OrganisationScope.For([demo.Id]));
        var summary = await RegisterSummary.ComputeAsync(db, on);
        Assert.Equal(expectedPosts, summary.Posts);
        Assert.Equal(expectedVacant, summary.VacantPosts);
        Assert.Equal(expectedFrozen, summary.FrozenPosts);
        Assert.Equal(summary.FundedPosts, summary.FilledPosts + summary.VacantPosts);
        Assert.Equal(summary.Posts, summary.ByBand.Sum(s => s.Filled + s.Vacant + s.Frozen));
        Assert.Equal(summary.Posts, summary.ByDepartment.Sum(s => s.Posts));
        // Themes share out the funded WTE (each rounded to 2 places).
        Assert.InRange(summary.ByTheme.Sum(s => s.FundedWte), summary.FundedWte - 0.05m, summary.FundedWte + 0.05m);
        Assert.Equal(["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"], summary.ByBand.Select(s => s.Band.Code));
        Assert.Contains(summary.ByTheme, s => s.Theme == 'H' && s.FundedWte > 40);
        Assert.Contains(summary.ByTheme, s => s.Theme == 'E' && s.FundedWte > 0);
        Assert.InRange(summary.Headcount, summary.FilledPosts - 5, summary.FilledPosts + 5);
        Assert.True(summary.InPostWte < summary.FundedWte && summary.InPostWte > summary.FundedWte * 0.7m, $"{summary.InPostWte} of {summary.FundedWte}");
        Assert.True(summary.InTraining > 0);

        // Another organisation's scope sees none of it.
        await using var other = database.NewContext(OrganisationScope.For([Guid.NewGuid()]));
        Assert.Equal(0, (await RegisterSummary.ComputeAsync(other, on)).Posts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Registrations_due_and_trainees_finishing_are_counted_inside_their_windows_for_people_in_post(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var on = new DateOnly(2026, 3, 1);
        var org = new Organisation { Name = "Window Trust", OdsCode = "ZW1" };
        var department = new Department { OrganisationId = org.Id, Name = "Medical Physics" };
        var post = new Post { OrganisationId = org.Id, DepartmentId = department.Id, PostNumber = "W-1", Title = "Clinical Scientist" };
        var person = new Person { OrganisationId = org.Id, StaffNumber = "W1", GivenName = "Ann", FamilyName = "Lee",
            Registrations =
            [
                new() { OrganisationId = org.Id, Type = RegistrationType.HcpcClinicalScientist, Number = "CS1", ExpiresOn = on.AddDays(90) },
                new() { OrganisationId = org.Id, Type = RegistrationType.Ahcs, Number = "A1", ExpiresOn = on.AddDays(91) },
                new() { OrganisationId = org.Id, Type = RegistrationType.Hssr, Number = "H1", ExpiresOn = on.AddDays(-1) },
                new() { OrganisationId = org.Id, Type = RegistrationType.HcpcBiomedicalScientist, Number = "BS1" },
            ],
            TrainingEnrolments =
            [
                new() { OrganisationId = org.Id, Programme = TrainingProgramme.Stp, Specialism = "Radiotherapy Physics", StartDate = on.AddYears(-3), ExpectedEndDate = on.AddDays(180) },
                new() { OrganisationId = org.Id, Programme = TrainingProgramme.Hsst, Specialism = "Imaging", StartDate = on.AddYears(-4), ExpectedEndDate = on.AddMonths(6).AddDays(1) },
                new() { OrganisationId = org.Id, Programme = TrainingProgramme.Ptp, Specialism = "Clinical Engineering", StartDate = on.AddYears(-2), ExpectedEndDate = on.AddDays(30), Status = TrainingStatus.Withdrawn },
            ] };
        // Someone who left last month: their registration and training are no longer the service's to plan for.
        var leaver = new Person { OrganisationId = org.Id, StaffNumber = "W2", GivenName = "Bo", FamilyName = "Tam",
            Registrations = [new() { OrganisationId = org.Id, Type = RegistrationType.Ahcs, Number = "A2", ExpiresOn = on.AddDays(10) }],
            TrainingEnrolments = [new() { OrganisationId = org.Id, Programme = TrainingProgramme.Stp, Specialism = "Imaging", StartDate = on.AddYears(-3), ExpectedEndDate = on.AddDays(10) }] };
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            db.Organisations.Add(org);
            db.Departments.Add(department);
            db.Posts.Add(post);
            db.People.AddRange(person, leaver);
            db.Assignments.Add(new Assignment { OrganisationId = org.Id, PostId = post.Id, PersonId = person.Id, Wte = 1.0m, StartDate = on.AddYears(-1) });
            db.Assignments.Add(new Assignment { OrganisationId = org.Id, PostId = post.Id, PersonId = leaver.Id, Wte = 1.0m, StartDate = on.AddYears(-2), EndDate = on.AddDays(-20) });
            await db.SaveChangesAsync();
        }
        await using var scoped = database.NewContext(OrganisationScope.For([org.Id]));
        var summary = await RegisterSummary.ComputeAsync(scoped, on);
        Assert.Equal(1, summary.RegistrationsDue);
        Assert.Equal(1, summary.TraineesFinishing);
        Assert.Equal(["CS1"], await RegisterSummary.RegistrationsDueQuery(scoped, on).Select(r => r.Number).ToListAsync());
    }
}
