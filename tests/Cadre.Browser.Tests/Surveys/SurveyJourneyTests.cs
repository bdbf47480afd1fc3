using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using System.Xml.Schema;
using Cadre.Core;
using Cadre.Core.Surveys;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Surveys;

/// <summary>
/// A survey end to end in Chromium: define it, import a response file, read response rates by specialism with the
/// small-number rule, code free text, pick a quote, and download the coded project (.qdpx, checked against the REFI-QDA
/// schema) and the coding CSV.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SurveyJourneyTests(BrowserFixture browser)
{
    private const string Responses =
        "Response ID,Specialism,Band,Nation or region,Helped\n" +
        "1,Radiotherapy Physics,7,England,My supervisor left and nobody replaced them\n" +
        "2,Radiotherapy Physics,7,England,More study days\n" +
        "3,Radiotherapy Physics,8a,Wales,A named supervisor from the start\n" +
        "4,Radiotherapy Physics,8a,England,\n" +
        "5,Radiotherapy Physics,6,England,Funding for fees\n" +
        "6,Radiotherapy Physics,7,England,\n" +
        "7,Audiology,6,Wales,Time to study\n" +
        "8,Audiology,5,Wales,\n";

    [Fact]
    public async Task Define_import_read_rates_code_free_text_pick_a_quote_and_export()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await browser.SignInAsync(page, CadreWebFixture.Users.Workforce);
        await Assertions.Expect(page.Locator("a.nhsuk-header__navigation-link[href='/surveys']")).ToHaveCountAsync(1);
        await page.GotoAsync("/surveys");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Surveys", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Training support survey");
        await page.GetByLabel("Date it opened").FillAsync("2026-10-01");
        await page.GetByLabel("Date it closed").FillAsync("2026-10-31");
        await page.GetByLabel("Numbers by group, entered").CheckAsync();
        await page.GetByLabel("Or numbers by group, one a line").FillAsync("Specialism | Radiotherapy Physics | 12\nSpecialism | Audiology | 8");
        await page.GetByLabel("Questions, one a line").FillAsync("Helped | free text | What would have helped you most?");
        await page.GetByTestId("define-button").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Training support survey", Level = 1 })).ToBeVisibleAsync();

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "responses.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Responses) });
        await page.GetByTestId("import-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("Imported 8 responses");
        // 6 of 12 in Radiotherapy Physics: 50%. Audiology's 2 respondents are hidden, and so is the total that would give them back.
        var rates = page.GetByTestId("table-INTEL-SUR-01");
        await Assertions.Expect(rates.Locator("tr", new() { HasText = "Radiotherapy Physics" })).ToContainTextAsync("50");
        await Assertions.Expect(rates.Locator("tr", new() { HasText = "Audiology" }).Locator("td").Nth(1)).ToHaveTextAsync("*");
        await Assertions.Expect(rates.Locator("tr", new() { HasText = "All respondents" }).Locator("td").Nth(1)).ToHaveTextAsync("*");
        await Assertions.Expect(rates.Locator("canvas")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("width"));
        await Assertions.Expect(page.GetByTestId("disclosure-notice")).ToBeVisibleAsync();
        await browser.ShotAsync(page, "surveys-01-response-rates");

        await page.GetByTestId("analysis-link").ClickAsync();
        await page.GetByLabel("Theme name").FillAsync("Supervision");
        await page.GetByLabel("Definition (its words also drive the keyword suggestions)").FillAsync("Having a named supervisor who stays");
        await page.GetByTestId("add-theme").ClickAsync();
        var first = page.GetByTestId("answer").Filter(new() { HasText = "My supervisor left" });
        await Assertions.Expect(first.GetByTestId("suggestions")).ToContainTextAsync("Supervision (from supervisor)");
        await first.GetByLabel("Supervision").CheckAsync();
        await first.GetByTestId("save-themes").ClickAsync();
        first = page.GetByTestId("answer").Filter(new() { HasText = "My supervisor left" });
        await first.GetByRole(AriaRole.Button, new() { Name = "Use as a quote for Supervision" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("answer").Filter(new() { HasText = "My supervisor left" }).GetByRole(AriaRole.Button, new() { Name = "Stop using as a quote for Supervision" })).ToBeVisibleAsync();
        await browser.ShotAsync(page, "surveys-02-coding");

        var qdpx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-qdpx").ClickAsync());
        Assert.EndsWith(".qdpx", qdpx.SuggestedFilename);
        using (var zip = ZipFile.OpenRead(await qdpx.PathAsync()))
        {
            var project = XDocument.Load(zip.GetEntry("project.qde")!.Open());
            var schema = new XmlSchemaSet();
            using (var xsd = ReferenceFiles.Open(RefiQdaProject.SchemaFile)) schema.Add(XmlSchema.Read(xsd, null)!);
            var invalid = new List<string>();
            project.Validate(schema, (_, e) => invalid.Add(e.Message));
            Assert.Empty(invalid);
            Assert.Equal(5, project.Descendants(RefiQdaProject.Ns + "TextSource").Count());
            Assert.Equal("Supervision", project.Descendants(RefiQdaProject.Ns + "Code").Single().Attribute("name")!.Value);
        }
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-coding-csv").ClickAsync());
        var coded = (await File.ReadAllLinesAsync(await csv.PathAsync())).Single(l => l.Contains("My supervisor left", StringComparison.Ordinal));
        Assert.StartsWith("responses.csv,2,Helped,Radiotherapy Physics,7,England,My supervisor left and nobody replaced them,Supervision,,", coded);
        Assert.EndsWith(",Yes", coded);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the survey" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("table-quotes")).ToContainTextAsync("My supervisor left and nobody replaced them");
        await Assertions.Expect(page.GetByTestId("table-quotes")).Not.ToContainTextAsync("More study days");
        await browser.ShotAsync(page, "surveys-03-quote");
        Assert.Empty(errors);
    }
}
