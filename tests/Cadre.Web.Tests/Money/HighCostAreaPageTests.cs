using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Core.Money;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Money;

/// <summary>
/// An administrator sets the organisation's high cost area zone (PAY-HCAS-01) and holders' pay points are recorded; the
/// establishment's cost rises by the supplement and still agrees on the dashboard, the report API and the service page.
/// </summary>
public sealed class HighCostAreaPageTests(CadreWebFixture app) : IClassFixture<CadreWebFixture>
{
    private static decimal Pounds(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]+)<");
        Assert.True(match.Success, $"no {testId} on the page");
        return decimal.Parse(WebUtility.HtmlDecode(match.Groups[1].Value).Trim().TrimStart('£'), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static decimal ReportFunded(JsonElement report) =>
        report.GetProperty("tables").EnumerateArray().First(t => t.GetProperty("id").GetString() == "INTEL-COST-01")
            .GetProperty("rows").EnumerateArray().Single(r => r[0].GetString() == "All bands")[1].GetDecimal();

    private static async Task<HttpResponseMessage> SetZoneAsync(HttpClient client, Guid organisation, string area)
    {
        var html = await client.GetStringAsync("/organisations/pay");
        var token = Regex.Match(html, $"name=\"OrganisationId\" value=\"{organisation}\" />\\s*<input type=\"hidden\" name=\"Token\" value=\"([^\"]+)\"").Groups[1].Value;
        return await CadreWebFixture.PostFormAsync(client, "/organisations/pay", new() { ["OrganisationId"] = organisation.ToString(), ["Area"] = area, ["Token"] = token });
    }

    [Fact]
    public async Task A_zone_and_recorded_points_change_the_cost_and_every_page_still_agrees()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var before = Pounds(await admin.GetStringAsync("/"), "establishment-cost");

        var saved = await SetZoneAsync(admin, app.DemoOrganisation, nameof(HighCostArea.InnerLondon));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Saved. ", await admin.GetStringAsync("/organisations/pay"));
        await using (var db = app.SystemContext())
        {
            Assert.Equal(HighCostArea.InnerLondon, (await db.Organisations.SingleAsync(o => o.Id == app.DemoOrganisation)).HighCostArea);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "Organisation" && e.After!.Contains("InnerLondon")));
            // Every current holder of a band 7 post is recorded at the top of the band.
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var a in await db.Assignments.Where(a => a.OrganisationId == app.DemoOrganisation && a.Post!.Band == Cadre.Core.Register.PayBand.Band7).ToListAsync())
                a.PayPoint = PayPoint.Top;
            await db.SaveChangesAsync();
        }

        var dashboard = await admin.GetStringAsync("/");
        var after = Pounds(dashboard, "establishment-cost");
        // At least 5% more: every band's supplement is 20% of basic pay or its minimum or maximum, all above 5% of the cost.
        Assert.True(after > before * 1.05m, $"{after} is not the supplement above {before}");
        Assert.Contains("inner london high cost area supplement", dashboard);
        Assert.Equal(after, ReportFunded(JsonDocument.Parse(await admin.GetStringAsync("/api/v1/reports/head-of-service")).RootElement));

        await using var read = app.SystemContext();
        var department = await read.Departments.Where(d => d.OrganisationId == app.DemoOrganisation && d.Posts.Any(p => p.Band == Cadre.Core.Register.PayBand.Band7))
            .Select(d => d.Id).FirstAsync();
        var page = await admin.GetStringAsync($"/departments/{department}");
        var one = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/reports/head-of-service?department={department}")).RootElement;
        Assert.Equal(ReportFunded(one), Pounds(page, "department-cost"));

        // Back to no supplement: the cost falls below what it was with one.
        Assert.Equal(HttpStatusCode.Redirect, (await SetZoneAsync(admin, app.DemoOrganisation, nameof(HighCostArea.None))).StatusCode);
        Assert.True(Pounds(await admin.GetStringAsync("/"), "establishment-cost") < after);
    }

    [Fact]
    public async Task A_bad_choice_is_named_and_another_organisations_zone_cannot_be_set()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var bad = await SetZoneAsync(admin, app.DemoOrganisation, "Mayfair");
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        Assert.Contains("Select the high cost area zone, or no high cost area supplement", html);

        // The administrator's scope finds only their own organisations: another's id is not there at all.
        var other = await CadreWebFixture.PostFormAsync(admin, "/organisations/pay",
            new() { ["OrganisationId"] = app.SecondOrganisation.ToString(), ["Area"] = nameof(HighCostArea.InnerLondon), ["Token"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        await using var db = app.SystemContext();
        Assert.Equal(HighCostArea.None, (await db.Organisations.SingleAsync(o => o.Id == app.SecondOrganisation)).HighCostArea);
    }

    [Fact]
    public async Task A_holders_pay_point_is_recorded_on_the_form_and_through_the_api_and_checked_against_the_band()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Cadre.Core.Register.Assignment assignment;
        string postNumber;
        await using (var db = app.SystemContext())
        {
            assignment = await db.Assignments.Include(a => a.Post).Where(a => a.OrganisationId == app.DemoOrganisation && a.EndDate == null
                && a.Post!.Band >= Cadre.Core.Register.PayBand.Band8a).FirstAsync();
            postNumber = assignment.Post!.PostNumber;
        }
        var url = $"/people/{assignment.PersonId}/assignment/{assignment.Id}";
        var form = await client.GetStringAsync(url);
        Assert.Contains("Pay point (optional)", form);
        var token = Regex.Match(form, "name=\"Input.Token\" value=\"([^\"]+)\"").Groups[1].Value;
        Dictionary<string, string> Fields(string point, string since = "") => new()
        {
            ["Input.Token"] = token, ["Input.PostNumber"] = postNumber, ["Input.Wte"] = assignment.Wte.ToString(CultureInfo.InvariantCulture),
            ["Input.StartDate"] = assignment.StartDate.ToString("yyyy-MM-dd"), ["Input.PayPoint"] = point, ["Input.PayPointSince"] = since,
        };

        var refused = await CadreWebFixture.PostFormAsync(client, url, Fields(nameof(PayPoint.Intermediate)));
        Assert.Contains($"{assignment.Post!.Band.Label} has no intermediate pay point; it has entry and top", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var future = await CadreWebFixture.PostFormAsync(client, url, Fields(nameof(PayPoint.Top), DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd")));
        Assert.Contains("Date they reached this pay point must be today or in the past", await future.Content.ReadAsStringAsync());
        var dateWithoutPoint = await CadreWebFixture.PostFormAsync(client, url, Fields("", "2024-04-01"));
        Assert.Contains("Select the pay point they reached on this date, or leave the date blank", await dateWithoutPoint.Content.ReadAsStringAsync());
        var saved = await CadreWebFixture.PostFormAsync(client, url, Fields(nameof(PayPoint.Top), "2019-04-01"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.SystemContext())
        {
            var stored = await db.Assignments.SingleAsync(a => a.Id == assignment.Id);
            Assert.Equal((PayPoint.Top, new DateOnly(2019, 4, 1)), (stored.PayPoint!.Value, stored.PayPointSince!.Value));
        }

        // The API reads it back by name.
        var person = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/people/{assignment.PersonId}")).RootElement;
        Assert.Contains(person.GetProperty("assignments").EnumerateArray(), a => a.GetProperty("id").GetGuid() == assignment.Id && a.GetProperty("payPoint").GetString() == "Top" && a.GetProperty("payPointSince").GetString() == "2019-04-01");
    }

    [Theory]
    [InlineData(CadreWebFixture.Users.Workforce)]
    [InlineData(CadreWebFixture.Users.Viewer)]
    public async Task Only_administrators_set_the_zone(string user)
    {
        using var client = await app.ClientAsync(user);
        await CadreWebFixture.AssertRoleRefusedAsync(await client.GetAsync("/organisations/pay"));
    }
}
