using System.Text;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Coding;

/// <summary>
/// Occupation coding in a real browser: upload a 100,000-row ESR extract, watch the progress bar finish and read the
/// report; then accept a recode on a post and see it in the post's coding history.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CodingJourneyTests(BrowserFixture browser)
{
    private const string Header = "post_id,role,title,department,pay_band,wte,current_code,current_area_of_work,entry_requirement,specialist,trainee_programme,manages_department,direct_hcs_pct,requires_hcs_qualification,consultant_appointment,activities,registrations";

    private static readonly string[] Templates =
    [
        "Clinical Technologist (EBME),Clinical Technologist (EBME),EBME,5,1,T4R,Medical Equipment Management / EBME,practitioner,no,none,no,100,yes,none,EBME:100,",
        "Clinical Vascular Scientist,Clinical Vascular Scientist,Medical Physics,7,1,U2H,Vascular Science,clinical_scientist,no,none,no,100,yes,none,Vascular Science:100,HCPC Clinical Scientist",
        "Clinical Engineer,Clinical Engineer,Medical Physics,7,0.8,U2J,Medical Equipment Management / EBME,clinical_scientist,no,none,no,100,yes,none,EBME:50;Radiation Safety:50,HCPC Clinical Scientist",
        "Clinical Scientist (Nuclear Medicine),Clinical Scientist (Nuclear Medicine),Nuclear Medicine,7,1,U2H,Nuclear Medicine,clinical_scientist,no,none,no,100,yes,none,Nuclear Medicine:100,HCPC Clinical Scientist",
    ];

    [Fact]
    public async Task Upload_an_extract_see_the_progress_bar_finish_and_the_report_then_accept_a_recode_on_a_post()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        var polls = new List<string>();
        page.Response += (_, r) => { if (r.Url.Contains("/progress")) polls.Add(r.Url); };

        await page.GotoAsync("/");
        await page.GetByLabel("User name or email address", new() { Exact = true }).FillAsync(CadreWebFixture.Users.Workforce);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(CadreWebFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"));

        var file = Path.Combine(browser.Screenshots, "esr-extract-100k.csv");
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= 100_000; i++) text.Append("GEN-").Append(i.ToString("000000")).Append(',').Append(Templates[i % Templates.Length]).Append('\n');
        await File.WriteAllTextAsync(file, text.ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Coding", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Occupation coding review" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Re-code an ESR extract" }).First.ClickAsync();
        await page.GetByLabel("ESR extract", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByTestId("extract-upload").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/coding/extracts/[0-9a-f-]{36}$"));
        await browser.ShotAsync(page, "20-coding-progress", fullPage: false);

        // The page polls the progress and shows the report when the re-code is done.
        await Assertions.Expect(page.GetByTestId("report-roles")).ToHaveTextAsync("100000", new() { Timeout = 120_000 });
        Assert.NotEmpty(polls);
        await Assertions.Expect(page.GetByTestId("report-recode")).ToContainTextAsync("50000 (50.0%)");
        await Assertions.Expect(page.GetByTestId("report-miscoded")).ToContainTextAsync("50.0%");
        await Assertions.Expect(page.GetByTestId("report-causes")).ToContainTextAsync("retired T-matrix code");
        await Assertions.Expect(page.GetByTestId("download-esr-changes-xlsx")).ToBeVisibleAsync();
        await browser.ShotAsync(page, "21-coding-report", fullPage: false);

        // Accept a recode on a post of the register.
        await page.GotoAsync("/coding?status=recode");
        await page.Locator("[data-post='MP00311'] a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("proposed-code")).ToContainTextAsync("U4H");
        await Assertions.Expect(page.GetByTestId("coding-reason")).ToContainTextAsync("T4P is a retired T-matrix code");
        await page.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-banner")).ToContainTextAsync("Accepted: U4H");
        await Assertions.Expect(page.GetByTestId("coding-history")).ToContainTextAsync("Proposal accepted");
        await Assertions.Expect(page.GetByTestId("coding-history")).ToContainTextAsync("Wendy Workforce");
        await Assertions.Expect(page.GetByTestId("coding-status")).ToHaveTextAsync("Unchanged");
        await browser.ShotAsync(page, "22-coding-accepted");
        Assert.Empty(errors);
    }
}
