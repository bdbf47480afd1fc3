using System.Text.RegularExpressions;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Coding;

/// <summary>
/// The coding review at a trust's size, as it shows in Chromium: the posts needing action first, 50 a page, a short
/// reason that opens to the whole one, the filters, and the miscoded share with its denominator beside it. Reads only,
/// so the demo register is left as the other journeys expect it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CodingReviewPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_review_shows_posts_needing_action_a_page_at_a_time_with_short_reasons_that_open_and_filters()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.GotoAsync("/");
        await page.GetByLabel("User name or email address", new() { Exact = true }).FillAsync(CadreWebFixture.Users.Workforce);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(CadreWebFixture.Password);
        // The first page after sign-in may be the app's first request on a busy machine: allow it time.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(new() { Timeout = 120_000 });
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"), new() { Timeout = 120_000 });

        await page.GotoAsync("/coding", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByLabel("Status")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#status option:checked")).ToHaveTextAsync("Needs action (recode or review)");
        var rows = page.GetByTestId("coding-row");
        Assert.InRange(await rows.CountAsync(), 1, 50);
        // Only posts needing action by default: no row is tagged Unchanged.
        await Assertions.Expect(page.GetByTestId("coding-table").GetByText("Unchanged", new() { Exact = true })).ToHaveCountAsync(0);
        // The share states its denominator beside it.
        await Assertions.Expect(page.GetByTestId("share-miscoded")).ToContainTextAsync("roles Cadre could propose a code for");

        // The short reason shows; the whole reason opens from it.
        var reason = page.GetByTestId("reason").First;
        await Assertions.Expect(reason.GetByTestId("short-reason")).ToBeVisibleAsync();
        await Assertions.Expect(reason.GetByTestId("full-reason")).ToBeHiddenAsync();
        await reason.GetByTestId("short-reason").ClickAsync();
        await Assertions.Expect(reason.GetByTestId("full-reason")).ToBeVisibleAsync();
        await Assertions.Expect(reason.GetByTestId("full-reason")).ToContainTextAsync("ESR-");
        await browser.ShotAsync(page, "23-coding-review-page", fullPage: false);

        // Filter by status and code: every row shown is a recode whose code starts U4 (recorded or proposed).
        await page.GetByLabel("Status").SelectOptionAsync("recode");
        await page.GetByLabel("Occupation code").FillAsync("u4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show posts" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("code=U4"));
        Assert.True(await rows.CountAsync() > 0);
        foreach (var row in await rows.AllAsync())
        {
            await Assertions.Expect(row).ToContainTextAsync("Recode");
            Assert.Matches("U4", await row.InnerTextAsync());
        }

        // All posts, a page at a time: the count says where the page sits, and the next page follows on.
        await page.GotoAsync("/coding?status=all");
        var shown = await page.GetByTestId("coding-shown").InnerTextAsync();
        var total = int.Parse(Regex.Match(shown, @"of ([\d,]+) posts").Groups[1].Value.Replace(",", ""));
        Assert.Equal(Math.Min(total, 50), await rows.CountAsync());
        if (total > 50)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("coding-shown")).ToContainTextAsync("Showing 51 to");
        }
        Assert.Empty(errors);
    }
}
