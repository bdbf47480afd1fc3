using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Security;

/// <summary>What an administrator asks for when making a token.</summary>
public sealed record ApiTokenRequest(string Name, ApiTokenKind Kind, ApiTokenAccess Access, IReadOnlyList<string> Areas, Guid OrganisationId, DateOnly ExpiresOn);

/// <summary>A token just made: the secret is here and nowhere else, ever.</summary>
public sealed record IssuedApiToken(ApiToken Token, string Secret);

/// <summary>Makes, finds and revokes API tokens. Saves go through the data layer, so each is in the audit trail.</summary>
public static class ApiTokenStore
{
    public const int MaxNameLength = 100;
    /// <summary>A year at most: a forgotten integration's token should die by itself (ASVS 3.5: tokens have a lifetime).</summary>
    public const int MaxDays = 366;

    /// <summary>Checks a request; returns errors keyed by field, in the words the page shows.</summary>
    public static Dictionary<string, string> Check(ApiTokenRequest request, IReadOnlyCollection<Guid> organisations, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(request.Name)) errors[nameof(request.Name)] = "Enter a name that says what the token is for";
        else if (request.Name.Trim().Length > MaxNameLength) errors[nameof(request.Name)] = $"Name must be {MaxNameLength} characters or fewer";
        if (request.Areas.Count == 0) errors[nameof(request.Areas)] = "Select at least one part of the API";
        else if (request.Areas.Any(a => ApiAreas.All.All(x => x.Area != a))) errors[nameof(request.Areas)] = "Select parts of the API from the list";
        if (!organisations.Contains(request.OrganisationId)) errors[nameof(request.OrganisationId)] = "Select one of your organisations";
        if (request.ExpiresOn <= today) errors[nameof(request.ExpiresOn)] = "The expiry date must be in the future";
        else if (request.ExpiresOn > today.AddDays(MaxDays)) errors[nameof(request.ExpiresOn)] = $"A token can last at most {MaxDays} days; choose an earlier expiry date";
        return errors;
    }

    /// <summary>Adds the token (not saved: the caller saves, so the audit entry is in the same transaction).</summary>
    public static IssuedApiToken Issue(CadreDbContext db, ApiTokenRequest request, string? userId, string createdBy, DateTime now)
    {
        var secret = ApiToken.NewSecret();
        var token = new ApiToken
        {
            OrganisationId = request.OrganisationId,
            Name = request.Name.Trim(),
            Kind = request.Kind,
            UserId = request.Kind == ApiTokenKind.Personal ? userId : null,
            Access = request.Access,
            Areas = string.Join(",", ApiAreas.All.Select(a => a.Area).Where(request.Areas.Contains)),
            CreatedAt = now,
            CreatedBy = createdBy,
            // The token works to the end of its expiry day (UTC).
            ExpiresAt = request.ExpiresOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Prefix = secret[..ApiToken.PrefixLength],
            Hash = ApiToken.HashOf(secret),
        };
        db.ApiTokens.Add(token);
        return new IssuedApiToken(token, secret);
    }

    /// <summary>The token a secret names, whatever the caller's scope (authentication runs before anyone is known).</summary>
    public static Task<ApiToken?> FindAsync(CadreDbContext db, string secret, CancellationToken cancel)
    {
        if (!secret.StartsWith(ApiToken.SecretStart, StringComparison.Ordinal) || secret.Length > 200) return Task.FromResult<ApiToken?>(null);
        var hash = ApiToken.HashOf(secret);
        return db.ApiTokens.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancel);
    }
}
