using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cadre.Data.Security;

/// <summary>
/// Ends every session of a user whose access changes: a role added or removed, an organisation or department granted
/// or withdrawn, a new password, or a lockout. It gives the user a new security stamp in the same save; the web app
/// checks the stamp on every request, so a cookie issued before the change stops working at once. Doing it here rather
/// than on each page means the users page, `cadre users` and any future path end sessions alike (ASVS 3.3.1, 3.3.3;
/// docs/decisions/sessions-and-tokens.md).
/// </summary>
internal static class SessionEnder
{
    public static void EndSessionsOfChangedUsers(CadreDbContext db, IReadOnlyList<EntityEntry> entries, DateTimeOffset now)
    {
        var userIds = new HashSet<string>();
        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case IdentityUserRole<string> role when entry.State is EntityState.Added or EntityState.Deleted:
                    userIds.Add(role.UserId); break;
                case UserOrganisation membership:
                    userIds.Add(membership.UserId); break;
                case UserDepartmentScope grant:
                    userIds.Add(grant.UserId); break;
                case CadreUser user when entry.State == EntityState.Modified && (Changed(entry, nameof(CadreUser.PasswordHash))
                        || (Changed(entry, nameof(CadreUser.LockoutEnd)) && user.LockoutEnd > now)):
                    userIds.Add(user.Id); break;
            }
        }
        ForgetAttemptsOfUnlockedUsers(db, entries, now);
        foreach (var userId in userIds)
        {
            var tracked = db.ChangeTracker.Entries<CadreUser>().FirstOrDefault(e => e.Entity.Id == userId);
            if (tracked?.State is EntityState.Added or EntityState.Deleted) continue;
            // Identity has already given a new stamp (a password change does): nothing more to do.
            if (tracked is not null && Changed(tracked, nameof(CadreUser.SecurityStamp))) continue;
            var user = tracked?.Entity ?? db.Users.FirstOrDefault(u => u.Id == userId);
            if (user is null) continue;
            user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }
    }

    /// <summary>
    /// An administrator's unlock (or any save that ends a lockout early) also clears the sign-in throttle's count for the
    /// account's names, or the user would still be refused until the window passed (docs/decisions/sign-in.md).
    /// </summary>
    private static void ForgetAttemptsOfUnlockedUsers(CadreDbContext db, IReadOnlyList<EntityEntry> entries, DateTimeOffset now)
    {
        foreach (var entry in entries)
        {
            if (entry.Entity is not CadreUser user || entry.State != EntityState.Modified || !Changed(entry, nameof(CadreUser.LockoutEnd))) continue;
            var was = (DateTimeOffset?)entry.Property(nameof(CadreUser.LockoutEnd)).OriginalValue;
            if (was is null || was <= now || (user.LockoutEnd is { } end && end > now)) continue;
            var names = new[] { user.NormalizedUserName, user.NormalizedEmail }.OfType<string>().Distinct().ToArray();
            db.SignInAttempts.RemoveRange(db.SignInAttempts.Where(a => names.Contains(a.Account)).ToList());
        }
    }

    private static bool Changed(EntityEntry entry, string property) =>
        !Equals(entry.Property(property).OriginalValue, entry.Property(property).CurrentValue);
}
