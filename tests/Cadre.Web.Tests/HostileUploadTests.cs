using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cadre.Tests.Shared;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests;

/// <summary>Issue 12 through the web uploads: bombs and bad bytes are refused with a message naming the file, and nothing is stored.</summary>
[Collection(WebCollection.Name)]
public sealed class HostileUploadTests(CadreWebFixture app)
{
    private const string ExtractHeader = "post_id,role,title,department,pay_band,wte,current_code,current_area_of_work,entry_requirement,specialist,trainee_programme,manages_department,direct_hcs_pct,requires_hcs_qualification,consultant_appointment,activities,registrations";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string fileName, byte[] content, string? what = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(CadreWebFixture.AntiForgeryToken(await client.GetStringAsync(page))!), "__RequestVerificationToken" } };
        if (what is not null) form.Add(new StringContent(what), "What");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "File", fileName);
        return await client.PostAsync(page, form);
    }

    [Fact]
    public async Task A_bomb_uploaded_to_the_register_import_is_refused_naming_the_file()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var response = await UploadAsync(client, "/import", "bomb.xlsx", HostileFiles.Bomb(), "posts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("bomb.xlsx: it expands to more than its limit when unzipped", html);
        Assert.True(html.Length < 200_000);
        await using var db = app.SystemContext();
        Assert.False(await db.Posts.AnyAsync(p => p.PostNumber == "BOMB"));
    }

    [Fact]
    public async Task A_file_over_the_pages_limit_gets_a_page_saying_so_with_the_limit_and_nothing_is_stored()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Library);
        int held;
        await using (var db = app.SystemContext()) held = await db.Set<Cadre.Data.JobEvaluation.JeProfile>().CountAsync();
        // The library upload takes 20 MB; 21 MB of text is refused while the form is read, before the page runs.
        // Sent as a careful client does, asking before sending the body (Expect: 100-continue), so the refusal arrives
        // before the 21 MB; a browser sends the body regardless, and the page's script refuses the file before that.
        var form = new MultipartFormDataContent { { new StringContent(CadreWebFixture.AntiForgeryToken(await client.GetStringAsync("/job-evaluation/import"))!), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes(new string('x', 21 * 1024 * 1024))), "File", "suite.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/job-evaluation/import") { Content = form };
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1>The file is too large</h1>", html.Contains("<h1>") ? html[html.IndexOf("<h1>")..] : html);
        Assert.Contains("This page takes files up to 20 MB", html);
        Assert.Contains("href=\"/job-evaluation/import\"", html);
        Assert.DoesNotContain("xxxxxxxxxx", html);
        await using (var db = app.SystemContext()) Assert.Equal(held, await db.Set<Cadre.Data.JobEvaluation.JeProfile>().CountAsync());
    }

    [Fact]
    public async Task A_bomb_uploaded_as_a_coding_extract_is_refused_on_the_form_and_nothing_is_stored()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        await using var before = app.SystemContext();
        var runs = await before.CodingRuns.CountAsync();
        foreach (var (name, bomb) in new[] { ("bomb.xlsx", HostileFiles.Bomb()), ("liar.xlsx", HostileFiles.LyingBomb()) })
        {
            var response = await UploadAsync(client, "/coding/extracts/new", name, bomb);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(name + ": ", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        await using var after = app.SystemContext();
        Assert.Equal(runs, await after.CodingRuns.CountAsync());
    }

    [Fact]
    public async Task An_extract_with_a_bad_byte_is_refused_by_row_and_column_and_problems_csv_numbers_rows_as_integers()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var csv = ExtractHeader + "\n" +
            "ENC1,Zoë Nguyễn,\"Clinical Scientist\r\n(Vascular)\",Medical Physics,7,1.0,U2H,Medical Physics,clinical_scientist,no,none,no,,yes,none,Vascular Science:100,\n" +
            "ENC2,Caf,Clinical Scientist (Vascular),Medical Physics,7,1.0,U2H,Medical Physics,clinical_scientist,no,none,no,,yes,none,Vascular Science:100,\n";
        var response = await UploadAsync(client, "/coding/extracts/new", "extract.csv", HostileFiles.OneBadByte(csv, "ENC2,Caf"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        for (var i = 0; i < 600 && (await client.GetFromJsonAsync<JsonElement>(location + "/progress")).GetProperty("status").GetString() == "running"; i++) await Task.Delay(100);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(location));
        // The line break inside the quoted title keeps that title in row 2, so the bad byte is in row 3.
        Assert.Contains("Row 3, column role, value 'Caf': this value holds a byte that is not UTF-8 text", html);
        Assert.DoesNotContain("Ã", html);

        var problems = await client.GetStringAsync(location + "/problems.csv");
        var row = problems.Split('\n')[1];
        Assert.StartsWith("3,role,Caf,", row);
    }
}
