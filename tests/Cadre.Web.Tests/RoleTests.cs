using System.Net;
using System.Net.Http.Json;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests;

/// <summary>Viewers and job evaluation panel members work with posts, never with named people.</summary>
[Collection(WebCollection.Name)]
public sealed class RoleTests(CadreWebFixture app)
{
    private async Task<(Guid PostId, string HolderFamilyName, string StaffNumber)> FilledPostAsync()
    {
        await using var db = app.SystemContext();
        var a = await db.Assignments.Where(x => x.OrganisationId == app.DemoOrganisation && x.EndDate == null)
            .Select(x => new { x.PostId, x.Person!.FamilyName, x.Person.GivenName, x.Person.StaffNumber }).FirstAsync();
        return (a.PostId, a.GivenName + " " + a.FamilyName, a.StaffNumber);
    }

    [Theory]
    [InlineData(CadreWebFixture.Users.Viewer)]
    [InlineData(CadreWebFixture.Users.Panel)]
    public async Task Roles_without_personal_details_see_no_names_in_pages(string user)
    {
        var (postId, name, staffNumber) = await FilledPostAsync();
        using var client = await app.ClientAsync(user);
        var detail = await client.GetStringAsync($"/posts/{postId}");
        Assert.DoesNotContain(name, detail);
        Assert.DoesNotContain(staffNumber, detail);
        Assert.Contains("Your role does not show people", detail);
        var home = await client.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/people\"", home);
        var people = await client.GetAsync("/people");
        await CadreWebFixture.AssertRoleRefusedAsync(people);
    }

    [Theory]
    [InlineData(CadreWebFixture.Users.Viewer)]
    [InlineData(CadreWebFixture.Users.Panel)]
    public async Task Roles_without_personal_details_get_403_from_the_people_api_and_cannot_write(string user)
    {
        using var client = await app.ClientAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/posts")).StatusCode);
        var create = await client.PostAsJsonAsync("/api/v1/posts", new { postNumber = "V-1", title = "Nope", departmentId = app.LeadDepartment, band = "5", fundedWte = 1.0 });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        var (id, _) = await app.AnyPostAsync(app.DemoOrganisation);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/posts/{id}")).StatusCode);
        var edit = await client.GetAsync($"/posts/{id}/edit");
        await CadreWebFixture.AssertRoleRefusedAsync(edit);
    }

    [Fact]
    public async Task Roles_with_personal_details_see_post_holders_names()
    {
        var (postId, name, _) = await FilledPostAsync();
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var detail = await client.GetStringAsync($"/posts/{postId}");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(name), detail);
        var people = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/people");
        Assert.True(people.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task Only_administrators_and_workforce_information_read_the_audit_trail()
    {
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        await CadreWebFixture.AssertRoleRefusedAsync(await viewer.GetAsync("/audit"));
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var html = await admin.GetStringAsync("/audit");
        Assert.Contains("Audit trail", html);
        Assert.Contains("cannot be changed or deleted", html);
    }
}
