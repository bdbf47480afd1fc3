using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Reports;

/// <summary>Open the head of service report from the header, see its charts drawn beside their tables, narrow it to one department.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HeadOfServiceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Open_the_report_from_the_header_and_narrow_it_to_one_department()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.GotoAsync("/");
        await page.GetByLabel("User name or email address", new() { Exact = true }).FillAsync(CadreWebFixture.Users.Workforce);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(CadreWebFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Head of service", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Head of service report", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("table-summary")).ToContainTextAsync("Funded establishment (WTE)");
        // Chart.js has drawn the band chart (it sizes the canvas), and its table is there for anyone who cannot see it.
        var chart = page.GetByTestId("table-INTEL-MIX-01").Locator("canvas");
        await Assertions.Expect(chart).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("width"));
        await Assertions.Expect(page.GetByTestId("table-INTEL-MIX-01").Locator("table")).ToContainTextAsync("Band 8c");
        await browser.ShotAsync(page, "reports-01-head-of-service");

        await page.GetByLabel("Department", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Radiotherapy Physics" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-covers")).ToContainTextAsync("Radiotherapy Physics, Northmoor");
        await Assertions.Expect(page.GetByTestId("table-INTEL-EST-08").Locator("tbody tr")).ToHaveCountAsync(1);
        await browser.ShotAsync(page, "reports-02-one-department");
        Assert.Empty(errors);
    }
}
