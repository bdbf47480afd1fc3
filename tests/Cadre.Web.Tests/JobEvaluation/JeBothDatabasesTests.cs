using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Core.JobEvaluation;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.JobEvaluation;

/// <summary>The job evaluation pages' main path on SQLite and, when a server is given, PostgreSQL.</summary>
public sealed class JeBothDatabasesTests
{
    [Theory]
    [MemberData(nameof(BothDatabasesTests.Databases), MemberType = typeof(BothDatabasesTests))]
    public async Task Library_evaluation_panel_review_reports_and_isolation(string database)
    {
        string? server = null;
        if (database == "postgresql")
            server = Environment.GetEnvironmentVariable("CADRE_TEST_PG") is { Length: > 0 } pg ? pg
                : throw new InvalidOperationException("CADRE_TEST_PG is not set: ./test starts a PostgreSQL server and sets it.");
        var app = new CadreWebFixture { PostgresServer = server };
        await app.InitializeAsync();
        try
        {
            using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
            Assert.Equal(17, Regex.Matches(await client.GetStringAsync("/job-evaluation"), "data-testid=\"profile-row\"").Count);
            Assert.Equal(24, Regex.Matches(await client.GetStringAsync("/job-evaluation?archived=true&suite=Patient+Services"), "data-testid=\"profile-row\"").Count);

            string[] levels = ["3a", "2", "2", "2", "2", "2", "1", "2a", "1", "1", "2", "1", "1", "1", "1", "1"];
            var band = JeReference.Default.Scorer.Score(Job.Parse("", levels, JeReference.Default.Plan)).BandName;
            var registerBand = Cadre.Core.Register.PayBand.Parse(band);
            var (post, number) = await app.AnyPostAsync(app.DemoOrganisation, q => q.Where(p => p.Band != registerBand));
            var form = JeWebTests.Form(levels, post);
            form["date"] = "2026-06-01";
            var saved = await CadreWebFixture.PostFormAsync(client, "/job-evaluation/evaluate", form, "/job-evaluation/evaluate?handler=Save");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var outcome = saved.Headers.Location!.OriginalString;
            Assert.Contains("Alice Manager", await client.GetStringAsync(outcome));
            Assert.Contains("je-band-mismatch", await client.GetStringAsync($"/posts/{post}"));
            Assert.Contains(number, await client.GetStringAsync("/job-evaluation/band-mismatches?format=csv"));
            Assert.Contains("No inconsistencies found", await client.GetStringAsync("/job-evaluation/consistency"));
            Assert.Contains("Local evaluation panel", await client.GetStringAsync("/job-evaluation/outcomes"));

            var notify = await CadreWebFixture.PostFormAsync(client, outcome, new() { ["notified-on"] = "2026-06-05", ["notified-how"] = "Email" }, $"{outcome}?handler=Notify");
            Assert.Equal(HttpStatusCode.Redirect, notify.StatusCode);
            var late = await CadreWebFixture.PostFormAsync(client, outcome, new() { ["received-on"] = "2026-09-20", ["in-writing"] = "true", ["disputed"] = "2" }, $"{outcome}?handler=Review");
            Assert.Contains("JE-REVIEW-01", await late.Content.ReadAsStringAsync());

            var outcomes = await client.GetFromJsonAsync<JsonElement>($"/api/v1/je/posts/{post}/outcomes");
            Assert.Equal(1, outcomes.GetArrayLength());
            Assert.Equal(band, outcomes[0].GetProperty("band").GetString());

            using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(outcome)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/je/posts/{post}/outcomes")).StatusCode);
            Assert.DoesNotContain(number, await other.GetStringAsync("/job-evaluation/band-mismatches?format=csv"));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
