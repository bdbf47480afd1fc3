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

        // The new user signs in with it and sees only their department's posts; the password is not on any later page.
        using var newcomer = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.SignInAsync(newcomer, "new.lead@a.test", password)).StatusCode);
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
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
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
