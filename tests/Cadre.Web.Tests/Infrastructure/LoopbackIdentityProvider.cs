using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cadre.Web.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (the OpenIddict server) on a free loopback port, standing in for NHS Care Identity
/// Service 2 or a trust's Microsoft Entra ID. It knows one client, checks its secret and redirect URI, requires PKCE, and
/// issues signed id tokens. Its sign-in page is a form where the test types the email the provider will assert (and
/// whether it checked a second factor, which it then says with amr "mfa"); "Refuse" answers access_denied.
/// </summary>
public sealed class LoopbackIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "cadre-test-client";
    // A test-only client secret of a throw-away provider; not a secret.
    public const string ClientSecret = "loopback-provider-client-secret";

    private readonly WebApplication _app;
    public Uri Issuer { get; }
    /// <summary>The redirect URI the client registered (Cadre's /sign-in/return); any other is refused.</summary>
    public string RedirectUri { get; }
    /// <summary>The subjects the provider gives each email, so the same person keeps the same subject.</summary>
    public static string Subject(string email) =>
        "sub-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..16];

    private LoopbackIdentityProvider(WebApplication app, Uri issuer, string redirectUri)
    {
        _app = app;
        Issuer = issuer;
        RedirectUri = redirectUri;
    }

    public static async Task<LoopbackIdentityProvider> StartAsync(Uri cadre)
    {
        var redirectUri = new Uri(cadre, "/sign-in/return").ToString();
        var builder = WebApplication.CreateSlimBuilder();
        // Port 0: the system picks a free one, so tests started side by side never race for a port.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            // No issuer set: OpenIddict takes the address it is reached at, http://127.0.0.1:<port>/.
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.Email, Scopes.Profile);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            // No database: the one client is checked by the two handlers below, and codes are self-contained tokens.
            server.EnableDegradedMode();
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "Unknown client.");
                else if (context.RedirectUri != redirectUri) context.Reject(Errors.InvalidRequest, "The redirect URI is not registered.");
                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret) context.Reject(Errors.InvalidClient, "Wrong client or secret.");
                return default;
            }));
        });
        var app = builder.Build();
        // As a Func, not a method group: a method group returning Task<IResult> binds to RequestDelegate and its result is dropped.
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)Authorize);
        // Chromium asks every site for an icon; without one it reports a failed load the browser tests would count.
        app.MapGet("/favicon.ico", () => Results.NoContent());
        await app.StartAsync();
        var issuer = new Uri(app.Urls.First().TrimEnd('/') + "/");
        // Read the discovery document and keys once here, so the provider's first answers to Cadre are not slowed by
        // start-up work on a busy machine (Cadre gives a provider 20 seconds).
        using (var warm = new HttpClient { Timeout = TimeSpan.FromMinutes(2) })
        {
            await warm.GetStringAsync(new Uri(issuer, ".well-known/openid-configuration"));
            await warm.GetStringAsync(new Uri(issuer, ".well-known/jwks"));
        }
        return new LoopbackIdentityProvider(app, issuer, redirectUri);
    }

    /// <summary>The provider's sign-in page (GET), then its answer (POST): a code for the email typed, or access_denied.</summary>
    private static async Task<IResult> Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Form.ContainsKey("signin"))
        {
            var hidden = new StringBuilder();
            foreach (var (name, value) in request.GetParameters())
                hidden.Append($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value.ToString())}\">");
            return Results.Content($"""
                <!doctype html><html lang="en"><head><title>Loopback identity provider</title></head><body>
                <h1>Loopback identity provider</h1>
                <form method="post" action="/connect/authorize">{hidden}
                <label for="email">Email address</label> <input id="email" name="email" type="email">
                <label><input id="mfa" name="mfa" type="checkbox" value="yes"> Checked a second factor</label>
                <button name="signin" value="yes" type="submit">Sign in at the provider</button>
                <button name="signin" value="no" type="submit">Refuse</button>
                </form></body></html>
                """, "text/html");
        }
        if (context.Request.Form["signin"] != "yes")
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        var email = context.Request.Form["email"].ToString();
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, Subject(email)));
        identity.AddClaim(new Claim(Claims.Email, email));
        identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, "pwd"));
        if (context.Request.Form["mfa"] == "yes") identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, "mfa"));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
