using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests;

/// <summary>
/// The real app in-process plus Debian's Chromium driven headless by Playwright (never a downloaded browser). Screenshots
/// of each step go to CADRE_SCREENSHOTS (default: a temp folder) so a person can look at the pages.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public CadreWebFixture App { get; } = new();
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string Screenshots { get; } = Environment.GetEnvironmentVariable("CADRE_SCREENSHOTS") is { Length: > 0 } dir
        ? dir : Path.Combine(Path.GetTempPath(), "cadre-screenshots");

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Directory.CreateDirectory(Screenshots);
        var chromium = Environment.GetEnvironmentVariable("CADRE_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: run ./test (it installs Debian's chromium) or set CADRE_TEST_CHROMIUM.");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task<IPage> NewPageAsync(List<string> consoleErrors)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // The NHS.UK stylesheet names a web font on the NHS CDN; the Content-Security-Policy blocks it on purpose.
            if (message.Type == "error" && !message.Text.Contains("font", StringComparison.OrdinalIgnoreCase)) consoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
        return page;
    }

    /// <summary>
    /// Signs in through the form as a person would, typing the code from the authenticator app when asked (an
    /// administrator's, set up by the app fixture: <see cref="CadreWebFixture.CurrentCode"/>).
    /// </summary>
    public async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("User name or email address", new() { Exact = true }).FillAsync(user);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(CadreWebFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/sign-in", StringComparison.Ordinal) && !url.Contains("/sign-in?"));
        if (page.Url.Contains("/sign-in/code"))
        {
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(App.CurrentCode(user));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/sign-in"));
        }
    }

    public Task ShotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = fullPage });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Cadre in Chromium";
}
