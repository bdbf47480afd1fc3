using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Account;

/// <summary>
/// "Sign in with …" in Chromium against a real OpenID Connect provider started on loopback for the test: an
/// administrator sets it up on the page; a member of staff signs in at the provider and arrives signed in; an unknown
/// email, a user of another organisation and a tampered answer are each refused in words.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganisationSignInBrowserTests(BrowserFixture browser)
{
    private const string Name = "Loopback Care Identity";

    [Fact]
    public async Task Staff_sign_in_through_their_organisations_provider_and_others_are_refused()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(browser.App.BaseAddress);
        try
        {
            var errors = new List<string>();
            var admin = await browser.NewPageAsync(errors);
            await browser.SignInAsync(admin, CadreWebFixture.Users.Admin);
            await admin.GotoAsync("/users");
            await admin.GetByRole(AriaRole.Link, new() { Name = "How staff sign in" }).ClickAsync();
            await admin.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Set up") }).First.ClickAsync();
            // Saved without a secret first: the error summary names the field.
            await admin.GetByLabel("Name on the button").FillAsync(Name);
            await admin.GetByLabel("Issuer").FillAsync(idp.Issuer.ToString());
            await admin.GetByLabel("Client ID").FillAsync(LoopbackIdentityProvider.ClientId);
            await admin.GetByLabel("Turned on").CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save sign-in settings" }).ClickAsync();
            Assert.Contains("Enter the client secret the identity provider gave Cadre", await admin.Locator(".nhsuk-error-summary").InnerTextAsync());
            await admin.GetByLabel("Client secret").FillAsync(LoopbackIdentityProvider.ClientSecret);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save sign-in settings" }).ClickAsync();
            Assert.Contains($"can now choose “Sign in with {Name}”", await admin.GetByTestId("notice").InnerTextAsync());
            Assert.Contains("A client secret is set", await admin.GetByTestId("secret-status").InnerTextAsync());
            await browser.ShotAsync(admin, "organisation-sign-in-settings");
            Assert.Empty(errors);

            // A member of staff of that organisation.
            var staff = await browser.NewPageAsync(errors);
            await SignInAtProviderAsync(staff, CadreWebFixture.Users.Workforce);
            await staff.WaitForURLAsync(url => !url.Contains("/sign-in") && url.StartsWith(browser.App.BaseAddress.ToString()));
            await staff.GotoAsync("/people");
            Assert.Equal("People", (await staff.Locator("h1").InnerTextAsync()).Trim());
            Assert.Contains("Wendy Workforce", await staff.Locator("header").InnerTextAsync());
            await browser.ShotAsync(staff, "organisation-sign-in-signed-in");

            Assert.Contains("There is no Cadre account for nobody@a.test", await RefusalAsync("nobody@a.test"));
            Assert.Contains($"{Name} signs in staff of", await RefusalAsync(CadreWebFixture.Users.OtherTrust));

            // The provider's answer altered on its way back: Cadre ignores it.
            var tampered = await browser.NewPageAsync(errors);
            // (Playwright does not route a redirect's next request, so the provider's redirect itself is rewritten.)
            await tampered.RouteAsync(new System.Text.RegularExpressions.Regex("/connect/authorize$"), async route =>
            {
                if (route.Request.Method != "POST") { await route.ContinueAsync(); return; }
                var answer = await route.FetchAsync(new() { MaxRedirects = 0 });
                var location = System.Text.RegularExpressions.Regex.Replace(answer.Headers["location"], "state=[^&]+", "state=altered");
                await route.FulfillAsync(new() { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = location } });
            });
            await SignInAtProviderAsync(tampered, CadreWebFixture.Users.Workforce);
            await tampered.GetByTestId("sign-in-refused").WaitForAsync();
            Assert.Contains("did not match the sign-in this browser started", await tampered.GetByTestId("sign-in-refused").InnerTextAsync());
            await tampered.GotoAsync("/posts");
            Assert.Contains("/sign-in", tampered.Url);
            // A refusal answers 403 on purpose, which Chromium reports as a failed load; nothing else may fail.
            var unexpected = errors.Where(e => !e.Contains("status of 403")).ToList();
            Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        }
        finally
        {
            // Other tests share this app: leave its sign-in page as it was.
            await using var db = browser.App.SystemContext();
            await db.OrganisationSignIns.ExecuteDeleteAsync();
        }
    }

    private async Task<string> RefusalAsync(string email)
    {
        var page = await browser.NewPageAsync([]);
        await SignInAtProviderAsync(page, email);
        await page.GetByTestId("sign-in-refused").WaitForAsync();
        var words = await page.GetByTestId("sign-in-refused").InnerTextAsync();
        await page.GotoAsync("/posts");
        Assert.Contains("/sign-in", page.Url);
        return words;
    }

    /// <summary>From Cadre's sign-in page to the provider's, where the person types who they are.</summary>
    private static async Task SignInAtProviderAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {Name}" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in at the provider" }).ClickAsync();
    }
}
