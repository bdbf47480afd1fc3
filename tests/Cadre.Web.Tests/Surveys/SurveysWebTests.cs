using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using Cadre.Core;
using Cadre.Core.Surveys;
using Cadre.Data.Demo;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Surveys;

/// <summary>
/// Surveys against the real app and the demo survey: results under disclosure control with downloads and the API, an
/// analyst's whole round (define, import, code, quote, export), and who may see free text.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SurveysWebTests(CadreWebFixture app)
{
    private async Task<Guid> DemoSurveyAsync()
    {
        await using var db = app.SystemContext();
        return await db.Surveys.Where(s => s.Title == DemoSurvey.Title).Select(s => s.Id).SingleAsync();
    }

    private async Task<(Guid Id, string Text)> DemoQuoteAsync(Guid survey)
    {
        await using var db = app.SystemContext();
        var quote = await db.SurveyCodings.Where(c => c.SurveyId == survey && c.Quote).Select(c => c.AnswerId).SingleAsync();
        return (quote, await db.SurveyAnswers.Where(a => a.Id == quote).Select(a => a.Value).SingleAsync());
    }

    [Fact]
    public async Task The_demo_survey_shows_response_rates_with_small_numbers_hidden_and_the_page_download_and_api_agree()
    {
        var id = await DemoSurveyAsync();
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Assert.Contains("href=\"/surveys\">Surveys</a>", await client.GetStringAsync("/"));
        Assert.Contains(DemoSurvey.Title, await client.GetStringAsync("/surveys"));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/surveys/{id}"));
        Assert.Contains("data-testid=\"table-INTEL-SUR-01\"", html);
        Assert.Contains("data-testid=\"disclosure-notice\"", html);
        Assert.Contains("data-chart=", html);
        Assert.Contains("non-response bias", html);

        // The demo has 2 respondents from the Radiation Protection Service: hidden on the page, in the CSV and in the API.
        var csv = await client.GetStringAsync($"/surveys/{id}?format=csv");
        var row = csv.Split("\r\n").First(l => l.StartsWith("Radiation Protection Service,", StringComparison.Ordinal));
        Assert.Equal("*", row.Split(',')[2]);
        Assert.Contains("Survey response rate by specialism", await client.GetStringAsync($"/surveys/{id}?format=md"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/surveys/{id}?format=xlsx")).StatusCode);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/surveys/{id}"));
        var table = json.RootElement.GetProperty("tables").EnumerateArray().First(t => t.GetProperty("id").GetString() == "INTEL-SUR-01");
        // Every row of the specialism table is the same in the CSV and the API (numbers compared as numbers).
        var csvLines = csv.Split("\r\n");
        foreach (var apiRow in table.GetProperty("rows").EnumerateArray())
        {
            var cells = apiRow.EnumerateArray().Select(c => c.ToString()).ToList();
            var csvCells = csvLines.First(l => l.StartsWith(cells[0] + ",", StringComparison.Ordinal)).Split(',');
            Assert.Equal(cells.Select(Normal), csvCells.Take(cells.Count).Select(Normal));
        }
        var list = await client.GetStringAsync("/api/v1/surveys");
        Assert.Contains(id.ToString(), list);
    }

    private static string Normal(string cell) =>
        decimal.TryParse(cell, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : cell;

    [Fact]
    public async Task An_analyst_defines_a_survey_imports_responses_codes_them_and_exports_a_valid_project()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var defined = await CadreWebFixture.PostFormAsync(client, "/surveys", new()
        {
            ["Title"] = "Web test survey", ["OpenedOn"] = "2026-10-01", ["ClosedOn"] = "2026-10-31", ["Source"] = "entered",
            ["Groups"] = "Specialism | Radiotherapy Physics | 20\nSpecialism | Audiology | 10", ["GroupsDescription"] = "Two services",
            ["Questions"] = "Why | free text | What would have helped?\nScore | scale 1-5 | How supported?", ["LowestBand"] = "5", ["HighestBand"] = "9",
        });
        Assert.Equal(HttpStatusCode.Redirect, defined.StatusCode);
        var surveyUrl = defined.Headers.Location!.OriginalString;
        Assert.Matches("^/surveys/[0-9a-f-]{36}$", surveyUrl);

        var bad = await UploadAsync(client, surveyUrl, "responses.csv", "Specialism,Band,Why,Score\nAudiology,7,Fine,9\n");
        Assert.Contains("Row 2, column 'Score': '9' – expected a whole number from 1 to 5", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        var good = await UploadAsync(client, surveyUrl, "responses.csv",
            "Specialism,Band,Why,Score\nRadiotherapy Physics,7,=HYPERLINK(\"x\") My supervisor left,2\nRadiotherapy Physics,8a,More funding,4\nAudiology,6,Supervisor support,3\n");
        Assert.Contains("data-testid=\"import-done\"", await good.Content.ReadAsStringAsync());

        var analysis = surveyUrl + "/analysis";
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, analysis, new() { ["ThemeName"] = "Supervision", ["ThemeDefinition"] = "Time with a supervisor" }, analysis + "?handler=Theme")).StatusCode);
        var page = await client.GetStringAsync(analysis);
        Assert.Contains("Suggested: Supervision (from supervisor)", WebUtility.HtmlDecode(page));
        var answer = System.Text.RegularExpressions.Regex.Match(page, "name=\"answer\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var theme = System.Text.RegularExpressions.Regex.Match(page, "name=\"themes\" type=\"checkbox\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, analysis, new() { ["answer"] = answer, ["themes"] = theme }, analysis + "?handler=Code")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, analysis, new() { ["answer"] = answer, ["theme"] = theme, ["quote"] = "true" }, analysis + "?handler=Quote")).StatusCode);

        var results = WebUtility.HtmlDecode(await client.GetStringAsync(surveyUrl));
        Assert.Contains("=HYPERLINK(\"x\") My supervisor left", results); // the chosen quote, and only it

        var qdpx = await client.GetByteArrayAsync(analysis + "?format=qdpx");
        using var zip = new ZipArchive(new MemoryStream(qdpx));
        var project = XDocument.Load(zip.GetEntry("project.qde")!.Open());
        var errors = new List<string>();
        var schema = new XmlSchemaSet();
        using (var xsd = ReferenceFiles.Open(RefiQdaProject.SchemaFile)) schema.Add(XmlSchema.Read(xsd, null)!);
        project.Validate(schema, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
        Assert.Equal("Web test survey", project.Root!.Attribute("name")!.Value);
        Assert.Equal(3, project.Descendants(RefiQdaProject.Ns + "TextSource").Count());
        Assert.Single(project.Descendants(RefiQdaProject.Ns + "Coding"));

        var codingCsv = await client.GetStringAsync(analysis + "?format=csv");
        // Formula-safe: the answer that begins with "=" is written as text.
        Assert.Contains("'=HYPERLINK", codingCsv);
        await using var db = app.SystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "SurveyCoding" && a.EntityId.EndsWith(".qdpx")));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, string content)
    {
        var token = CadreWebFixture.AntiForgeryToken(await client.GetStringAsync(url))!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", fileName);
        return await client.PostAsync(url, form);
    }

    [Theory]
    [InlineData(CadreWebFixture.Users.Viewer)]
    [InlineData(CadreWebFixture.Users.Lead)]
    public async Task Roles_that_may_not_read_free_text_see_results_and_the_chosen_quote_only(string user)
    {
        var id = await DemoSurveyAsync();
        var (_, quote) = await DemoQuoteAsync(id);
        await using var db = app.SystemContext();
        var others = await db.SurveyAnswers.Where(a => a.SurveyId == id && a.Value.Length > 20 && a.Value != quote).Select(a => a.Value).Distinct().ToListAsync();
        Assert.NotEmpty(others);
        using var client = await app.ClientAsync(user);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/surveys/{id}"));
        Assert.Contains(quote, html);
        foreach (var text in others) Assert.DoesNotContain(text, html);
        var csv = await client.GetStringAsync($"/surveys/{id}?format=csv");
        foreach (var text in others) Assert.DoesNotContain(text, csv);
        var api = await client.GetStringAsync($"/api/v1/surveys/{id}");
        foreach (var text in others) Assert.DoesNotContain(JsonEncodedText.Encode(text).ToString(), api);
        Assert.DoesNotContain("/analysis", html);
        await CadreWebFixture.AssertRoleRefusedAsync(await client.GetAsync($"/surveys/{id}/analysis"));
        await CadreWebFixture.AssertRoleRefusedAsync(await client.GetAsync($"/surveys/{id}/analysis?format=qdpx"));
        await CadreWebFixture.AssertRoleRefusedAsync(await client.GetAsync($"/surveys/{id}/analysis?format=csv"));
    }

    [Fact]
    public async Task A_panel_member_has_no_access_to_surveys_at_all()
    {
        var id = await DemoSurveyAsync();
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        Assert.DoesNotContain("href=\"/surveys\"", await client.GetStringAsync("/"));
        await CadreWebFixture.AssertRoleRefusedAsync(await client.GetAsync("/surveys"));
        await CadreWebFixture.AssertRoleRefusedAsync(await client.GetAsync($"/surveys/{id}"));
        await CadreWebFixture.AssertRoleRefusedAsync(await client.GetAsync($"/surveys/{id}/analysis"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/surveys/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_organisation_cannot_find_the_survey()
    {
        var id = await DemoSurveyAsync();
        using var client = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.DoesNotContain(DemoSurvey.Title, await client.GetStringAsync("/surveys"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/surveys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/surveys/{id}/analysis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/surveys/{id}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await client.GetStringAsync("/api/v1/surveys"));
    }
}
