using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Security;

/// <summary>What an administrator (on the page) or an operator (<c>cadre organisations sign-in</c>) asks to set.</summary>
/// <param name="ClientSecret">A new secret; null or empty keeps the one already set.</param>
public sealed record OrganisationSignInRequest(string DisplayName, string Issuer, string ClientId, string? ClientSecret, string UserClaim, bool Enabled);

/// <summary>
/// Checking and saving an organisation's identity provider, one definition for the page and the command line: the field
/// each refusal names, how the secret is protected, and that changing who the provider is drops the links it made.
/// </summary>
public static class OrganisationSignInSettings
{
    public static class Fields
    {
        public const string DisplayName = nameof(OrganisationSignInRequest.DisplayName);
        public const string Issuer = nameof(OrganisationSignInRequest.Issuer);
        public const string ClientId = nameof(OrganisationSignInRequest.ClientId);
        public const string ClientSecret = nameof(OrganisationSignInRequest.ClientSecret);
        public const string UserClaim = nameof(OrganisationSignInRequest.UserClaim);
    }

    /// <summary>The refusals, each with the field it names; empty when the request can be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(OrganisationSignInRequest request, OrganisationSignIn? existing)
    {
        var errors = new List<(string, string)>();
        var name = request.DisplayName.Trim();
        if (name.Length == 0) errors.Add((Fields.DisplayName, "Enter the name on the button, for example ‘NHS Care Identity Service 2’"));
        else if (name.Length > OrganisationSignIn.Limits.DisplayName) errors.Add((Fields.DisplayName, $"The name must be {OrganisationSignIn.Limits.DisplayName} characters or fewer"));
        if (IssuerProblem(request.Issuer.Trim()) is { } issuer) errors.Add((Fields.Issuer, issuer));
        var client = request.ClientId.Trim();
        if (client.Length == 0) errors.Add((Fields.ClientId, "Enter the client ID the identity provider gave Cadre"));
        else if (client.Length > OrganisationSignIn.Limits.ClientId) errors.Add((Fields.ClientId, $"The client ID must be {OrganisationSignIn.Limits.ClientId} characters or fewer"));
        var secret = request.ClientSecret ?? "";
        if (secret.Length > OrganisationSignIn.Limits.ClientSecret) errors.Add((Fields.ClientSecret, $"The client secret must be {OrganisationSignIn.Limits.ClientSecret} characters or fewer"));
        else if (secret.Length == 0 && existing?.ProtectedClientSecret is null && request.Enabled)
            errors.Add((Fields.ClientSecret, "Enter the client secret the identity provider gave Cadre: sign-in cannot be turned on without it"));
        var claim = request.UserClaim.Trim();
        if (claim.Length == 0) errors.Add((Fields.UserClaim, "Enter the claim that holds the user's email address, for example ‘email’"));
        else if (claim.Length > OrganisationSignIn.Limits.UserClaim || !claim.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '/'))
            errors.Add((Fields.UserClaim, "The claim name can have only letters, numbers and _ - . : / (for example ‘email’ or ‘preferred_username’)"));
        return errors;
    }

    /// <summary>
    /// Why an issuer cannot be used, or null. It must be an absolute https address without a query or fragment (OpenID
    /// Connect Discovery 1.0, section 3); plain http is accepted only on this machine's loopback address, where a test or a
    /// local provider runs and no network sees the traffic.
    /// </summary>
    public static string? IssuerProblem(string issuer)
    {
        if (issuer.Length == 0) return "Enter the issuer address, for example https://login.microsoftonline.com/<tenant>/v2.0";
        if (issuer.Length > OrganisationSignIn.Limits.Issuer) return $"The issuer address must be {OrganisationSignIn.Limits.Issuer} characters or fewer";
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "Enter the issuer as a full web address starting https://";
        if (uri.Scheme == "http" && !uri.IsLoopback) return "The issuer address must start https:// so that sign-in cannot be read or changed on the way";
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0) return "The issuer address cannot have a ? or # part";
        return null;
    }

    /// <summary>
    /// Applies a checked request. A new secret is protected before it is kept. When the issuer or client ID changes, the
    /// links the provider made are removed: the same subject at another provider is not the same person, so each user is
    /// matched by email again at their next sign-in.
    /// </summary>
    public static async Task<OrganisationSignIn> ApplyAsync(CadreDbContext db, Guid organisationId, OrganisationSignIn? existing,
        OrganisationSignInRequest request, OrganisationSignInSecret secrets, string who, DateTime now, CancellationToken cancel)
    {
        var settings = existing ?? db.OrganisationSignIns.Add(new OrganisationSignIn { OrganisationId = organisationId }).Entity;
        var issuer = request.Issuer.Trim();
        var clientId = request.ClientId.Trim();
        if (existing is not null && (existing.Issuer != issuer || existing.ClientId != clientId))
        {
            var links = await db.UserLogins.Where(l => l.LoginProvider == existing.LoginProvider).ToListAsync(cancel);
            db.UserLogins.RemoveRange(links);
        }
        settings.DisplayName = request.DisplayName.Trim();
        settings.Issuer = issuer;
        settings.ClientId = clientId;
        settings.UserClaim = request.UserClaim.Trim();
        settings.Enabled = request.Enabled;
        if (!string.IsNullOrEmpty(request.ClientSecret))
        {
            settings.ProtectedClientSecret = secrets.Protect(request.ClientSecret);
            settings.ClientSecretSetAt = now;
        }
        settings.UpdatedAt = now;
        settings.UpdatedBy = who;
        return settings;
    }
}
