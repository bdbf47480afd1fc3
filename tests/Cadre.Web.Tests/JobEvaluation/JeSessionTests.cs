using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Core.JobEvaluation;
using Cadre.Core.Register;
using Cadre.Data.JobEvaluation;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.JobEvaluation;

/// <summary>Changing a recorded panel session (page and API), and the sessions API.</summary>
[Collection(WebCollection.Name)]
public sealed class JeSessionTests(CadreWebFixture app)
{
    private static Dictionary<string, string> Form(string date, params (string Name, string Side)[] members)
    {
        var f = new Dictionary<string, string> { ["date"] = date, ["adviser-0-name"] = "Sol Adviser", ["adviser-0-side"] = "management", ["adviser-1-name"] = "Tia Adviser", ["adviser-1-side"] = "staff" };
        for (var i = 0; i < members.Length; i++) { f[$"member-{i}-name"] = members[i].Name; f[$"member-{i}-side"] = members[i].Side; }
        return f;
    }

    private static readonly (string, string)[] Balanced = [("Ann Mgmt", "management"), ("Kit Staff", "staff"), ("Ben Mgmt", "management"), ("Lou Staff", "staff")];

    private static object Body(string date, string? version = null, params (string Name, string Side, bool Adviser)[] members) => new
    {
        date, version, members = members.Select(m => new { name = m.Name, side = m.Side, jobAdviser = m.Adviser }).ToArray(),
    };

    private static readonly (string, string, bool)[] BalancedBody =
        [("Ann Api", "Management", false), ("Ben Api", "Management", false), ("Kit Api", "StaffSide", false), ("Lou Api", "StaffSide", false), ("Sol Api", "Management", true), ("Tia Api", "StaffSide", true)];

    private async Task<Guid> RecordOnPageAsync(HttpClient client, string date)
    {
        var created = await CadreWebFixture.PostFormAsync(client, "/job-evaluation/sessions", Form(date, Balanced));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static string VersionOf(string html) => Regex.Match(html, "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task A_panel_member_changes_a_sessions_date_and_panel_with_the_rules_checked_again_and_every_change_audited()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var id = await RecordOnPageAsync(client, "2026-08-03");
        var url = $"/job-evaluation/sessions/{id}/edit";
        Assert.Contains($"href=\"{url}\"", await client.GetStringAsync($"/job-evaluation/sessions/{id}"));

        var form = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains("value=\"2026-08-03\"", form);
        Assert.Contains("value=\"Kit Staff\"", form);
        var version = VersionOf(form);
        Assert.Equal(32, version.Length);

        // A one-sided panel is refused on the members, as when recording, and nothing changes.
        var oneSided = Form("2026-08-04", ("Ann Mgmt", "management"), ("Ben Mgmt", "management"), ("Cal Mgmt", "management"), ("Dee Mgmt", "management"));
        oneSided["Version"] = version;
        var refused = await CadreWebFixture.PostFormAsync(client, url, oneSided);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"members-error\"", refusedHtml);
        Assert.Contains("[JE-PANEL-01]", refusedHtml);

        // Kit could not come; Cara sat instead, and the panel sat a day later.
        var changed = Form("2026-08-04", ("Ann Mgmt", "management"), ("Cara Staff", "staff"), ("Ben Mgmt", "management"), ("Lou Staff", "staff"));
        changed["Version"] = version;
        var saved = await CadreWebFixture.PostFormAsync(client, url, changed);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/job-evaluation/sessions/{id}", saved.Headers.Location!.OriginalString);

        // The form opened before that change is stale now: refused, and the change stands.
        var stale = Form("2026-08-05", Balanced);
        stale["Version"] = version;
        var staleHtml = WebUtility.HtmlDecode(await (await CadreWebFixture.PostFormAsync(client, url, stale)).Content.ReadAsStringAsync());
        Assert.Contains("Someone else changed this panel session while you were editing it", staleHtml);

        await using var db = app.SystemContext();
        var session = await db.Set<JePanelSession>().Include(s => s.Members).SingleAsync(s => s.Id == id);
        Assert.Equal(new DateOnly(2026, 8, 4), session.Date);
        Assert.Equal(["Ann Mgmt", "Ben Mgmt", "Cara Staff", "Lou Staff"], session.Members.Where(m => !m.IsJobAdviser).Select(m => m.Name).Order());
        Assert.Equal(2, session.Members.Count(m => m.IsJobAdviser));
        Assert.Equal("information: Panel composition checked once for the session: 4 practitioners (2 management side, 2 staff side) and 2 job adviser(s). [JE-PANEL-01]", session.Findings.Split('\n')[0]);
        var sessionAudit = await db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.When).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Updated], sessionAudit.Select(e => e.Action));
        Assert.Equal("Pat Panel", sessionAudit[1].Who);
        Assert.Contains("2026-08-03", sessionAudit[1].Before);
        Assert.Contains("2026-08-04", sessionAudit[1].After);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(JeSessionMember) && e.Action == AuditAction.Deleted && e.Before!.Contains("Kit Staff") && e.Who == "Pat Panel"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(JeSessionMember) && e.Action == AuditAction.Created && e.After!.Contains("Cara Staff") && e.Who == "Pat Panel"));
    }

    [Fact]
    public async Task A_session_that_has_heard_a_job_is_closed_to_change()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var id = await RecordOnPageAsync(client, "2026-08-10");
        var version = VersionOf(await client.GetStringAsync($"/job-evaluation/sessions/{id}/edit"));
        await using (var db = app.SystemContext())
        {
            db.Add(new JeOutcome
            {
                OrganisationId = app.DemoOrganisation, SessionId = id, JobTitle = "Heard at the session", Date = new DateOnly(2026, 8, 10),
                Levels = "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1", Total = 100, Result = JeResult.Evaluated, RecordedAt = DateTime.UtcNow, RecordedBy = "tests",
            });
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain("data-testid=\"change-session\"", await client.GetStringAsync($"/job-evaluation/sessions/{id}"));

        var changed = Form("2026-08-11", Balanced);
        changed["Version"] = version;
        var html = WebUtility.HtmlDecode(await (await CadreWebFixture.PostFormAsync(client, $"/job-evaluation/sessions/{id}/edit", changed)).Content.ReadAsStringAsync());
        Assert.Contains("1 job has been recorded as heard at this session", html);

        var api = await client.PutAsJsonAsync($"/api/v1/je/sessions/{id}", Body("2026-08-11", version, BalancedBody));
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains("can no longer be changed", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        await using (var db = app.SystemContext())
            Assert.Equal(new DateOnly(2026, 8, 10), (await db.Set<JePanelSession>().SingleAsync(s => s.Id == id)).Date);
    }

    [Fact]
    public async Task Sessions_api_records_reads_and_changes_sessions_for_panel_roles_only()
    {
        using var panel = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var refused = await panel.PostAsJsonAsync("/api/v1/je/sessions",
            Body("2026-07-01", null, ("Ann Api", "Management", false), ("Ben Api", "Management", false), ("Cal Api", "Management", false)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty("members").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(messages, m => m.EndsWith("[JE-PANEL-01]", StringComparison.Ordinal) && m.Contains("staff side", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(messages, m => m.EndsWith("[JE-PANEL-02]", StringComparison.Ordinal));

        var badSide = await panel.PostAsJsonAsync("/api/v1/je/sessions", Body("2026-07-01", null, ("Ann Api", "Sideways", false)));
        Assert.Equal(["Give the side the member represents: Management or StaffSide"],
            (await badSide.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("members[0].side").EnumerateArray().Select(e => e.GetString()));

        var created = await panel.PostAsJsonAsync("/api/v1/je/sessions", Body("2026-07-01", null, BalancedBody));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = session.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/je/sessions/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("2026-07-01", session.GetProperty("date").GetString());
        Assert.Equal(6, session.GetProperty("members").GetArrayLength());
        Assert.Equal("Pat Panel", session.GetProperty("recordedBy").GetString());
        var version = session.GetProperty("version").GetString();

        var list = await panel.GetFromJsonAsync<JsonElement>("/api/v1/je/sessions");
        var row = list.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);
        Assert.Equal((4, 2, 0), (row.GetProperty("practitioners").GetInt32(), row.GetProperty("jobAdvisers").GetInt32(), row.GetProperty("jobsHeard").GetInt32()));

        var moved = await panel.PutAsJsonAsync($"/api/v1/je/sessions/{id}", Body("2026-07-02", version, BalancedBody));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("2026-07-02", (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("date").GetString());
        var stale = await panel.PutAsJsonAsync($"/api/v1/je/sessions/{id}", Body("2026-07-03", version, BalancedBody));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed after you read it", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // Viewers read sessions, by side only, and may not record or change them.
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var seen = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/je/sessions/{id}");
        Assert.All(seen.GetProperty("members").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("name").ValueKind));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/je/sessions", Body("2026-07-01", null, BalancedBody))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync($"/api/v1/je/sessions/{id}", Body("2026-07-05", null, BalancedBody))).StatusCode);
        var page = await viewer.GetAsync($"/job-evaluation/sessions/{id}/edit");
        await CadreWebFixture.AssertRoleRefusedAsync(page);
        using var workforce = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Assert.Equal(HttpStatusCode.Forbidden, (await workforce.PutAsJsonAsync($"/api/v1/je/sessions/{id}", Body("2026-07-05", null, BalancedBody))).StatusCode);

        await using var db = app.SystemContext();
        Assert.Equal(new DateOnly(2026, 7, 2), (await db.Set<JePanelSession>().SingleAsync(s => s.Id == id)).Date);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], await db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.When).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Another_organisations_session_is_not_found()
    {
        var theirs = new JePanelSession { OrganisationId = app.SecondOrganisation, Date = new DateOnly(2026, 6, 1), Findings = "", RecordedAt = DateTime.UtcNow, RecordedBy = "tests" };
        await using (var db = app.SystemContext())
        {
            db.Add(theirs);
            await db.SaveChangesAsync();
        }
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/je/sessions/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/je/sessions/{theirs.Id}", Body("2026-06-02", "guessed", BalancedBody))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/job-evaluation/sessions/{theirs.Id}/edit")).StatusCode);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/v1/je/sessions")).EnumerateArray(), s => s.GetProperty("id").GetGuid() == theirs.Id);
        await using (var db = app.SystemContext())
            Assert.Equal(new DateOnly(2026, 6, 1), (await db.Set<JePanelSession>().SingleAsync(s => s.Id == theirs.Id)).Date);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_sessions_endpoints()
    {
        using var client = await app.ClientAsync();
        var paths = (await client.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json")).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/je/sessions").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/je/sessions").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/je/sessions/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/je/sessions/{id}").TryGetProperty("put", out _));
    }
}
