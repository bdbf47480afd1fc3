using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Core.JobEvaluation;
using Cadre.Data;
using Cadre.Data.JobEvaluation;
using Cadre.Data.Security;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.JobEvaluation;

/// <summary>The job evaluation pages and API on the real app: library, evaluation, panels, reviews, mismatches, isolation.</summary>
[Collection(WebCollection.Name)]
public sealed class JeWebTests(CadreWebFixture app)
{
    private static readonly string[] Levels = ["3a", "2", "2", "2", "2", "2", "1", "2a", "1", "1", "2", "1", "1", "1", "1", "1"];

    private static JobScore EngineScore(string[] levels) => JeReference.Default.Scorer.Score(Job.Parse("", levels, JeReference.Default.Plan));

    /// <summary>The evaluate form's fields for 16 levels, a panel of the given members (two management, two staff by default) and job information.</summary>
    internal static Dictionary<string, string> Form(string[] levels, Guid? post = null, string[]? members = null, string[]? sides = null, Guid? reviewOf = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["title"] = "Clinical Scientist (test)", ["date"] = "2026-10-01", ["consensus"] = "true",
            ["doc-0-version"] = "v3", ["doc-0-date"] = "2026-09-01", ["doc-1-version"] = "v2",
            ["adviser-0-name"] = "Eve Adviser", ["adviser-0-side"] = "management", ["adviser-1-name"] = "Finn Adviser", ["adviser-1-side"] = "staff",
        };
        if (post is { } p) fields["post"] = p.ToString();
        if (reviewOf is { } r) fields["review-of"] = r.ToString();
        members ??= ["Alice Manager", "Bob Manager", "Carol Staff", "Dan Staff"];
        sides ??= ["management", "management", "staff", "staff"];
        for (var i = 0; i < members.Length; i++) { fields[$"member-{i}-name"] = members[i]; fields[$"member-{i}-side"] = sides[i]; }
        // Letters travel as checkboxes named "letters" (value factor-levelletter); a dictionary holds one, which is enough here.
        for (var i = 0; i < levels.Length; i++)
        {
            var level = new string(levels[i].TakeWhile(char.IsDigit).ToArray());
            fields[$"level-{i + 1}"] = level;
            fields[$"rationale-{i + 1}"] = $"Evidence for factor {i + 1}";
            foreach (var letter in levels[i].SkipWhile(char.IsDigit)) fields["letters"] = $"{i + 1}-{level}{letter}";
        }
        return fields;
    }

    private async Task<(HttpResponseMessage Response, string Html)> SaveAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await CadreWebFixture.PostFormAsync(client, "/job-evaluation/evaluate", fields, "/job-evaluation/evaluate?handler=Save");
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<Guid> SaveOkAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var (response, html) = await SaveAsync(client, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, html.Length > 3000 ? Regex.Match(html, "nhsuk-error-summary.{0,2000}", RegexOptions.Singleline).Value : html);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>A job evaluation panel member of the second trust (made once for these tests).</summary>
    private async Task<HttpClient> OtherTrustPanelAsync()
    {
        const string email = "panel@b.test";
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Cadre.Data.Security.CadreUser>>();
        if (await users.FindByEmailAsync(email) is null)
            await Cadre.Data.CadreDatabaseInitialiser.CreateUserAsync(users, email, "Pam Otherpanel", CadreWebFixture.Password, Cadre.Data.Security.CadreRoles.JobEvaluationPanel, app.SecondOrganisation);
        return await app.ClientAsync(email);
    }

    [Fact]
    public async Task The_library_lists_the_17_seed_profiles_with_the_misprints_warned()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/job-evaluation"));
        Assert.Equal(17, Regex.Matches(html, "data-testid=\"profile-row\"").Count);
        Assert.Contains("17 profiles", html);
        Assert.Contains("Clinical Coding Service Manager", html);
        Assert.Contains("481", html);
        Assert.Contains("482", html);
        Assert.True(Regex.Matches(html, "data-testid=\"profile-warning\"").Count >= 2);
        var archived = await client.GetStringAsync("/job-evaluation?archived=true");
        Assert.Equal(24, Regex.Matches(archived, "data-testid=\"profile-row\"").Count);
        Assert.Contains("MDT Co-ordinator", archived);
        var band4 = await client.GetStringAsync("/job-evaluation?band=4");
        Assert.Equal(2, Regex.Matches(band4, "data-testid=\"profile-row\"").Count);

        await using var db = app.SystemContext();
        var coding = await db.Set<JeProfile>().FirstAsync(p => p.Title == "Clinical Coding Service Manager" && p.Status == ProfileStatus.Current);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/job-evaluation/profiles/{coding.Id}"));
        Assert.Contains("data-testid=\"profile-warnings\"", page);
        Assert.Contains("481", page);
        Assert.StartsWith("482", Regex.Match(page, "data-testid=\"computed-total\">([^<]+)<").Groups[1].Value);
        Assert.Contains("JE-PRINT-01", page);
        Assert.Equal(16, Regex.Matches(page, "<tr class=\"nhsuk-table__row\">").Count);
    }

    [Fact]
    public async Task The_evaluation_page_computes_the_engines_total_and_band()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var response = await CadreWebFixture.PostFormAsync(client, "/job-evaluation/evaluate", Form(Levels), "/job-evaluation/evaluate?handler=Calculate");
        var html = await response.Content.ReadAsStringAsync();
        var expected = EngineScore(Levels);
        Assert.Equal($"{expected.Total}", Regex.Match(html, "data-testid=\"je-total\">(\\d+)<").Groups[1].Value);
        Assert.Equal(expected.BandName, Regex.Match(html, "data-testid=\"je-band\">([^<]+)<").Groups[1].Value);
        Assert.Equal("16", Regex.Match(html, "data-testid=\"je-decided\">(\\d+)<").Groups[1].Value);

        var higher = Levels.ToArray();
        higher[0] = "5a"; higher[1] = "6"; higher[2] = "5"; higher[5] = "5a";
        var h = await (await CadreWebFixture.PostFormAsync(client, "/job-evaluation/evaluate", Form(higher), "/job-evaluation/evaluate?handler=Calculate")).Content.ReadAsStringAsync();
        Assert.Equal($"{EngineScore(higher).Total}", Regex.Match(h, "data-testid=\"je-total\">(\\d+)<").Groups[1].Value);
        Assert.Equal(EngineScore(higher).BandName, Regex.Match(h, "data-testid=\"je-band\">([^<]+)<").Groups[1].Value);

        // Matching ranks the library and names the rule and policy of each candidate.
        var m = WebUtility.HtmlDecode(await (await CadreWebFixture.PostFormAsync(client, "/job-evaluation/evaluate", Form(Levels), "/job-evaluation/evaluate?handler=Match")).Content.ReadAsStringAsync());
        Assert.Equal(10, Regex.Matches(m, "data-testid=\"candidate\"").Count);
        Assert.Contains("Policy used: ", m);
        Assert.Contains("JE-MATCH-", m);

        // A Viewer may calculate but not record.
        await using var db = app.SystemContext();
        var before = await db.Set<JeOutcome>().CountAsync();
        var (save, _) = await SaveAsync(client, Form(Levels));
        await CadreWebFixture.AssertRoleRefusedAsync(save);
        Assert.Equal(before, await db.Set<JeOutcome>().CountAsync());
    }

    [Fact]
    public async Task Panel_composition_rules_are_enforced_and_nothing_is_written()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var (post, _) = await app.AnyPostAsync(app.DemoOrganisation);
        await using var db = app.SystemContext();
        var before = await db.Set<JeOutcome>().CountAsync();

        var (r1, oneSided) = await SaveAsync(client, Form(Levels, post, sides: ["management", "management", "management", "management"]));
        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        Assert.Contains("There is a problem", oneSided);
        Assert.Contains("JE-PANEL-01", oneSided);

        var (_, three) = await SaveAsync(client, Form(Levels, post, ["Alice Manager", "Bob Manager", "Carol Staff"], ["management", "management", "staff"]));
        Assert.Contains("JE-PANEL-02", three);
        var noConsensus = Form(Levels, post);
        noConsensus.Remove("consensus");
        var (_, vote) = await SaveAsync(client, noConsensus);
        Assert.Contains("JE-PANEL-04", vote);
        var noEvidence = Form(Levels, post);
        noEvidence["rationale-5"] = "";
        var (_, evidence) = await SaveAsync(client, noEvidence);
        Assert.Contains("JE-EVAL-01", evidence);
        Assert.Contains("href=\"#rationale-5\"", evidence);
        Assert.Equal(before, await db.Set<JeOutcome>().CountAsync());

        var threeAgreed = Form(Levels, post, ["Alice Manager", "Bob Manager", "Carol Staff"], ["management", "management", "staff"]);
        threeAgreed["sit-as-three"] = "true";
        var id = await SaveOkAsync(client, threeAgreed);
        var outcome = await db.Set<JeOutcome>().Include(o => o.Members).Include(o => o.Factors).Include(o => o.Documents).SingleAsync(o => o.Id == id);
        Assert.Equal(5, outcome.Members.Count);
        Assert.Equal(16, outcome.Factors.Count);
        Assert.Equal(EngineScore(Levels).Total, outcome.Total);
        Assert.Contains("JE-PANEL-02", outcome.Reasons);
        Assert.DoesNotContain("data-testid=\"outcome-warnings\"", await client.GetStringAsync($"/job-evaluation/outcomes/{id}"));
        // One job adviser only departs from good practice: recorded, and shown prominently on the outcome.
        var oneAdviser = Form(Levels, post);
        oneAdviser.Remove("adviser-1-name");
        var warned = await SaveOkAsync(client, oneAdviser);
        var shown = WebUtility.HtmlDecode(await client.GetStringAsync($"/job-evaluation/outcomes/{warned}"));
        Assert.Contains("JE-PANEL-05", Regex.Match(shown, "data-testid=\"outcome-warnings\".*?</div>", RegexOptions.Singleline).Value);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Who == "Pat Panel"));
    }

    [Fact]
    public async Task A_matching_panel_records_the_match_with_its_policy_or_refers_the_job_to_local_evaluation()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var (post, _) = await app.AnyPostAsync(app.DemoOrganisation);
        await using var db = app.SystemContext();
        var profile = await db.Set<JeProfile>().Include(p => p.Factors).FirstAsync(p => p.Title == "Clerical Officer (Data Entry)" && p.Status == ProfileStatus.Current);
        var plan = JeReference.Default.Plan;
        // The job sits at the bottom of every range of the profile (with the letters the profile names there).
        var atProfile = profile.Factors.OrderBy(f => f.Factor).Select(f => LevelNotationReader.Read(f.Levels, plan[f.Factor]).Choices[0].ToString()).ToArray();
        var form = Form(atProfile, post);
        form["profile"] = profile.Id.ToString();
        var matchedId = await SaveOkAsync(client, form);
        var matched = await db.Set<JeOutcome>().SingleAsync(o => o.Id == matchedId);
        Assert.Equal(JeResult.Matched, matched.Result);
        Assert.Equal(JeProcess.Matching, matched.Process);
        Assert.Equal(profile.Id, matched.ProfileId);
        Assert.Equal(profile.ComputedMinBand, matched.Band);
        Assert.Contains("JE-MATCH-01", matched.Reasons);
        Assert.Contains($"Matching policy used: {JeReference.Default.Policies.DefaultId}", matched.Reasons);

        var far = Enumerable.Range(1, 16).Select(f => plan[f].MaxLevel.ToString()).ToArray();
        var farForm = Form(far, post);
        farForm["profile"] = profile.Id.ToString();
        var referredId = await SaveOkAsync(client, farForm);
        var referred = await db.Set<JeOutcome>().SingleAsync(o => o.Id == referredId);
        Assert.Equal(JeResult.ReferredToLocalEvaluation, referred.Result);
        Assert.Null(referred.Band);
        Assert.Contains("JE-MATCH-07", referred.Reasons);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/job-evaluation/outcomes/{referredId}"));
        Assert.Contains("Referred to local evaluation", page);
        Assert.Contains("data-testid=\"referred\"", page);
    }

    [Fact]
    public async Task A_late_review_is_refused_with_the_deadline_and_a_review_panel_must_be_mostly_new()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var (post, _) = await app.AnyPostAsync(app.DemoOrganisation);
        var first = Form(Levels, post);
        first["date"] = "2026-06-01";
        var id = await SaveOkAsync(client, first);
        var url = $"/job-evaluation/outcomes/{id}";
        var notify = await CadreWebFixture.PostFormAsync(client, url, new() { ["notified-on"] = "2026-06-05", ["notified-how"] = "Letter" }, $"{url}?handler=Notify");
        Assert.Equal(HttpStatusCode.Redirect, notify.StatusCode);
        var page = await client.GetStringAsync(url);
        Assert.Contains("5 Sep 2026", page);

        var late = await CadreWebFixture.PostFormAsync(client, url, new() { ["received-on"] = "2026-09-06", ["in-writing"] = "true", ["disputed"] = "3", ["evidence"] = "More analysis" }, $"{url}?handler=Review");
        var lateHtml = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("This request is late", lateHtml);
        Assert.Contains("5 Sep 2026", lateHtml);
        Assert.Contains("JE-REVIEW-01", lateHtml);
        await using var db = app.SystemContext();
        Assert.False(await db.Set<JeReviewRequest>().AnyAsync(r => r.OutcomeId == id));

        var onTime = await CadreWebFixture.PostFormAsync(client, url, new() { ["received-on"] = "2026-09-05", ["in-writing"] = "true", ["disputed"] = "3", ["evidence"] = "More analysis" }, $"{url}?handler=Review");
        Assert.Equal(HttpStatusCode.Redirect, onTime.StatusCode);

        var (_, same) = await SaveAsync(client, Form(Levels, post, ["Alice Manager", "Bob Manager", "Carol Staff", "Zed Staff"], reviewOf: id));
        Assert.Contains("JE-REVIEW-03", same);
        var reviewId = await SaveOkAsync(client, Form(Levels, post, ["Gina New", "Hal New", "Ivy New", "Alice Manager"], ["management", "management", "staff", "staff"], reviewOf: id));
        Assert.Equal(JeProcess.Review, (await db.Set<JeOutcome>().SingleAsync(o => o.Id == reviewId)).Process);
    }

    [Fact]
    public async Task Dates_in_the_future_are_refused_naming_the_field_and_nothing_is_written()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var (post, _) = await app.AnyPostAsync(app.DemoOrganisation);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var tomorrow = today.AddDays(1);
        var iso = tomorrow.ToString("yyyy-MM-dd");
        var shown = tomorrow.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        // The panel date.
        var future = Form(Levels, post);
        future["date"] = iso;
        future["title"] = "Future panel job";
        var (refused, html) = await SaveAsync(client, future);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"The date the panel sat ({shown}) cannot be in the future", WebUtility.HtmlDecode(html));
        // A document dated in the future.
        var futureDocument = Form(Levels, post);
        futureDocument["title"] = "Future panel job";
        futureDocument["doc-0-date"] = iso;
        var (refusedDocument, documentHtml) = await SaveAsync(client, futureDocument);
        Assert.Equal(HttpStatusCode.OK, refusedDocument.StatusCode);
        Assert.Contains($"The date of the job description ({shown}) cannot be in the future", WebUtility.HtmlDecode(documentHtml));
        await using (var db = app.SystemContext())
            Assert.False(await db.Set<JeOutcome>().AnyAsync(o => o.JobTitle == "Future panel job"));

        // The notification date.
        var form = Form(Levels, post);
        form["date"] = today.AddDays(-20).ToString("yyyy-MM-dd");
        var id = await SaveOkAsync(client, form);
        var url = $"/job-evaluation/outcomes/{id}";
        var notify = await CadreWebFixture.PostFormAsync(client, url, new() { ["notified-on"] = iso, ["notified-how"] = "Letter" }, $"{url}?handler=Notify");
        Assert.Equal(HttpStatusCode.OK, notify.StatusCode);
        Assert.Contains($"The date the post holder was told ({shown}) cannot be in the future", WebUtility.HtmlDecode(await notify.Content.ReadAsStringAsync()));
        await using (var db = app.SystemContext())
            Assert.Null((await db.Set<JeOutcome>().SingleAsync(o => o.Id == id)).NotifiedOn);

        // The date a review request was received: refused, even though it would be within three months.
        var told = today.AddDays(-10).ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, url, new() { ["notified-on"] = told, ["notified-how"] = "Letter" }, $"{url}?handler=Notify")).StatusCode);
        var review = await CadreWebFixture.PostFormAsync(client, url, new() { ["received-on"] = iso, ["in-writing"] = "true", ["disputed"] = "3", ["evidence"] = "More analysis" }, $"{url}?handler=Review");
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var reviewHtml = WebUtility.HtmlDecode(await review.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"received-on-error\"", reviewHtml);
        Assert.Contains($"The date the written request was received ({shown}) cannot be in the future", reviewHtml);
        await using (var db = app.SystemContext())
            Assert.False(await db.Set<JeReviewRequest>().AnyAsync(r => r.OutcomeId == id));
        // Today is accepted.
        var ok = await CadreWebFixture.PostFormAsync(client, url, new() { ["received-on"] = today.ToString("yyyy-MM-dd"), ["in-writing"] = "true", ["disputed"] = "3", ["evidence"] = "More analysis" }, $"{url}?handler=Review");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [Fact]
    public async Task A_post_whose_recorded_band_differs_from_its_outcome_is_flagged_and_listed()
    {
        var band = EngineScore(Levels).BandName;
        var (post, number) = await app.AnyPostAsync(app.DemoOrganisation, q => q.Where(p => p.PostNumber.EndsWith("9")));
        string title;
        await using (var db = app.SystemContext())
        {
            var p = await db.Posts.SingleAsync(x => x.Id == post);
            p.Band = band == "7" ? Cadre.Core.Register.PayBand.Band5 : Cadre.Core.Register.PayBand.Band7;
            title = p.Title;
            p.Title = "=SUM(1) " + title;
            await db.SaveChangesAsync();
        }
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        await SaveOkAsync(client, Form(Levels, post));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/posts/{post}"));
        Assert.Contains("data-testid=\"je-band-mismatch\"", page);
        Assert.Contains($"gives band {band}", page);
        Assert.Contains("JE-CONS-03", page);
        var report = await client.GetStringAsync("/job-evaluation/band-mismatches");
        Assert.Contains(number, report);
        var csv = await client.GetAsync("/job-evaluation/band-mismatches?format=csv");
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString());
        var csvText = await csv.Content.ReadAsStringAsync();
        Assert.Contains(number, csvText);
        Assert.Contains("'=SUM(1) " + title, csvText);
        var xlsx = await client.GetAsync("/job-evaluation/band-mismatches?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var sheet = Workbook.ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Post number", "Title", "Recorded band", "JE band", "Panel date", "Rule"], sheet[0]);
        var row = Assert.Single(sheet, r => r[0] == number);
        Assert.Equal("'=SUM(1) " + title, row[1]);
        Assert.Equal(band, row[3]);
        Assert.Equal("2026-10-01", row[4]);
        Assert.Equal("JE-CONS-03", row[5]);

        // Put right, the flag goes.
        await using (var db = app.SystemContext())
        {
            var p = await db.Posts.SingleAsync(x => x.Id == post);
            p.Band = Cadre.Core.Register.PayBand.Parse(band);
            p.Title = title;
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain("je-band-mismatch", await client.GetStringAsync($"/posts/{post}"));
    }

    [Fact]
    public async Task Another_organisation_cannot_read_a_panel_through_pages_or_api()
    {
        using var panel = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var (post, _) = await app.AnyPostAsync(app.DemoOrganisation);
        var form = Form(Levels, post);
        form["title"] = "Secret isolation job";
        var id = await SaveOkAsync(panel, form);

        using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/job-evaluation/outcomes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/je/outcomes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/je/posts/{post}/outcomes")).StatusCode);
        Assert.DoesNotContain("Secret isolation job", await other.GetStringAsync("/job-evaluation/outcomes"));
        Assert.DoesNotContain("Secret isolation job", await other.GetStringAsync("/job-evaluation/consistency"));
        // Nor write into it: a panel member of the other trust posting a review request at this outcome finds nothing.
        using var otherPanel = await OtherTrustPanelAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await otherPanel.GetAsync($"/job-evaluation/outcomes/{id}")).StatusCode);
        var review = await CadreWebFixture.PostFormAsync(otherPanel, "/job-evaluation/outcomes", new() { ["received-on"] = "2026-10-10", ["in-writing"] = "true", ["disputed"] = "1" },
            $"/job-evaluation/outcomes/{id}?handler=Review");
        Assert.Equal(HttpStatusCode.NotFound, review.StatusCode);
        var notify = await CadreWebFixture.PostFormAsync(otherPanel, "/job-evaluation/outcomes", new() { ["notified-on"] = "2026-10-10", ["notified-how"] = "Letter" },
            $"/job-evaluation/outcomes/{id}?handler=Notify");
        Assert.Equal(HttpStatusCode.NotFound, notify.StatusCode);
        await using (var db = app.SystemContext())
        {
            Assert.Null((await db.Set<JeOutcome>().SingleAsync(o => o.Id == id)).NotifiedOn);
            Assert.False(await db.Set<JeReviewRequest>().AnyAsync(r => r.OutcomeId == id));
        }

        // Its own organisation reads it; a Viewer sees sides, not names.
        var mine = await panel.GetFromJsonAsync<JsonElement>($"/api/v1/je/outcomes/{id}");
        Assert.Equal("Alice Manager", mine.GetProperty("members")[0].GetProperty("name").GetString());
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var seen = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/je/outcomes/{id}");
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("members")[0].GetProperty("name").ValueKind);
        var viewerPage = await viewer.GetStringAsync($"/job-evaluation/outcomes/{id}");
        Assert.DoesNotContain("Alice Manager", viewerPage);
        Assert.Contains("Management side practitioner 1", viewerPage);
    }

    [Fact]
    public async Task A_service_lead_sees_only_outcomes_for_posts_in_their_departments()
    {
        using var panel = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var lead = app.LeadDepartment;
        string[] other = ["3a", "2", "2", "2", "2", "2", "3", "2a", "1", "1", "2", "1", "1", "1", "1", "1"];
        var (mine, mineNumber) = await app.AnyPostAsync(app.DemoOrganisation, q => q.Where(p => p.DepartmentId == lead));
        var (theirs, theirsNumber) = await app.AnyPostAsync(app.DemoOrganisation, q => q.Where(p => p.DepartmentId != lead));
        var mineForm = Form(Levels, mine);
        mineForm["title"] = "Lead scope own-department job";
        var mineId = await SaveOkAsync(panel, mineForm);
        // Another department's post, and its band made to disagree so it would show in the mismatch report.
        await using (var db = app.SystemContext())
        {
            var p = await db.Posts.SingleAsync(x => x.Id == theirs);
            p.Band = EngineScore(Levels).BandName == "7" ? Cadre.Core.Register.PayBand.Band5 : Cadre.Core.Register.PayBand.Band7;
            await db.SaveChangesAsync();
        }
        var theirsForm = Form(Levels, theirs);
        theirsForm["title"] = "Lead scope other-department job";
        var theirsId = await SaveOkAsync(panel, theirsForm);
        var noPost = Form(other);
        noPost["title"] = "Lead scope job with no post";
        var noPostId = await SaveOkAsync(panel, noPost);
        var notify = await CadreWebFixture.PostFormAsync(panel, $"/job-evaluation/outcomes/{theirsId}", new() { ["notified-on"] = "2026-10-05", ["notified-how"] = "Letter" }, $"/job-evaluation/outcomes/{theirsId}?handler=Notify");
        Assert.Equal(HttpStatusCode.Redirect, notify.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(panel, $"/job-evaluation/outcomes/{theirsId}",
            new() { ["received-on"] = "2026-10-20", ["in-writing"] = "true", ["disputed"] = "3", ["evidence"] = "Lead scope evidence" }, $"/job-evaluation/outcomes/{theirsId}?handler=Review")).StatusCode);

        using var client = await app.ClientAsync(CadreWebFixture.Users.Lead);
        // Their own department's outcome: page, list and API.
        Assert.Contains("Lead scope own-department job", await client.GetStringAsync($"/job-evaluation/outcomes/{mineId}"));
        Assert.Equal(mineId, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/je/outcomes/{mineId}")).GetProperty("id").GetGuid());
        Assert.Contains(mineId.ToString(), (await client.GetStringAsync($"/api/v1/je/posts/{mine}/outcomes")));
        var list = await client.GetStringAsync("/job-evaluation/outcomes");
        Assert.Contains("Lead scope own-department job", list);

        // Another department's outcome, and one for no post, are refused everywhere.
        foreach (var id in new[] { theirsId, noPostId })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/job-evaluation/outcomes/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/je/outcomes/{id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/je/posts/{theirs}/outcomes")).StatusCode);
        Assert.DoesNotContain("Lead scope other-department job", list);
        Assert.DoesNotContain("Lead scope job with no post", list);
        Assert.DoesNotContain(theirsId.ToString(), await client.GetStringAsync("/job-evaluation/consistency"));
        Assert.DoesNotContain(theirsNumber, await client.GetStringAsync("/job-evaluation/band-mismatches?format=csv"));
        Assert.DoesNotContain(theirsNumber, await client.GetStringAsync("/job-evaluation/band-mismatches"));
        // The organisation-wide panel member still sees all three, and the mismatch.
        Assert.Contains(theirsNumber, await panel.GetStringAsync("/job-evaluation/band-mismatches?format=csv"));
        Assert.Equal(HttpStatusCode.OK, (await panel.GetAsync($"/job-evaluation/outcomes/{noPostId}")).StatusCode);
        // Scoped at the data layer too: a lead-scoped context finds neither the outcome nor its review request.
        await using (var scoped = new CadreDbContext(app.App.Services.GetRequiredService<DatabaseOptions>().BuildContextOptions(),
            OrganisationScope.For([app.DemoOrganisation], [lead]), AuditActor.System("tests")))
        {
            Assert.True(await scoped.Set<JeOutcome>().AnyAsync(o => o.Id == mineId));
            Assert.False(await scoped.Set<JeOutcome>().AnyAsync(o => o.Id == theirsId || o.Id == noPostId));
            Assert.False(await scoped.Set<JeReviewRequest>().AnyAsync(r => r.OutcomeId == theirsId));
        }
        await using (var all = app.SystemContext())
            Assert.True(await all.Set<JeReviewRequest>().AnyAsync(r => r.OutcomeId == theirsId));
        // And a service lead cannot record or change outcomes.
        var refused = await CadreWebFixture.PostFormAsync(client, $"/job-evaluation/outcomes/{mineId}",
            new() { ["notified-on"] = "2026-10-05", ["notified-how"] = "Letter" }, $"/job-evaluation/outcomes/{mineId}?handler=Notify");
        await CadreWebFixture.AssertRoleRefusedAsync(refused);
        await using (var all = app.SystemContext())
            Assert.Null((await all.Set<JeOutcome>().SingleAsync(o => o.Id == mineId)).NotifiedOn);
    }

    [Fact]
    public async Task A_panel_session_hears_several_jobs_with_its_composition_checked_once()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var (post, number) = await app.AnyPostAsync(app.DemoOrganisation);
        var day = new DateOnly(2026, 9, 21);
        Dictionary<string, string> Session(params (string Name, string Side)[] members)
        {
            var f = new Dictionary<string, string> { ["date"] = "2026-09-21", ["adviser-0-name"] = "Sol Adviser", ["adviser-0-side"] = "management", ["adviser-1-name"] = "Tia Adviser", ["adviser-1-side"] = "staff" };
            for (var i = 0; i < members.Length; i++) { f[$"member-{i}-name"] = members[i].Name; f[$"member-{i}-side"] = members[i].Side; }
            return f;
        }
        await using (var db = app.SystemContext())
            Assert.False(await db.Set<JePanelSession>().AnyAsync(x => x.Date == day));

        // The partnership rules are checked for the session, and a one-sided panel is refused whole.
        var refused = await CadreWebFixture.PostFormAsync(client, "/job-evaluation/sessions",
            Session(("Ann Mgmt", "management"), ("Ben Mgmt", "management"), ("Cal Mgmt", "management"), ("Dee Mgmt", "management")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"members-error\"", refusedHtml);
        Assert.Contains("JE-PANEL-01", refusedHtml);
        await using (var db = app.SystemContext())
            Assert.False(await db.Set<JePanelSession>().AnyAsync(x => x.Date == day));

        var created = await CadreWebFixture.PostFormAsync(client, "/job-evaluation/sessions",
            Session(("Ann Mgmt", "management"), ("Kit Staff", "staff"), ("Ben Mgmt", "management"), ("Lou Staff", "staff")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var sessionUrl = created.Headers.Location!.OriginalString;
        var sessionId = Guid.Parse(sessionUrl.Split('/').Last());

        // Two jobs heard that day: the form carries the session, not a panel or a date.
        var evaluate = await client.GetStringAsync($"/job-evaluation/evaluate?session={sessionId}");
        Assert.Contains("data-testid=\"session-panel\"", evaluate);
        Assert.Contains("21 Sep 2026: 4 practitioners and 2 job adviser(s)", evaluate);
        var outcomes = new List<Guid>();
        foreach (var title in new[] { "Session heard job A", "Session heard job B" })
        {
            var form = Form(Levels, post);
            foreach (var key in form.Keys.Where(k => k.StartsWith("member-") || k.StartsWith("adviser-") || k == "date").ToList()) form.Remove(key);
            form["title"] = title;
            form["session"] = sessionId.ToString();
            outcomes.Add(await SaveOkAsync(client, form));
        }
        await using (var db = app.SystemContext())
        {
            var saved = await db.Set<JeOutcome>().Include(o => o.Members).Where(o => outcomes.Contains(o.Id)).ToListAsync();
            Assert.All(saved, o =>
            {
                Assert.Equal(sessionId, o.SessionId);
                Assert.Equal(day, o.Date);
                Assert.Equal(["Ann Mgmt", "Ben Mgmt", "Kit Staff", "Lou Staff", "Sol Adviser", "Tia Adviser"], o.Members.Select(m => m.Name).Order());
                Assert.Contains("Panel session of 21 Sep 2026: information: Panel composition checked once for the session", o.Reasons);
            });
        }

        // The outcome links to its session, and the session lists its outcomes.
        Assert.Equal(sessionId, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/je/outcomes/{outcomes[1]}")).GetProperty("sessionId").GetGuid());
        var outcomePage = await client.GetStringAsync($"/job-evaluation/outcomes/{outcomes[0]}");
        Assert.Contains($"href=\"/job-evaluation/sessions/{sessionId}\"", outcomePage);
        var sessionPage = WebUtility.HtmlDecode(await client.GetStringAsync(sessionUrl));
        Assert.Equal(2, Regex.Matches(sessionPage, "data-testid=\"session-outcome\"").Count);
        foreach (var id in outcomes) Assert.Contains($"/job-evaluation/outcomes/{id}", sessionPage);
        Assert.Contains("Session heard job B", sessionPage);
        Assert.Contains(number, sessionPage);
        Assert.Contains("Kit Staff", sessionPage);
        Assert.Contains("[JE-PANEL-01]", sessionPage);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/job-evaluation/sessions"));
        Assert.Contains($"<a href=\"/job-evaluation/sessions/{sessionId}\">21 Sep 2026</a>", list);

        // A Viewer sees sides, not names; another organisation does not find the session; a Viewer cannot record one.
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var viewed = await viewer.GetStringAsync(sessionUrl);
        Assert.DoesNotContain("Kit Staff", viewed);
        Assert.Contains("Staff side practitioner", viewed);
        var viewerPost = await CadreWebFixture.PostFormAsync(viewer, "/job-evaluation/sessions", Session(("X", "management"), ("Y", "staff"), ("Z", "management"), ("W", "staff")));
        await CadreWebFixture.AssertRoleRefusedAsync(viewerPost);
        using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(sessionUrl)).StatusCode);
        await using (var db = app.SystemContext())
            Assert.Equal(1, await db.Set<JePanelSession>().CountAsync(x => x.Date == day));
    }

    [Fact]
    public async Task The_api_lists_profiles_scores_levels_and_matches_with_rule_ids()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var profiles = await client.GetFromJsonAsync<JsonElement>("/api/v1/je/profiles");
        Assert.Equal(17, profiles.GetArrayLength());
        var id = profiles[0].GetProperty("id").GetGuid();
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/je/profiles/{id}");
        Assert.Equal(16, profile.GetProperty("factors").GetArrayLength());

        var score = await client.PostAsJsonAsync("/api/v1/je/score", new { levels = Levels });
        var body = await score.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(EngineScore(Levels).Total, body.GetProperty("total").GetInt32());
        Assert.Equal(EngineScore(Levels).BandName, body.GetProperty("band").GetString());
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "JE-SCORE-02");

        var bad = Levels.ToArray();
        bad[15] = "9";
        var refused = await client.PostAsJsonAsync("/api/v1/je/score", new { levels = bad });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("levels[15]", problem);
        Assert.Contains("Working conditions", problem, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", problem);

        var match = await client.PostAsJsonAsync("/api/v1/je/match", new { levels = Levels, top = 3 });
        var candidates = await match.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, candidates.GetArrayLength());
        Assert.StartsWith("JE-MATCH-", candidates[0].GetProperty("reasons")[0].GetProperty("ruleId").GetString());
        Assert.StartsWith(JeReference.Default.Policies.DefaultId + ":", candidates[0].GetProperty("policy").GetString()!);

        var openApi = await (await app.ClientAsync()).GetStringAsync("/api/v1/openapi.json");
        Assert.Contains("/api/v1/je/score", openApi);
        Assert.Contains("/api/v1/je/profiles/{id}", openApi);
        Assert.Contains("/api/v1/je/posts/{postId}/outcomes", openApi);
    }

    [Fact]
    public async Task A_suite_upload_is_all_or_nothing_audited_everywhere_and_only_for_the_national_library_role()
    {
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var denied = await viewer.GetAsync("/job-evaluation/import");
        await CadreWebFixture.AssertRoleRefusedAsync(denied);

        // Issue 12: a panel member of one organisation cannot supersede the library every organisation matches against.
        using var library = await app.ClientAsync(CadreWebFixture.Users.Library);
        var page = await library.GetStringAsync("/job-evaluation/import");
        var token = CadreWebFixture.AntiForgeryToken(page)!;
        using var panel = await app.ClientAsync(CadreWebFixture.Users.Panel);
        Assert.DoesNotContain("/job-evaluation/import", await panel.GetStringAsync("/job-evaluation"));
        var panelPage = await panel.GetAsync("/job-evaluation/import");
        await CadreWebFixture.AssertRoleRefusedAsync(panelPage);
        await using (var check = app.SystemContext())
        {
            var held = await check.Set<JeProfile>().CountAsync();
            using var attack = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Cadre.Core.ReferenceFiles.ReadAllText("job-evaluation/profiles/patient-services.txt"))), "File", "patient-services.txt" },
            };
            var refused = await panel.PostAsync("/job-evaluation/import", attack);
            // Refused for the role (403) or, since the token was another user's, as a forged form (400): either way nothing is stored.
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, refused.StatusCode.ToString());
            Assert.Equal(held, await check.Set<JeProfile>().CountAsync());
        }
        panel.Dispose();
        var text = Cadre.Core.ReferenceFiles.ReadAllText("job-evaluation/profiles/patient-services.txt").Replace("\t4(a)", "\t9(a)");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "File", "bad-suite.txt" },
        };
        await using var db = app.SystemContext();
        var before = await db.Set<JeProfile>().CountAsync();
        var html = WebUtility.HtmlDecode(await (await library.PostAsync("/job-evaluation/import", content)).Content.ReadAsStringAsync());
        Assert.Contains("Nothing was stored", html);
        Assert.Contains("Profile '", html);
        Assert.Contains("There is a problem", html);
        Assert.Equal(before, await db.Set<JeProfile>().CountAsync());

        // The good copy is stored as a new version: the held profiles are superseded, and the library still offers 17.
        var good = Cadre.Core.ReferenceFiles.ReadAllText("job-evaluation/profiles/patient-services.txt");
        using var goodContent = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(good)), "File", "patient-services.txt" },
        };
        var stored = WebUtility.HtmlDecode(await (await library.PostAsync("/job-evaluation/import", goodContent)).Content.ReadAsStringAsync());
        Assert.Contains("17 profile(s), 7 archived, 24 earlier version(s) superseded", stored);
        Assert.Equal(before + 24, await db.Set<JeProfile>().CountAsync());
        Assert.Equal(17, await db.Set<JeProfile>().CountAsync(p => p.Status == ProfileStatus.Current));
        Assert.Equal(17, Regex.Matches(await library.GetStringAsync("/job-evaluation"), "data-testid=\"profile-row\"").Count);
        // Every organisation's trail says who changed the library it matches against.
        var audited = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityType == "NationalProfileSuite" && e.Who == "Lin Library").Select(e => e.OrganisationId).ToListAsync();
        Assert.Contains(app.DemoOrganisation, audited);
        Assert.Contains(app.SecondOrganisation, audited);
    }
}

/// <summary>The consistency check across an organisation's outcomes, and its Excel-safe CSV.</summary>
[Collection(WebCollection.Name)]
public sealed class JeConsistencyTests(CadreWebFixture app)
{
    [Fact]
    public async Task Jobs_of_the_same_title_with_different_levels_are_flagged_and_exported_safely()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        string[] a = ["3a", "2", "2", "2", "2", "2", "1", "2a", "1", "1", "2", "1", "1", "1", "1", "1"];
        var b = a.ToArray();
        b[6] = "3";
        foreach (var levels in new[] { a, b })
        {
            var fields = new Dictionary<string, string>
            {
                ["title"] = "=HYPERLINK(\"x\") Consistency Officer", ["date"] = "2026-10-02", ["consensus"] = "true", ["doc-0-version"] = "v1",
                ["member-0-name"] = "Alice", ["member-0-side"] = "management", ["member-1-name"] = "Bob", ["member-1-side"] = "management",
                ["member-2-name"] = "Carol", ["member-2-side"] = "staff", ["member-3-name"] = "Dan", ["member-3-side"] = "staff",
                ["adviser-0-name"] = "Eve", ["adviser-0-side"] = "management", ["adviser-1-name"] = "Finn", ["adviser-1-side"] = "staff",
            };
            for (var i = 0; i < 16; i++)
            {
                var level = new string(levels[i].TakeWhile(char.IsDigit).ToArray());
                fields[$"level-{i + 1}"] = level;
                fields[$"rationale-{i + 1}"] = "Evidence";
                foreach (var letter in levels[i].SkipWhile(char.IsDigit)) fields["letters"] = $"{i + 1}-{level}{letter}";
            }
            var r = await CadreWebFixture.PostFormAsync(client, "/job-evaluation/evaluate", fields, "/job-evaluation/evaluate?handler=Save");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        // A match with four varied factors is far from its profile (more than the three-factor threshold, je-consistency.md).
        await using (var db = app.SystemContext())
        {
            var reference = JeReference.Default;
            var row = await db.Set<JeProfile>().Include(p => p.Factors).FirstAsync(p => p.Title == "Clinical Coding Officer" && p.Status == ProfileStatus.Current);
            var profile = JeLibraryStore.ToCore(row);
            var matcher = new ProfileMatcher(reference.Scorer, reference.Policies.Default);
            var levels = profile.Factors.Select(f => f.Levels.Choices[0].Level).ToArray();
            var varied = 0;
            for (var f = 0; f < 16 && varied < 4; f++)
            {
                foreach (var candidate in new[] { profile.Factors[f].Levels.Max + 1, profile.Factors[f].Levels.Min - 1 })
                {
                    if (!reference.Plan.Factors[f].HasLevel(candidate)) continue;
                    var trial = levels.ToArray();
                    trial[f] = candidate;
                    if (matcher.Match(Job.FromLevels("", trial), profile).Outcome == MatchOutcome.NoMatch) continue;
                    levels = trial;
                    varied++;
                    break;
                }
            }
            Assert.Equal(4, varied);
            var form = new Dictionary<string, string>
            {
                ["title"] = "Far From Profile Officer", ["date"] = "2026-10-03", ["consensus"] = "true", ["doc-0-version"] = "v1", ["profile"] = row.Id.ToString(),
                ["member-0-name"] = "Alice", ["member-0-side"] = "management", ["member-1-name"] = "Bob", ["member-1-side"] = "management",
                ["member-2-name"] = "Carol", ["member-2-side"] = "staff", ["member-3-name"] = "Dan", ["member-3-side"] = "staff",
                ["adviser-0-name"] = "Eve", ["adviser-0-side"] = "management", ["adviser-1-name"] = "Finn", ["adviser-1-side"] = "staff",
            };
            for (var i = 0; i < 16; i++) { form[$"level-{i + 1}"] = levels[i].ToString(); form[$"rationale-{i + 1}"] = "Evidence"; }
            var saved = await CadreWebFixture.PostFormAsync(client, "/job-evaluation/evaluate", form, "/job-evaluation/evaluate?handler=Save");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
            Assert.Equal(JeResult.MatchedWithVariations, (await db.Set<JeOutcome>().SingleAsync(o => o.Id == id)).Result);
        }
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/job-evaluation/consistency"));
        Assert.Contains("JE-CONS-02", html);
        Assert.Contains("'Far From Profile Officer'", html);
        Assert.Contains("is far from profile 'Clinical Coding Officer'", html);
        Assert.Contains("JE-CONS-01", html);
        Assert.Contains("differ on factor 7", html);
        var csv = await (await client.GetAsync("/job-evaluation/consistency?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("differ on factor 7", csv);
        Assert.Contains("JE-CONS-01", csv);
        // The title began with '=' but sits inside the sentence, so no cell starts with a formula.
        Assert.DoesNotMatch("(^|,|\\n)\"?=", csv);

        var xlsx = await client.GetAsync("/job-evaluation/consistency?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("je-consistency.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        var sheet = Workbook.ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Rule", "Severity", "Finding", "Citation"], sheet[0]);
        Assert.Contains(sheet, row => row[0] == "JE-CONS-01" && row[2].Contains("differ on factor 7") && row[3].Length > 0);
        Assert.Contains(sheet, row => row[0] == "JE-CONS-02" && row[2].Contains("is far from profile 'Clinical Coding Officer'"));
        Assert.DoesNotContain(sheet.SelectMany(r => r), cell => cell.StartsWith('=') || cell.StartsWith('+') || cell.StartsWith('@'));

        // An unknown format is refused naming the field, not ignored.
        var pdf = await client.GetAsync("/job-evaluation/consistency?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("format: 'pdf' is not a download format; use csv or xlsx", await pdf.Content.ReadAsStringAsync());
    }

}

internal static class Workbook
{
    /// <summary>Every row of the first sheet of a workbook as text (numbers as written).</summary>
    internal static List<string[]> ReadXlsx(byte[] bytes)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        return part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToList();
    }
}
