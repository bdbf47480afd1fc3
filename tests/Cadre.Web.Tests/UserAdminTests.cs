using System.Net;
using System.Text.RegularExpressions;
using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests;

/// <summary>Administrators manage who can sign in; every change goes in the audit trail.</summary>
[Collection(WebCollection.Name)]
public sealed class UserAdminTests(CadreWebFixture app)
{
    private async Task<string> UserIdAsync(string email)
    {
        await using var db = app.SystemContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task An_administrator_adds_a_user_who_can_sign_in_with_the_password_shown_once()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var bad = await CadreWebFixture.PostFormAsync(admin, "/users/new", new() { ["Input.Email"] = "not-an-email", ["Input.DisplayName"] = "" });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_Email\">Enter an email address in the correct format", html);
        Assert.Contains("<a href=\"#Input_DisplayName\">Enter their name", html);
        Assert.Contains("<a href=\"#Input_Roles\">Select at least one role", html);

        var leadForm = new Dictionary<string, string> { ["Input.Email"] = "new.lead@a.test", ["Input.DisplayName"] = "Nia Newlead", ["Input.Roles"] = "ServiceLead" };
        html = await (await CadreWebFixture.PostFormAsync(admin, "/users/new", leadForm)).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_DepartmentIds\">Select the departments this service lead leads", html);

        leadForm["Input.DepartmentIds"] = app.LeadDepartment.ToString();
        var created = await CadreWebFixture.PostFormAsync(admin, "/users/new", leadForm);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        html = await created.Content.ReadAsStringAsync();
        Assert.Contains("Nia Newlead can now sign in", html);
        var password = Regex.Match(html, "data-testid=\"generated-password\">([^<]+)<").Groups[1].Value;
        Assert.True(password.Length >= 12);

        // The new user signs in with it, chooses their own password, and sees only their department's posts; the
        // one-time password is not on any later page.
        using var newcomer = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.SignInAsync(newcomer, "new.lead@a.test", password)).StatusCode);
        await ChooseOwnPasswordAsync(newcomer, password, "Nia-Chooses-Her-Own-7");
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/posts")).StatusCode);
        var list = await admin.GetStringAsync("/users");
        Assert.Contains("Nia Newlead", list);
        Assert.DoesNotContain(password, list);

        await using var db = app.SystemContext();
        var id = await UserIdAsync("new.lead@a.test");
        var trail = await db.AuditEntries.Where(e => e.EntityId.StartsWith(id)).ToListAsync();
        Assert.Contains(trail, e => e.EntityType == "User" && e.Action == AuditAction.Created && e.Who == "Ada Admin" && e.OrganisationId == app.DemoOrganisation);
        Assert.Contains(trail, e => e.EntityType == "UserRole" && e.After!.Contains("ServiceLead"));
        Assert.Contains(trail, e => e.EntityType == "UserDepartmentScope");
        Assert.All(trail, e => Assert.DoesNotContain("PasswordHash", e.After ?? ""));
    }

    private static async Task ChooseOwnPasswordAsync(HttpClient client, string current, string chosen)
    {
        var changed = await CadreWebFixture.PostFormAsync(client, "/account/password", new()
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = chosen, ["Input.ConfirmPassword"] = chosen,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/", changed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_one_time_password_must_be_replaced_before_anything_else_and_a_forgotten_one_is_replaced_by_an_administrator()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var html = await (await CadreWebFixture.PostFormAsync(admin, "/users/new", new() { ["Input.Email"] = "otp@a.test", ["Input.DisplayName"] = "Omar Onetime", ["Input.Roles"] = "Viewer" })).Content.ReadAsStringAsync();
        var oneTime = Regex.Match(html, "data-testid=\"generated-password\">([^<]+)<").Groups[1].Value;

        using var user = await app.ClientAsync();
        await CadreWebFixture.SignInAsync(user, "otp@a.test", oneTime);
        // Every page sends them to choose a password, keeping where they were going; the API refuses with the reason.
        var posts = await user.GetAsync("/posts?page=2");
        Assert.Equal(HttpStatusCode.Redirect, posts.StatusCode);
        Assert.Equal("/account/password?returnUrl=%2Fposts%3Fpage%3D2", posts.Headers.Location!.OriginalString);
        var api = await user.GetAsync("/api/v1/posts");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("one-time password", await api.Content.ReadAsStringAsync());
        Assert.Contains("Choose your own password", await user.GetStringAsync("/account/password"));

        // Each mistake is named on its field; nothing changes.
        async Task<string> TryAsync(string current, string next, string again) => await (await CadreWebFixture.PostFormAsync(user, "/account/password", new()
            { ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = again })).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_ConfirmPassword\">The new passwords do not match", await TryAsync(oneTime, "Omar-Own-Password-1", "Omar-Own-Password-2"));
        Assert.Contains("<a href=\"#Input_CurrentPassword\">Your current password is not right", await TryAsync("Not-The-One-Time-1", "Omar-Own-Password-1", "Omar-Own-Password-1"));
        Assert.Contains("at least 12 characters", await TryAsync(oneTime, "short-1A", "short-1A"));
        Assert.Contains("<a href=\"#Input_NewPassword\">Choose a new password that is different", await TryAsync(oneTime, oneTime, oneTime));
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/posts")).StatusCode);

        var changed = await CadreWebFixture.PostFormAsync(user, "/account/password?returnUrl=%2Fposts", new()
            { ["Input.CurrentPassword"] = oneTime, ["Input.NewPassword"] = "Omar-Own-Password-1", ["Input.ConfirmPassword"] = "Omar-Own-Password-1" });
        Assert.Equal("/posts", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/posts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/posts")).StatusCode);

        // Forgotten: the administrator gives a new one-time password; the chosen one stops working; the cycle repeats.
        var id = await UserIdAsync("otp@a.test");
        var reset = await CadreWebFixture.PostFormAsync(admin, $"/users/{id}", [], $"/users/{id}?handler=ResetPassword");
        html = await reset.Content.ReadAsStringAsync();
        Assert.Contains("Omar Onetime has a new one-time password", html);
        var second = Regex.Match(html, "data-testid=\"generated-password\">([^<]+)<").Groups[1].Value;
        Assert.NotEqual(oneTime, second);
        using var again = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await CadreWebFixture.SignInAsync(again, "otp@a.test", "Omar-Own-Password-1")).StatusCode); // the form again: refused
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.SignInAsync(again, "otp@a.test", second)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/")).StatusCode);

        await using var db = app.SystemContext();
        Assert.True(await db.Users.Where(u => u.Id == id).Select(u => u.MustChangePassword).SingleAsync());
        Assert.All(await db.AuditEntries.Where(e => e.EntityId.StartsWith(id)).ToListAsync(), e => Assert.DoesNotContain("PasswordHash", e.After ?? ""));
    }

    [Fact]
    public async Task An_administrator_gives_access_only_to_their_own_organisations_and_departments()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var form = await admin.GetStringAsync("/users/new");
        Assert.Contains("data-testid=\"only-organisation\"", form);
        Assert.DoesNotContain(app.SecondOrganisation.ToString(), form);

        // A department of another organisation (by id, as a forged form would send it) is refused.
        await using var db = app.SystemContext();
        var foreign = await db.Departments.Where(d => d.OrganisationId == app.SecondOrganisation).Select(d => d.Id).FirstAsync();
        var html = await (await CadreWebFixture.PostFormAsync(admin, "/users/new", new()
        {
            ["Input.Email"] = "reach@a.test", ["Input.DisplayName"] = "Rhys Reach", ["Input.Roles"] = "ServiceLead",
            ["Input.DepartmentIds"] = foreign.ToString(), ["Input.OrganisationIds"] = app.SecondOrganisation.ToString(),
        })).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_DepartmentIds\">Select departments from the list", html);
        Assert.False(await db.Users.AnyAsync(u => u.Email == "reach@a.test"));

        // Created without choosing: the administrator's one organisation, and only it.
        await CadreWebFixture.PostFormAsync(admin, "/users/new", new() { ["Input.Email"] = "reach@a.test", ["Input.DisplayName"] = "Rhys Reach", ["Input.Roles"] = "Viewer",
            ["Input.OrganisationIds"] = app.SecondOrganisation.ToString() });
        var id = await UserIdAsync("reach@a.test");
        Assert.Equal([app.DemoOrganisation], await db.UserOrganisations.Where(m => m.UserId == id).Select(m => m.OrganisationId).ToListAsync());
    }

    [Fact]
    public async Task An_administrator_of_two_organisations_chooses_which_and_never_touches_memberships_beyond_their_own()
    {
        await app.AddUserOfBothOrganisationsAsync("both@a.test", "Bo Both", "Administrator");
        using var admin = await app.ClientAsync("both@a.test");
        var form = await admin.GetStringAsync("/users/new");
        Assert.Contains($"value=\"{app.SecondOrganisation}\"", form);
        Assert.Contains($"value=\"{app.DemoOrganisation}\"", form);

        var none = await (await CadreWebFixture.PostFormAsync(admin, "/users/new", new() { ["Input.Email"] = "two@a.test", ["Input.DisplayName"] = "Tia Two", ["Input.Roles"] = "Viewer" })).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_OrganisationIds\">Select the organisation whose register they may see", none);

        // A service lead's department must be in an organisation they are given.
        await using var db = app.SystemContext();
        var second = await db.Departments.Where(d => d.OrganisationId == app.SecondOrganisation).Select(d => d.Id).FirstAsync();
        var mismatch = await (await CadreWebFixture.PostFormAsync(admin, "/users/new", new() { ["Input.Email"] = "two@a.test", ["Input.DisplayName"] = "Tia Two", ["Input.Roles"] = "ServiceLead",
            ["Input.OrganisationIds"] = app.DemoOrganisation.ToString(), ["Input.DepartmentIds"] = second.ToString() })).Content.ReadAsStringAsync();
        Assert.Contains("Select departments of the organisations they may see", mismatch);

        var created = await CadreWebFixture.PostFormAsync(admin, "/users/new", new() { ["Input.Email"] = "two@a.test", ["Input.DisplayName"] = "Tia Two", ["Input.Roles"] = "Viewer",
            ["Input.OrganisationIds"] = app.SecondOrganisation.ToString() });
        Assert.Contains("Tia Two can now sign in", await created.Content.ReadAsStringAsync());
        var id = await UserIdAsync("two@a.test");
        Assert.Equal([app.SecondOrganisation], await db.UserOrganisations.Where(m => m.UserId == id).Select(m => m.OrganisationId).ToListAsync());

        // The ZZ1-only administrator edits Tia: ZZ1 is added (their only organisation); Tia keeps ZZ2, which is not theirs to remove.
        using var zz1 = await app.ClientAsync(CadreWebFixture.Users.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await zz1.GetAsync($"/users/{id}")).StatusCode); // not yet in ZZ1: not found
        var edited = await CadreWebFixture.PostFormAsync(admin, $"/users/{id}", new() { ["Input.Email"] = "two@a.test", ["Input.DisplayName"] = "Tia Two", ["Input.Roles"] = "Viewer",
            ["Input.OrganisationIds"] = app.DemoOrganisation.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal([app.DemoOrganisation], await db.UserOrganisations.Where(m => m.UserId == id).Select(m => m.OrganisationId).ToListAsync());
        var byZz1 = await CadreWebFixture.PostFormAsync(zz1, $"/users/{id}", new() { ["Input.Email"] = "two@a.test", ["Input.DisplayName"] = "Tia Two", ["Input.Roles"] = "Viewer" });
        Assert.Equal(HttpStatusCode.Redirect, byZz1.StatusCode);
        db.UserOrganisations.Add(new Cadre.Data.Security.UserOrganisation { UserId = id, OrganisationId = app.SecondOrganisation });
        await db.SaveChangesAsync();
        await CadreWebFixture.PostFormAsync(zz1, $"/users/{id}", new() { ["Input.Email"] = "two@a.test", ["Input.DisplayName"] = "Tia Two", ["Input.Roles"] = "Viewer" });
        Assert.Equal(2, await db.UserOrganisations.CountAsync(m => m.UserId == id));
    }

    [Fact]
    public async Task Changing_roles_and_unlocking_are_audited()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var created = await CadreWebFixture.PostFormAsync(admin, "/users/new", new() { ["Input.Email"] = "lock.me@a.test", ["Input.DisplayName"] = "Lee Locked", ["Input.Roles"] = "Viewer" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = await UserIdAsync("lock.me@a.test");
        using (var someone = await app.ClientAsync())
            for (var i = 0; i < 5; i++) await CadreWebFixture.SignInAsync(someone, "lock.me@a.test", "Wrong-Password-123");
        var page = await admin.GetStringAsync($"/users/{id}");
        Assert.Contains("This account is locked", page);
        Assert.Contains("Locked out", await admin.GetStringAsync("/users"));

        var unlocked = await CadreWebFixture.PostFormAsync(admin, $"/users/{id}", [], $"/users/{id}?handler=Unlock");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.DoesNotContain("This account is locked", await admin.GetStringAsync($"/users/{id}"));

        var changed = await CadreWebFixture.PostFormAsync(admin, $"/users/{id}", new()
        {
            ["Input.Email"] = "lock.me@a.test", ["Input.DisplayName"] = "Lee Locked", ["Input.Roles"] = "WorkforceInformation",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await using var db = app.SystemContext();
        var trail = await db.AuditEntries.Where(e => e.EntityId.StartsWith(id)).OrderBy(e => e.When).ToListAsync();
        Assert.Contains(trail, e => e.EntityType == "User" && e.Action == AuditAction.Updated && e.Who == "anonymous" && e.After!.Contains("LockoutEnd"));
        Assert.Contains(trail, e => e.EntityType == "User" && e.Action == AuditAction.Updated && e.Who == "Ada Admin" && e.After!.Contains("\"LockoutEnd\":null"));
        Assert.Contains(trail, e => e.EntityType == "UserRole" && e.Action == AuditAction.Deleted && e.Before!.Contains("Viewer"));
        Assert.Contains(trail, e => e.EntityType == "UserRole" && e.Action == AuditAction.Created && e.After!.Contains("WorkforceInformation"));
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var id = await UserIdAsync(CadreWebFixture.Users.Admin);
        var response = await CadreWebFixture.PostFormAsync(admin, $"/users/{id}", new() { ["Input.Email"] = CadreWebFixture.Users.Admin, ["Input.DisplayName"] = "Ada Admin", ["Input.Roles"] = "Viewer" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot remove your own Administrator role", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(CadreWebFixture.Users.Workforce)]
    [InlineData(CadreWebFixture.Users.Lead)]
    [InlineData(CadreWebFixture.Users.Viewer)]
    public async Task Only_administrators_reach_the_users_pages(string user)
    {
        using var client = await app.ClientAsync(user);
        foreach (var url in new[] { "/users", "/users/new", $"/users/{await UserIdAsync(CadreWebFixture.Users.Viewer)}" })
        {
            var response = await client.GetAsync(url);
            await CadreWebFixture.AssertRoleRefusedAsync(response);
        }
        Assert.DoesNotContain("href=\"/users\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Another_organisations_users_are_not_listed_or_found()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        Assert.DoesNotContain("Bea Otherton", await admin.GetStringAsync("/users"));
        var theirs = await UserIdAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/users/{theirs}")).StatusCode);
        var forged = await CadreWebFixture.PostFormAsync(admin, "/users/new", new()
        {
            ["Input.Email"] = CadreWebFixture.Users.OtherTrust, ["Input.DisplayName"] = "Taken Over", ["Input.Roles"] = "Administrator",
        }, $"/users/{theirs}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CadreWebFixture.PostFormAsync(admin, "/users/new", [], $"/users/{theirs}?handler=Unlock")).StatusCode);
        await using var db = app.SystemContext();
        Assert.Equal("Bea Otherton", await db.Users.Where(u => u.Id == theirs).Select(u => u.DisplayName).SingleAsync());
    }
}
