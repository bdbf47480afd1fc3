using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Core.Planning;
using Cadre.Core.Register;
using Cadre.Data.Planning;
using Cadre.Web.Features.Planning;
using Cadre.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Planning;

/// <summary>
/// Workforce planning against the real app and the demo register: its own app instance, so the scenarios made here
/// change nothing other tests count.
/// </summary>
public sealed class PlanningWebTests(CadreWebFixture app) : IClassFixture<CadreWebFixture>
{
    private static async Task<Guid> CreateAsync(HttpClient client, string name, string scope)
    {
        var response = await CadreWebFixture.PostFormAsync(client, "/planning", new() { ["Name"] = name, ["Scope"] = scope });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<PlanningScenario> SavedAsync(Guid id)
    {
        await using var db = app.SystemContext();
        return await db.PlanningScenarios.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    /// <summary>Every field of the edit form as the page renders it (the saved values), to change a few and post back.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, Guid id)
    {
        var html = await client.GetStringAsync($"/planning/{id}/edit");
        var fields = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(html, "<input [^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\""))
            if (m.Groups[1].Value != "__RequestVerificationToken") fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        foreach (Match m in Regex.Matches(html, "<select class=\"nhsuk-select\" id=\"([^\"]+)\" name=\"([^\"]+)\">.*?<option value=\"([^\"]+)\" selected>", RegexOptions.Singleline))
            fields[m.Groups[2].Value] = m.Groups[3].Value;
        return fields;
    }

    [Fact]
    public async Task A_member_of_two_organisations_plans_each_on_its_own()
    {
        await app.AddUserOfBothOrganisationsAsync("plans.both@a.test", "Pia Planner", "WorkforceInformation");
        using var client = await app.ClientAsync("plans.both@a.test");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/planning"));
        Assert.Contains($"value=\"organisation:{app.SecondOrganisation}\"", page);
        Assert.Contains($"value=\"organisation:{app.DemoOrganisation}\"", page);
        Assert.DoesNotContain("value=\"organisation\"", page);

        var id = await CreateAsync(client, "Second trust only", $"organisation:{app.SecondOrganisation}");
        var saved = await SavedAsync(id);
        await using var db = app.SystemContext();
        var secondName = await db.Organisations.Where(o => o.Id == app.SecondOrganisation).Select(o => o.Name).SingleAsync();
        Assert.Equal((app.SecondOrganisation, secondName), (saved.OrganisationId, saved.ScopeLabel));
        // Its baseline is the second trust's establishment alone: not the first trust's, nor both together.
        var firstId = await CreateAsync(client, "First trust only", $"organisation:{app.DemoOrganisation}");
        var first = await SavedAsync(firstId);
        Assert.Equal(app.DemoOrganisation, first.OrganisationId);
        Assert.NotEqual(first.ScenarioJson.Length, saved.ScenarioJson.Length);
        using var zz1Planner = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var wholeId = await CreateAsync(zz1Planner, "ZZ1 whole", "organisation");
        Assert.Equal(JsonDocument.Parse((await SavedAsync(wholeId)).ScenarioJson).RootElement.GetProperty("segments").GetRawText(),
            JsonDocument.Parse(first.ScenarioJson).RootElement.GetProperty("segments").GetRawText());
        using var single = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.OK, (await single.GetAsync($"/planning/{id}")).StatusCode); // ZZ2's own users see it
        using var zz1 = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Assert.Equal(HttpStatusCode.NotFound, (await zz1.GetAsync($"/planning/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_editor_copies_a_scenario_to_change_one_thing_others_may_not_and_another_trust_finds_nothing()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var id = await CreateAsync(client, "Original", "organisation");
        var copied = await CadreWebFixture.PostFormAsync(client, $"/planning/{id}", [], $"/planning/{id}?handler=Copy");
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var copyId = Guid.Parse(copied.Headers.Location!.OriginalString.Split('/').Last());
        Assert.NotEqual(id, copyId);
        var (original, copy) = (await SavedAsync(id), await SavedAsync(copyId));
        Assert.Equal(("Copy of Original", original.ScopeLabel, original.BaselineOn, original.OrganisationId), (copy.Name, copy.ScopeLabel, copy.BaselineOn, copy.OrganisationId));
        Assert.Equal(original.ScenarioJson.Replace("\"name\": \"Original\"", "\"name\": \"Copy of Original\""), copy.ScenarioJson);
        Assert.Contains("Scenario Original copied", WebUtility.HtmlDecode(await client.GetStringAsync($"/planning/{copyId}")));

        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        Assert.DoesNotContain("data-testid=\"copy-scenario\"", await viewer.GetStringAsync($"/planning/{id}"));
        await CadreWebFixture.AssertRoleRefusedAsync(await CadreWebFixture.PostFormAsync(viewer, $"/planning/{id}", [], $"/planning/{id}?handler=Copy"));
        using var otherTrust = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.NotFound, (await CadreWebFixture.PostFormAsync(otherTrust, "/planning", [], $"/planning/{id}?handler=Copy")).StatusCode);
    }

    [Fact]
    public async Task A_scenario_is_deleted_only_by_an_editor_with_the_version_they_read_and_the_deletion_is_audited()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var id = await CreateAsync(client, "To be deleted", "organisation");
        var version = (await SavedAsync(id)).Version;
        Assert.Contains("data-testid=\"delete-scenario\"", await client.GetStringAsync($"/planning/{id}"));

        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        Assert.DoesNotContain("data-testid=\"delete-scenario\"", await viewer.GetStringAsync($"/planning/{id}"));
        var refused = await CadreWebFixture.PostFormAsync(viewer, $"/planning/{id}", new() { ["version"] = version.ToString() }, $"/planning/{id}?handler=Delete");
        await CadreWebFixture.AssertRoleRefusedAsync(refused);

        // A stale page (someone changed the scenario since) deletes nothing and says why.
        var stale = await CadreWebFixture.PostFormAsync(client, $"/planning/{id}", new() { ["version"] = Guid.NewGuid().ToString() }, $"/planning/{id}?handler=Delete");
        Assert.Equal($"/planning/{id}", stale.Headers.Location!.OriginalString);
        Assert.Contains("was not deleted", WebUtility.HtmlDecode(await client.GetStringAsync($"/planning/{id}")));

        using var otherTrust = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.NotFound, (await CadreWebFixture.PostFormAsync(otherTrust, "/planning", new() { ["version"] = version.ToString() }, $"/planning/{id}?handler=Delete")).StatusCode);

        var deleted = await CadreWebFixture.PostFormAsync(client, $"/planning/{id}", new() { ["version"] = version.ToString() }, $"/planning/{id}?handler=Delete");
        Assert.Equal("/planning", deleted.Headers.Location!.OriginalString);
        Assert.Contains("Scenario To be deleted deleted", await client.GetStringAsync("/planning"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/planning/{id}")).StatusCode);
        await using var db = app.SystemContext();
        var removed = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(PlanningScenario) && e.EntityId == id.ToString() && e.Action == Cadre.Core.Register.AuditAction.Deleted);
        Assert.Equal("Wendy Workforce", removed.Who);
        Assert.Contains("To be deleted", removed.Before);
    }

    [Fact]
    public async Task A_scenario_from_the_register_shows_the_real_baseline_the_band_chart_table_and_commissions()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var id = await CreateAsync(client, "Directorate, current intake", "organisation");
        var saved = await SavedAsync(id);
        Assert.Equal("Wendy Workforce", saved.CreatedBy);

        // The clinical scientists' establishment is the funded and vacant clinical scientist posts that are not training places.
        await using (var db = app.SystemContext())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var trainees = await db.TrainingEnrolments.Where(e => e.OrganisationId == app.DemoOrganisation && (e.Programme == TrainingProgramme.Stp || e.Programme == TrainingProgramme.Ptp)
                && (e.Status == TrainingStatus.Active || e.Status == TrainingStatus.Interrupted)).Select(e => e.PersonId).ToListAsync();
            var posts = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation && p.EntryRequirement == EntryRequirement.ClinicalScientist && p.Status != PostStatus.Frozen)
                .Select(p => new { p.FundedWte, p.TraineeProgramme, Holders = p.Assignments.Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today)).Select(a => a.PersonId).ToList() }).ToListAsync();
            var establishment = posts.Where(p => p.TraineeProgramme is not (TraineeProgramme.Stp or TraineeProgramme.Ptp) && !p.Holders.Any(trainees.Contains)).Sum(p => (double)p.FundedWte);
            var stpTrainees = await db.TrainingEnrolments.CountAsync(e => e.OrganisationId == app.DemoOrganisation && e.Programme == TrainingProgramme.Stp && e.Status == TrainingStatus.Active);
            var scientists = ScenarioDocument.FromJson(saved.ScenarioJson).Segments.Single(s => s.Name == "Clinical scientists");
            Assert.True(establishment > 10, $"establishment {establishment}");
            Assert.Equal(establishment, scientists.EstablishmentWte, 6);
            Assert.Equal(stpTrainees, scientists.Trainees);
            Assert.True(stpTrainees >= 8, $"{stpTrainees} STP trainees in the demo");
        }

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/planning/{id}"));
        var (_, result) = Plans.Run(saved);
        Assert.Contains("Directorate, current intake", html);
        Assert.Contains("data-testid=\"chart-total\"", html);
        Assert.Contains("\"type\":\"line\"", html);
        Assert.Contains("\"fill\":\"-1\"", html);
        var start = result.Scenario.StartYear;
        Assert.Equal(11, Regex.Matches(html, "data-testid=\"year-total-").Count);
        var first = result.Total[0];
        var last = result.Total[^1];
        Assert.Matches($"data-testid=\"year-total-{start}\">\\s*<td[^>]*>{start}</td>\\s*<td[^>]*>{Plans.F(first.Demand)}</td>\\s*<td[^>]*>{Plans.F(first.Supply)}</td>", html);
        Assert.Matches($"data-testid=\"year-total-{last.Year}\">\\s*<td[^>]*>{last.Year}</td>\\s*<td[^>]*>{Plans.F(last.Demand)}</td>\\s*<td[^>]*>{Plans.F(last.Supply)}</td>\\s*<td[^>]*>{Plans.F(last.SupplySpread.P10)}</td>\\s*<td[^>]*>{Plans.F(last.SupplySpread.P50)}</td>\\s*<td[^>]*>{Plans.F(last.SupplySpread.P90)}</td>", html);
        Assert.True(last.SupplySpread.P10 < last.SupplySpread.P90, "the band has width");
        Assert.Equal(3, Regex.Matches(html, "data-testid=\"commission-row\"").Count);
        var stp = result.Segments.Single(s => s.Commissions.Programme == Cadre.Core.Register.TrainingProgramme.Stp).Commissions;
        Assert.Contains($"{Plans.F(stp.PerYear)}</td>", html);
        Assert.Contains(Plans.Range(stp.PerYearSpread), html);
        Assert.Contains("PLAN-WDR-STP", html);
        Assert.Contains("Local input needed", html);
        Assert.Contains("NHS Pension Scheme", html);
    }

    [Fact]
    public async Task Editing_an_assumption_saves_it_audited_and_changes_the_projection()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var id = await CreateAsync(client, "Leavers at 12%", "theme:H");
        var before = await SavedAsync(id);
        var form = await FormAsync(client, id);
        Assert.Equal("0.08", form["a-PLAN-LEAVERS-01-value"]);
        Assert.Equal("0.075", form["a-PLAN-WDR-STP-value"]);
        var editPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/planning/{id}/edit"));
        Assert.Contains("Default 0.075, range 0.05 to 0.1. Source: Workforce planning evidence gathered for Cadre (gaps found): no published STP completion rate", editPage);
        Assert.Matches("data-testid=\"edit-PLAN-WDR-STP\">\\s*<legend[^>]*>[^<]*<strong class=\"nhsuk-tag nhsuk-tag--orange\">Local input needed", editPage);
        form["a-PLAN-LEAVERS-01-value"] = "0.12";
        form["a-PLAN-LEAVERS-01-low"] = "0.10";
        form["a-PLAN-LEAVERS-01-high"] = "0.15";
        form["a-PLAN-LEAVERS-01-source"] = "Trust ESR turnover 2025/26";
        form["s1-annual"] = "2";
        var saved = await CadreWebFixture.PostFormAsync(client, $"/planning/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await SavedAsync(id);
        Assert.NotEqual(before.Version, after.Version);
        var document = ScenarioDocument.FromJson(after.ScenarioJson);
        var leavers = Assert.Single(document.Assumptions).Value;
        Assert.Equal((0.12, 0.10, 0.15, "Trust ESR turnover 2025/26"), (leavers.Value, leavers.Low!.Value, leavers.High!.Value, leavers.Source));
        Assert.Equal(2, document.Segments[1].AnnualIntake!["STP"]);
        var rerun = Plans.Run(after).Result;
        Assert.All(rerun.Segments, s => Assert.Equal(0.12, s.Assumptions.Single(a => a.Id == "PLAN-LEAVERS-01").Value));
        Assert.NotEqual(Plans.Run(before).Result.Total[^1].Supply, rerun.Total[^1].Supply);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/planning/{id}"));
        Assert.Contains("Trust ESR turnover 2025/26", page);
        Assert.Contains("Set by this scenario", page);

        await using var db = app.SystemContext();
        var audit = await db.AuditEntries.Where(e => e.EntityType == "PlanningScenario" && e.EntityId == id.ToString()).OrderBy(e => e.When).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Updated], audit.Select(a => a.Action));
        Assert.Equal("Ada Admin", audit[1].Who);
        Assert.Contains("Trust ESR turnover", audit[1].After);
        Assert.Equal(app.DemoOrganisation, audit[1].OrganisationId);
    }

    [Fact]
    public async Task Bad_input_gives_an_error_per_field_and_saves_nothing()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var id = await CreateAsync(client, "To break", "organisation");
        var before = await SavedAsync(id);
        var form = await FormAsync(client, id);
        form["name"] = "";
        form["a-PLAN-LEAVERS-01-value"] = "eight percent";
        form["a-PLAN-WDR-STP-value"] = "0.3";          // above its high of 0.10
        form["s0-establishment"] = "";
        var response = await CadreWebFixture.PostFormAsync(client, $"/planning/{id}/edit", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<title>Error:", html);
        Assert.Contains("There is a problem", html);
        Assert.Contains("<a href=\"#name\">Enter a name for the scenario</a>", html);
        Assert.Contains("<a href=\"#a-PLAN-LEAVERS-01-value\">PLAN-LEAVERS-01 (Leaver rate (all leavers other than at retirement age)) value must be a number, like 0.08 for 8%</a>", html);
        Assert.Contains("href=\"#a-PLAN-WDR-STP-value\">PLAN-WDR-STP (STP withdrawal): the low must not be above the value, nor the value above the high", html);
        Assert.Contains("href=\"#s0-establishment\">", html);
        Assert.Contains("value=\"eight percent\"", html); // what was typed comes back
        Assert.DoesNotContain("Exception", html);

        // The engine's own check: a target year too soon for HSST to finish, and a share above 1.
        form = await FormAsync(client, id);
        form["targetYear"] = (before.BaselineOn.Year + 2).ToString();
        var soon = WebUtility.HtmlDecode(await (await CadreWebFixture.PostFormAsync(client, $"/planning/{id}/edit", form)).Content.ReadAsStringAsync());
        Assert.Matches("<a href=\"#targetYear\">Target year \\d{4} is too soon for (STP|PTP|HSST) commissions", soon);
        form = await FormAsync(client, id);
        form["a-PLAN-EMPLOY-01-value"] = "1.5";
        form["a-PLAN-EMPLOY-01-high"] = "1.5";
        var share = WebUtility.HtmlDecode(await (await CadreWebFixture.PostFormAsync(client, $"/planning/{id}/edit", form)).Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#a-PLAN-EMPLOY-01-value\">assumptions.PLAN-EMPLOY-01 is a share between 0 and 1", share);

        var after = await SavedAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.ScenarioJson, after.ScenarioJson);

        var create = await CadreWebFixture.PostFormAsync(client, "/planning", new() { ["Name"] = " ", ["Scope"] = "department:" + Guid.NewGuid() });
        var createHtml = await create.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#name\">Enter a name for the scenario</a>", createHtml);
        Assert.Contains("<a href=\"#scope\">", createHtml);
    }

    [Fact]
    public async Task A_save_on_a_stale_copy_is_refused()
    {
        using var first = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        using var second = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var id = await CreateAsync(first, "Two editors", "organisation");
        var mine = await FormAsync(first, id);
        var theirs = await FormAsync(second, id);
        theirs["a-PLAN-RETIRE-01-value"] = "66";
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(second, $"/planning/{id}/edit", theirs)).StatusCode);

        mine["a-PLAN-RETIRE-01-value"] = "63";
        var refused = await CadreWebFixture.PostFormAsync(first, $"/planning/{id}/edit", mine);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Someone else changed this scenario while you were editing it", await refused.Content.ReadAsStringAsync());
        Assert.Equal(66, ScenarioDocument.FromJson((await SavedAsync(id)).ScenarioJson).Assumptions["PLAN-RETIRE-01"].Value);
    }

    [Theory]
    [InlineData(CadreWebFixture.Users.Viewer)]
    [InlineData(CadreWebFixture.Users.Panel)]
    public async Task Viewers_and_panel_members_read_scenarios_but_cannot_create_or_edit_or_see_cohorts(string user)
    {
        using var editor = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var id = await CreateAsync(editor, "For reading", "organisation");
        using var client = await app.ClientAsync(user);
        var list = await client.GetStringAsync("/planning");
        Assert.Contains("For reading", list);
        Assert.DoesNotContain("data-testid=\"create-form\"", list);
        var page = await client.GetStringAsync($"/planning/{id}");
        Assert.Contains("data-testid=\"chart-total\"", page);
        Assert.DoesNotContain("data-testid=\"edit-scenario\"", page);
        var edit = await client.GetAsync($"/planning/{id}/edit");
        await CadreWebFixture.AssertRoleRefusedAsync(edit);
        var token = CadreWebFixture.AntiForgeryToken(list)!;
        var create = await client.PostAsync("/planning", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Mine", ["Scope"] = "organisation", ["__RequestVerificationToken"] = token }));
        await CadreWebFixture.AssertRoleRefusedAsync(create);
        await using (var db = app.SystemContext()) Assert.False(await db.PlanningScenarios.AnyAsync(s => s.Name == "Mine"));

        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/planning/scenarios/{id}");
        Assert.Equal(JsonValueKind.Null, api.GetProperty("document").ValueKind);
        Assert.True(api.GetProperty("segments").GetArrayLength() >= 2);
        Assert.DoesNotContain("yearOfBirth", api.GetRawText());
        var json = await client.GetAsync($"/planning/{id}?format=json");
        await CadreWebFixture.AssertRoleRefusedAsync(json);
        Assert.DoesNotContain("data-testid=\"export-json\"", page);
        // The editor's download is the scenario exactly as `cadre plan` reads it.
        var download = await editor.GetStringAsync($"/planning/{id}?format=json");
        Assert.Equal((await SavedAsync(id)).ScenarioJson, download);
        Assert.Equal("For reading", ScenarioJson.Parse(download).Name);
        var full = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/planning/scenarios/{id}");
        Assert.Contains("yearOfBirth", full.GetProperty("document").GetRawText());
    }

    [Fact]
    public async Task A_service_lead_plans_only_for_their_own_department()
    {
        using var lead = await app.ClientAsync(CadreWebFixture.Users.Lead);
        var html = await lead.GetStringAsync("/planning");
        Assert.DoesNotContain("value=\"organisation\"", html);
        Assert.DoesNotContain("value=\"theme:", html);
        Assert.Contains($"value=\"department:{app.LeadDepartment}\"", html);
        var refused = await CadreWebFixture.PostFormAsync(lead, "/planning", new() { ["Name"] = "Whole trust", ["Scope"] = "organisation" });
        Assert.Contains("<a href=\"#scope\">", await refused.Content.ReadAsStringAsync());

        var own = await CreateAsync(lead, "My service", $"department:{app.LeadDepartment}");
        Assert.Equal(app.LeadDepartment, (await SavedAsync(own)).DepartmentId);
        using var workforce = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var wide = await CreateAsync(workforce, "Trust-wide, not for leads", "organisation");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/planning/{wide}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/v1/planning/scenarios/{wide}")).StatusCode);
        Assert.DoesNotContain("Trust-wide, not for leads", await lead.GetStringAsync("/planning"));
        Assert.Contains("My service", await workforce.GetStringAsync("/planning"));
    }

    [Fact]
    public async Task Another_organisations_scenarios_are_not_found()
    {
        using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        var theirs = await CreateAsync(other, "Fenwick clinical measurement", "organisation");
        Assert.Contains("Fenwick", (await SavedAsync(theirs)).ScopeLabel);
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        foreach (var url in new[] { $"/planning/{theirs}", $"/planning/{theirs}/edit", $"/planning/{theirs}?format=csv", $"/api/v1/planning/scenarios/{theirs}", $"/api/v1/planning/scenarios/{theirs}/run" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        var mine = await CreateAsync(client, "Northmoor for compare", "organisation");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/planning/compare?a={mine}&b={theirs}")).StatusCode);
        var form = await FormAsync(client, mine);
        Assert.Equal(HttpStatusCode.NotFound, (await CadreWebFixture.PostFormAsync(client, $"/planning/{mine}/edit", form, $"/planning/{theirs}/edit")).StatusCode);
        Assert.DoesNotContain("Fenwick clinical measurement", await client.GetStringAsync("/planning"));
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/planning/scenarios");
        Assert.DoesNotContain(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == theirs);
        Assert.Equal("Fenwick clinical measurement", ScenarioDocument.FromJson((await SavedAsync(theirs)).ScenarioJson).Name);
    }

    [Fact]
    public async Task Exports_carry_the_results_and_neutralise_formulas()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var id = await CreateAsync(client, "=HYPERLINK(\"http://evil.test\",\"x\")", "organisation");
        var csv = await client.GetStringAsync($"/planning/{id}?format=csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", Plans.ExportHeaders), lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("\"'=HYPERLINK(", l));
        var (_, result) = Plans.Run(await SavedAsync(id));
        Assert.Equal(result.Segments.Sum(s => s.Years.Count) + result.Total.Count, lines.Length - 1);
        var total = result.Total[0];
        Assert.Contains($",Total,{total.Year},{Math.Round(total.Demand, 2).ToString(System.Globalization.CultureInfo.InvariantCulture)},", csv);
        var stp = result.Segments.Single(s => s.Commissions.Programme == Cadre.Core.Register.TrainingProgramme.Stp);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var firstIntake = stp.Years.Single(y => y.Year == stp.Commissions.FirstIntakeYear);
        Assert.Contains($",{stp.Segment.Name},{firstIntake.Year},", csv);
        Assert.Contains($",{Math.Round(stp.Commissions.PerYear, 2).ToString(inv)},{Math.Round(stp.Commissions.PerYearSpread.P10, 2).ToString(inv)},{Math.Round(stp.Commissions.PerYearSpread.P90, 2).ToString(inv)},STP", csv);

        var xlsx = await client.GetAsync($"/planning/{id}?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var text = sheet.WorkbookPart!.WorksheetParts.First().Worksheet.InnerText;
        Assert.Contains("'=HYPERLINK(", text);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/planning/{id}?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task Two_scenarios_side_by_side()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var a = await CreateAsync(client, "Compare: as is", "organisation");
        var b = await CreateAsync(client, "Compare: more leavers", "organisation");
        var form = await FormAsync(client, b);
        form["a-PLAN-LEAVERS-01-value"] = "0.092";
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, $"/planning/{b}/edit", form)).StatusCode);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/planning/compare?a={a}&b={b}"));
        Assert.Contains("Compare: as is", html);
        Assert.Contains("Compare: more leavers", html);
        Assert.Contains("data-testid=\"chart-compare\"", html);
        // The assumptions that differ are listed, rates as percentages: only the leaver rate was changed.
        Assert.Matches("data-testid=\"differs-PLAN-LEAVERS-01\">\\s*<td[^>]*><strong>PLAN-LEAVERS-01</strong>[^<]*</td>\\s*<td[^>]*>8% \\(range 6.3% to 9.2%\\)", html);
        Assert.Single(Regex.Matches(html, "data-testid=\"differs-"));
        var ra = Plans.Run(await SavedAsync(a)).Result.Total[^1];
        var rb = Plans.Run(await SavedAsync(b)).Result.Total[^1];
        Assert.True(rb.Supply < ra.Supply);
        Assert.Matches($"data-testid=\"compare-{ra.Year}\">\\s*<td[^>]*>{ra.Year}</td>\\s*<td[^>]*>{Plans.F(ra.Demand)}</td>\\s*<td[^>]*>{Plans.F(ra.Supply)}</td>\\s*<td[^>]*>{Plans.Range(ra.SupplySpread)}</td>\\s*<td[^>]*>{Plans.F(ra.Gap)}</td>\\s*<td[^>]*>{Plans.F(rb.Demand)}</td>\\s*<td[^>]*>{Plans.F(rb.Supply)}</td>", html);
    }

    [Fact]
    public async Task The_api_lists_gets_and_runs_scenarios()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var id = await CreateAsync(client, "API scenario", "organisation");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/planning/scenarios");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id && s.GetProperty("name").GetString() == "API scenario");

        var run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/planning/scenarios/{id}/run?runs=200&seed=7");
        var expected = Plans.Run(await SavedAsync(id), 200, 7).Result;
        Assert.Equal(200, run.GetProperty("runs").GetInt32());
        var total = run.GetProperty("total");
        Assert.Equal(11, total.GetArrayLength());
        var last = total[10];
        Assert.Equal(expected.Total[^1].Supply, last.GetProperty("supply").GetDouble(), 9);
        Assert.Equal(expected.Total[^1].SupplySpread.P90, last.GetProperty("supplySpread").GetProperty("p90").GetDouble(), 9);
        var stp = run.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("commissions").GetProperty("programme").GetString() == "STP");
        Assert.Contains(stp.GetProperty("assumptions").EnumerateArray(), a => a.GetProperty("id").GetString() == "PLAN-WDR-STP" && a.GetProperty("localInputNeeded").GetBoolean());

        var bad = await client.GetAsync($"/api/v1/planning/scenarios/{id}/run?runs=20000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("runs", await bad.Content.ReadAsStringAsync());
        using var anonymous = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/planning/scenarios")).StatusCode);

        var openApi = await anonymous.GetStringAsync("/api/v1/openapi.json");
        Assert.Contains("/api/v1/planning/scenarios/{id}/run", openApi);
        Assert.Contains("RunPlanningScenario", openApi);
    }

    [Fact]
    public async Task A_segments_own_assumption_is_shown_and_kept_when_the_form_is_saved()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var created = await CadreWebFixture.PostFormAsync(client, "/planning", new() { ["Name"] = "Senior staff stay longer", ["Scope"] = "organisation" });
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        await using (var db = app.SystemContext())
        {
            var saved = await db.PlanningScenarios.SingleAsync(s => s.Id == id);
            var document = ScenarioDocument.FromJson(saved.ScenarioJson);
            document.Segments.Single(s => s.Level == "Consultant").Assumptions = new() { ["PLAN-LEAVERS-01"] = new() { Value = 0.04, Low = 0.03, High = 0.06, Source = "senior staff leave less often" } };
            saved.ScenarioJson = document.ToJson();
            await db.SaveChangesAsync();
        }
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/planning/{id}"));
        Assert.Contains("Consultant clinical scientists: <strong>PLAN-LEAVERS-01</strong> Leaver rate (all leavers other than at retirement age) 0.04 (range 0.03 to 0.06). Source: senior staff leave less often", page);

        var html = await client.GetStringAsync($"/planning/{id}/edit");
        var fields = Regex.Matches(html, "<input [^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"").Where(m => m.Groups[1].Value != "__RequestVerificationToken")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (Match m in Regex.Matches(html, "<select class=\"nhsuk-select\" id=\"[^\"]+\" name=\"([^\"]+)\">.*?<option value=\"([^\"]+)\" selected>", RegexOptions.Singleline))
            fields[m.Groups[1].Value] = m.Groups[2].Value;
        fields["name"] = "Senior staff stay longer, renamed";
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, $"/planning/{id}/edit", fields)).StatusCode);
        await using var check = app.SystemContext();
        var after = ScenarioDocument.FromJson((await check.PlanningScenarios.SingleAsync(s => s.Id == id)).ScenarioJson);
        Assert.Equal("Senior staff stay longer, renamed", after.Name);
        Assert.Equal(0.04, after.Segments.Single(s => s.Level == "Consultant").Assumptions!["PLAN-LEAVERS-01"].Value);
        Assert.Empty(after.Assumptions);
    }
}
