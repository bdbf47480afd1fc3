using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cadre.Data.Coding;
using Cadre.Data.Demo;
using Cadre.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Coding;

[Collection(WebCollection.Name)]
public sealed class CodingWebTests(CadreWebFixture app)
{
    private const string Header = "post_id,role,title,department,pay_band,wte,current_code,current_area_of_work,entry_requirement,specialist,trainee_programme,manages_department,direct_hcs_pct,requires_hcs_qualification,consultant_appointment,activities,registrations";

    private async Task<Guid> PostIdAsync(string number)
    {
        await using var db = app.SystemContext();
        return await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation && p.PostNumber == number).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task The_post_page_shows_the_proposal_rules_and_reason_for_the_hard_cases()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);

        var vascular = WebUtility.HtmlDecode(await client.GetStringAsync($"/posts/{await PostIdAsync(DemoOrganisations.VascularScientistPost)}"));
        Assert.Contains("Occupation code", vascular);
        Assert.Matches("data-testid=\"proposed-code\">U2E – Clinical Scientist in Cardiac, Vascular", vascular);
        Assert.Contains("ESR-THEME-01", vascular);
        Assert.Contains("Vascular Science", vascular);

        var estates = await client.GetStringAsync($"/posts/{await PostIdAsync(DemoOrganisations.EbmeInEstatesPost)}");
        Assert.Contains("data-testid=\"recorded-code\">S4N", estates);
        Assert.Contains("data-testid=\"proposed-code\">U4J", estates);
        Assert.Contains("data-testid=\"coding-status\">Recode", estates);
        Assert.Contains("Recode S4N to U4J", WebUtility.HtmlDecode(estates));

        var fifty = await client.GetStringAsync($"/posts/{await PostIdAsync(DemoOrganisations.FiftyFiftyPost)}");
        Assert.Contains("data-testid=\"proposed-code\">U2J", fifty);
        Assert.Contains("ESR-AREA-02", fifty);

        var twoJd = WebUtility.HtmlDecode(await client.GetStringAsync($"/posts/{await PostIdAsync(DemoOrganisations.TwoJobDescriptionPost)}"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(twoJd, "data-testid=\"coding-role\"").Count);
        Assert.Contains("(0.60 WTE)", twoJd);
        Assert.Contains("(0.40 WTE)", twoJd);
        Assert.Contains("Radiation Safety (0.40 WTE)", twoJd);
        Assert.Contains("ESR-POST-02", twoJd);
    }

    [Fact]
    public async Task An_override_without_a_reason_is_refused_and_nothing_is_saved()
    {
        var id = await PostIdAsync("MP00311");
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var response = await CadreWebFixture.PostFormAsync(client, $"/posts/{id}/coding", new() { ["Code"] = "U4H", ["Reason"] = "  " }, $"/posts/{id}/coding?handler=Override");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        Assert.Contains("Enter the reason for choosing a different code", html);
        Assert.Contains("<title>Error:", html);

        var bad = await CadreWebFixture.PostFormAsync(client, $"/posts/{id}/coding", new() { ["Code"] = "T4P", ["Reason"] = "we like it" }, $"/posts/{id}/coding?handler=Override");
        Assert.Contains("T4P cannot be recorded", await bad.Content.ReadAsStringAsync());

        await using var db = app.SystemContext();
        Assert.False(await db.CodingDecisions.AnyAsync(d => d.PostId == id));
        Assert.Equal("T4P", await db.Posts.Where(p => p.Id == id).Select(p => p.OccupationCode).SingleAsync());
    }

    [Fact]
    public async Task An_override_with_a_reason_is_stored_with_the_reason_and_audited()
    {
        var id = await PostIdAsync("MP00409");
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var response = await CadreWebFixture.PostFormAsync(client, $"/posts/{id}/coding",
            new() { ["Code"] = "u1h", ["AreaOfWork"] = "Magnetic Resonance Imaging", ["Reason"] = "Leads the MRI safety service: specialist expertise (JD-MR-07)" }, $"/posts/{id}/coding?handler=Override");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemContext();
        var record = await db.CodingDecisions.SingleAsync(d => d.PostId == id);
        Assert.Equal(CodingAction.Overridden, record.Action);
        Assert.Equal("U1H", record.ChosenCode);
        Assert.Equal("U2H", record.ProposedCode);
        Assert.Equal("Leads the MRI safety service: specialist expertise (JD-MR-07)", record.OverrideReason);
        Assert.Equal("Ada Admin", record.Who);
        Assert.Equal("U1H", await db.Posts.Where(p => p.Id == id).Select(p => p.OccupationCode).SingleAsync());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "Post" && e.EntityId == id.ToString() && e.After!.Contains("U1H")));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/posts/{id}"));
        Assert.Contains("Different code chosen", page);
        Assert.Contains("Leads the MRI safety service", page);
    }

    [Fact]
    public async Task Accepting_a_proposal_updates_the_post_writes_history_and_audit()
    {
        var id = await PostIdAsync("MP00310");
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var response = await CadreWebFixture.PostFormAsync(client, $"/posts/{id}/coding", new(), $"/posts/{id}/coding?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = app.SystemContext();
        var post = await db.Posts.SingleAsync(p => p.Id == id);
        Assert.Equal("U4H", post.OccupationCode);
        Assert.Equal("Nuclear Medicine", post.AreaOfWork);
        var record = await db.CodingDecisions.SingleAsync(d => d.PostId == id);
        Assert.Equal(CodingAction.Accepted, record.Action);
        Assert.Equal("T4P", record.PreviousCode);
        Assert.Equal("recode", record.ProposalStatus);
        Assert.Contains("ESR-", record.Rules);
        Assert.Contains("retired T-matrix code", record.Reason);
        Assert.Equal("Wendy Workforce", record.Who);
        var audits = await db.AuditEntries.Where(e => e.EntityId == id.ToString() || e.EntityId == record.Id.ToString()).ToListAsync();
        Assert.Contains(audits, e => e.EntityType == "Post" && e.Action == Cadre.Core.Register.AuditAction.Updated && e.Before!.Contains("T4P") && e.After!.Contains("U4H"));
        Assert.Contains(audits, e => e.EntityType == nameof(CodingDecisionRecord) && e.Action == Cadre.Core.Register.AuditAction.Created);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/posts/{id}"));
        Assert.Contains("Proposal accepted", page);
        Assert.Contains("T4P → U4H", page.Replace("<ins>", "").Replace("</ins>", ""));
        Assert.Contains("data-testid=\"coding-status\">Unchanged", page);
    }

    [Fact]
    public async Task Viewers_read_coding_but_cannot_decide_and_leads_cannot_reach_other_departments()
    {
        var id = await PostIdAsync(DemoOrganisations.EbmeInEstatesPost);
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var page = await viewer.GetStringAsync($"/posts/{id}/coding");
        Assert.Contains("data-testid=\"proposed-code\">U4J", page);
        Assert.DoesNotContain("data-testid=\"accept\"", page);
        Assert.DoesNotContain("override-form", page);
        var refused = await CadreWebFixture.PostFormAsync(viewer, "/coding", new(), $"/posts/{id}/coding?handler=Accept");
        await CadreWebFixture.AssertRoleRefusedAsync(refused);
        await CadreWebFixture.AssertRoleRefusedAsync((await viewer.GetAsync("/coding/extracts/new")));
        await using (var db = app.SystemContext()) Assert.Equal("S4N", await db.Posts.Where(p => p.Id == id).Select(p => p.OccupationCode).SingleAsync());

        var (other, _) = await app.AnyPostAsync(app.DemoOrganisation, q => q.Where(p => p.DepartmentId != app.LeadDepartment));
        using var lead = await app.ClientAsync(CadreWebFixture.Users.Lead);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/posts/{other}/coding")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/v1/coding/posts/{other}")).StatusCode);
    }

    [Fact]
    public async Task A_service_lead_accepts_on_their_own_department_but_cannot_upload_or_bulk_accept()
    {
        await using var db0 = app.SystemContext();
        var post = await db0.Posts.Where(p => p.DepartmentId == app.LeadDepartment && p.OccupationCode!.StartsWith("T")).OrderByDescending(p => p.PostNumber).FirstAsync();
        using var lead = await app.ClientAsync(CadreWebFixture.Users.Lead);
        var response = await CadreWebFixture.PostFormAsync(lead, $"/posts/{post.Id}/coding", new(), $"/posts/{post.Id}/coding?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemContext();
        var record = await db.CodingDecisions.SingleAsync(d => d.PostId == post.Id);
        Assert.Equal("Lee Lead", record.Who);
        Assert.Equal(post.OccupationCode, record.PreviousCode);
        Assert.NotEqual(post.OccupationCode, await db.Posts.Where(p => p.Id == post.Id).Select(p => p.OccupationCode).SingleAsync());

        // The review page shows only the lead's department, without the bulk accept.
        var review = await lead.GetStringAsync("/coding");
        Assert.DoesNotContain("data-testid=\"bulk-accept\"", review);
        Assert.DoesNotContain($"data-post=\"{DemoOrganisations.EbmeInEstatesPost}\"", review);
        await CadreWebFixture.AssertRoleRefusedAsync((await lead.GetAsync("/coding/extracts/new")));
        var bulk = await CadreWebFixture.PostFormAsync(lead, "/coding", new() { ["Selected"] = post.Id.ToString() }, "/coding?handler=Accept");
        await CadreWebFixture.AssertRoleRefusedAsync(bulk);
    }

    [Fact]
    public async Task The_review_page_counts_filters_and_accepts_selected_recodes_in_one_go()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var all = WebUtility.HtmlDecode(await client.GetStringAsync("/coding"));
        Assert.Contains("of roles are miscoded", all);
        Assert.Contains("retired", all);
        Assert.Contains("at least 26%", all);

        var recodes = await client.GetStringAsync("/coding?status=recode");
        Assert.Contains($"data-post=\"{DemoOrganisations.EbmeInEstatesPost}\"", recodes);
        Assert.DoesNotContain($"data-post=\"{DemoOrganisations.VascularScientistPost}\"", recodes); // unchanged or review, never recode

        await using var db0 = app.SystemContext();
        var estates = await db0.Departments.Where(d => d.OrganisationId == app.DemoOrganisation && d.Name.StartsWith("Estates")).Select(d => d.Id).SingleAsync();
        var filtered = await client.GetStringAsync($"/coding?department={estates}");
        Assert.Contains($"data-post=\"{DemoOrganisations.EbmeInEstatesPost}\"", filtered);
        Assert.DoesNotContain("data-post=\"MP00101\"", filtered);

        var a = await PostIdAsync("MP00708");
        var b = await PostIdAsync("MP00709");
        var page = await client.GetStringAsync("/coding?status=recode");
        var token = CadreWebFixture.AntiForgeryToken(page)!;
        var body = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("Selected", a.ToString()), new("Selected", b.ToString()) };
        var response = await client.PostAsync("/coding?handler=Accept&status=recode", new FormUrlEncodedContent(body));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemContext();
        Assert.Equal(["U4J", "U4J"], await db.Posts.Where(p => p.Id == a || p.Id == b).Select(p => p.OccupationCode!).ToListAsync());
        Assert.Equal(2, await db.CodingDecisions.CountAsync(d => (d.PostId == a || d.PostId == b) && d.Action == CodingAction.Accepted));

        // A post that needs review cannot be bulk-accepted: the whole request is refused.
        var review = await PostIdAsync("MP00001");
        var c = await PostIdAsync("MP00710");
        body = [new("__RequestVerificationToken", token), new("Selected", c.ToString()), new("Selected", review.ToString())];
        var refused = await client.PostAsync("/coding?handler=Accept", new FormUrlEncodedContent(body));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nothing was changed", await refused.Content.ReadAsStringAsync());
        Assert.Equal("T4N", await db.Posts.Where(p => p.Id == c).Select(p => p.OccupationCode).SingleAsync());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync("/coding/extracts/new");
        var form = new MultipartFormDataContent
        {
            { new StringContent(CadreWebFixture.AntiForgeryToken(page)!), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "File", fileName },
        };
        return await client.PostAsync("/coding/extracts/new", form);
    }

    private static async Task<string> WaitForRunAsync(HttpClient client, string location)
    {
        for (var i = 0; i < 600; i++)
        {
            var progress = await client.GetFromJsonAsync<JsonElement>(location + "/progress");
            if (progress.GetProperty("status").GetString() != "running") return progress.GetProperty("status").GetString()!;
            await Task.Delay(100);
        }
        throw new TimeoutException("the re-code did not finish");
    }

    [Fact]
    public async Task A_bad_extract_is_refused_whole_with_every_problem_and_changes_nothing()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        await using var before = app.SystemContext();
        var decisions = await before.CodingDecisions.CountAsync();
        var csv = Header + "\n" +
            "MP00129,Mould Room Technician,Mould Room Technician,Radiotherapy Physics,4,one,T4Q,Radiotherapy Physics,associate,no,none,no,100,yes,none,Mould Room Services:100,\n" +
            "MP00130,Mould Room Technician,Mould Room Technician,Radiotherapy Physics,4,1,T4Q,Radiotherapy Physics,wizard,no,none,no,100,yes,none,Mould Room Services:90,\n";
        var response = await UploadAsync(client, "bad-extract.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal("refused", await WaitForRunAsync(client, location));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains("There is a problem", html);
        Assert.Contains("Row 2, column wte, value 'one'", html);
        Assert.Contains("Row 3, column entry_requirement, value 'wizard'", html);
        Assert.Contains("Row 3, column activities", html);
        Assert.Contains("Nothing was coded", html);
        Assert.DoesNotContain("   at ", html);
        Assert.DoesNotContain("data-testid=\"apply\"", html);
        await using var after = app.SystemContext();
        Assert.Equal(decisions, await after.CodingDecisions.CountAsync());
        Assert.Equal("T4Q", await after.Posts.Where(p => p.OrganisationId == app.DemoOrganisation && p.PostNumber == "MP00129").Select(p => p.OccupationCode).SingleAsync());

        // Not a spreadsheet at all: refused on the upload form.
        var notTable = await UploadAsync(client, "extract.pdf", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.OK, notTable.StatusCode);
        Assert.Contains("is not a CSV or an Excel workbook", await notTable.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_good_extract_gives_the_report_downloads_neutralised_and_applies_to_the_register_with_audit()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var csv = Header + "\n" +
            "MP00129,Mould Room Technician,Mould Room Technician,Radiotherapy Physics,4,1,T4Q,Radiotherapy Physics,associate,no,none,no,100,yes,none,Mould Room Services:100,\n" +
            "ZZ-NOPE,Technologist,\"=HYPERLINK(\"\"http://evil\"\")\",Nuclear Medicine,5,1,T4P,Nuclear Medicine,practitioner,no,none,no,100,yes,none,Nuclear Medicine:100,\n" +
            "MP00401,Clinical Vascular Scientist,Clinical Vascular Scientist,Imaging Physics,7,1,U2E,Vascular Science,clinical_scientist,no,none,no,100,yes,none,Vascular Science:100,HCPC Clinical Scientist\n";
        var response = await UploadAsync(client, "esr-extract.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal("completed", await WaitForRunAsync(client, location));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains("data-testid=\"report-roles\">3<", html);
        Assert.Contains("data-testid=\"report-recode\">2 (66.7%)", html);
        Assert.Contains("66.7%", html);
        Assert.Contains("retired T-matrix code", html);
        Assert.Contains("1 rows match no post", html);

        var esr = await client.GetStringAsync(location + "/esr-changes.csv");
        Assert.Contains("new_occupation_code", esr);
        Assert.Contains("MP00129", esr);
        Assert.Contains("U5H", esr);
        Assert.Contains("'=HYPERLINK", esr);
        Assert.DoesNotContain(",=HYPERLINK", esr);
        var report = await client.GetStringAsync(location + "/report.csv");
        Assert.Contains("move,T4Q -> U5H,T4Q,U5H,1", report);
        Assert.Contains("miscoded", report);
        var xlsx = await client.GetByteArrayAsync(location + "/esr-changes.xlsx");
        using (var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var texts = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text).ToList();
            Assert.Contains("'=HYPERLINK(\"http://evil\")", texts);
            Assert.DoesNotContain(texts, t => t.StartsWith('='));
        }
        var reportXlsx = await client.GetAsync(location + "/report.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", reportXlsx.Content.Headers.ContentType!.MediaType);

        var applied = await CadreWebFixture.PostFormAsync(client, location, new(), location + "?handler=Apply");
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var done = WebUtility.HtmlDecode(await applied.Content.ReadAsStringAsync());
        Assert.Contains("1 role recoded in the register", done);
        Assert.Contains("ZZ-NOPE", done);
        await using var db = app.SystemContext();
        var post = await db.Posts.SingleAsync(p => p.OrganisationId == app.DemoOrganisation && p.PostNumber == "MP00129");
        Assert.Equal("U5H", post.OccupationCode);
        var record = await db.CodingDecisions.SingleAsync(d => d.PostId == post.Id);
        Assert.Equal(CodingAction.AppliedFromExtract, record.Action);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "Post" && e.EntityId == post.Id.ToString() && e.After!.Contains("U5H")));

        // Applying twice changes nothing more.
        var again = await CadreWebFixture.PostFormAsync(client, location, new(), location + "?handler=Apply");
        Assert.Contains("were applied on", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await db.CodingDecisions.CountAsync(d => d.PostId == post.Id));

        // Another organisation cannot see the run through the pages, the downloads or the progress.
        using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location + "/report.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location + "/progress")).StatusCode);
        Assert.DoesNotContain("esr-extract.csv", await other.GetStringAsync("/coding/extracts"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/coding/posts/{post.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/posts/{post.Id}/coding")).StatusCode);
    }

    // A run as an instance that stopped mid-way leaves it: running, its heartbeat minutes old, perhaps its upload kept.
    private async Task<Guid> InterruptedRunAsync(string? upload, int attempts = 1, DateTime? heartbeat = null)
    {
        await using var db = app.SystemContext();
        var run = new CodingRun { OrganisationId = app.DemoOrganisation, FileName = "lost.csv", UploadedAt = DateTime.UtcNow.AddMinutes(-10), UploadedBy = "Wendy Workforce",
            CodedOn = DemoOrganisations.AsAt, Status = CodingRunStatus.Running, Total = 2, Done = 1, Attempts = attempts, HeartbeatAt = heartbeat ?? DateTime.UtcNow.AddMinutes(-5) };
        db.CodingRuns.Add(run);
        if (upload is not null) db.CodingRunFiles.Add(new CodingRunFile { CodingRunId = run.Id, Name = ExtractRuns.Upload, Content = upload });
        await db.SaveChangesAsync();
        return run.Id;
    }

    private const string TwoRoles = Header + "\n" +
        "MP00901,main,Clinical Scientist,Medical Physics,7,1.0,T1Q,,clinical_scientist,no,none,no,,yes,none,Nuclear Medicine:100,HCPC Clinical Scientist\n" +
        "MP00902,main,Clinical Engineer,Clinical Engineering,6,0.8,U4J,,practitioner,no,none,no,,yes,none,EBME:100,\n";

    [Fact]
    public async Task A_run_left_running_by_a_stopped_instance_is_taken_up_and_finished_from_its_kept_upload()
    {
        var id = await InterruptedRunAsync(TwoRoles);
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Assert.Equal("completed", await WaitForRunAsync(client, $"/coding/extracts/{id}"));
        await using var db = app.SystemContext();
        var run = await db.CodingRuns.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal((2, 2, 2), (run.Roles, run.Attempts, run.Done));
        var decisions = await client.GetStringAsync($"/coding/extracts/{id}/decisions.csv");
        Assert.Contains("MP00901,main,1.00,T1Q,U2H,Nuclear Medicine,recode", decisions);
        Assert.Contains("MP00902", decisions);
        // A finished run does not keep the extract.
        Assert.False(await db.CodingRunFiles.AnyAsync(f => f.CodingRunId == id && f.Name == ExtractRuns.Upload));
        // Its completion is in the audit trail; its heartbeats are not.
        var trail = await db.AuditEntries.Where(e => e.EntityType == nameof(CodingRun) && e.EntityId == id.ToString()).ToListAsync();
        Assert.Contains(trail, e => e.Action == Cadre.Core.Register.AuditAction.Updated && e.After!.Contains("Completed"));
        Assert.DoesNotContain(trail, e => e.After != null && !e.After.Contains("Completed") && e.After.Contains("HeartbeatAt") && e.Before != null);
    }

    [Fact]
    public async Task A_run_left_by_an_instance_that_died_is_finished_without_anyone_opening_it()
    {
        var id = await InterruptedRunAsync(TwoRoles);
        // No page or progress request: the service's own sweep takes it up (every half lease). The bound is patience
        // for a busy machine, not a measure.
        CodingRun run;
        var giveUp = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(500);
            await using var db = app.SystemContext();
            run = await db.CodingRuns.AsNoTracking().SingleAsync(r => r.Id == id);
        }
        while (run.Status == CodingRunStatus.Running && DateTime.UtcNow < giveUp);
        Assert.Equal((CodingRunStatus.Completed, 2, 2), (run.Status, run.Attempts, run.Roles));
    }

    [Fact]
    public async Task A_run_another_instance_is_coding_shows_that_instance_s_progress_and_is_left_to_it()
    {
        var id = await InterruptedRunAsync(TwoRoles, heartbeat: DateTime.UtcNow);
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var progress = await client.GetFromJsonAsync<JsonElement>($"/coding/extracts/{id}/progress");
        Assert.Equal("running", progress.GetProperty("status").GetString());
        Assert.Equal((1, 2, 50), (progress.GetProperty("done").GetInt32(), progress.GetProperty("total").GetInt32(), progress.GetProperty("percent").GetInt32()));
        await using var db = app.SystemContext();
        var run = await db.CodingRuns.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal((CodingRunStatus.Running, 1), (run.Status, run.Attempts));
    }

    [Fact]
    public async Task A_run_interrupted_without_its_upload_or_too_often_fails_with_a_plain_message()
    {
        var lost = await InterruptedRunAsync(upload: null);
        var tooOften = await InterruptedRunAsync(TwoRoles, attempts: ExtractRuns.MaxAttempts);
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Assert.Equal("failed", await WaitForRunAsync(client, $"/coding/extracts/{lost}"));
        Assert.Contains("interrupted", await client.GetStringAsync($"/coding/extracts/{lost}"));
        Assert.Equal("failed", await WaitForRunAsync(client, $"/coding/extracts/{tooOften}"));
        Assert.Contains($"interrupted {ExtractRuns.MaxAttempts} times", await client.GetStringAsync($"/coding/extracts/{tooOften}"));
        await using var db = app.SystemContext();
        Assert.False(await db.CodingRunFiles.AnyAsync(f => f.CodingRunId == tooOften && f.Name == ExtractRuns.Upload));
    }

    [Fact]
    public async Task An_XLSX_extract_with_the_same_columns_is_coded_like_the_CSV()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var buffer = new MemoryStream();
        Cadre.Data.Coding.ExtractRuns.WriteTable(buffer, Cadre.Data.Register.Export.ExportFormat.Xlsx, "extract",
        [
            Header.Split(','),
            ["MP00801", "Medical Equipment Technician (Estates)", "Medical Equipment Technician (Estates)", "Estates", "5", 1m, "S4N", "Medical Equipment Management / EBME",
                "practitioner", "no", "none", "no", 100, "yes", "none", "Electro-medical Equipment Maintenance:100", ""],
        ]);
        var response = await UploadAsync(client, "extract.xlsx", buffer.ToArray());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal("completed", await WaitForRunAsync(client, location));
        var decisions = await client.GetStringAsync(location + "/decisions.csv");
        Assert.Contains("MP00801", decisions);
        Assert.Contains("U4J", decisions);
        Assert.Contains("recode", decisions);

        // Not a workbook at all, though named .xlsx: refused on the form, nothing stored.
        var broken = await UploadAsync(client, "broken.xlsx", Encoding.UTF8.GetBytes("not a workbook"));
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("There is a problem", await broken.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_API_gives_a_post_proposal_and_decides_a_role_in_the_CLI_shape()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var proposal = await client.GetFromJsonAsync<JsonElement>($"/api/v1/coding/posts/{await PostIdAsync(DemoOrganisations.EbmeInEstatesPost)}");
        var role = proposal.GetProperty("roles")[0];
        Assert.Equal("U4J", role.GetProperty("proposedCode").GetString());
        Assert.Equal("recode", role.GetProperty("status").GetString());
        Assert.Contains(role.GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "ESR-THEME-01" && r.GetProperty("document").GetString()!.Contains("IPEM"));
        Assert.StartsWith("Recode S4N to U4J", role.GetProperty("reason").GetString());

        var decide = await client.PostAsJsonAsync("/api/v1/coding/decide", new Dictionary<string, string>
        {
            ["post_id"] = "X1", ["role"] = "vascular", ["title"] = "Clinical Vascular Scientist", ["department"] = "Medical Physics", ["pay_band"] = "7", ["wte"] = "1",
            ["current_code"] = "U2H", ["entry_requirement"] = "clinical_scientist", ["specialist"] = "no", ["manages_department"] = "no", ["direct_hcs_pct"] = "100",
            ["requires_hcs_qualification"] = "yes", ["activities"] = "Vascular Science:100", ["registrations"] = "HCPC Clinical Scientist", ["on"] = "2026-11-01",
        });
        Assert.Equal(HttpStatusCode.OK, decide.StatusCode);
        var d = await decide.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("U2E", d.GetProperty("proposedCode").GetString());
        Assert.Equal("recode", d.GetProperty("status").GetString());

        var bad = await client.PostAsJsonAsync("/api/v1/coding/decide", new Dictionary<string, string>
        {
            ["post_id"] = "X1", ["pay_band"] = "7", ["wte"] = "lots", ["entry_requirement"] = "clinical_scientist", ["activities"] = "Vascular Science:60",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"wte\"", problem);
        Assert.Contains("lots", problem);
        Assert.Contains("\"activities\"", problem);

        var openApi = await client.GetStringAsync("/api/v1/openapi.json");
        Assert.Contains("/api/v1/coding/posts/{id}", openApi);
        Assert.Contains("/api/v1/coding/decide", openApi);
    }
}
