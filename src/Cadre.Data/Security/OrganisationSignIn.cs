using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Data.Security;

/// <summary>
/// An organisation's own identity provider (NHS Care Identity Service 2, or the trust's Microsoft Entra ID), through which
/// its staff sign in to Cadre with OpenID Connect instead of a Cadre password. One per organisation. The client secret
/// is kept protected with Data Protection (the key ring every instance shares), never in clear and never in the audit
/// trail. See docs/decisions/sign-in.md.
/// </summary>
public class OrganisationSignIn : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>The words on the button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>The issuer as the provider's discovery document states it (https://…; loopback http only for tests).</summary>
    public string Issuer { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// <summary>The client secret protected by <see cref="OrganisationSignInSecret"/>; null until one is set.</summary>
    public string? ProtectedClientSecret { get; set; }
    /// <summary>When the secret was last set or replaced: the audit trail shows this, not the secret.</summary>
    public DateTime? ClientSecretSetAt { get; set; }
    /// <summary>The id token claim whose value is the user's email address in Cadre (default "email").</summary>
    public string UserClaim { get; set; } = DefaultUserClaim;
    public bool Enabled { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public const string DefaultUserClaim = "email";

    /// <summary>The Identity external login provider name of links made through this provider.</summary>
    public string LoginProvider => LoginProviderOf(Id);

    public static string LoginProviderOf(Guid id) => "oidc:" + id.ToString("N");

    public static class Limits
    {
        public const int DisplayName = 60;
        public const int Issuer = 400;
        public const int ClientId = 200;
        public const int ClientSecret = 1000;
        public const int UserClaim = 100;
    }
}

internal sealed class OrganisationSignInConfiguration : IEntityTypeConfiguration<OrganisationSignIn>
{
    public void Configure(EntityTypeBuilder<OrganisationSignIn> b)
    {
        b.ToTable("OrganisationSignIns");
        b.Property(s => s.DisplayName).HasMaxLength(OrganisationSignIn.Limits.DisplayName).IsRequired();
        b.Property(s => s.Issuer).HasMaxLength(OrganisationSignIn.Limits.Issuer).IsRequired();
        b.Property(s => s.ClientId).HasMaxLength(OrganisationSignIn.Limits.ClientId).IsRequired();
        // Data Protection's output is longer than the secret (a header, the key id, a MAC, base64url).
        b.Property(s => s.ProtectedClientSecret).HasMaxLength(4000).HasAnnotation(AuditSecret.Annotation, true);
        b.Property(s => s.UserClaim).HasMaxLength(OrganisationSignIn.Limits.UserClaim).IsRequired();
        b.Property(s => s.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Ignore(s => s.LoginProvider);
        b.HasIndex(s => s.OrganisationId).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A column the audit trail records only as "(set)" or empty, never its value (a protected secret).</summary>
public static class AuditSecret
{
    public const string Annotation = "Cadre:AuditSecret";
    public const string Set = "(set)";
}
