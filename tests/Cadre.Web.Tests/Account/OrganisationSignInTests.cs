using System.Net;
using System.Text.RegularExpressions;
using Cadre.Core.Register;
using Cadre.Data;
using Cadre.Data.Security;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Account;

/// <summary>
/// Signing in with an organisation's own identity provider, against a real OpenID Connect provider on loopback
/// (<see cref="LoopbackIdentityProvider"/>), over HTTP as a browser would. Each test makes its own organisation, so the
/// shared app's other organisations never offer a provider.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OrganisationSignInTests(CadreWebFixture app)
{
    private sealed record Trust(Guid Id, string Admin, string Staff, string Shared);

    /// <summary>A new organisation with an administrator, a member of staff, and a user it shares with ZZ1.</summary>
    private async Task<Trust> NewTrustAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var organisation = new Organisation { Name = $"Loopback Trust {tag}", OdsCode = "Z" + tag[..4].ToUpperInvariant() };
        await using (var db = app.SystemContext())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }
        var trust = new Trust(organisation.Id, $"admin-{tag}@lb.test", $"staff-{tag}@lb.test", $"shared-{tag}@lb.test");
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        await CadreDatabaseInitialiser.CreateUserAsync(users, trust.Admin, "Alex Admin", CadreWebFixture.Password, CadreRoles.Administrator, organisation.Id);
        await CadreDatabaseInitialiser.CreateUserAsync(users, trust.Staff, "Sam Staff", CadreWebFixture.Password, CadreRoles.WorkforceInformation, organisation.Id);
        var shared = await CadreDatabaseInitialiser.CreateUserAsync(users, trust.Shared, "Sid Shared", CadreWebFixture.Password, CadreRoles.Viewer, organisation.Id);
        await using (var db = app.SystemContext())
        {
            db.UserOrganisations.Add(new UserOrganisation { UserId = shared.Id, OrganisationId = app.DemoOrganisation });
            await db.SaveChangesAsync();
        }
        return trust;
    }

    private static Dictionary<string, string> ProviderForm(LoopbackIdentityProvider idp, string name = "Loopback ID", string? secret = LoopbackIdentityProvider.ClientSecret, bool enabled = true) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Issuer"] = idp.Issuer.ToString(),
        ["Input.ClientId"] = LoopbackIdentityProvider.ClientId,
        ["Input.ClientSecret"] = secret ?? "",
        ["Input.UserClaim"] = "email",
        ["Input.Enabled"] = enabled ? "true" : "false",
    };

    /// <summary>The organisation's administrator sets the provider up on the page; returns its id.</summary>
    private async Task<Guid> SetUpProviderAsync(Trust trust, LoopbackIdentityProvider idp)
    {
        using var admin = await app.ClientAsync(trust.Admin);
        var saved = await CadreWebFixture.PostFormAsync(admin, $"/organisations/{trust.Id}/sign-in", ProviderForm(idp));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = app.SystemContext();
        return await db.OrganisationSignIns.Where(p => p.OrganisationId == trust.Id).Select(p => p.Id).SingleAsync();
    }

    /// <summary>
    /// "Sign in with …" as a browser does it: Cadre sends the browser to the provider, the person types their email at the
    /// provider's page, and the provider sends the browser back to Cadre with a code. Returns Cadre's answer to that.
    /// </summary>
    private static async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient cadre, Guid provider, string email,
        bool secondFactor = false, Func<string, string>? tamper = null)
    {
        var back = await ProviderAnswerAsync(cadre, provider, email, secondFactor);
        return await cadre.GetAsync(tamper is null ? back : tamper(back));
    }

    /// <summary>The address the provider sends the browser back to (code and state), not yet followed.</summary>
    private static async Task<string> ProviderAnswerAsync(HttpClient cadre, Guid provider, string email, bool secondFactor = false)
    {
        var start = await cadre.GetAsync($"/sign-in/with/{provider}");
        Assert.True(start.StatusCode == HttpStatusCode.Redirect, $"Cadre answered {(int)start.StatusCode}: {Regex.Match(await start.Content.ReadAsStringAsync(), "<p>(Cadre could not.*?)</p>").Groups[1].Value}");
        var authorize = start.Headers.Location!;
        Assert.Contains("code_challenge_method=S256", authorize.Query);
        using var browserAtProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var shown = await browserAtProvider.GetAsync(authorize);
        var page = await shown.Content.ReadAsStringAsync();
        Assert.True(shown.StatusCode == HttpStatusCode.OK, $"The provider answered {(int)shown.StatusCode} {shown.Headers.Location}: {page}");
        var form = Regex.Matches(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["email"] = email;
        form["signin"] = "yes";
        if (secondFactor) form["mfa"] = "yes";
        var answer = await browserAtProvider.PostAsync(new Uri(authorize, "/connect/authorize"), new FormUrlEncodedContent(form));
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"The provider answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        var back = answer.Headers.Location!.ToString();
        Assert.StartsWith(new Uri(cadre.BaseAddress!, "/sign-in/return").ToString(), back);
        return back;
    }

    private async Task<HttpClient> AnonymousAsync() => await app.ClientAsync();

    [Fact]
    public async Task A_user_of_the_organisation_signs_in_through_its_provider_and_is_linked_once()
    {
        var trust = await NewTrustAsync();
        await using var idp = await LoopbackIdentityProvider.StartAsync(app.BaseAddress);
        var provider = await SetUpProviderAsync(trust, idp);

        using var browser = await AnonymousAsync();
        var signInPage = await (await browser.GetAsync("/sign-in")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/sign-in/with/{provider}\"", signInPage);
        Assert.Contains("Sign in with Loopback ID", signInPage);

        var answer = await SignInThroughProviderAsync(browser, provider, trust.Staff.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", answer.Headers.Location!.OriginalString);
        var home = await browser.GetAsync("/people");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Sam Staff", await home.Content.ReadAsStringAsync());

        await using (var db = app.SystemContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == trust.Staff);
            var link = await db.UserLogins.SingleAsync(l => l.UserId == user.Id);
            Assert.Equal(OrganisationSignIn.LoginProviderOf(provider), link.LoginProvider);
            Assert.Equal(LoopbackIdentityProvider.Subject(trust.Staff), link.ProviderKey);
            var signedIn = await db.AuditEntries.Where(e => e.Action == AuditAction.SignedIn && e.EntityId == user.Id).ToListAsync();
            var entry = Assert.Single(signedIn);
            Assert.Equal(trust.Id, entry.OrganisationId);
            Assert.Contains("Sign in with Loopback ID", entry.After);
        }

        // The second time the link is used: still one link, and a second sign-in in the trail.
        using var again = await AnonymousAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInThroughProviderAsync(again, provider, trust.Staff)).StatusCode);
        await using (var db = app.SystemContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == trust.Staff);
            Assert.Single(await db.UserLogins.Where(l => l.UserId == user.Id).ToListAsync());
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditAction.SignedIn && e.EntityId == user.Id));
        }
    }

    [Fact]
    public async Task Unknown_emails_other_organisations_users_shared_users_and_locked_accounts_are_refused_in_words()
    {
        var trust = await NewTrustAsync();
        await using var idp = await LoopbackIdentityProvider.StartAsync(app.BaseAddress);
        var provider = await SetUpProviderAsync(trust, idp);

        async Task<string> RefusedAsync(string email)
        {
            using var browser = await AnonymousAsync();
            var answer = await SignInThroughProviderAsync(browser, provider, email);
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            var html = await answer.Content.ReadAsStringAsync();
            Assert.Contains("You are not signed in", html);
            // Nothing signed in: a page that needs a user still sends the browser to sign in.
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/posts")).StatusCode);
            return WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"sign-in-refused\">.*?<p>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);
        }

        Assert.Equal("There is no Cadre account for nobody@lb.test. Cadre does not create accounts when people sign in: ask your Cadre administrator to add you, then sign in again.",
            await RefusedAsync("nobody@lb.test"));
        // A user of another organisation only (ZZ2), asserted by this organisation's provider.
        Assert.StartsWith("Loopback ID signs in staff of Loopback Trust", await RefusedAsync(CadreWebFixture.Users.OtherTrust));
        // A user of this organisation and ZZ1: this organisation's administrators cannot vouch for access to ZZ1.
        Assert.StartsWith("Your Cadre account gives access to more than one organisation", await RefusedAsync(trust.Shared));

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            var staff = await users.FindByEmailAsync(trust.Staff);
            await users.SetLockoutEndDateAsync(staff!, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        Assert.Equal("Too many sign-in attempts. Try again in 15 minutes.", await RefusedAsync(trust.Staff));

        await using var db = app.SystemContext();
        var refusals = await db.AuditEntries.Where(e => e.Action == AuditAction.SignInFailed && e.OrganisationId == trust.Id).Select(e => e.After).ToListAsync();
        Assert.Contains(refusals, r => r!.Contains("no such account") && r.Contains("nobody"));
        Assert.Contains(refusals, r => r!.Contains("not a user of the provider"));
        Assert.Contains(refusals, r => r!.Contains("the account belongs to other organisations too"));
        Assert.Contains(refusals, r => r!.Contains("too many attempts"));
        Assert.Empty(await db.UserLogins.Where(l => l.LoginProvider == OrganisationSignIn.LoginProviderOf(provider)).ToListAsync());
    }

    [Fact]
    public async Task A_tampered_state_or_a_return_without_a_started_sign_in_is_refused()
    {
        var trust = await NewTrustAsync();
        await using var idp = await LoopbackIdentityProvider.StartAsync(app.BaseAddress);
        var provider = await SetUpProviderAsync(trust, idp);

        using var browser = await AnonymousAsync();
        var answer = await SignInThroughProviderAsync(browser, provider, trust.Staff, tamper: url => Regex.Replace(url, "state=[^&]+", "state=forged"));
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("did not match the sign-in this browser started", WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/posts")).StatusCode);

        // The provider's answer replayed in a browser that never started a sign-in (no state cookie) signs nobody in.
        using var other = await AnonymousAsync();
        var stolen = await ProviderAnswerAsync(await AnonymousAsync(), provider, trust.Staff);
        var replayed = await other.GetAsync(stolen);
        Assert.Equal(HttpStatusCode.Forbidden, replayed.StatusCode);
        Assert.Contains("not started in this browser", WebUtility.HtmlDecode(await replayed.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/posts")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_is_asked_for_Cadres_code_unless_the_provider_checked_a_second_factor()
    {
        var trust = await NewTrustAsync();
        await using var idp = await LoopbackIdentityProvider.StartAsync(app.BaseAddress);
        var provider = await SetUpProviderAsync(trust, idp); // the administrator set up their Cadre second factor here

        using var withoutFactor = await AnonymousAsync();
        var answer = await SignInThroughProviderAsync(withoutFactor, provider, trust.Admin);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/sign-in/code", answer.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await withoutFactor.GetAsync("/users")).StatusCode);
        var code = await CadreWebFixture.PostFormAsync(withoutFactor, answer.Headers.Location!.OriginalString, new() { ["Input.Code"] = app.CurrentCode(trust.Admin) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withoutFactor.GetAsync("/users")).StatusCode);

        using var withFactor = await AnonymousAsync();
        answer = await SignInThroughProviderAsync(withFactor, provider, trust.Admin, secondFactor: true);
        Assert.Equal("/", answer.Headers.Location!.OriginalString);
        // The provider's factor holds for the session, request after request (the stamp check rebuilds the claims).
        Assert.Equal(HttpStatusCode.OK, (await withFactor.GetAsync("/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withFactor.GetAsync("/tokens")).StatusCode);
    }

    [Fact]
    public async Task Only_the_organisations_administrators_reach_its_settings_and_the_secret_is_never_shown()
    {
        var trust = await NewTrustAsync();
        await using var idp = await LoopbackIdentityProvider.StartAsync(app.BaseAddress);
        var page = $"/organisations/{trust.Id}/sign-in";

        foreach (var role in new[] { CadreWebFixture.Users.Viewer, CadreWebFixture.Users.Workforce, CadreWebFixture.Users.Lead })
        {
            using var client = await app.ClientAsync(role);
            await CadreWebFixture.AssertRoleRefusedAsync(await client.GetAsync("/organisations/sign-in"));
            await CadreWebFixture.AssertRoleRefusedAsync(await client.GetAsync(page));
        }
        using (var staff = await app.ClientAsync(trust.Staff))
            await CadreWebFixture.AssertRoleRefusedAsync(await staff.GetAsync(page));
        // Another organisation's administrator: the page of an organisation they do not run is refused, read or posted.
        using (var otherAdmin = await app.ClientAsync(CadreWebFixture.Users.Admin))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync(page)).StatusCode);
            var list = await (await otherAdmin.GetAsync("/organisations/sign-in")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(trust.Id.ToString(), list);
            var ownPage = await otherAdmin.GetAsync($"/organisations/{app.DemoOrganisation}/sign-in");
            var token = CadreWebFixture.AntiForgeryToken(await ownPage.Content.ReadAsStringAsync())!;
            var forged = await otherAdmin.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>(ProviderForm(idp)) { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/organisations/{Guid.NewGuid()}/sign-in")).StatusCode);
        }

        using var admin = await app.ClientAsync(trust.Admin);
        // Without the anti-forgery token the post is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync(page, new FormUrlEncodedContent(ProviderForm(idp)))).StatusCode);

        var invalid = await CadreWebFixture.PostFormAsync(admin, page, new()
        {
            ["Input.DisplayName"] = "", ["Input.Issuer"] = "http://idp.example.nhs.uk", ["Input.ClientId"] = "", ["Input.ClientSecret"] = "",
            ["Input.UserClaim"] = "e mail", ["Input.Enabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var errors = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        Assert.Contains("href=\"#Input_DisplayName\">Enter the name on the button", errors);
        Assert.Contains("href=\"#Input_Issuer\">The issuer address must start https://", errors);
        Assert.Contains("href=\"#Input_ClientId\">Enter the client ID", errors);
        Assert.Contains("href=\"#Input_ClientSecret\">Enter the client secret the identity provider gave Cadre", errors);
        Assert.Contains("href=\"#Input_UserClaim\">The claim name can have only letters", errors);
        await using (var db = app.SystemContext())
            Assert.False(await db.OrganisationSignIns.AnyAsync(p => p.OrganisationId == trust.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(admin, page, ProviderForm(idp))).StatusCode);
        var shown = await (await admin.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(LoopbackIdentityProvider.ClientSecret, shown);
        Assert.Contains("A client secret is set. Cadre does not show it.", shown);
        Assert.Contains($"{app.BaseAddress}sign-in/return", shown);

        // Saving again with the secret left empty keeps it; a new one replaces it. Neither reaches the trail.
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(admin, page, ProviderForm(idp, name: "Loopback ID 2", secret: null))).StatusCode);
        await using (var db = app.SystemContext())
        {
            var stored = await db.OrganisationSignIns.SingleAsync(p => p.OrganisationId == trust.Id);
            Assert.Equal("Loopback ID 2", stored.DisplayName);
            Assert.Equal(LoopbackIdentityProvider.ClientSecret, app.App.Services.GetRequiredService<OrganisationSignInSecret>().Unprotect(stored.ProtectedClientSecret!));
            var trail = await db.AuditEntries.Where(e => e.EntityType == nameof(OrganisationSignIn) && e.OrganisationId == trust.Id).OrderBy(e => e.When).ToListAsync();
            Assert.Equal([AuditAction.Created, AuditAction.Updated], trail.Select(e => e.Action));
            Assert.Equal("Alex Admin", trail[0].Who);
            Assert.All(trail, e => Assert.DoesNotContain(LoopbackIdentityProvider.ClientSecret, e.Before + e.After));
            Assert.All(trail, e => Assert.DoesNotContain(stored.ProtectedClientSecret!, e.Before + e.After));
        }
    }
}
