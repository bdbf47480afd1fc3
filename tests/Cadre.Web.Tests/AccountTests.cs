using System.Net;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class AccountTests(CadreWebFixture app)
{
    [Fact]
    public async Task Signing_in_opens_the_dashboard()
    {
        using var client = await app.ClientAsync();
        var response = await CadreWebFixture.SignInAsync(client, CadreWebFixture.Users.Admin, CadreWebFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var cookie = string.Join(";", response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Healthcare Science establishment", home);
        Assert.Contains("Ada Admin", home);
    }

    [Fact]
    public async Task Wrong_password_shows_the_error_summary_without_saying_which_part_was_wrong()
    {
        using var client = await app.ClientAsync();
        var response = await CadreWebFixture.SignInAsync(client, CadreWebFixture.Users.Admin, "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        Assert.Contains("Enter a correct user name and password", html);
        Assert.Contains("href=\"#Input_UserName\"", html);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var client = await app.ClientAsync();
        for (var i = 0; i < 5; i++) await CadreWebFixture.SignInAsync(client, CadreWebFixture.Users.Lockout, "wrong-password-" + i);
        var response = await CadreWebFixture.SignInAsync(client, CadreWebFixture.Users.Lockout, CadreWebFixture.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Too many sign-in attempts. Try again in 15 minutes.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var response = await client.PostAsync("/posts/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.PostNumber"] = "X1", ["Input.Title"] = "Forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var signIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "x", ["Input.Password"] = "y" }));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var response = await CadreWebFixture.PostFormAsync(client, "/", [], postUrl: "/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/posts")).StatusCode);
    }
}
