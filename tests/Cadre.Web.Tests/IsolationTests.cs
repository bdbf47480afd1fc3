using System.Net;
using System.Net.Http.Json;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests;

/// <summary>A user of one trust tries to read and change another trust's register through every door: refused, and told nothing.</summary>
[Collection(WebCollection.Name)]
public sealed class IsolationTests(CadreWebFixture app)
{
    [Fact]
    public async Task Another_organisations_post_is_not_found_in_pages()
    {
        var (id, number) = await app.AnyPostAsync(app.DemoOrganisation);
        using var client = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/posts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/posts/{id}/edit")).StatusCode);
        var list = await client.GetStringAsync($"/posts?q={number}");
        Assert.Contains("No posts match these filters", list);
        var dashboard = await client.GetStringAsync("/");
        Assert.DoesNotContain("Northmoor", dashboard);
    }

    [Fact]
    public async Task Another_organisations_post_cannot_be_changed_through_the_form()
    {
        var (id, number) = await app.AnyPostAsync(app.DemoOrganisation);
        using var client = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        // Borrow a valid token from a page the user can open, then aim the post at the other trust's record.
        var response = await CadreWebFixture.PostFormAsync(client, "/posts/new", new()
        {
            ["Input.PostNumber"] = number, ["Input.Title"] = "Hijacked", ["Input.Band"] = "5", ["Input.FundedWte"] = "1",
            ["Input.DepartmentId"] = app.LeadDepartment.ToString(), ["Input.DirectHcsPercent"] = "100",
        }, postUrl: $"/posts/{id}/edit");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // Nor can a new post be put into the other trust's department.
        var create = await CadreWebFixture.PostFormAsync(client, "/posts/new", new()
        {
            ["Input.PostNumber"] = "HIJACK-1", ["Input.Title"] = "Hijacked", ["Input.Band"] = "5", ["Input.FundedWte"] = "1",
            ["Input.DepartmentId"] = app.LeadDepartment.ToString(), ["Input.DirectHcsPercent"] = "100",
        });
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Contains("Select a department from the list", await create.Content.ReadAsStringAsync());
        await using var db = app.SystemContext();
        Assert.False(await db.Posts.AnyAsync(p => p.Title == "Hijacked"));
    }

    [Fact]
    public async Task Another_organisations_records_are_not_found_through_the_api()
    {
        var (id, number) = await app.AnyPostAsync(app.DemoOrganisation);
        using var client = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/posts/{id}")).StatusCode);
        var put = await client.PutAsJsonAsync($"/api/v1/posts/{id}", new { postNumber = number, title = "Hijacked", departmentId = app.LeadDepartment, band = "5", fundedWte = 1.0, version = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/posts/{id}")).StatusCode);
        var create = await client.PostAsJsonAsync("/api/v1/posts", new { postNumber = "HIJACK-2", title = "Hijacked", departmentId = app.LeadDepartment, band = "5", fundedWte = 1.0 });
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);

        var list = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/posts?q={number}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var departments = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/departments");
        Assert.DoesNotContain(departments.EnumerateArray(), d => d.GetProperty("id").GetGuid() == app.LeadDepartment);

        await using var db = app.SystemContext();
        var person = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation).Select(p => p.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/people/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{person}")).StatusCode);
        Assert.True(await db.Posts.AnyAsync(p => p.Id == id && p.Title != "Hijacked"));
    }

    [Fact]
    public async Task A_service_lead_sees_only_their_own_departments_posts()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Lead);
        var (otherId, _) = await app.AnyPostAsync(app.DemoOrganisation, q => q.Where(p => p.DepartmentId != app.LeadDepartment));
        var (ownId, _) = await app.AnyPostAsync(app.DemoOrganisation, q => q.Where(p => p.DepartmentId == app.LeadDepartment));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/posts/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/posts/{ownId}")).StatusCode);
        var departments = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/departments");
        Assert.Equal(app.LeadDepartment, Assert.Single(departments.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Department_page_shows_accreditation_to_its_own_organisation_only()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var html = await admin.GetStringAsync($"/departments/{app.LeadDepartment}");
        Assert.Contains("Service accreditation", html);
        Assert.Contains($"/posts?department={app.LeadDepartment}", html);
        using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/departments/{app.LeadDepartment}")).StatusCode);
    }
}
