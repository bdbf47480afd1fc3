using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Shared;

/// <summary>Follows a header link the way a person would: straight from the header, or from "More" when it did not fit.</summary>
public static class HeaderNavigation
{
    public static async Task FollowAsync(IPage page, string name)
    {
        // The header's script (a module, so it runs before DOMContentLoaded) decides which links go into "More".
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var navigation = page.Locator(".nhsuk-header__navigation");
        var inMenu = navigation.Locator(".nhsuk-header__menu-list").GetByRole(AriaRole.Link, new() { Name = name, Exact = true, IncludeHidden = true });
        if (await inMenu.CountAsync() > 0)
        {
            var toggle = navigation.Locator(".nhsuk-header__menu-toggle");
            if (await toggle.GetAttributeAsync("aria-expanded") != "true") await toggle.ClickAsync();
            await inMenu.ClickAsync();
        }
        else
        {
            await navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        }
    }
}
