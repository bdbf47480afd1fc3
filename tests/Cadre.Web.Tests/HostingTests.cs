using System.Net;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class HostingTests(CadreWebFixture app)
{
    [Fact]
    public async Task Health_answers_200_when_ready()
    {
        using var client = await app.ClientAsync();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Sqlite_database_is_in_the_data_folder()
    {
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "cadre.db")));
    }

    [Fact]
    public async Task Anonymous_api_call_is_401_not_a_redirect()
    {
        using var client = await app.ClientAsync();
        var response = await client.GetAsync("/api/v1/posts");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Anonymous_home_page_leads_to_sign_in()
    {
        using var client = await app.ClientAsync();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.OriginalString);
        var signIn = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var html = await signIn.Content.ReadAsStringAsync();
        Assert.Contains("Sign in to Cadre", html);
        Assert.Contains("type=\"password\"", html);
    }

    [Fact]
    public async Task Static_assets_are_served_locally_with_a_strict_content_security_policy()
    {
        using var client = await app.ClientAsync();
        var css = await client.GetAsync("/lib/nhsuk/nhsuk-frontend.min.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/chartjs/chart.umd.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/js/cadre.js")).StatusCode);
        var page = await client.GetAsync("/sign-in");
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Unknown_page_gets_the_friendly_not_found_page()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.Contains("nhsuk-header", html);
    }

    [Fact]
    public async Task Malformed_ids_and_bad_api_input_never_show_a_stack_trace()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var page = await client.GetAsync("/posts/not-a-guid");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var api = await client.PostAsync("/api/v1/posts", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var body = await api.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        using var client = await app.ClientAsync();
        var response = await client.GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"/api/v1/posts\"", json);
        Assert.Contains("\"/api/v1/posts/{id}\"", json);
        Assert.Contains("\"/api/v1/people\"", json);
        Assert.Contains("\"/api/v1/departments\"", json);
    }
}
