using Cadre.Core.JobEvaluation;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.JobEvaluation;

/// <summary>Evaluate a job in Chromium: choose levels, watch the running total and band change, record the outcome.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JeEvaluateJourneyTests(BrowserFixture browser)
{
    private static readonly string[] Levels = ["3a", "2", "2", "2", "2", "2", "1", "2a", "1", "1", "2", "1", "1", "1", "1", "1"];

    private static JobScore Score(string[] levels) => JeReference.Default.Scorer.Score(Job.Parse("", levels, JeReference.Default.Plan));

    private static async Task ChooseAsync(IPage page, int factor, string level)
    {
        var number = new string(level.TakeWhile(char.IsDigit).ToArray());
        await page.Locator($"label[for='level-{factor}-{number}']").ClickAsync();
        foreach (var letter in level.SkipWhile(char.IsDigit))
            await page.Locator($"label[for='letter-{factor}-{number}{letter}']").ClickAsync();
    }

    [Fact]
    public async Task Choose_levels_see_the_live_total_and_band_change_and_record_the_outcome()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.GotoAsync("/");
        await page.GetByLabel("User name or email address", new() { Exact = true }).FillAsync(CadreWebFixture.Users.Panel);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(CadreWebFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Job evaluation", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("profile-row")).ToHaveCountAsync(17);
        await Assertions.Expect(page.GetByTestId("profile-warning").First).ToBeVisibleAsync();
        await browser.ShotAsync(page, "je-00-library");
        await page.GetByRole(AriaRole.Link, new() { Name = "Clinical Coding Service Manager", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("profile-warnings")).ToContainTextAsync("481");
        await browser.ShotAsync(page, "je-00-profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluate a job", Exact = true }).First.ClickAsync();
        var total = page.GetByTestId("je-total");
        var band = page.GetByTestId("je-band");
        await Assertions.Expect(total).ToHaveTextAsync("0");

        // One factor chosen: its points, and the bands still possible.
        var plan = JeReference.Default.Plan;
        await ChooseAsync(page, 1, "3a");
        await Assertions.Expect(total).ToHaveTextAsync(plan[1].PointsFor(3).ToString());
        await Assertions.Expect(band).ToContainTextAsync("still possible");
        await Assertions.Expect(page.GetByTestId("je-decided")).ToHaveTextAsync("1");

        for (var f = 2; f <= 16; f++) await ChooseAsync(page, f, Levels[f - 1]);
        var expected = Score(Levels);
        await Assertions.Expect(total).ToHaveTextAsync(expected.Total.ToString());
        await Assertions.Expect(band).ToHaveTextAsync(expected.BandName);
        await browser.ShotAsync(page, "je-01-evaluate", fullPage: false);

        // Raise two factors: the total and band follow at once, without a round trip.
        var raised = Levels.ToArray();
        raised[1] = "6"; raised[2] = "5";
        await ChooseAsync(page, 2, "6");
        await ChooseAsync(page, 3, "5");
        Assert.NotEqual(expected.BandName, Score(raised).BandName);
        await Assertions.Expect(total).ToHaveTextAsync(Score(raised).Total.ToString());
        await Assertions.Expect(band).ToHaveTextAsync(Score(raised).BandName);

        // Evidence, the panel and the job information; then record it.
        for (var f = 1; f <= 16; f++) await page.Locator($"#rationale-{f}").FillAsync($"Evidence from the job description for factor {f}");
        await page.Locator("#title").FillAsync("Healthcare Science Practitioner (browser test)");
        string[] names = ["Alice Manager", "Carol Staff", "Bob Manager", "Dan Staff"];
        for (var i = 0; i < names.Length; i++) await page.Locator($"#member-{i}-name").FillAsync(names[i]);
        await page.Locator("#adviser-0-name").FillAsync("Eve Adviser");
        await page.Locator("#adviser-1-name").FillAsync("Finn Adviser");
        await page.Locator("#doc-0-version").FillAsync("v3");
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForLoadStateAsync();
        if (await page.GetByTestId("error-summary").CountAsync() > 0) Assert.Fail(await page.GetByTestId("error-summary").InnerTextAsync());

        await Assertions.Expect(page.GetByTestId("saved-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("outcome-total")).ToHaveTextAsync(Score(raised).Total.ToString());
        await Assertions.Expect(page.GetByTestId("outcome-band")).ToHaveTextAsync(Score(raised).BandName);
        await Assertions.Expect(page.GetByTestId("panel-members")).ToContainTextAsync("Alice Manager");
        await browser.ShotAsync(page, "je-02-outcome");
        Assert.Empty(errors);
    }
}
