using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Security;

/// <summary>
/// Which accounts an administrator may change (docs/decisions/user-access.md). Roles are held per user, not per
/// organisation, so a user's roles, name, password and lock apply in every organisation they belong to: an
/// administrator may change them only when every one of the user's organisations is also the administrator's. For a
/// user shared with an organisation the administrator does not run, all they may do is withdraw their own
/// organisations' access (and the department grants in them), which takes nothing from the other organisation.
/// The users page asks <see cref="ReachOfAsync"/> before it offers or saves anything; the save guard applies
/// <see cref="MayChange"/> to every write so that no other path (API, a future page) can get round it.
/// </summary>
public static class UserAdministration
{
    /// <summary>What the signed-in administrator may do with one user's account.</summary>
    public enum Reach
    {
        /// <summary>Every organisation of the user is the administrator's: roles, name, password, lock and access.</summary>
        Full,
        /// <summary>The user also belongs to an organisation the administrator does not run: only withdrawing access.</summary>
        WithdrawOnly,
    }

    /// <summary>The words shown (page) and thrown (guard) when a change to a shared user is refused.</summary>
    public const string SharedUserRefusal =
        "This user also has access to another organisation's register. Their name, roles, password and lock apply there too, "
        + "so only an administrator of every organisation they belong to can change them. You can remove their access to your organisation.";

    /// <summary>The rule itself: full reach only when the user's organisations all lie within the administrator's.</summary>
    public static Reach ReachOf(IReadOnlyCollection<Guid> administratorOrganisations, IEnumerable<Guid> userOrganisations) =>
        userOrganisations.All(administratorOrganisations.Contains) ? Reach.Full : Reach.WithdrawOnly;

    /// <summary>The reach of the current scope over a user, from the user's saved memberships (whatever the query filters).</summary>
    public static async Task<Reach> ReachOfAsync(CadreDbContext db, string userId, CancellationToken cancel)
    {
        if (db.Scope.IsUnrestricted) return Reach.Full;
        var memberships = await SavedMembershipsQuery(db, userId).ToListAsync(cancel);
        return ReachOf(db.Scope.OrganisationIds, memberships);
    }

    /// <summary>The same, synchronously, for the save guard (which runs inside SaveChanges).</summary>
    internal static Reach ReachOf(CadreDbContext db, string userId) =>
        db.Scope.IsUnrestricted ? Reach.Full : ReachOf(db.Scope.OrganisationIds, SavedMembershipsQuery(db, userId).ToList());

    /// <summary>
    /// Whether a change to a shared user's account is one that only withdraws access: removing a membership or a
    /// department grant, or a new security stamp (which ends their sessions so the withdrawal takes effect at once).
    /// </summary>
    internal static bool OnlyWithdraws(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => entry.Entity switch
    {
        UserOrganisation or UserDepartmentScope => entry.State == EntityState.Deleted,
        CadreUser => entry.State == EntityState.Modified
            && entry.Properties.Where(p => !Equals(p.OriginalValue, p.CurrentValue))
                .All(p => p.Metadata.Name is nameof(CadreUser.SecurityStamp) or nameof(CadreUser.ConcurrencyStamp)),
        _ => false,
    };

    // Memberships as saved, not as this save would leave them: withdrawing B's access from a user of A and B must not
    // make the user look like B's alone halfway through the save.
    private static IQueryable<Guid> SavedMembershipsQuery(CadreDbContext db, string userId) =>
        db.UserOrganisations.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.OrganisationId);
}
