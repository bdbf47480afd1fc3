using Cadre.Core.Register;
using Cadre.Data.Auditing;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Data.Tests.Register;

/// <summary>Accounts, roles, grants and lockouts go into the same append-only trail as the register.</summary>
public class UserAccessAuditTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Users_roles_grants_and_lockouts_are_audited_without_secrets(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var trust = new Organisation { Name = "Audit Trust", OdsCode = "ZU1" };
        var other = new Organisation { Name = "Other Trust", OdsCode = "ZU2" };
        var physics = new Department { OrganisationId = trust.Id, Name = "Medical Physics", ScienceTheme = 'H' };
        var elsewhere = new Department { OrganisationId = other.Id, Name = "Audiology", ScienceTheme = 'F' };
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            db.Organisations.AddRange(trust, other);
            db.Departments.AddRange(physics, elsewhere);
            await db.SaveChangesAsync();
        }
        await using var services = database.NewServices();
        await using (var init = services.CreateAsyncScope())
        {
            var roles = init.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in CadreRoles.All) await roles.CreateAsync(new IdentityRole(role));
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var user = await CadreDatabaseInitialiser.CreateUserAsync(users, "sl@audit.test", "Sam Lead", "Correct-Horse-9-Battery", CadreRoles.ServiceLead, trust.Id, [physics.Id]);
        await users.RemoveFromRoleAsync(user, CadreRoles.ServiceLead);
        await users.AddToRoleAsync(user, CadreRoles.Viewer);
        for (var i = 0; i < 5; i++) await users.AccessFailedAsync(user);
        Assert.True(await users.IsLockedOutAsync(user));

        await using (var db = database.NewContext(OrganisationScope.System))
        {
            var trail = await db.AuditEntries.Where(e => e.EntityType.StartsWith("User")).OrderBy(e => e.When).ThenBy(e => e.Id).ToListAsync();
            Assert.All(trail, e => Assert.Equal(trust.Id, e.OrganisationId));
            Assert.Contains(trail, e => e.EntityType == "User" && e.Action == AuditAction.Created && e.After!.Contains("sl@audit.test"));
            Assert.Contains(trail, e => e.EntityType == "UserOrganisation" && e.Action == AuditAction.Created);
            Assert.Contains(trail, e => e.EntityType == "UserDepartmentScope" && e.After!.Contains(physics.Id.ToString()));
            Assert.Contains(trail, e => e.EntityType == "UserRole" && e.Action == AuditAction.Deleted && e.Before!.Contains("\"ServiceLead\""));
            Assert.Contains(trail, e => e.EntityType == "UserRole" && e.Action == AuditAction.Created && e.After!.Contains("\"Viewer\""));
            // The lockout is one row; the four failures before it are sign-in bookkeeping, not changes.
            var lockouts = trail.Where(e => e.EntityType == "User" && e.Action == AuditAction.Updated).ToList();
            Assert.Single(lockouts);
            Assert.Contains("LockoutEnd", lockouts[0].After);
            Assert.All(trail, e => Assert.DoesNotContain("PasswordHash", (e.Before ?? "") + e.After));
            Assert.All(trail, e => Assert.DoesNotContain("SecurityStamp", (e.Before ?? "") + e.After));
        }

        // A signed-in administrator of one trust cannot grant access to another trust or its departments.
        var admin = new AuditActor("admin-1", "Ada Admin");
        await using (var db = database.NewContext(OrganisationScope.For([trust.Id]), admin))
        {
            db.UserOrganisations.Add(new UserOrganisation { UserId = user.Id, OrganisationId = other.Id });
            await Assert.ThrowsAsync<OrganisationScopeException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.UserDepartmentScopes.Add(new UserDepartmentScope { UserId = user.Id, DepartmentId = elsewhere.Id });
            await Assert.ThrowsAsync<OrganisationScopeException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.UserDepartmentScopes.Remove(await db.UserDepartmentScopes.SingleAsync(s => s.UserId == user.Id));
            await db.SaveChangesAsync();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "UserDepartmentScope" && e.Action == AuditAction.Deleted && e.Who == "Ada Admin"));
        }
        // And the trail of these changes is as append-only as the rest.
        await using (var db = database.NewContext(OrganisationScope.For([trust.Id]), admin))
        {
            var entry = await db.AuditEntries.FirstAsync(e => e.EntityType == "UserRole");
            entry.After = "{}";
            await Assert.ThrowsAsync<AuditTrailException>(() => db.SaveChangesAsync());
        }
    }
}
