using System.Net;
using System.Security.Cryptography;
using System.Text;
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
/// The TOTP second factor against the real app: set up from the key on the page, sign in with the code a phone would
/// show (computed by the tests' own RFC 6238, checked against the RFC's vectors), recovery codes, wrong codes,
/// administrators made to set one up, and resets by the user and by an administrator within their reach.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SecondFactorTests(CadreWebFixture app)
{
    // RFC 6238 appendix B: the seeds are the ASCII digits "1234567890" repeated to 20, 32 and 64 bytes; 8-digit codes.
    [Theory]
    [InlineData(59L, "SHA1", "94287082")]
    [InlineData(1111111109L, "SHA1", "07081804")]
    [InlineData(1111111111L, "SHA1", "14050471")]
    [InlineData(1234567890L, "SHA1", "89005924")]
    [InlineData(2000000000L, "SHA1", "69279037")]
    [InlineData(20000000000L, "SHA1", "65353130")]
    [InlineData(59L, "SHA256", "46119246")]
    [InlineData(1111111109L, "SHA256", "68084774")]
    [InlineData(1234567890L, "SHA256", "91819424")]
    [InlineData(20000000000L, "SHA256", "77737706")]
    [InlineData(59L, "SHA512", "90693936")]
    [InlineData(1111111111L, "SHA512", "99943326")]
    [InlineData(2000000000L, "SHA512", "38618901")]
    public void The_tests_TOTP_gives_the_RFC_6238_test_vectors(long unixTime, string algorithm, string expected)
    {
        var length = algorithm switch { "SHA256" => 32, "SHA512" => 64, _ => 20 };
        var seed = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1234567890", 7))[..length]);
        Assert.Equal(expected, Totp.Code(seed, DateTimeOffset.FromUnixTimeSeconds(unixTime), digits: 8, algorithm: new HashAlgorithmName(algorithm)));
    }

    [Fact]
    public void The_tests_base32_reads_RFC_4648_examples()
    {
        Assert.Equal("foobar", Encoding.ASCII.GetString(Totp.Base32("MZXW6YTBOI======")));
        Assert.Equal("fooba", Encoding.ASCII.GetString(Totp.Base32("mzxw 6ytb")));
    }

    private async Task<string> NewUserAsync(string role, Guid? organisation = null)
    {
        var email = $"factor-{Guid.NewGuid():N}@a.test";
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        await CadreDatabaseInitialiser.CreateUserAsync(users, email, "Fay Factor", CadreWebFixture.Password, role, organisation ?? app.DemoOrganisation);
        return email;
    }

    private HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    private static Task<HttpResponseMessage> PasswordAsync(HttpClient client, string email) =>
        CadreWebFixture.PostFormAsync(client, "/sign-in", new() { ["Input.UserName"] = email, ["Input.Password"] = CadreWebFixture.Password });

    /// <summary>Sets up the signed-in user's second factor on the page; returns the key as shown and the recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/account/two-factor");
        var key = Regex.Match(page, "data-testid=\"authenticator-key\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        var uri = WebUtility.HtmlDecode(Regex.Match(page, "href=\"(otpauth://[^\"]+)\"").Groups[1].Value);
        Assert.StartsWith("otpauth://totp/Cadre%3A", uri);
        Assert.Contains($"secret={key.Replace(" ", "").ToUpperInvariant()}&issuer=Cadre&digits=6&period=30", uri);

        var wrong = await CadreWebFixture.PostFormAsync(client, "/account/two-factor", new() { ["Input.Code"] = OtherCode(Totp.CodeNow(key)) });
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync());

        var done = await CadreWebFixture.PostFormAsync(client, "/account/two-factor", new() { ["Input.Code"] = Totp.CodeNow(key) });
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("Save your recovery codes", html);
        var codes = Regex.Matches(Regex.Match(html, "data-testid=\"recovery-codes\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value, "<code>([^<]+)</code>")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>A code that is not the right one (nor one a step either side, which the app also accepts).</summary>
    private static string OtherCode(string code) => ((int.Parse(code) + 500_000) % 1_000_000).ToString("D6");

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        var match = Regex.Match(await response.Content.ReadAsStringAsync(), "<a href=\"#Input_Code\">([^<]*)</a>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : $"{(int)response.StatusCode} {response.Headers.Location}";
    }

    [Fact]
    public async Task A_user_sets_up_a_second_factor_and_then_signs_in_with_the_code_from_the_key()
    {
        var email = await NewUserAsync(CadreRoles.Viewer);
        using var client = NewClient();
        Assert.Equal("/", (await PasswordAsync(client, email)).Headers.Location!.OriginalString);
        var (key, recovery) = await EnrolAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, "/", [], postUrl: "/sign-out")).StatusCode);

        // The password alone now leads to the code, not into Cadre.
        using var next = NewClient();
        var password = await PasswordAsync(next, email);
        Assert.Equal("/sign-in/code?ReturnUrl=%2F", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/people")).StatusCode);
        Assert.Equal("The code is not right: enter the 6-digit code your authenticator app shows now",
            await ErrorOf(await CadreWebFixture.PostFormAsync(next, "/sign-in/code", new() { ["Input.Code"] = OtherCode(Totp.CodeNow(key)) })));
        var signedIn = await CadreWebFixture.PostFormAsync(next, "/sign-in/code", new() { ["Input.Code"] = Totp.CodeNow(key) });
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Contains("Fay Factor", await next.GetStringAsync("/"));

        // A recovery code works once.
        using var lost = NewClient();
        await PasswordAsync(lost, email);
        Assert.Equal("/", (await CadreWebFixture.PostFormAsync(lost, "/sign-in/code", new() { ["Input.Code"] = recovery[3] })).Headers.Location!.OriginalString);
        using var again = NewClient();
        await PasswordAsync(again, email);
        Assert.StartsWith("That recovery code is not right or has been used",
            await ErrorOf(await CadreWebFixture.PostFormAsync(again, "/sign-in/code", new() { ["Input.Code"] = recovery[3] })));

        await using var db = app.SystemContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var trail = await db.AuditEntries.Where(e => e.EntityId == id).Select(e => new { e.Action, e.After }).ToListAsync();
        Assert.Contains(trail, e => e.Action == AuditAction.SecondFactorEnrolled);
        Assert.Contains(trail, e => e.Action == AuditAction.SecondFactorRefused && (e.After ?? "").Contains("wrong code while setting up"));
        Assert.Contains(trail, e => e.Action == AuditAction.SecondFactorRefused && e.After == "{\"Reason\":\"wrong code\"}");
        Assert.Contains(trail, e => e.Action == AuditAction.SecondFactorRefused && (e.After ?? "").Contains("wrong recovery code"));
        Assert.Contains(trail, e => e.Action == AuditAction.SignedIn && (e.After ?? "").Contains("authenticator app"));
        Assert.Contains(trail, e => e.Action == AuditAction.SignedIn && (e.After ?? "").Contains("recovery code"));
    }

    [Fact]
    public async Task An_administrator_without_a_second_factor_can_do_nothing_before_setting_one_up()
    {
        var email = await NewUserAsync(CadreRoles.Administrator);
        using var client = NewClient();
        Assert.Equal("/people", (await CadreWebFixture.PostFormAsync(client, "/sign-in?returnUrl=%2Fpeople",
            new() { ["Input.UserName"] = email, ["Input.Password"] = CadreWebFixture.Password })).Headers.Location!.OriginalString);
        var people = await client.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, people.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=%2Fpeople", people.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/users")).StatusCode);
        var api = await client.GetAsync("/api/v1/posts");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("Set up a second factor first", await api.Content.ReadAsStringAsync());
        Assert.Contains("Administrators must sign in with a second factor", await client.GetStringAsync("/account/two-factor?returnUrl=%2Fpeople"));

        await EnrolAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/people")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/posts")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account()
    {
        var email = await NewUserAsync(CadreRoles.Viewer);
        using var client = NewClient();
        await PasswordAsync(client, email);
        var (key, _) = await EnrolAsync(client);
        using var guesser = NewClient();
        await PasswordAsync(guesser, email);
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
            answers.Add(await ErrorOf(await CadreWebFixture.PostFormAsync(guesser, "/sign-in/code", new() { ["Input.Code"] = OtherCode(Totp.CodeNow(key)) })));
        Assert.All(answers.Take(4), a => Assert.StartsWith("The code is not right", a));
        Assert.Equal("Too many sign-in attempts. Try again in 15 minutes.", answers[4]);
        // Locked: the right code is refused too, and the session set up before the lockout has ended.
        Assert.Equal("Too many sign-in attempts. Try again in 15 minutes.",
            await ErrorOf(await CadreWebFixture.PostFormAsync(guesser, "/sign-in/code", new() { ["Input.Code"] = Totp.CodeNow(key) })));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_user_resets_their_own_second_factor_and_the_old_key_stops_working()
    {
        var email = await NewUserAsync(CadreRoles.Viewer);
        using var client = NewClient();
        await PasswordAsync(client, email);
        var (oldKey, _) = await EnrolAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, "/account/two-factor", [], "/account/two-factor?handler=Reset")).StatusCode);
        var page = await client.GetStringAsync("/account/two-factor");
        Assert.Contains("Set up a second factor", page);
        var newKey = Regex.Match(page, "data-testid=\"authenticator-key\">([^<]+)<").Groups[1].Value;
        Assert.NotEqual(oldKey, newKey);
        // The old app's code no longer sets it up; the password alone signs in again until it is set up anew.
        var stale = await CadreWebFixture.PostFormAsync(client, "/account/two-factor", new() { ["Input.Code"] = Totp.CodeNow(oldKey) });
        Assert.Contains("The code is not right", await stale.Content.ReadAsStringAsync());
        using var other = NewClient();
        Assert.Equal("/", (await PasswordAsync(other, email)).Headers.Location!.OriginalString);
        await using var db = app.SystemContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == id && e.Action == AuditAction.SecondFactorReset && (e.After ?? "").Contains("the user")));
    }

    [Fact]
    public async Task An_administrator_resets_a_users_second_factor_only_within_their_reach()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);

        // A user of the administrator's organisation alone: reset, audited, and their sessions end.
        var email = await NewUserAsync(CadreRoles.Viewer);
        using var user = NewClient();
        await PasswordAsync(user, email);
        var (key, _) = await EnrolAsync(user);
        string id;
        await using (var db = app.SystemContext()) id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.Contains("second-factor-link", await admin.GetStringAsync($"/users/{id}"));
        Assert.Contains("reset-user-second-factor", await admin.GetStringAsync($"/users/{id}/second-factor"));
        var reset = await CadreWebFixture.PostFormAsync(admin, $"/users/{id}/second-factor", []);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/")).StatusCode);
        await using (var db = app.SystemContext())
        {
            Assert.False(await db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync());
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == id && e.Action == AuditAction.SecondFactorReset && e.Who == "Ada Admin"));
        }

        // A user shared with another organisation: refused with the reason, and nothing changes.
        var shared = $"factor-shared-{Guid.NewGuid():N}@both.test";
        await app.AddUserOfBothOrganisationsAsync(shared, "Sha Red", CadreRoles.Viewer);
        using (var sharedClient = NewClient())
        {
            await PasswordAsync(sharedClient, shared);
            await EnrolAsync(sharedClient);
        }
        string sharedId;
        await using (var db = app.SystemContext()) sharedId = await db.Users.Where(u => u.Email == shared).Select(u => u.Id).SingleAsync();
        var refusedPage = await admin.GetAsync($"/users/{sharedId}/second-factor");
        Assert.Equal(HttpStatusCode.Forbidden, refusedPage.StatusCode);
        Assert.Contains("only an administrator of every organisation they belong to", WebUtility.HtmlDecode(await refusedPage.Content.ReadAsStringAsync()));
        var token = CadreWebFixture.AntiForgeryToken(await admin.GetStringAsync("/account/password"))!;
        var refused = await admin.PostAsync($"/users/{sharedId}/second-factor", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using (var db = app.SystemContext())
            Assert.True(await db.Users.Where(u => u.Id == sharedId).Select(u => u.TwoFactorEnabled).SingleAsync());

        // Another organisation's user is not there at all.
        string otherId;
        await using (var db = app.SystemContext()) otherId = await db.Users.Where(u => u.Email == CadreWebFixture.Users.OtherTrust).Select(u => u.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/users/{otherId}/second-factor")).StatusCode);
    }
}
