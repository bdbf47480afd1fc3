using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Cadre.Web.Features.IdentityProviders;

/// <summary>
/// The relying-party side of OpenID Connect's authorization code flow with PKCE (OpenID Connect Core 1.0 section 3.1;
/// RFC 7636), for providers read from the database at each sign-in rather than registered when the app starts, so an
/// administrator's change applies on every instance at once. Discovery documents and signing keys are cached per issuer
/// by Microsoft.IdentityModel's configuration manager (refreshed daily, or at once when a token names an unknown key).
/// Every check that fails says which, in words the sign-in page can show and the audit trail can keep.
/// </summary>
public sealed class OpenIdConnectClient(IHttpClientFactory http)
{
    public const string HttpClientName = "openid-connect";
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _discovery = new(StringComparer.Ordinal);

    /// <summary>The provider's discovery document, checked to be for the issuer the administrator entered.</summary>
    public async Task<OpenIdConnectConfiguration> DiscoverAsync(string issuer, CancellationToken cancel)
    {
        var manager = _discovery.GetOrAdd(issuer, i => new ConfigurationManager<OpenIdConnectConfiguration>(
            i.TrimEnd('/') + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(),
            // Plain http only for a provider on this machine's loopback address (OrganisationSignInSettings.IssuerProblem).
            new HttpDocumentRetriever(http.CreateClient(HttpClientName)) { RequireHttps = !new Uri(i).IsLoopback }));
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await manager.GetConfigurationAsync(cancel);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException)
        {
            // Forget it: the manager would otherwise refuse to fetch again for minutes, and the next attempt (after an
            // administrator corrected the issuer, or the provider came back) should read the document afresh.
            _discovery.TryRemove(issuer, out _);
            throw new OpenIdConnectFailure($"its discovery document could not be read ({e.InnerException?.Message ?? e.Message})", e);
        }
        if (!SameIssuer(configuration.Issuer, issuer))
            throw new OpenIdConnectFailure($"its discovery document names the issuer ‘{configuration.Issuer}’, not ‘{issuer}’");
        if (string.IsNullOrEmpty(configuration.AuthorizationEndpoint) || string.IsNullOrEmpty(configuration.TokenEndpoint))
            throw new OpenIdConnectFailure("its discovery document has no authorization or token endpoint");
        return configuration;
    }

    /// <summary>Where to send the browser: the authorization endpoint with the code flow's parameters and the PKCE challenge.</summary>
    public static string AuthorizationUrl(OpenIdConnectConfiguration configuration, string clientId, string redirectUri, SignInState state)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid email profile",
            ["state"] = state.State,
            ["nonce"] = state.Nonce,
            ["code_challenge"] = CodeChallenge(state.CodeVerifier),
            ["code_challenge_method"] = "S256",
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(configuration.AuthorizationEndpoint, query);
    }

    /// <summary>RFC 7636 section 4.2: BASE64URL(SHA256(ASCII(code_verifier))).</summary>
    public static string CodeChallenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>Exchanges the code for tokens at the token endpoint, authenticating with the client secret; returns the id token.</summary>
    public async Task<string> RedeemAsync(OpenIdConnectConfiguration configuration, string clientId, string clientSecret, string code,
        string redirectUri, string codeVerifier, CancellationToken cancel)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint);
        // client_secret_basic is the default method (OpenID Connect Discovery: token_endpoint_auth_methods_supported);
        // a provider that lists only client_secret_post gets the secret in the form instead.
        var methods = configuration.TokenEndpointAuthMethodsSupported;
        if (methods.Count > 0 && !methods.Contains("client_secret_basic") && methods.Contains("client_secret_post"))
        {
            form["client_id"] = clientId;
            form["client_secret"] = clientSecret;
        }
        else
        {
            // RFC 6749 section 2.3.1: each part form-encoded before they are joined and base64-encoded.
            var pair = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        request.Content = new FormUrlEncodedContent(form);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.CreateClient(HttpClientName).SendAsync(request, cancel);
            body = await response.Content.ReadAsStringAsync(cancel);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new OpenIdConnectFailure("its token endpoint could not be reached", e);
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!response.IsSuccessStatusCode)
            {
                var error = json.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
                throw new OpenIdConnectFailure($"its token endpoint refused the code ({error ?? ((int)response.StatusCode).ToString()})");
            }
            if (json.RootElement.TryGetProperty("id_token", out var idToken) && idToken.GetString() is { Length: > 0 } token) return token;
            throw new OpenIdConnectFailure("its token endpoint gave no id token");
        }
        catch (JsonException)
        {
            throw new OpenIdConnectFailure($"its token endpoint answered {(int)response.StatusCode} with something other than JSON");
        }
    }

    /// <summary>
    /// Checks the id token (OpenID Connect Core 1.0 section 3.1.3.7): signed by one of the provider's keys, issued by it,
    /// for this client, not expired, and carrying the nonce this browser's request sent. Returns its claims as issued.
    /// </summary>
    public async Task<ClaimsIdentity> ValidateIdTokenAsync(OpenIdConnectConfiguration configuration, string clientId, string idToken, string nonce)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = clientId,
            IssuerSigningKeys = configuration.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, parameters);
        if (!result.IsValid)
        {
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException && _discovery.TryGetValue(configuration.Issuer, out var manager))
                manager.RequestRefresh(); // the provider rolled its keys: the next attempt reads them again
            throw new OpenIdConnectFailure($"its id token did not pass the checks ({result.Exception?.GetType().Name.Replace("SecurityToken", "").Replace("Exception", "") ?? "invalid"})");
        }
        var identity = result.ClaimsIdentity;
        var sent = identity.FindFirst("nonce")?.Value;
        if (sent is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(nonce)))
            throw new OpenIdConnectFailure("its id token was not made for this sign-in (the nonce did not match)");
        if (identity.FindFirst("sub")?.Value is not { Length: > 0 })
            throw new OpenIdConnectFailure("its id token has no subject");
        return identity;
    }

    /// <summary>The same issuer, allowing only a trailing slash of difference (people copy either form).</summary>
    public static bool SameIssuer(string? a, string b) => a is not null && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);
}

/// <summary>A step of the exchange with an identity provider failed; the message completes "Cadre could not use it: …".</summary>
public sealed class OpenIdConnectFailure(string reason, Exception? inner = null) : Exception(reason, inner);
