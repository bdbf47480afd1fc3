using Cadre.Core.Register;
using Cadre.Data.Demo;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Data.Tests.Register;

public class DemoAndInitialiserTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task First_run_migrates_loads_the_demo_and_creates_one_administrator(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind, migrate: false);
        await using var services = database.NewServices();

        var first = await CadreDatabaseInitialiser.InitialiseAsync(services);
        Assert.Contains("20261122000001_Initial", first.AppliedMigrations);
        Assert.True(first.DemoLoaded);
        Assert.Equal("admin@cadre.local", first.AdministratorEmail);
        Assert.NotNull(first.AdministratorPassword);
        Assert.True(first.AdministratorPassword!.Length >= 16);

        // The printed password signs in.
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            var admin = await users.FindByEmailAsync("admin@cadre.local");
            Assert.NotNull(admin);
            Assert.True(await users.CheckPasswordAsync(admin!, first.AdministratorPassword));
            Assert.False(await users.CheckPasswordAsync(admin!, "admin"));
            Assert.True(await users.IsInRoleAsync(admin!, CadreRoles.Administrator));
        }

        // A second start changes nothing and never shows a password again.
        var second = await CadreDatabaseInitialiser.InitialiseAsync(services);
        Assert.Empty(second.AppliedMigrations);
        Assert.False(second.DemoLoaded);
        Assert.Null(second.AdministratorPassword);

        await using var db = database.NewContext(OrganisationScope.System);
        var demo = await db.Organisations.SingleAsync(o => o.OdsCode == DemoOrganisations.DemoOdsCode);
        var posts = await db.Posts.Where(p => p.OrganisationId == demo.Id).Include(p => p.Activities).Include(p => p.Roles).ToListAsync();
        Assert.InRange(posts.Count, 140, 170);
        Assert.Equal(2, await db.Organisations.CountAsync());
        // Every demo post keeps the register's own rules.
        Assert.All(posts, p => Assert.Empty(RegisterRules.Check(p)));
    }

    [Fact]
    public void Demo_register_holds_the_hard_cases_of_seed_000()
    {
        var demo = DemoOrganisations.Build();
        var trust = demo.Organisations.Single(o => o.OdsCode == DemoOrganisations.DemoOdsCode);
        var posts = demo.Posts.Where(p => p.OrganisationId == trust.Id).ToList();
        Post Find(string number) => posts.Single(p => p.PostNumber == number);

        // Vascular scientist inside a Medical Physics department, coded by activity (theme E).
        var vascular = Find(DemoOrganisations.VascularScientistPost);
        Assert.Equal('H', vascular.Department!.ScienceTheme);
        Assert.Equal("U2E", vascular.OccupationCode);
        Assert.All(vascular.Activities, a => Assert.Equal('E', a.ScienceTheme));

        // EBME staff employed by Estates: a department with no science theme, activity J.
        var estates = Find(DemoOrganisations.EbmeInEstatesPost);
        Assert.Null(estates.Department!.ScienceTheme);
        Assert.Contains("Estates", estates.Department.Name);
        Assert.All(estates.Activities, a => Assert.Equal('J', a.ScienceTheme));

        // The 50:50 role: two activities of exactly half each.
        var fifty = Find(DemoOrganisations.FiftyFiftyPost);
        Assert.Equal([50, 50], fifty.Activities.Select(a => a.Percent));
        Assert.Equal(2, fifty.Activities.Select(a => a.AreaOfWork).Distinct().Count());

        // The two-JD post: two roles whose WTE adds up to the post's.
        var twoJd = Find(DemoOrganisations.TwoJobDescriptionPost);
        Assert.Equal(2, twoJd.Roles.Count);
        Assert.Equal(twoJd.FundedWte, twoJd.Roles.Sum(r => r.Wte));

        // Head of department: band 9 consultant who manages, with more than 10% direct scientific work.
        var head = Find(DemoOrganisations.HeadOfDepartmentPost);
        Assert.Equal(PayBand.Band9, head.Band);
        Assert.True(head.ManagesDepartment);
        Assert.InRange(head.DirectHcsPercent, 11, 100);

        // Bands 2 to 9, themes H and J with some E and F, vacancies, retired T/S codes.
        Assert.Equal(PayBand.Band2, posts.Min(p => p.Band));
        Assert.Equal(PayBand.Band9, posts.Max(p => p.Band));
        var themes = posts.SelectMany(p => p.Activities).GroupBy(a => a.ScienceTheme).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(themes['H'] > 40 && themes['J'] > 40 && themes['E'] >= 3 && themes['F'] >= 3, string.Join(",", themes));
        Assert.InRange(posts.Count(p => p.Status == PostStatus.Vacant), 5, 25);
        Assert.Contains(posts, p => p.Status == PostStatus.Frozen);
        Assert.True(posts.Count(p => p.OccupationCode![0] is 'T' or 'S') >= 5);

        // People: trainees on STP and HSST (one withdrawal kept), registrations and MPE/RPA certificates.
        var people = demo.People.Where(p => p.OrganisationId == trust.Id).ToList();
        var enrolments = people.SelectMany(p => p.TrainingEnrolments).ToList();
        Assert.Contains(enrolments, e => e.Programme == TrainingProgramme.Stp && e.Status == TrainingStatus.Active);
        Assert.Contains(enrolments, e => e.Programme == TrainingProgramme.Hsst);
        Assert.Contains(enrolments, e => e.Status == TrainingStatus.Withdrawn);
        Assert.Contains(people.SelectMany(p => p.Certificates), c => c.Type == CertificateType.Mpe);
        Assert.Contains(people.SelectMany(p => p.Certificates), c => c.Type == CertificateType.Rpa);
        Assert.Contains(people.SelectMany(p => p.Registrations), r => r.Type == RegistrationType.HcpcClinicalScientist);
        Assert.All(people, p => Assert.Empty(RegisterRules.Check(p, 2026)));
        Assert.All(people, p => Assert.Null(RegisterRules.CheckTotalWte(p.Assignments, DemoOrganisations.AsAt)));

        // MPACE against BS 70000, and every department with a scientific lead has one named.
        var departments = trust.Departments;
        Assert.Contains(departments.SelectMany(d => d.Accreditations), a => a.Scheme == "UKAS MPACE" && a.Standard == "BS 70000" && a.Status == AccreditationStatus.Accredited);
        Assert.All(departments.Where(d => d.ScienceTheme is not null), d => Assert.NotNull(d.LeadPersonId));

        // Deterministic: the same seed gives the same register.
        var again = DemoOrganisations.Build();
        Assert.Equal(demo.Posts.Select(p => (p.PostNumber, p.Title, p.Band, p.Status)), again.Posts.Select(p => (p.PostNumber, p.Title, p.Band, p.Status)));
        Assert.Equal(demo.People.Select(p => p.DisplayName), again.People.Select(p => p.DisplayName));
    }
}
