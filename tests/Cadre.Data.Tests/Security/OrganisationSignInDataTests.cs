using Cadre.Core.Register;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Security;

/// <summary>An organisation's identity provider: stored once per organisation, isolated, its secret never in the trail.</summary>
public class OrganisationSignInDataTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_provider_is_stored_per_organisation_with_its_secret_protected_and_out_of_the_trail(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var trust = new Organisation { Name = "Sign-in Trust", OdsCode = "ZS1" };
        var other = new Organisation { Name = "Other Trust", OdsCode = "ZS2" };
        var secrets = new OrganisationSignInSecret(new EphemeralDataProtectionProvider());
        const string secret = "client-secret-that-must-never-be-seen";
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            db.Organisations.AddRange(trust, other);
            db.OrganisationSignIns.Add(new OrganisationSignIn
            {
                OrganisationId = trust.Id, DisplayName = "NHS Care Identity Service 2", Issuer = "https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/oidc",
                ClientId = "cadre-zs1", ProtectedClientSecret = secrets.Protect(secret), ClientSecretSetAt = new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc),
                Enabled = true, UpdatedAt = new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc), UpdatedBy = "Ada Admin",
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(OrganisationScope.System))
        {
            var stored = await db.OrganisationSignIns.SingleAsync();
            Assert.Equal(OrganisationSignIn.DefaultUserClaim, stored.UserClaim);
            Assert.DoesNotContain(secret, stored.ProtectedClientSecret);
            Assert.Equal(secret, secrets.Unprotect(stored.ProtectedClientSecret!));
            var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(OrganisationSignIn));
            Assert.Equal(trust.Id, entry.OrganisationId);
            Assert.Contains("\"ProtectedClientSecret\":\"(set)\"", entry.After);
            Assert.DoesNotContain(stored.ProtectedClientSecret!, entry.After);
            Assert.Contains("\"ClientSecretSetAt\":\"2026-12-05T09:00:00Z\"", entry.After);
        }

        // The other organisation's users do not see it (the organisation filter), and a second provider for the same
        // organisation is refused by the database.
        await using (var db = database.NewContext(OrganisationScope.For([other.Id])))
            Assert.Empty(await db.OrganisationSignIns.ToListAsync());
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            db.OrganisationSignIns.Add(new OrganisationSignIn { OrganisationId = trust.Id, DisplayName = "Second", Issuer = "https://login.microsoftonline.com/x/v2.0", ClientId = "c", UpdatedBy = "x" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }
}
