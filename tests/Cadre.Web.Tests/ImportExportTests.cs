using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ImportExportTests(CadreWebFixture app)
{
    private const string Header = "Post Number,Title,Department,Pay Band,Funded WTE,Status,Occupation Code";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string content, string what = "posts")
    {
        var page = await client.GetStringAsync("/import");
        var token = CadreWebFixture.AntiForgeryToken(page)!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(what), "What");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", fileName);
        return await client.PostAsync("/import", form);
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_with_every_problem_listed_then_the_fixed_file_imports()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var bad = string.Join("\n", Header,
            "IMP-001,Clinical Scientist,Radiotherapy Physics,7,1.00,Funded,U2H",
            "IMP-002,Healthcare Science Practitioner,Radiotherapy Physics,8e,1.00,Funded,U5H",
            "IMP-003,,Radiotherapy Physics,5,lots,Funded,U5H",
            "IMP-004,Trainee Clinical Scientist,Radiotherapy Physics,6,1.00,Sleeping,U3H");
        var response = await UploadAsync(client, "establishment.csv", bad);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        Assert.Contains("Row 3, column &#x27;Pay Band&#x27;: &#x27;8e&#x27;", html);
        Assert.Contains("Row 4, column &#x27;Title&#x27;", html);
        Assert.Contains("Row 4, column &#x27;Funded WTE&#x27;: &#x27;lots&#x27;", html);
        Assert.Contains("Row 5, column &#x27;Status&#x27;: &#x27;Sleeping&#x27;", html);
        Assert.Contains("href=\"#File\"", html);
        Assert.Contains("nothing was written", html);
        await using (var db = app.SystemContext())
            Assert.False(await db.Posts.AnyAsync(p => p.PostNumber.StartsWith("IMP-")));

        var good = string.Join("\n", Header,
            "IMP-001,Clinical Scientist,Radiotherapy Physics,7,1.00,Funded,U2H",
            "IMP-002,Healthcare Science Practitioner,Radiotherapy Physics,5,1.00,Funded,U5H");
        var imported = await UploadAsync(client, "establishment.csv", good);
        var done = await imported.Content.ReadAsStringAsync();
        Assert.Contains("Imported 2 rows", done);
        await using (var db = app.SystemContext())
        {
            var posts = await db.Posts.Where(p => p.PostNumber.StartsWith("IMP-")).ToListAsync();
            Assert.Equal(2, posts.Count);
            Assert.All(posts, p => Assert.Equal(app.DemoOrganisation, p.OrganisationId));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == posts[0].Id.ToString() && e.Who == "Wendy Workforce"));
        }
    }

    [Fact]
    public async Task Only_administrators_and_workforce_information_may_import()
    {
        using var lead = await app.ClientAsync(CadreWebFixture.Users.Lead);
        await CadreWebFixture.AssertRoleRefusedAsync(await lead.GetAsync("/import"));
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        await CadreWebFixture.AssertRoleRefusedAsync(await viewer.GetAsync("/import"));
    }

    [Fact]
    public async Task Export_neutralises_cells_that_a_spreadsheet_would_run_as_formulas()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var created = await client.PostAsJsonAsync("/api/v1/posts", new
        {
            postNumber = "EXP-1", title = "=HYPERLINK(\"http://evil.example\",\"Click\")", departmentId = app.LeadDepartment, band = "5",
            fundedWte = 1.0, costCentre = "+44 123", areaOfWork = "@SUM(A1)",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var response = await client.GetAsync("/export/posts.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var csv = await response.Content.ReadAsStringAsync();
        var line = csv.Split('\n').Single(l => l.StartsWith("EXP-1,"));
        Assert.Contains("'=HYPERLINK", line);
        Assert.Contains("'+44 123", line);
        Assert.Contains("'@SUM(A1)", line);
        Assert.DoesNotContain(",=", line);
        Assert.DoesNotContain(",\"=", line);

        var xlsx = await client.GetAsync("/export/posts.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task A_viewers_export_carries_no_personal_details()
    {
        await using var db = app.SystemContext();
        var holder = await db.Assignments.Where(a => a.OrganisationId == app.DemoOrganisation && a.EndDate == null)
            .Select(a => new { a.Person!.FamilyName, a.Person.StaffNumber }).FirstAsync();
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var csv = await viewer.GetStringAsync("/export/posts.csv");
        var header = csv.Split('\n')[0];
        Assert.DoesNotContain("Holder", header);
        Assert.DoesNotContain(holder.StaffNumber, csv);
        await CadreWebFixture.AssertRoleRefusedAsync(await viewer.GetAsync("/export/people.csv"));

        using var workforce = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var full = await workforce.GetStringAsync("/export/posts.csv");
        Assert.Contains("Post Holders", full.Split('\n')[0]);
        Assert.Contains(holder.StaffNumber, full);
        var people = await workforce.GetAsync("/export/people.csv");
        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
    }

    [Fact]
    public async Task Another_trusts_export_holds_none_of_this_trusts_posts()
    {
        var (_, number) = await app.AnyPostAsync(app.DemoOrganisation);
        using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        var csv = await other.GetStringAsync("/export/posts.csv");
        Assert.DoesNotContain(number + ",", csv);
    }
}
