using Cadre.Data.JobEvaluation;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Shared;

/// <summary>
/// A file larger than its page takes is refused in the browser before it is sent, the NHS.UK way (message above the
/// field, group in error), and nothing is stored; choosing a smaller file clears the message.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UploadLimitTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_file_over_the_library_uploads_limit_is_refused_before_it_is_sent()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.GotoAsync("/");
        await page.GetByLabel("User name or email address", new() { Exact = true }).FillAsync(CadreWebFixture.Users.Library);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(CadreWebFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"));
        await page.GotoAsync("/job-evaluation/import");
        await Assertions.Expect(page.Locator("#File-hint")).ToHaveTextAsync("A text file of up to 20 MB.");

        int held;
        await using (var db = browser.App.SystemContext()) held = await db.Set<JeProfile>().CountAsync();
        var posts = 0;
        page.Request += (_, r) => { if (r.Method == "POST") posts++; };
        // A file on disk, which Chromium reads itself (a buffer would be copied through the driver's pipe).
        var tooLarge = Path.Combine(Path.GetTempPath(), $"cadre-suite-{Guid.NewGuid():N}.txt");
        await using (var file = File.Create(tooLarge)) file.SetLength(21 * 1024 * 1024);
        try { await page.Locator("#File").SetInputFilesAsync(tooLarge); }
        finally { File.Delete(tooLarge); }
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.Locator("#File-size-error")).ToHaveTextAsync("The selected file must be smaller than 20 MB");
        await Assertions.Expect(page.Locator(".nhsuk-form-group--error #File")).ToHaveCountAsync(1);
        Assert.EndsWith("/job-evaluation/import", page.Url);
        Assert.Equal(0, posts);
        await using (var db = browser.App.SystemContext()) Assert.Equal(held, await db.Set<JeProfile>().CountAsync());

        await page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "small.txt", MimeType = "text/plain", Buffer = "x"u8.ToArray() });
        await Assertions.Expect(page.Locator("#File-size-error")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }
}
