using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Planning;

/// <summary>
/// Workforce planning in a real browser: create a scenario from the register, see the supply-and-demand chart drawn
/// by Chart.js (with the shaded p10 to p90 band) and the table of the same figures, then change an assumption and run again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanningJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Create_a_scenario_see_the_chart_and_table_then_change_an_assumption()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.GotoAsync("/");
        await page.GetByLabel("User name or email address", new() { Exact = true }).FillAsync(CadreWebFixture.Users.Workforce);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(CadreWebFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Planning", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workforce planning", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Name of the scenario").FillAsync("Browser: the whole trust");
        await page.GetByLabel("Plan for").SelectOptionAsync(new SelectOptionValue { Label = "The whole organisation" });
        await page.GetByTestId("create-scenario").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/planning/[0-9a-f-]{36}$"));

        await Assertions.Expect(page.GetByTestId("scenario-name")).ToHaveTextAsync("Browser: the whole trust");
        var chart = page.GetByTestId("chart-total");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        // Chart.js drew it: five lines, the 90th percentile filled down to the 10th (the band) with one legend item for
        // the band, supply with the year-by-year commissions, and both axes titled.
        var drawn = await page.EvaluateAsync<string>("() => { const c = Chart.getChart(document.querySelector('[data-testid=chart-total]')); return c ? c.data.datasets.length + ':' + c.data.datasets[1].fill + ':' + c.data.labels.length : 'none' }");
        Assert.Equal("5:-1:11", drawn);
        var legend = await page.EvaluateAsync<string[]>("() => Chart.getChart(document.querySelector('[data-testid=chart-total]')).legend.legendItems.map(i => i.text)");
        Assert.Equal(["Supply, p10 to p90 (shaded)", "Supply (median of the runs)", "Supply with the year-by-year commissions", "Demand (funded establishment)"], legend);
        var axes = await page.EvaluateAsync<string>("() => { const s = Chart.getChart(document.querySelector('[data-testid=chart-total]')).options.scales; return s.x.title.text + '|' + s.y.title.text }");
        Assert.Equal("Year|Whole-time equivalent (WTE)", axes);
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Height: > 200, Width: > 400 }, $"chart {box?.Width}x{box?.Height}");
        var table = page.GetByTestId("table-total");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(11);
        await Assertions.Expect(page.GetByTestId("commissions").Locator("tbody tr")).ToHaveCountAsync(3);
        var before = await table.Locator("tbody tr").Last.Locator("td").Nth(2).InnerTextAsync();
        await browser.ShotAsync(page, "40-planning-scenario");
        await page.GetByTestId("commissions").ScrollIntoViewIfNeededAsync();
        await browser.ShotAsync(page, "40b-planning-chart", fullPage: false);
        await chart.ScreenshotAsync(new() { Path = Path.Combine(browser.Screenshots, "40c-planning-band.png") });


        // The tornado: a horizontal bar for each row of the sensitivity table, at the low and the high end.
        var tornado = page.GetByTestId("chart-tornado");
        await tornado.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(tornado).ToBeVisibleAsync();
        var rows = await page.GetByTestId("sensitivity").Locator("tbody tr").CountAsync();
        Assert.True(rows >= 4, $"{rows} sensitivity rows");
        var bars = await page.EvaluateAsync<string>("() => { const c = Chart.getChart(document.querySelector('[data-testid=chart-tornado]')); return c ? c.options.indexAxis + ':' + c.data.datasets.length + ':' + c.data.labels.length : 'none' }");
        Assert.Equal($"y:2:{rows}", bars);
        var tornadoBox = await tornado.BoundingBoxAsync();
        Assert.True(tornadoBox is { Height: > 200, Width: > 400 }, $"tornado {tornadoBox?.Width}x{tornadoBox?.Height}");
        await tornado.ScreenshotAsync(new() { Path = Path.Combine(browser.Screenshots, "40e-planning-tornado.png") });

        await page.GetByTestId("edit-scenario").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edit-PLAN-WDR-STP")).ToContainTextAsync("Local input needed");
        await page.GetByTestId("edit-PLAN-WDR-STP").ScrollIntoViewIfNeededAsync();
        await browser.ShotAsync(page, "40d-planning-edit", fullPage: false);
        await page.Locator("#a-PLAN-LEAVERS-01-value").FillAsync("0.09");
        await page.Locator("#a-PLAN-LEAVERS-01-high").FillAsync("0.12");
        await page.GetByTestId("save-scenario").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-banner")).ToContainTextAsync("saved");
        var after = await page.GetByTestId("table-total").Locator("tbody tr").Last.Locator("td").Nth(2).InnerTextAsync();
        Assert.True(double.Parse(after, System.Globalization.CultureInfo.InvariantCulture) < double.Parse(before, System.Globalization.CultureInfo.InvariantCulture),
            $"more leavers, less supply: {before} then {after}");
        await browser.ShotAsync(page, "41-planning-after-edit");
        Assert.Empty(errors);
    }
}
