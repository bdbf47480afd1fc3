using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Cadre.Data;
using Cadre.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Reports;

/// <summary>The workforce reports against the real app and the demo register: pages, downloads, roles and isolation.</summary>
[Collection(WebCollection.Name)]
public sealed class ReportsWebTests(CadreWebFixture app)
{
    private static readonly string[] Pages = ["/reports/head-of-service", "/reports/organisations", "/reports/profession"];

    [Fact]
    public async Task Each_report_shows_its_tables_charts_and_downloads_and_the_header_links_to_them()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var home = await client.GetStringAsync("/");
        Assert.Contains("href=\"/reports\">Reports</a>", home);
        var index = await client.GetStringAsync("/reports");
        Assert.Contains("INTEL-EST-04", index);
        Assert.Contains("IPEM report Is HSST meeting the needs of the Medical Physics profession?, Background", WebUtility.HtmlDecode(index));
        foreach (var page in Pages)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
            Assert.Contains("data-testid=\"downloads\"", html);
            Assert.Contains("format=csv", html);
            Assert.Contains("format=xlsx", html);
            Assert.Contains("data-testid=\"table-definitions\"", html);
            // Every chart is followed by a table holding the same figures.
            Assert.Contains("data-chart=", html);
            Assert.True(CountOf(html, "<canvas") <= CountOf(html, "<table"), $"{page}: a chart without its table");
        }
        var head = WebUtility.HtmlDecode(await client.GetStringAsync("/reports/head-of-service"));
        Assert.Contains("Radiotherapy Physics", head);
        Assert.Contains("INTEL-EXP-01", head);
        Assert.DoesNotContain("data-testid=\"disclosure-notice\"", head); // workforce information may see people: no control on its own organisation
    }

    [Fact]
    public async Task The_head_of_service_figures_are_the_registers_own()
    {
        await using var db = app.SystemContext();
        var posts = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation).Select(p => new { p.FundedWte, p.Status }).ToListAsync();
        var funded = posts.Where(p => p.Status != PostStatus.Frozen).Sum(p => p.FundedWte);
        var frozen = posts.Count(p => p.Status == PostStatus.Frozen);
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var csv = await client.GetStringAsync("/reports/head-of-service?format=csv");
        Assert.Contains($"INTEL-EST-01,Funded establishment (WTE),{funded.ToString("0.00", CultureInfo.InvariantCulture)}\r\n", csv);
        Assert.Contains($"INTEL-EST-05,Frozen posts,{frozen}\r\n", csv);
    }

    [Fact]
    public async Task The_reports_API_gives_the_same_figures_with_the_same_reach_and_control()
    {
        await using var db = app.SystemContext();
        var posts = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation).Select(p => new { p.FundedWte, p.Status }).ToListAsync();
        var funded = posts.Where(p => p.Status != PostStatus.Frozen).Sum(p => p.FundedWte);

        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var report = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/head-of-service");
        Assert.False(report.GetProperty("disclosureControlled").GetBoolean());
        var row = report.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("rows").EnumerateArray())
            .First(r => r[0].ValueKind == JsonValueKind.String && r[0].GetString() == "INTEL-EST-01");
        Assert.Equal(funded, row[2].GetDecimal());
        foreach (var path in new[] { "/api/v1/reports/organisations", "/api/v1/reports/profession" })
            Assert.True((await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("tables").GetArrayLength() > 1, path);

        // Another organisation's department is not there; a Viewer gets small counts hidden; the panel and strangers get nothing.
        var foreign = await db.Departments.Where(d => d.OrganisationId == app.SecondOrganisation).Select(d => d.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/reports/head-of-service?department={foreign}")).StatusCode);
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        Assert.True((await viewer.GetFromJsonAsync<JsonElement>("/api/v1/reports/head-of-service")).GetProperty("disclosureControlled").GetBoolean());
        using var panel = await app.ClientAsync(CadreWebFixture.Users.Panel);
        Assert.Equal(HttpStatusCode.Forbidden, (await panel.GetAsync("/api/v1/reports/profession")).StatusCode);
        using var stranger = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/reports/profession")).StatusCode);
        Assert.Contains("/api/v1/reports/head-of-service", await client.GetStringAsync("/api/v1/openapi.json"));
    }

    [Fact]
    public async Task Downloads_are_csv_and_xlsx_and_an_unknown_format_is_refused()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        foreach (var page in Pages)
        {
            var csv = await client.GetAsync(page + "?format=csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
            Assert.Contains("Definitions", await csv.Content.ReadAsStringAsync());
            var xlsx = await client.GetAsync(page + "?format=xlsx");
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
            Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
        }
        var bad = await client.GetAsync("/reports/profession?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("use csv, xlsx or md", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Exports_neutralise_text_a_spreadsheet_would_run_as_a_formula()
    {
        var department = new Department { OrganisationId = app.DemoOrganisation, Name = "=HYPERLINK(\"http://evil.example\",\"Click\")", ScienceTheme = 'H' };
        await using (var db = app.SystemContext())
        {
            db.Departments.Add(department);
            await db.SaveChangesAsync();
        }
        try
        {
            using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
            var csv = await client.GetStringAsync("/reports/head-of-service?format=csv");
            Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", csv);
            Assert.DoesNotContain("\n=HYPERLINK", csv);
            Assert.DoesNotContain(",=HYPERLINK", csv);
            var xlsx = await client.GetByteArrayAsync("/reports/head-of-service?format=xlsx");
            using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
            var texts = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text).ToList();
            Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"Click\")", texts);
            Assert.DoesNotContain(texts, t => t.StartsWith('='));
        }
        finally
        {
            await using var db = app.SystemContext();
            db.Departments.Remove(await db.Departments.SingleAsync(d => d.Id == department.Id));
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task No_ones_name_appears_in_any_report_or_download()
    {
        await using var db = app.SystemContext();
        var names = await db.Assignments.Where(a => a.OrganisationId == app.DemoOrganisation && a.EndDate == null)
            .Select(a => a.Person!.GivenName + " " + a.Person.FamilyName).Distinct().Take(40).ToListAsync();
        var staffNumbers = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation).Select(p => p.StaffNumber).Take(40).ToListAsync();
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        foreach (var page in Pages)
            foreach (var text in new[] { await client.GetStringAsync(page), await client.GetStringAsync(page + "?format=csv") })
            {
                foreach (var name in names) Assert.DoesNotContain(name, text);
                foreach (var number in staffNumbers) Assert.DoesNotContain(number, text);
            }
    }

    [Fact]
    public async Task A_viewer_sees_aggregates_under_disclosure_control_and_a_panel_member_is_refused()
    {
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        Assert.Contains("href=\"/reports\"", await viewer.GetStringAsync("/"));
        var head = await viewer.GetStringAsync("/reports/head-of-service");
        Assert.Contains("data-testid=\"disclosure-notice\"", head);
        var csv = await viewer.GetStringAsync("/reports/head-of-service?format=csv");
        Assert.Contains("statistical disclosure control", csv);
        Assert.Contains("INTEL-EST-05,Frozen posts,*", csv); // the demo trust has one frozen post

        using var panel = await app.ClientAsync(CadreWebFixture.Users.Panel);
        Assert.DoesNotContain("href=\"/reports\"", await panel.GetStringAsync("/"));
        foreach (var page in Pages.Append("/reports"))
        {
            var response = await panel.GetAsync(page + "?format=csv");
            await CadreWebFixture.AssertRoleRefusedAsync(response);
        }
    }

    [Fact]
    public async Task A_service_lead_sees_only_the_departments_they_lead()
    {
        await using var db = app.SystemContext();
        var lead = await db.Departments.Where(d => d.Id == app.LeadDepartment).Select(d => d.Name).SingleAsync();
        var other = await db.Departments.Where(d => d.OrganisationId == app.DemoOrganisation && d.Id != app.LeadDepartment && d.Posts.Count > 0)
            .OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).FirstAsync();
        using var client = await app.ClientAsync(CadreWebFixture.Users.Lead);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/reports/head-of-service"));
        Assert.Contains($"<option value=\"{app.LeadDepartment}\"", html);
        Assert.DoesNotContain(other.Id.ToString(), html);
        Assert.DoesNotContain($">{other.Name}<", html);
        Assert.Contains($">{lead}<", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reports/head-of-service?department={other.Id}")).StatusCode);
        var csv = await client.GetStringAsync($"/reports/head-of-service?department={app.LeadDepartment}&format=csv");
        Assert.Contains(lead, csv);
        Assert.DoesNotContain(other.Name, csv);
    }

    [Fact]
    public async Task Another_organisations_data_never_appears_in_a_report()
    {
        await using var db = app.SystemContext();
        var second = await db.Departments.Where(d => d.OrganisationId == app.SecondOrganisation).Select(d => new { d.Id, d.Name }).ToListAsync();
        var first = await db.Departments.Where(d => d.OrganisationId == app.DemoOrganisation).Select(d => d.Name).ToListAsync();
        var secondOnly = second.Where(d => !first.Contains(d.Name)).ToList();
        Assert.NotEmpty(secondOnly);

        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        foreach (var page in Pages)
            foreach (var text in new[] { WebUtility.HtmlDecode(await client.GetStringAsync(page)), await client.GetStringAsync(page + "?format=csv") })
            {
                Assert.DoesNotContain("ZZ2", text);
                Assert.DoesNotContain("Fenwick", text);
                foreach (var d in secondOnly) Assert.DoesNotContain(d.Name, text);
            }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reports/head-of-service?department={second[0].Id}")).StatusCode);

        using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        var benchmark = WebUtility.HtmlDecode(await other.GetStringAsync("/reports/organisations"));
        Assert.Contains("(ZZ2)", benchmark);
        Assert.DoesNotContain("ZZ1", benchmark);
        Assert.DoesNotContain("Northmoor", benchmark);
        Assert.DoesNotContain("Radiotherapy Physics", WebUtility.HtmlDecode(await other.GetStringAsync("/reports/head-of-service")));
    }

    [Fact]
    public async Task A_member_of_two_organisations_sees_both_side_by_side_with_small_numbers_hidden()
    {
        const string email = "regional@a.test";
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            var user = await CadreDatabaseInitialiser.CreateUserAsync(users, email, "Rea Regional", CadreWebFixture.Password, CadreRoles.WorkforceInformation, app.DemoOrganisation);
            await using var db = app.SystemContext();
            db.UserOrganisations.Add(new UserOrganisation { UserId = user.Id, OrganisationId = app.SecondOrganisation });
            await db.SaveChangesAsync();
        }
        using var client = await app.ClientAsync(email);
        var csv = await client.GetStringAsync("/reports/organisations?format=csv");
        var header = csv.Split("\r\n").First(l => l.StartsWith("Measure id,", StringComparison.Ordinal));
        Assert.EndsWith("(ZZ1),Fenwick Community Health NHS Trust (fictional) (ZZ2),All organisations", header);
        // The second trust has 1 to 4 registrations to renew: hidden, and so is the total that would give it away.
        var due = csv.Split("\r\n").First(l => l.StartsWith("INTEL-REG-01,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("*", due[3]);
        Assert.Equal("*", due[4]);
        // Both trusts' departments are in the head of service report's choice, told apart by ODS code.
        var head = WebUtility.HtmlDecode(await client.GetStringAsync("/reports/head-of-service"));
        Assert.Contains("Clinical Measurement (ZZ2)", head);
        Assert.Contains("Radiotherapy Physics (ZZ1)", head);
    }

    private static int CountOf(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
