using System.Security.Cryptography;
using System.Text;
using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Data.Security;

/// <summary>Whose rights a token carries: its creator's (personal) or an integration's own (service).</summary>
public enum ApiTokenKind
{
    /// <summary>Acts as the administrator who made it, with their roles as they are at each use.</summary>
    Personal,
    /// <summary>Acts as an integration of one organisation with the Workforce information role, not as any person.</summary>
    Service,
}

public enum ApiTokenAccess
{
    Read,
    ReadWrite,
}

/// <summary>
/// A bearer token for /api/v1, tied to one organisation. Only the SHA-256 digest of the secret is kept: the secret is
/// shown once when the token is made. See docs/decisions/sessions-and-tokens.md.
/// </summary>
public class ApiToken : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public ApiTokenKind Kind { get; set; }
    /// <summary>For a personal token, the user it acts as; null for a service token.</summary>
    public string? UserId { get; set; }
    public ApiTokenAccess Access { get; set; }
    /// <summary>The parts of the API it may use (<see cref="ApiAreas"/>), comma-separated.</summary>
    public string Areas { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    /// <summary>The first characters of the secret, so people can tell tokens apart; not enough to use it.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the secret. The secret has 256 random bits, so a slow hash would add nothing.</summary>
    public string Hash { get; set; } = "";

    public IReadOnlyList<string> AreaList => Areas.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActiveAt(DateTime utcNow) => RevokedAt is null && ExpiresAt > utcNow;

    public const string SecretStart = "cadre_";
    public const int PrefixLength = 12;

    /// <summary>A new secret: "cadre_" and 32 random bytes in base64url.</summary>
    public static string NewSecret() => SecretStart + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The parts of the API a token can be given, by the first segment after /api/v1.</summary>
public static class ApiAreas
{
    public const string Register = "register";
    public const string People = "people";
    public const string JobEvaluation = "je";
    public const string Coding = "coding";
    public const string Planning = "planning";
    public const string Reports = "reports";

    public static IReadOnlyList<(string Area, string Label)> All { get; } =
    [
        (Register, "Posts and services"), (People, "People (personal details)"), (JobEvaluation, "Job evaluation"),
        (Coding, "Occupation coding"), (Planning, "Workforce planning"), (Reports, "Workforce reports"),
    ];

    /// <summary>The area of an /api/v1 path, or null for a path that belongs to none (the OpenAPI document).</summary>
    public static string? OfPath(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[0] != "api" || parts[1] != "v1") return null;
        return parts[2].ToLowerInvariant() switch
        {
            "posts" or "departments" => Register,
            "people" => People,
            "je" => JobEvaluation,
            "coding" => Coding,
            "planning" => Planning,
            "reports" => Reports,
            _ => null,
        };
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.Access).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.UserId).HasMaxLength(450);
        b.Property(t => t.Areas).HasMaxLength(200).IsRequired();
        b.Property(t => t.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(t => t.RevokedBy).HasMaxLength(256);
        b.Property(t => t.Prefix).HasMaxLength(ApiToken.PrefixLength).IsRequired();
        b.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        b.Ignore(t => t.AreaList);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CadreUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
