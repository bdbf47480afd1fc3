using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests;

/// <summary>The journey of the issue, in a real browser: sign in, add a post, import a bad file, fix it, see the history.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegisterJourneyTests(BrowserFixture browser)
{
    private Task SignInAsync(IPage page, string user) => browser.SignInAsync(page, user);

    [Fact]
    public async Task Sign_in_add_a_post_import_with_an_error_fix_it_and_see_the_change_history()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);

        await SignInAsync(page, CadreWebFixture.Users.Workforce);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Healthcare Science establishment" })).ToBeVisibleAsync();
        // Chart.js drew into the canvases (a drawn chart has a non-zero backing size set by Chart.js).
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('canvas[data-chart]')].every(c => c.width > 0 && window.Chart && Chart.getChart(c))");
        await browser.ShotAsync(page, "01-dashboard");

        // Add a post: first with a mistake, then corrected.
        await page.GetByRole(AriaRole.Link, new() { Name = "Posts", Exact = true }).First.ClickAsync();
        await browser.ShotAsync(page, "02-posts", fullPage: false);
        await page.GetByTestId("add-post").ClickAsync();
        await page.GetByLabel("Post number", new() { Exact = true }).FillAsync("BRW-001");
        await page.GetByLabel("Department", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Pay band", new() { Exact = true }).SelectOptionAsync("7");
        await page.GetByLabel("Funded WTE", new() { Exact = true }).FillAsync("1.5");
        await page.GetByTestId("save-post").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the post title");
        await Assertions.Expect(summary).ToContainTextAsync("WTE must be");
        await browser.ShotAsync(page, "03-post-errors");
        // The summary's links take the user to the field.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter the post title" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Post title", new() { Exact = true })).ToBeFocusedAsync();
        await page.GetByLabel("Post title", new() { Exact = true }).FillAsync("Clinical Scientist (Radiotherapy Physics)");
        await page.GetByLabel("Funded WTE", new() { Exact = true }).FillAsync("1.00");
        await page.GetByTestId("save-post").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-banner")).ToContainTextAsync("Post BRW-001 added");
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Post created");
        await browser.ShotAsync(page, "04-post-added");

        // Import a file with a mistake: refused whole, every problem listed.
        var file = Path.Combine(browser.Screenshots, "browser-import.csv");
        await File.WriteAllTextAsync(file, string.Join("\n",
            "Post Number,Title,Department,Pay Band,Funded WTE,Status",
            "BRW-001,Principal Clinical Scientist (Radiotherapy Physics),Radiotherapy Physics,8e,1.00,Funded",
            "BRW-002,Clinical Technologist,Radiotherapy Physics,5,two,Vacant"));
        await Shared.HeaderNavigation.FollowAsync(page, "Import");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.GetByTestId("import-button").ClickAsync();
        summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Row 2, column 'Pay Band': '8e'");
        await Assertions.Expect(summary).ToContainTextAsync("Row 3, column 'Funded WTE': 'two'");
        await Assertions.Expect(page.GetByTestId("import-problems").Locator("tbody tr")).ToHaveCountAsync(2);
        await browser.ShotAsync(page, "05-import-errors");

        // Fix the file and import again.
        await File.WriteAllTextAsync(file, string.Join("\n",
            "Post Number,Title,Department,Pay Band,Funded WTE,Status",
            "BRW-001,Principal Clinical Scientist (Radiotherapy Physics),Radiotherapy Physics,8a,1.00,Funded",
            "BRW-002,Clinical Technologist,Radiotherapy Physics,5,0.80,Vacant"));
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.GetByTestId("import-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("Imported 2 rows");
        await browser.ShotAsync(page, "06-import-done");

        // The change shows in the post's history: band 7 became 8a, by this user.
        await page.GotoAsync("/posts?q=BRW-001");
        await page.GetByRole(AriaRole.Link, new() { Name = "BRW-001" }).ClickAsync();
        var history = page.GetByTestId("history");
        await Assertions.Expect(history).ToContainTextAsync("Post updated");
        await Assertions.Expect(history.Locator("del", new() { HasTextString = "7" }).First).ToBeVisibleAsync();
        await Assertions.Expect(history.Locator("ins", new() { HasTextString = "8a" }).First).ToBeVisibleAsync();
        await Assertions.Expect(history).ToContainTextAsync("Wendy Workforce");
        await Assertions.Expect(page.GetByTestId("post-summary")).ToContainTextAsync("Principal Clinical Scientist");
        await browser.ShotAsync(page, "07-post-history");

        // From the post to its department (theme, lead, accreditation), and to a person's record.
        await page.GetByTestId("post-summary").GetByRole(AriaRole.Link, new() { Name = "Radiotherapy Physics" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Service accreditation" })).ToBeVisibleAsync();
        await browser.ShotAsync(page, "08-department");
        await page.GotoAsync("/people");
        await page.GetByTestId("people-table").Locator("tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrations" })).ToBeVisibleAsync();
        await browser.ShotAsync(page, "09-person");

        // Add a new starter into the imported vacancy: first with a mistake, then corrected; then their registration.
        await page.GotoAsync("/people");
        await page.GetByTestId("add-person").ClickAsync();
        await page.GetByLabel("Staff number", new() { Exact = true }).FillAsync("BRW-STAFF-1");
        await page.GetByLabel("Given name", new() { Exact = true }).FillAsync("Tomasz");
        await page.GetByLabel("Post number", new() { Exact = true }).FillAsync("BRW-002");
        await page.GetByLabel("WTE in this post", new() { Exact = true }).FillAsync("1.5");
        await page.GetByTestId("save-person").ClickAsync();
        summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the family name");
        await Assertions.Expect(summary).ToContainTextAsync("WTE must be more than 0 up to 1.00");
        await browser.ShotAsync(page, "11-person-errors");
        await page.GetByLabel("Family name", new() { Exact = true }).FillAsync("Nowak");
        await page.GetByLabel("WTE in this post", new() { Exact = true }).FillAsync("0.80");
        await page.GetByTestId("save-person").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-banner")).ToContainTextAsync("Tomasz Nowak added");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "BRW-002 Clinical Technologist" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a registration" }).ClickAsync();
        await page.GetByLabel("Register", new() { Exact = true }).SelectOptionAsync("Ahcs");
        await page.GetByLabel("Registration number", new() { Exact = true }).FillAsync("AHCS-40211");
        await page.GetByTestId("save-record").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-banner")).ToContainTextAsync("Registration added");
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Assignment created");
        await browser.ShotAsync(page, "12-person-added");
        // The post now names its holder.
        await page.GetByRole(AriaRole.Link, new() { Name = "BRW-002 Clinical Technologist" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tomasz Nowak" })).ToBeVisibleAsync();

        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_administrator_records_accreditation_and_adds_a_user()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await SignInAsync(page, CadreWebFixture.Users.Admin);

        // Services: add an accreditation due for reassessment soon, and see it flagged.
        await page.GetByRole(AriaRole.Link, new() { Name = "Services", Exact = true }).First.ClickAsync();
        await page.GetByTestId("departments-table").GetByRole(AriaRole.Link, new() { Name = "Nuclear Medicine" }).ClickAsync();
        await page.GetByTestId("add-accreditation").ClickAsync();
        await page.GetByLabel("Scheme", new() { Exact = true }).FillAsync("UKAS MPACE");
        await page.GetByLabel("Standard", new() { Exact = true }).FillAsync("BS 70000");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Accredited");
        await page.GetByTestId("save-accreditation").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("An accredited service needs the date accreditation was awarded");
        var today = DateTime.UtcNow;
        await page.GetByLabel("Date awarded (needed once accredited)", new() { Exact = true }).FillAsync(today.AddYears(-3).ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Expiry date (optional)", new() { Exact = true }).FillAsync(today.AddDays(75).ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("save-accreditation").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-banner")).ToContainTextAsync("Accreditation UKAS MPACE added");
        await Assertions.Expect(page.GetByTestId("accreditations")).ToContainTextAsync("Expires soon");
        await browser.ShotAsync(page, "13-accreditation");

        // Users: add a viewer; the one-time password is shown once.
        await Shared.HeaderNavigation.FollowAsync(page, "Users");
        await page.GetByTestId("add-user").ClickAsync();
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync("board.viewer@a.test");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Bo Board");
        await page.GetByTestId("save-user").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Select at least one role");
        await page.GetByLabel("Viewer", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("save-user").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-created")).ToContainTextAsync("Bo Board can now sign in");
        await Assertions.Expect(page.GetByTestId("generated-password")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Za-z0-9]{12,}$"));
        await browser.ShotAsync(page, "14-user-added");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_viewer_sees_posts_but_no_people()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await SignInAsync(page, CadreWebFixture.Users.Viewer);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).ToHaveCountAsync(0);
        // The demo's head of department post is held by someone: the viewer sees that it is filled, not by whom.
        await page.GotoAsync("/posts?q=MP00001");
        await page.GetByRole(AriaRole.Link, new() { Name = "MP00001" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("holders-summary")).ToContainTextAsync("1 current post holder");
        await Assertions.Expect(page.GetByTestId("holders")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a[href^='/people/']")).ToHaveCountAsync(0);
        await browser.ShotAsync(page, "10-viewer-post");
        await page.GotoAsync("/people");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this page" })).ToBeVisibleAsync();
        // The refusal is answered 403 by design (main: role refusals answer 403), which Chromium reports as a failed load.
        errors.RemoveAll(e => e == "Failed to load resource: the server responded with a status of 403 (Forbidden)");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
