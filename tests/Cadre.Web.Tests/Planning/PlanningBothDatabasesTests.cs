using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Planning;

/// <summary>Planning and careers main paths on SQLite and, when a server is given, PostgreSQL (the baseline query, the saved JSON, the pipeline).</summary>
public sealed class PlanningBothDatabasesTests
{
    [Theory]
    [MemberData(nameof(BothDatabasesTests.Databases), MemberType = typeof(BothDatabasesTests))]
    public async Task Create_edit_run_compare_and_list_trainees(string database)
    {
        string? server = null;
        if (database == "postgresql")
            server = Environment.GetEnvironmentVariable("CADRE_TEST_PG") is { Length: > 0 } pg ? pg
                : throw new InvalidOperationException("CADRE_TEST_PG is not set: ./test starts a PostgreSQL server and sets it.");
        var app = new CadreWebFixture { PostgresServer = server };
        await app.InitializeAsync();
        try
        {
            using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
            var ids = new List<string>();
            foreach (var (name, scope) in new[] { ("Whole trust", "organisation"), ("Service", $"department:{app.LeadDepartment}") })
            {
                var created = await CadreWebFixture.PostFormAsync(client, "/planning", new() { ["Name"] = name, ["Scope"] = scope });
                Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
                ids.Add(created.Headers.Location!.OriginalString.Split('/').Last());
            }
            var page = await client.GetStringAsync($"/planning/{ids[0]}");
            Assert.Equal(11, Regex.Matches(page, "data-testid=\"year-total-").Count);

            var edit = await client.GetStringAsync($"/planning/{ids[1]}/edit");
            var fields = Regex.Matches(edit, "<input [^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"").Where(m => m.Groups[1].Value != "__RequestVerificationToken")
                .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            foreach (Match m in Regex.Matches(edit, "<select class=\"nhsuk-select\" id=\"[^\"]+\" name=\"([^\"]+)\">.*?<option value=\"([^\"]+)\" selected>", RegexOptions.Singleline))
                fields[m.Groups[1].Value] = m.Groups[2].Value;
            fields["a-PLAN-DEMAND-01-value"] = "0.03";
            fields["a-PLAN-DEMAND-01-low"] = "0.03";
            fields["a-PLAN-DEMAND-01-high"] = "0.03";
            Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, $"/planning/{ids[1]}/edit", fields)).StatusCode);

            var run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/planning/scenarios/{ids[1]}/run?runs=50");
            Assert.All(run.GetProperty("segments").EnumerateArray(), s =>
                Assert.Contains(s.GetProperty("assumptions").EnumerateArray(), a => a.GetProperty("id").GetString() == "PLAN-DEMAND-01" && a.GetProperty("value").GetDouble() == 0.03));
            Assert.Contains("data-testid=\"compare-table\"", await client.GetStringAsync($"/planning/compare?a={ids[0]}&b={ids[1]}"));
            Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/planning/scenarios")).GetArrayLength());

            var pipeline = await client.GetStringAsync("/careers/pipeline");
            Assert.True(Regex.Matches(pipeline, "data-testid=\"trainee-row\"").Count >= 10);
            using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/planning/{ids[0]}")).StatusCode);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
