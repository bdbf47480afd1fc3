using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Shared;

/// <summary>
/// The NHS.UK header keeps its navigation on one line and moves the links that do not fit into its "More" menu. That
/// needs the header's script to run, which needs the nhsuk-frontend-supported class on the body (set from our own
/// origin, because the Content-Security-Policy refuses the template's inline script).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HeaderNavigationTests(BrowserFixture browser)
{
    private const string VisibleItemTops = """
        () => [...document.querySelectorAll('.nhsuk-header__navigation-list > li')]
          .filter(li => !li.hidden && li.offsetParent !== null)
          .map(li => li.offsetTop)
        """;

    private Task SignInAsync(IPage page, string user) => browser.SignInAsync(page, user);

    [Fact]
    public async Task An_administrators_header_is_one_line_at_desktop_width_and_More_reaches_Users_by_mouse_and_keyboard()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await SignInAsync(page, CadreWebFixture.Users.Admin);
        await Assertions.Expect(page.Locator("body.nhsuk-frontend-supported")).ToHaveCountAsync(1);

        var menu = page.Locator(".nhsuk-header__menu");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        var tops = await page.EvaluateAsync<int[]>(VisibleItemTops);
        Assert.True(tops.Length > 1, "the header shows some links");
        Assert.Single(tops.Distinct());
        await browser.ShotAsync(page, "header-1280", fullPage: false);

        // Mouse: More opens the list of the links that did not fit; Users is among them.
        var toggle = page.Locator(".nhsuk-header__menu-toggle");
        await Assertions.Expect(toggle).ToHaveAccessibleNameAsync("Browse More");
        var users = page.Locator(".nhsuk-header__menu-list").GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true, IncludeHidden = true });
        await Assertions.Expect(users).ToHaveCountAsync(1);
        await Assertions.Expect(users).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(users).ToBeVisibleAsync();
        await browser.ShotAsync(page, "header-more-open", fullPage: false);
        await users.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/users"));
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        // Keyboard: Enter opens the menu, Tab reaches its links, Escape closes it.
        toggle = page.Locator(".nhsuk-header__menu-toggle");
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        var menuLinks = page.Locator(".nhsuk-header__menu-list a");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(menuLinks.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.Locator(".nhsuk-header__menu-list")).ToBeHiddenAsync();

        // The current section is marked in the menu too.
        await toggle.ClickAsync();
        await Assertions.Expect(users).ToHaveAttributeAsync("aria-current", "page");

        // Narrower desktop, tablet and phone widths stay on one line as well.
        foreach (var width in new[] { 1024, 768, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.WaitForFunctionAsync($"() => new Set(({VisibleItemTops})()).size === 1");
        }
        Assert.Empty(errors);
    }
}
