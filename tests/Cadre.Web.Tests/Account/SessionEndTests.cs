using System.Net;
using Cadre.Data;
using Cadre.Data.Security;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Account;

/// <summary>
/// Each test copies a signed-in user's cookie (as someone who stole it, or a second browser would), then does what
/// should end the session, and replays the copy: it must be refused on its very next request (ASVS 3.3.1, 3.3.3).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SessionEndTests(CadreWebFixture app)
{
    private async Task<string> NewUserAsync(string role, string? email = null)
    {
        email ??= $"session-{Guid.NewGuid():N}@a.test";
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        await CadreDatabaseInitialiser.CreateUserAsync(users, email, "Sam Session", CadreWebFixture.Password, role, app.DemoOrganisation);
        return email;
    }

    /// <summary>Signs in and returns the client and a copy of its cookie, as a thief would take it.</summary>
    private async Task<(HttpClient Client, string StolenCookie)> SignInAndCopyCookieAsync(string email)
    {
        var jar = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.SignInAsync(client, email, CadreWebFixture.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/posts")).StatusCode);
        return (client, $"cadre.auth={jar.GetCookies(app.BaseAddress)["cadre.auth"]!.Value}");
    }

    private async Task<HttpStatusCode> ReplayAsync(string cookie, string path = "/api/v1/posts")
    {
        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return (await thief.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_when_its_user_signs_out()
    {
        var (client, stolen) = await SignInAndCopyCookieAsync(await NewUserAsync(CadreRoles.WorkforceInformation));
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(stolen));
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, "/", [], postUrl: "/sign-out")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(stolen));
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(stolen, "/people"));
    }

    [Fact]
    public async Task A_demoted_user_loses_the_old_role_on_the_next_request()
    {
        var email = await NewUserAsync(CadreRoles.WorkforceInformation);
        var (client, stolen) = await SignInAndCopyCookieAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(stolen, "/api/v1/people"));

        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var id = await UserIdAsync(email);
        var demoted = await CadreWebFixture.PostFormAsync(admin, $"/users/{id}", new()
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Sam Session", ["Input.Roles"] = CadreRoles.Viewer,
            ["Input.OrganisationIds"] = app.DemoOrganisation.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(stolen, "/api/v1/people"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/people")).StatusCode);
    }

    [Fact]
    public async Task Removing_a_role_or_an_organisation_outside_the_web_app_ends_the_sessions_too()
    {
        // `cadre users` and any other path go through the data layer, which gives the user a new security stamp.
        var email = await NewUserAsync(CadreRoles.WorkforceInformation);
        var (_, stolen) = await SignInAndCopyCookieAsync(email);
        await using (var db = app.SystemContext())
        {
            var id = await UserIdAsync(email);
            db.UserRoles.Remove(await db.UserRoles.SingleAsync(r => r.UserId == id));
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(stolen));

        var second = await NewUserAsync(CadreRoles.WorkforceInformation);
        var (_, stolenToo) = await SignInAndCopyCookieAsync(second);
        await using (var db = app.SystemContext())
        {
            var id = await UserIdAsync(second);
            db.UserOrganisations.Remove(await db.UserOrganisations.SingleAsync(m => m.UserId == id));
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(stolenToo));
    }

    [Fact]
    public async Task A_password_reset_by_an_administrator_ends_the_users_sessions()
    {
        var email = await NewUserAsync(CadreRoles.Viewer);
        var (client, stolen) = await SignInAndCopyCookieAsync(email);
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var id = await UserIdAsync(email);
        var reset = await CadreWebFixture.PostFormAsync(admin, $"/users/{id}", [], $"/users/{id}?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(stolen));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/posts")).StatusCode);
    }

    [Fact]
    public async Task Locking_an_account_ends_its_sessions()
    {
        var email = await NewUserAsync(CadreRoles.Viewer);
        var (_, stolen) = await SignInAndCopyCookieAsync(email);
        using var guesser = await app.ClientAsync();
        for (var i = 0; i < 5; i++) await CadreWebFixture.SignInAsync(guesser, email, "wrong-password-" + i);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(stolen));
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = app.SystemContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
