using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Figures;

/// <summary>
/// Every figure shown in more than one place agrees everywhere it is shown, on a generated register (issue 10): vacancies,
/// funded WTE, WTE in post, the miscoded share, registrations to renew and trainees finishing, across the dashboard, the
/// posts list, the service pages, the head of service report, the API, the download and the coding review.
/// </summary>
public sealed class FiguresAgreeTests(GeneratedRegisterFixture generated) : IClassFixture<GeneratedRegisterFixture>
{
    private CadreWebFixture App => generated.App;

    private static string Figure(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]+)<");
        Assert.True(match.Success, $"no {testId} on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    private static int Listed(string html)
    {
        if (html.Contains("No posts match these filters")) return 0;
        var match = Regex.Match(html, @"of ([\d,]+) posts");
        Assert.True(match.Success, "no count on the list");
        return int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;

    private static IReadOnlyList<JsonElement> Rows(JsonElement report, string tableId) =>
        report.GetProperty("tables").EnumerateArray().First(t => t.GetProperty("id").GetString() == tableId).GetProperty("rows").EnumerateArray().ToList();

    /// <summary>The key figures row whose label is <paramref name="label"/>, as a number.</summary>
    private static decimal KeyFigure(JsonElement report, string label)
    {
        var row = Rows(report, "summary").First(r => r[1].GetString() == label);
        return row[2].ValueKind == JsonValueKind.Number ? row[2].GetDecimal() : decimal.Parse(row[2].GetString()!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Vacancies_funded_wte_and_wte_in_post_agree_on_every_page_the_api_and_the_download()
    {
        using var client = await App.ClientAsync(CadreWebFixture.Users.Admin);
        var dashboard = await client.GetStringAsync("/");
        var vacant = int.Parse(Figure(dashboard, "vacant-posts"), CultureInfo.InvariantCulture);
        var filled = int.Parse(Figure(dashboard, "filled-posts"), CultureInfo.InvariantCulture);
        var fundedWte = decimal.Parse(Figure(dashboard, "funded-wte"), CultureInfo.InvariantCulture);
        var inPostWte = decimal.Parse(Figure(dashboard, "in-post-wte"), CultureInfo.InvariantCulture);

        // Worked out here from the rows themselves, by the definition in docs/workforce-intelligence.md.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var db = App.SystemContext())
        {
            var posts = await db.Posts.Where(p => p.OrganisationId == App.DemoOrganisation).Select(p => new { p.Id, p.Status, p.FundedWte }).ToListAsync();
            var held = (await db.Assignments.Where(a => a.OrganisationId == App.DemoOrganisation).ToListAsync())
                .Where(a => a.IsCurrentOn(today)).GroupBy(a => a.PostId).ToDictionary(g => g.Key, g => g.Sum(a => a.Wte));
            Assert.Equal(posts.Count(p => p.Status != PostStatus.Frozen && held.GetValueOrDefault(p.Id) == 0), vacant);
            Assert.Equal(posts.Count(p => p.Status != PostStatus.Frozen && held.GetValueOrDefault(p.Id) > 0), filled);
            Assert.Equal(posts.Where(p => p.Status != PostStatus.Frozen).Sum(p => p.FundedWte), fundedWte);
            Assert.Equal(held.Values.Sum(), inPostWte);
            // The generated register holds the cases that used to disagree.
            Assert.Contains(posts, p => p.Status == PostStatus.Vacant && held.GetValueOrDefault(p.Id) > 0);
            Assert.Contains(posts, p => p.Status == PostStatus.Funded && held.GetValueOrDefault(p.Id) == 0);
        }

        // The list the dashboard links to, the API and the download count the same posts.
        var list = await client.GetStringAsync("/posts?status=Vacant");
        Assert.Equal(vacant, Listed(list));
        Assert.Equal(filled, Listed(await client.GetStringAsync("/posts?status=Filled")));
        Assert.DoesNotContain(">Funded<", list);
        Assert.Equal(vacant, (await JsonAsync(client, "/api/v1/posts?status=Vacant&pageSize=1")).GetProperty("total").GetInt32());
        var csv = await client.GetStringAsync("/export/posts.csv");
        Assert.Equal(vacant, csv.Split('\n').Count(line => line.TrimEnd('\r').EndsWith(",Vacant", StringComparison.Ordinal)));

        // Each service page agrees with its own filtered list, and together they make the dashboard's figure.
        await using var system = App.SystemContext();
        var departments = await system.Departments.Where(d => d.OrganisationId == App.DemoOrganisation).Select(d => d.Id).ToListAsync();
        var total = 0;
        foreach (var department in departments)
        {
            var page = await client.GetStringAsync($"/departments/{department}");
            var shown = int.Parse(Figure(page, "department-vacant").Split(' ')[0], CultureInfo.InvariantCulture);
            Assert.Equal(shown, Listed(await client.GetStringAsync($"/posts?department={department}&status=Vacant")));
            total += shown;
        }
        Assert.Equal(vacant, total);

        // The head of service report (page data through its API) counts the same.
        var report = await JsonAsync(client, "/api/v1/reports/head-of-service");
        Assert.Equal(vacant, KeyFigure(report, "Funded posts vacant"));
        Assert.Equal(filled, KeyFigure(report, "Funded posts filled"));
        Assert.Equal(fundedWte, KeyFigure(report, "Funded establishment (WTE)"));
        Assert.Equal(inPostWte, KeyFigure(report, "Contracted WTE in post"));
    }

    [Fact]
    public async Task A_post_typed_vacant_that_somebody_holds_is_shown_filled_and_flagged_everywhere()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Guid id;
        await using (var db = App.SystemContext())
        {
            var held = (await db.Assignments.Where(a => a.OrganisationId == App.DemoOrganisation).ToListAsync()).Where(a => a.IsCurrentOn(today) && a.Wte > 0).Select(a => a.PostId).ToHashSet();
            id = (await db.Posts.Where(p => p.OrganisationId == App.DemoOrganisation && p.Status == PostStatus.Vacant).Select(p => p.Id).ToListAsync()).First(held.Contains);
        }
        using var client = await App.ClientAsync(CadreWebFixture.Users.Admin);
        var page = await client.GetStringAsync($"/posts/{id}");
        Assert.Equal("Filled", Figure(page, "occupancy"));
        Assert.Equal("Recorded as vacant", Figure(page, "status-to-check"));
        Assert.Contains("data-testid=\"status-warning\"", page);

        var toCheck = await client.GetStringAsync("/posts?status=ToCheck");
        Assert.True(Listed(toCheck) > 0);
        var api = await JsonAsync(client, "/api/v1/posts?status=ToCheck&pageSize=100");
        Assert.Equal(Listed(toCheck), api.GetProperty("total").GetInt32());
        Assert.All(api.GetProperty("items").EnumerateArray(), p =>
        {
            Assert.Equal("Filled", p.GetProperty("occupancy").GetString());
            Assert.True(p.GetProperty("statusToCheck").GetBoolean());
        });
    }

    [Fact]
    public async Task Registrations_to_renew_trainees_finishing_and_the_miscoded_share_agree_between_dashboard_coding_and_report()
    {
        using var client = await App.ClientAsync(CadreWebFixture.Users.Admin);
        var dashboard = await client.GetStringAsync("/");
        var report = await JsonAsync(client, "/api/v1/reports/head-of-service");

        var due = int.Parse(Figure(dashboard, "registrations-due"), CultureInfo.InvariantCulture);
        Assert.Equal(due, KeyFigure(report, "Registrations to renew in 90 days"));
        var finishing = int.Parse(Figure(dashboard, "trainees-finishing"), CultureInfo.InvariantCulture);
        Assert.Equal(finishing, Rows(report, "INTEL-TRN-01").Sum(r => r[3].GetDecimal()));

        // Worked out here from the rows: people in post only; registrations expiring from today to 90 days on; enrolments
        // active or interrupted expected to end within six months (or already past their end).
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var db = App.SystemContext();
        var inPost = (await db.Assignments.Where(a => a.OrganisationId == App.DemoOrganisation).ToListAsync()).Where(a => a.IsCurrentOn(today)).Select(a => a.PersonId).ToHashSet();
        var registrations = await db.Registrations.Where(r => r.OrganisationId == App.DemoOrganisation).ToListAsync();
        Assert.Equal(registrations.Count(r => inPost.Contains(r.PersonId) && r.ExpiresOn >= today && r.ExpiresOn <= today.AddDays(90)), due);
        var enrolments = await db.TrainingEnrolments.Where(t => t.OrganisationId == App.DemoOrganisation).ToListAsync();
        Assert.Equal(enrolments.Count(t => inPost.Contains(t.PersonId) && t.Status is TrainingStatus.Active or TrainingStatus.Interrupted && t.ExpectedEndDate <= today.AddMonths(6)), finishing);
        Assert.True(due > 0 && finishing > 0);

        // The miscoded share: the same count over the same denominator on /coding and in the report.
        var coding = await client.GetStringAsync("/coding?status=all");
        var miscoded = int.Parse(Figure(coding, "miscoded-count"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var proposed = int.Parse(Figure(coding, "miscoded-denominator"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var health = Rows(report, "INTEL-COD-01")[0];
        Assert.Equal(proposed, health[1].GetDecimal());
        Assert.Equal(miscoded, health[2].GetDecimal());
        var percent = Math.Round(miscoded * 100m / proposed, 1, MidpointRounding.AwayFromZero);
        Assert.Equal(percent, KeyFigure(report, "Roles miscoded (%)"));
        Assert.Contains($"{percent.ToString("0.0", CultureInfo.InvariantCulture)}% of roles are miscoded", WebUtility.HtmlDecode(coding));
    }

    [Fact]
    public async Task Accepting_all_recodes_matching_the_filters_recodes_beyond_the_page_and_leaves_reviews_alone()
    {
        using var client = await App.ClientAsync(CadreWebFixture.Users.Workforce);
        var before = await client.GetStringAsync("/coding?status=recode");
        var recodes = Listed(before);
        Assert.True(recodes > 50, $"{recodes} recodes: more than a page is needed to test this");
        Assert.Contains($"Accept all {recodes:N0} recodes matching these filters", WebUtility.HtmlDecode(before));
        var review = Figure(before, "count-review");

        var response = await CadreWebFixture.PostFormAsync(client, "/coding?status=recode", [], "/coding?status=recode&handler=AcceptMatching");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await client.GetStringAsync("/coding?status=recode");
        Assert.Equal(0, Listed(after));
        Assert.Equal(review, Figure(after, "count-review"));
        await using var check = App.SystemContext();
        Assert.Equal(recodes, await check.CodingDecisions.Where(d => d.OrganisationId == App.DemoOrganisation).Select(d => d.PostId).Distinct().CountAsync());
    }
}
