using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ApiTests(CadreWebFixture app)
{
    private object Body(string number, string band = "6", decimal wte = 1.0m, Guid? version = null) => new
    {
        postNumber = number, title = "Clinical Engineer (EBME)", departmentId = app.LeadDepartment, band, fundedWte = wte,
        status = "Funded", occupationCode = "U4J", entryRequirement = "Practitioner", directHcsPercent = 100,
        activities = new[] { new { service = "EBME", areaOfWork = "Medical Engineering", scienceTheme = "J", percent = 100 } },
        version,
    };

    [Fact]
    public async Task Create_read_update_and_delete_a_post()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var created = await client.PostAsJsonAsync("/api/v1/posts", Body("API-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var post = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = post.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/posts/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("6", post.GetProperty("band").GetString());

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{id}");
        var version = read.GetProperty("version").GetGuid();
        Assert.Equal("J", read.GetProperty("activities")[0].GetProperty("scienceTheme").GetString());

        var updated = await client.PutAsJsonAsync($"/api/v1/posts/{id}", Body("API-1", band: "7", version: version));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("7", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("band").GetString());

        var stale = await client.PutAsJsonAsync($"/api/v1/posts/{id}", Body("API-1", band: "5", version: version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/posts?q=API-1&pageSize=5");
        Assert.Equal(1, list.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/posts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/posts/{id}")).StatusCode);
    }

    [Fact]
    public async Task Invalid_post_gets_400_with_every_problem_by_field()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var response = await client.PostAsJsonAsync("/api/v1/posts", new { postNumber = "", title = "", departmentId = app.LeadDepartment, band = "8e", fundedWte = 1.5 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("band", out _));
        Assert.True(errors.TryGetProperty("postNumber", out _));
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("fundedWte", out _));
    }

    [Fact]
    public async Task Unsafe_methods_accept_only_json_so_a_cross_site_form_cannot_post()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["postNumber"] = "FORM-1", ["title"] = "x" });
        var response = await client.PostAsync("/api/v1/posts", form);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Departments_and_people_are_listed_for_the_users_organisation()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var departments = await client.GetFromJsonAsync<JsonElement>("/api/v1/departments");
        Assert.True(departments.GetArrayLength() > 1);
        var people = await client.GetFromJsonAsync<JsonElement>("/api/v1/people?pageSize=2");
        Assert.Equal(2, people.GetProperty("items").GetArrayLength());
        var id = people.GetProperty("items")[0].GetProperty("id").GetGuid();
        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}");
        Assert.True(person.TryGetProperty("registrations", out _));
    }
}
