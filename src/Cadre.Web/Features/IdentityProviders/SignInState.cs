using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;

namespace Cadre.Web.Features.IdentityProviders;

/// <summary>
/// What this browser's sign-in request sent to the identity provider, which its answer must match: the provider, the
/// state (against forged answers), the nonce (against a replayed id token) and the PKCE code verifier (against a stolen
/// code). Kept in a short-lived cookie protected with Data Protection (the key ring every instance shares), so the
/// answer may arrive at any instance and the database holds nothing per attempt.
/// </summary>
public sealed record SignInState(Guid ProviderId, string State, string Nonce, string CodeVerifier, string ReturnUrl)
{
    public const string CookieName = "cadre.signin";
    /// <summary>Time to sign in at the provider: long enough to find a smartcard, short enough that a left page expires.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string Purpose = "Cadre.OrganisationSignIn.State.v1";

    public static SignInState New(Guid providerId, string returnUrl) =>
        new(providerId, Random(), Random(), Random(), returnUrl);

    /// <summary>Whether the provider's answer carries the state this browser sent (compared in constant time).</summary>
    public bool Matches(string? returned) => returned is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(returned), Encoding.UTF8.GetBytes(State));

    public void Write(HttpContext context, IDataProtectionProvider protection)
    {
        var protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
        context.Response.Cookies.Append(CookieName, protector.Protect(JsonSerializer.Serialize(this), Lifetime), new CookieOptions
        {
            HttpOnly = true,
            // Lax: the provider's answer is a top-level GET from another site, which Lax cookies go with.
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/sign-in",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The state this browser stored and removes it (it is used once); null if it is missing, expired or altered.</summary>
    public static SignInState? Take(HttpContext context, IDataProtectionProvider protection)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/sign-in", Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax });
        try
        {
            var json = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(value);
            return JsonSerializer.Deserialize<SignInState>(json);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    // 32 random bytes: RFC 7636 section 7.1 asks for 256 bits of entropy in the code verifier; state and nonce take the same.
    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
