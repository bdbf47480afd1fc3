using System.Net;
using System.Text.RegularExpressions;
using Cadre.Core.Register;
using Cadre.Data;
using Cadre.Data.Security;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cadre.Web.Tests.Account;

/// <summary>
/// Guessing passwords against the real app (issue 12): one name, many names from one address, known and unknown names
/// side by side, and the change-password form. Each test speaks from its own address (X-Forwarded-For from loopback,
/// which the app believes as it would a local proxy), so the per-address count of one test does not touch the others.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SignInThrottleTests(CadreWebFixture app, ITestOutputHelper output)
{
    private const string WrongAnswer = "Enter a correct user name and password";
    private const string Throttled = "Too many sign-in attempts. Try again in 15 minutes.";

    // Documentation addresses (RFC 3849), a new one for each client.
    private static string NewAddress() => $"2001:db8::{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";

    private HttpClient ClientFrom(string address)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private async Task<string> NewUserAsync(string role = CadreRoles.Viewer)
    {
        var email = $"throttle-{Guid.NewGuid():N}@a.test";
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        await CadreDatabaseInitialiser.CreateUserAsync(users, email, "Tia Throttle", CadreWebFixture.Password, role, app.DemoOrganisation);
        return email;
    }

    /// <summary>The message in the error summary of a refused sign-in, or the redirect's target when it was let in.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) return "redirect " + response.Headers.Location!.OriginalString;
        var html = await response.Content.ReadAsStringAsync();
        var summary = Regex.Match(html, "<a href=\"#Input_UserName\">([^<]*)</a>");
        return summary.Success ? WebUtility.HtmlDecode(summary.Groups[1].Value) : $"{(int)response.StatusCode} without an error";
    }

    [Fact]
    public async Task A_known_and_an_unknown_name_get_the_same_answers_and_the_same_throttle()
    {
        var known = await NewUserAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@a.test";
        var answers = new Dictionary<string, List<string>>();
        foreach (var name in new[] { known, unknown })
        {
            using var client = ClientFrom(NewAddress());
            var list = answers[name] = [];
            for (var i = 0; i < 6; i++) list.Add(await AnswerAsync(await CadreWebFixture.SignInAsync(client, name, "Wrong-Password-" + i)));
            // The right password does not get through while the name is throttled.
            list.Add(await AnswerAsync(await CadreWebFixture.SignInAsync(client, name, CadreWebFixture.Password)));
        }
        string[] expected = [WrongAnswer, WrongAnswer, WrongAnswer, WrongAnswer, Throttled, Throttled, Throttled];
        Assert.Equal(expected, answers[known]);
        Assert.Equal(expected, answers[unknown]);

        // From another address the name is still throttled: the count is per account, whoever guesses.
        using (var elsewhere = ClientFrom(NewAddress()))
            Assert.Equal(Throttled, await AnswerAsync(await CadreWebFixture.SignInAsync(elsewhere, known, CadreWebFixture.Password)));

        await using (var db = app.SystemContext())
        {
            var account = SignInThrottle.AccountKey(known);
            Assert.Equal(5, await db.SignInAttempts.CountAsync(a => a.Account == account));
            Assert.Equal(5, await db.SignInAttempts.CountAsync(a => a.Account == SignInThrottle.AccountKey(unknown)));
            var trail = await db.AuditEntries.Where(e => e.Action == AuditAction.SignInFailed && e.After!.Contains("too many attempts")).CountAsync();
            Assert.True(trail >= 5, $"{trail} throttled attempts audited");
        }

        // When the window has passed (moved back here rather than waited for) the right password gets in.
        await using (var db = app.SystemContext())
        {
            var account = SignInThrottle.AccountKey(known);
            foreach (var attempt in await db.SignInAttempts.Where(a => a.Account == account).ToListAsync()) attempt.At -= TimeSpan.FromMinutes(16);
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == account);
            user.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        using var later = ClientFrom(NewAddress());
        Assert.Equal("redirect /", await AnswerAsync(await CadreWebFixture.SignInAsync(later, known, CadreWebFixture.Password)));
    }

    [Fact]
    public async Task One_address_trying_many_names_is_throttled_and_other_addresses_are_not()
    {
        var victim = await NewUserAsync();
        var spray = NewAddress();
        using var sprayer = ClientFrom(spray);
        var limit = app.App.Services.GetRequiredService<SignInThrottleOptions>().PerAddress;
        var answers = new List<string>();
        // A different name every time, so no one name reaches its own limit of 5.
        for (var i = 0; i < limit; i++)
            answers.Add(await AnswerAsync(await CadreWebFixture.SignInAsync(sprayer, $"spray-{i}-{Guid.NewGuid():N}@a.test", "Summer-Holiday-2026")));
        Assert.All(answers.Take(limit - 1), a => Assert.Equal(WrongAnswer, a));
        Assert.Equal(Throttled, answers[^1]);
        // Even the right password for a real account is refused from that address…
        Assert.Equal(Throttled, await AnswerAsync(await CadreWebFixture.SignInAsync(sprayer, victim, CadreWebFixture.Password)));
        // …but the account itself is not locked: its owner, elsewhere, signs in.
        using var owner = ClientFrom(NewAddress());
        Assert.Equal("redirect /", await AnswerAsync(await CadreWebFixture.SignInAsync(owner, victim, CadreWebFixture.Password)));
    }


    [Fact]
    public async Task Wrong_current_passwords_on_the_change_password_form_lock_the_account()
    {
        var email = await NewUserAsync();
        using var client = ClientFrom(NewAddress());
        Assert.Equal("redirect /", await AnswerAsync(await CadreWebFixture.SignInAsync(client, email, CadreWebFixture.Password)));
        HttpResponseMessage last = default!;
        for (var i = 0; i < 5; i++)
        {
            last = await CadreWebFixture.PostFormAsync(client, "/account/password", new()
            {
                ["Input.CurrentPassword"] = "Guessed-Password-" + i, ["Input.NewPassword"] = "Violet-Lantern-Harbour-7", ["Input.ConfirmPassword"] = "Violet-Lantern-Harbour-7",
            });
            if (i < 4)
            {
                Assert.Equal(HttpStatusCode.OK, last.StatusCode);
                Assert.Contains("Your current password is not right", await last.Content.ReadAsStringAsync());
            }
        }
        // The fifth wrong guess locks the account, ends the session and says why on the sign-in page.
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal("/sign-in", last.Headers.Location!.OriginalString);
        var signInPage = await client.GetStringAsync("/sign-in");
        Assert.Contains("You have been signed out after too many wrong passwords. Too many sign-in attempts. Try again in 15 minutes.", WebUtility.HtmlDecode(signInPage));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/password")).StatusCode);
        // The right password is refused until the lockout ends.
        Assert.Equal(Throttled, await AnswerAsync(await CadreWebFixture.SignInAsync(client, email, CadreWebFixture.Password)));
    }

    [Theory]
    [InlineData("Password1234")]
    [InlineData("Liverpool2026!")]
    [InlineData("P@ssw0rd-2026")]
    [InlineData("Qwertyuiop123")]
    [InlineData("Correct Horse Battery Staple 1")]
    [InlineData("NHSengland2026")]
    public async Task A_common_password_is_refused_with_the_reason(string common)
    {
        var email = await NewUserAsync();
        using var client = ClientFrom(NewAddress());
        await CadreWebFixture.SignInAsync(client, email, CadreWebFixture.Password);
        var response = await CadreWebFixture.PostFormAsync(client, "/account/password", new()
        {
            ["Input.CurrentPassword"] = CadreWebFixture.Password, ["Input.NewPassword"] = common, ["Input.ConfirmPassword"] = common,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("This password is too common and easy to guess", html);
        Assert.Contains("href=\"#Input_NewPassword\"", html);
    }

    [Fact]
    public async Task An_uncommon_password_is_accepted_and_the_hint_states_the_rules()
    {
        var email = await NewUserAsync();
        using var client = ClientFrom(NewAddress());
        await CadreWebFixture.SignInAsync(client, email, CadreWebFixture.Password);
        var form = WebUtility.HtmlDecode(await client.GetStringAsync("/account/password"));
        Assert.Contains("At least 12 characters, with a capital letter, a small letter and a number. Not a commonly used password", form);
        var changed = await CadreWebFixture.PostFormAsync(client, "/account/password", new()
        {
            ["Input.CurrentPassword"] = CadreWebFixture.Password, ["Input.NewPassword"] = "Purple tractor morning 42", ["Input.ConfirmPassword"] = "Purple tractor morning 42",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        // A rule broken is named in words, not Identity's "('A'-'Z')".
        var weak = await CadreWebFixture.PostFormAsync(client, "/account/password", new()
        {
            ["Input.CurrentPassword"] = "Purple tractor morning 42", ["Input.NewPassword"] = "purple tractor evening 43", ["Input.ConfirmPassword"] = "purple tractor evening 43",
        });
        Assert.Contains("Your password must include a capital letter (A to Z)", WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync()));
    }

    [Fact]
    public void The_deny_list_is_compiled_in_and_matches_decorated_forms_only()
    {
        Assert.True(CommonPasswordValidator.Count > 200, $"{CommonPasswordValidator.Count} entries");
        Assert.True(CommonPasswordValidator.IsCommon("Manchester1999"));
        Assert.True(CommonPasswordValidator.IsCommon("!!Summer12345"));
        Assert.False(CommonPasswordValidator.IsCommon("Purple tractor morning 42"));
        Assert.False(CommonPasswordValidator.IsCommon(CadreWebFixture.Password));
    }
}
