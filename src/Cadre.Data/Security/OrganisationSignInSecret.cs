using Microsoft.AspNetCore.DataProtection;

namespace Cadre.Data.Security;

/// <summary>
/// Protects an organisation's client secret with Data Protection before it is stored, and reads it back only to send it
/// to that organisation's identity provider. The key ring is the one every instance already shares (the database on
/// PostgreSQL, encrypted with the operator's certificate), so any instance can read what another stored. The purpose
/// string ties the protected value to this use: a cookie or anti-forgery key cannot unprotect it and vice versa.
/// </summary>
public sealed class OrganisationSignInSecret(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Cadre.OrganisationSignIn.ClientSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The secret, or null when it cannot be read (the key that protected it is gone from the ring).</summary>
    public string? Unprotect(string protectedSecret)
    {
        try { return _protector.Unprotect(protectedSecret); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }
}
