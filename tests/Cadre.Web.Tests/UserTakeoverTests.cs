using System.Net;
using Cadre.Core.Register;
using Cadre.Data;
using Cadre.Data.Auditing;
using Cadre.Data.Security;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests;

/// <summary>
/// The attack of issue 12 (High): an administrator of one organisation (ZZ2) tries to take over a user who also belongs to
/// another (ZZ1) by giving them the Administrator role, a new password or an unlock, then signing in as them. Roles are
/// global to a user, so each is refused; all the ZZ2 administrator may do is withdraw ZZ2's access.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class UserTakeoverTests(CadreWebFixture app)
{
    private const string Refusal = "also has access to another organisation&#x27;s register";

    private Task<(string AdminId, string SharedId)> ArrangeAsync(string admin, string shared, string role = CadreRoles.Viewer) => ArrangeAsync(app, admin, shared, role);

    private static async Task<(string AdminId, string SharedId)> ArrangeAsync(CadreWebFixture app, string admin, string shared, string role)
    {
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            await CadreDatabaseInitialiser.CreateUserAsync(users, admin, "Bo Second", CadreWebFixture.Password, CadreRoles.Administrator, app.SecondOrganisation);
        }
        await app.AddUserOfBothOrganisationsAsync(shared, "Sam Shared", role);
        await using var db = app.SystemContext();
        return (await db.Users.Where(u => u.Email == admin).Select(u => u.Id).SingleAsync(),
                await db.Users.Where(u => u.Email == shared).Select(u => u.Id).SingleAsync());
    }

    [Fact]
    public async Task An_administrator_of_one_organisation_cannot_take_over_a_user_shared_with_another()
    {
        var (_, id) = await ArrangeAsync("admin2@b.test", "shared@both.test");
        using var admin2 = await app.ClientAsync("admin2@b.test");

        // Listed and shown, but with nothing to change beyond withdrawing access.
        Assert.Contains("data-testid=\"shared-tag\"", await admin2.GetStringAsync("/users"));
        var page = await admin2.GetStringAsync($"/users/{id}");
        Assert.Contains("data-testid=\"shared-user\"", page);
        Assert.DoesNotContain("data-testid=\"save-user\"", page);
        Assert.DoesNotContain("data-testid=\"reset-password\"", page);

        // Each step of the takeover is refused with the reason, answered 403.
        var promote = await CadreWebFixture.PostFormAsync(admin2, $"/users/{id}", new()
            { ["Input.Email"] = "shared@both.test", ["Input.DisplayName"] = "Sam Shared", ["Input.Roles"] = "Administrator" });
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Contains(Refusal, await promote.Content.ReadAsStringAsync());
        var reset = await CadreWebFixture.PostFormAsync(admin2, $"/users/{id}", [], $"/users/{id}?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.DoesNotContain("data-testid=\"generated-password\"", await reset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await CadreWebFixture.PostFormAsync(admin2, $"/users/{id}", [], $"/users/{id}?handler=Unlock")).StatusCode);

        await using var db = app.SystemContext();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync();
        Assert.Equal([CadreRoles.Viewer], roles);
        using (var shared = await app.ClientAsync("shared@both.test")) // their own password still works: it was not replaced
            Assert.Equal(HttpStatusCode.Forbidden, (await shared.GetAsync("/api/v1/people")).StatusCode); // a Viewer still

        // The ZZ1 administrator, who also does not run ZZ2, is refused the same way.
        using var admin1 = await app.ClientAsync(CadreWebFixture.Users.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await CadreWebFixture.PostFormAsync(admin1, $"/users/{id}", new()
            { ["Input.Email"] = "shared@both.test", ["Input.DisplayName"] = "Sam Shared", ["Input.Roles"] = "Administrator" })).StatusCode);
    }

    [Fact]
    public async Task Adding_a_user_says_the_same_whichever_organisation_already_holds_the_email()
    {
        await ArrangeAsync("admin2c@b.test", "shared-probe@both.test");
        using var admin2 = await app.ClientAsync("admin2c@b.test");
        async Task<string> AddAsync(string email)
        {
            var response = await CadreWebFixture.PostFormAsync(admin2, "/users/new", new()
                { ["Input.Email"] = email, ["Input.DisplayName"] = "Probe", ["Input.Roles"] = "Viewer", ["Input.OrganisationIds"] = app.SecondOrganisation.ToString() });
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            return System.Text.RegularExpressions.Regex.Match(html, "nhsuk-error-summary__list.*?</ul>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        }

        // Another organisation's user (ZZ1 only), a user shared with this one, and this organisation's own administrator.
        var theirs = await AddAsync(CadreWebFixture.Users.Viewer);
        var shared = await AddAsync("shared-probe@both.test");
        var own = await AddAsync("admin2c@b.test");
        Assert.Contains(Cadre.Web.Features.Users.EditModel.EmailInUse, theirs);
        Assert.Equal(theirs, shared);
        Assert.Equal(theirs, own);
        await using var db = app.SystemContext();
        Assert.Equal(0, await db.Users.CountAsync(u => u.DisplayName == "Probe"));
    }

    [Theory]
    [MemberData(nameof(BothDatabasesTests.Databases), MemberType = typeof(BothDatabasesTests))]
    public async Task The_save_guard_refuses_a_shared_users_roles_password_and_name_whatever_path_the_change_takes(string database)
    {
        if (database == "sqlite") { await SaveGuardAsync(app); return; }
        var postgres = new CadreWebFixture { PostgresServer = Environment.GetEnvironmentVariable("CADRE_TEST_PG") is { Length: > 0 } pg ? pg
            : throw new InvalidOperationException("CADRE_TEST_PG is not set: ./test starts a PostgreSQL server and sets it.") };
        await postgres.InitializeAsync();
        try { await SaveGuardAsync(postgres); }
        finally { await postgres.DisposeAsync(); }
    }

    private static async Task SaveGuardAsync(CadreWebFixture app)
    {
        var (adminId, id) = await ArrangeAsync(app, "admin3@b.test", "shared3@both.test", CadreRoles.Viewer);
        var options = app.App.Services.GetRequiredService<DatabaseOptions>().BuildContextOptions();
        CadreDbContext AsAdmin2() => new(options, OrganisationScope.For([app.SecondOrganisation]), new AuditActor(adminId, "Bo Second"));

        await using (var db = AsAdmin2())
        {
            var administrator = await db.Roles.Where(r => r.Name == CadreRoles.Administrator).Select(r => r.Id).SingleAsync();
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = administrator });
            await Assert.ThrowsAsync<OrganisationScopeException>(() => db.SaveChangesAsync());
        }
        await using (var db = AsAdmin2())
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.PasswordHash = "forged";
            await Assert.ThrowsAsync<OrganisationScopeException>(() => db.SaveChangesAsync());
        }
        await using (var db = AsAdmin2())
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.DisplayName = "Renamed";
            await Assert.ThrowsAsync<OrganisationScopeException>(() => db.SaveChangesAsync());
        }
        // Withdrawing ZZ2's own access is allowed, and then the user is ZZ1's alone.
        await using (var db = AsAdmin2())
        {
            db.UserOrganisations.Remove(await db.UserOrganisations.SingleAsync(m => m.UserId == id && m.OrganisationId == app.SecondOrganisation));
            await db.SaveChangesAsync();
        }
        await using var system = app.SystemContext();
        Assert.Equal([app.DemoOrganisation], await system.UserOrganisations.Where(m => m.UserId == id).Select(m => m.OrganisationId).ToListAsync());
        Assert.Equal("Sam Shared", await system.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync());
    }

    [Fact]
    public async Task Withdrawing_access_leaves_the_other_organisation_untouched_and_is_audited()
    {
        var (_, id) = await ArrangeAsync("admin4@b.test", "shared4@both.test", CadreRoles.ServiceLead);
        await using var db = app.SystemContext();
        var theirs = await db.Departments.Where(d => d.OrganisationId == app.SecondOrganisation).Select(d => d.Id).FirstAsync();
        db.UserDepartmentScopes.AddRange(new UserDepartmentScope { UserId = id, DepartmentId = app.LeadDepartment }, new UserDepartmentScope { UserId = id, DepartmentId = theirs });
        await db.SaveChangesAsync();

        // A service lead shared by both: the page opens (it used to fail with a server error) and a save is refused in words.
        using var admin4 = await app.ClientAsync("admin4@b.test");
        Assert.Equal(HttpStatusCode.OK, (await admin4.GetAsync($"/users/{id}")).StatusCode);
        var save = await CadreWebFixture.PostFormAsync(admin4, $"/users/{id}", new()
            { ["Input.Email"] = "shared4@both.test", ["Input.DisplayName"] = "Sam Shared", ["Input.Roles"] = "ServiceLead", ["Input.DepartmentIds"] = theirs.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Contains(Refusal, await save.Content.ReadAsStringAsync());

        var withdrawn = await CadreWebFixture.PostFormAsync(admin4, $"/users/{id}", [], $"/users/{id}?handler=WithdrawAccess");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("Sam Shared no longer has access", await admin4.GetStringAsync("/users"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin4.GetAsync($"/users/{id}")).StatusCode);
        Assert.Equal([app.DemoOrganisation], await db.UserOrganisations.Where(m => m.UserId == id).Select(m => m.OrganisationId).ToListAsync());
        Assert.Equal([app.LeadDepartment], await db.UserDepartmentScopes.Where(s => s.UserId == id).Select(s => s.DepartmentId).ToListAsync());
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == "UserOrganisation" && e.Action == AuditAction.Deleted && e.EntityId.StartsWith(id)).ToListAsync(),
            e => e.Who == "Bo Second" && e.Before!.Contains(app.SecondOrganisation.ToString()));

        // Now ZZ1's alone, ZZ1's administrator has the whole account again.
        using var admin1 = await app.ClientAsync(CadreWebFixture.Users.Admin);
        Assert.Contains("data-testid=\"save-user\"", await admin1.GetStringAsync($"/users/{id}"));
    }
}
