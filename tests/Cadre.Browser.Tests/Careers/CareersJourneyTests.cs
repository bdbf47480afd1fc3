using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Careers;

/// <summary>The careers framework and route finder in a real browser, as a Viewer (no people's details anywhere).</summary>
[Collection(BrowserCollection.Name)]
public sealed class CareersJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_viewer_reads_the_framework_and_finds_the_routes_from_clinical_scientist_to_consultant()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.GotoAsync("/");
        await page.GetByLabel("User name or email address", new() { Exact = true }).FillAsync(CadreWebFixture.Users.Viewer);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(CadreWebFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Careers", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("equivalence-routes")).ToContainTextAsync("CAREER-EQUIV-HSSE");
        await Assertions.Expect(page.GetByTestId("pipeline-link")).ToHaveCountAsync(0);
        await browser.ShotAsync(page, "50-careers-framework");

        await page.GetByTestId("route-finder-link").ClickAsync();
        await page.GetByLabel("HCPC Clinical Scientist registration").CheckAsync();
        await page.GetByLabel("I want to reach").SelectOptionAsync(new SelectOptionValue { Value = "Consultant" });
        await page.GetByTestId("find-routes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("route")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("route").First).ToContainTextAsync("CAREER-ROUTE-HSST");
        await Assertions.Expect(page.GetByTestId("route-note")).ToContainTextAsync("CAREER-CONS-01");
        await page.GetByTestId("routes-heading").ScrollIntoViewIfNeededAsync();
        await browser.ShotAsync(page, "51-careers-routes", fullPage: false);
        Assert.Empty(errors);
    }
}
