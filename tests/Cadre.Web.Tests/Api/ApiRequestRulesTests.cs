using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cadre.Data.Security;
using Cadre.Web.Features.Api;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Api;

/// <summary>Every PUT names the version it replaces; a body the API cannot read gets a problem saying what was wrong.</summary>
[Collection(WebCollection.Name)]
public sealed class ApiRequestRulesTests(CadreWebFixture app)
{
    [Fact]
    public async Task A_PUT_without_the_version_read_is_refused_and_changes_nothing()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var (id, number) = await app.AnyPostAsync(app.DemoOrganisation);
        var post = await client.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{id}");
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(post.GetRawText())!;
        body.Remove("version");
        body["title"] = JsonSerializer.SerializeToElement("Overwritten blind");
        var blind = await client.PutAsJsonAsync($"/api/v1/posts/{id}", body);
        Assert.Equal(HttpStatusCode.BadRequest, blind.StatusCode);
        var problem = await blind.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Send the version you read", problem.GetProperty("errors").GetProperty("version")[0].GetString());
        Assert.NotEqual("Overwritten blind", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{id}")).GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(number));
    }

    [Fact]
    public void Every_PUT_in_the_API_requires_the_version()
    {
        var puts = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("PUT") == true)
            .ToList();
        Assert.NotEmpty(puts);
        Assert.All(puts, e => Assert.True(e.Metadata.GetMetadata<VersionRequiredMetadata>() is not null, $"{e.RoutePattern.RawText} does not require the version"));
    }

    [Fact]
    public async Task A_body_that_is_not_valid_JSON_gets_a_problem_saying_where()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var broken = await client.PostAsync("/api/v1/posts", new StringContent("{\"postNumber\": \"X-1\", \"title\": }", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType!.MediaType);
        var detail = (await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.StartsWith("The body is not valid JSON (line 1, character", detail);

        var wrongKind = await client.PostAsync("/api/v1/posts", new StringContent("{\"postNumber\": \"X-1\", \"fundedWte\": \"lots\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Contains("The value of 'fundedWte'", (await wrongKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var empty = await client.PostAsync("/api/v1/posts", new StringContent("", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("needs a JSON body", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var badQuery = await client.GetAsync("/api/v1/posts?page=lots");
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Contains("'lots' is not a valid value for page", (await badQuery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.DoesNotContain("   at ", await badQuery.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_token_script_in_the_docs_runs_against_the_real_app()
    {
        var secret = await ApiTokenTests.MakeTokenAsync(app, "Docs example", "ReadWrite", [ApiAreas.Register]);
        var script = Path.Combine(RepositoryRoot(), "docs", "examples", "api-token.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CADRE_URL"] = app.BaseAddress.ToString().TrimEnd('/');
        start.Environment["CADRE_TOKEN"] = secret;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output + errors);
        Assert.Contains("band 7 posts; the first is", output);
        Assert.Contains("cost centre CC-API-EXAMPLE", output);
        Assert.Contains("refused, as it should be", output);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cadre.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cadre.sln not found above the test folder");
    }
}
