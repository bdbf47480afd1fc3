using System.Buffers;
using System.Text.Json;
using Cadre.Core.Register;
using Cadre.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cadre.Data.Auditing;

/// <summary>Refused because it would change a record outside the user's organisations or departments.</summary>
public sealed class OrganisationScopeException(string message) : InvalidOperationException(message);

/// <summary>Refused because it would change or remove the audit trail.</summary>
public sealed class AuditTrailException(string message) : InvalidOperationException(message);

/// <summary>
/// Runs before every save, in the same transaction as the change itself: refuses writes outside the user's scope and
/// edits of the audit trail, then appends one <see cref="AuditEntry"/> per created, updated or deleted record. Doing it
/// here rather than in each page means no code path (web, API, import, a future feature) can forget it.
/// </summary>
public sealed class CadreSaveChangesInterceptor : SaveChangesInterceptor
{
    public static CadreSaveChangesInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CadreDbContext db) BeforeSave(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CadreDbContext db) BeforeSave(db);
        return ValueTask.FromResult(result);
    }

    private static void BeforeSave(CadreDbContext db)
    {
        // Interceptors run before EF's own change detection; look now so edits to loaded objects are seen.
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEntry && entry.State != EntityState.Added)
                throw new AuditTrailException("The audit trail is append-only: audit entries cannot be changed or deleted.");
            // An audit event may belong to no organisation (a sign-in attempt for an unknown account): AuditEvents.
            if (entry.Entity is IOrganisationOwned owned and not AuditEntry && owned.OrganisationId == Guid.Empty)
                owned.OrganisationId = OrganisationFromParent(db, entry);
        }

        foreach (var entry in entries) Guard(db, entry);
        foreach (var entry in entries) GuardAccess(db, entry);
        SessionEnder.EndSessionsOfChangedUsers(db, entries, DateTimeOffset.UtcNow);

        var now = DateTime.UtcNow;
        var audit = new List<AuditEntry>();
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEntry) continue;
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
                versioned.Version = Guid.NewGuid();
            if (OrganisationOf(entry) is not { } organisationId) continue;
            audit.Add(new AuditEntry
            {
                OrganisationId = organisationId,
                When = now,
                Who = db.Actor.Name,
                WhoUserId = db.Actor.UserId,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Action = entry.State switch { EntityState.Added => AuditAction.Created, EntityState.Modified => AuditAction.Updated, _ => AuditAction.Deleted },
                Before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false),
            });
        }
        audit.AddRange(UserAccessAudit(db, entries, now));
        audit.AddRange(NationalLibraryAudit.Entries(db, entries, now));
        db.AuditEntries.AddRange(audit);
    }

    // Sign-in bookkeeping that changes on every attempt; a change to only these is not worth an audit row.
    private static readonly HashSet<string> UserNoise = [nameof(CadreUser.AccessFailedCount), nameof(CadreUser.ConcurrencyStamp)];
    // Never copied into the trail: secrets, or values that let someone forge a session.
    private static readonly HashSet<string> UserSecrets = [nameof(CadreUser.PasswordHash), nameof(CadreUser.SecurityStamp), nameof(CadreUser.ConcurrencyStamp)];

    /// <summary>
    /// Who may sign in and what they may do is as sensitive as the register itself, so user accounts, their roles and
    /// their organisation and department grants are audited too, in each organisation the user belongs to (the trail is
    /// per organisation). Password hashes and security stamps are left out; as a change of the account, a failed
    /// sign-in shows only when it locks the account (every attempt is also an event of its own: AuditEvents).
    /// </summary>
    private static IEnumerable<AuditEntry> UserAccessAudit(CadreDbContext db, List<EntityEntry> entries, DateTime now)
    {
        foreach (var entry in entries)
        {
            string userId;
            string type;
            Dictionary<string, string?>? before = null, after = null;
            switch (entry.Entity)
            {
                case CadreUser user:
                    // Identity's store marks every column modified on each update, so compare values, not flags.
                    var changed = entry.State == EntityState.Modified
                        ? entry.Properties.Where(p => !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToList()
                        : [];
                    if (entry.State == EntityState.Modified && changed.All(UserNoise.Contains)) continue;
                    userId = user.Id;
                    type = "User";
                    if (entry.State != EntityState.Added) before = UserValues(entry, original: true);
                    if (entry.State != EntityState.Deleted) after = UserValues(entry, original: false);
                    // The hash never goes in the trail, but that the password was set or reset does.
                    if (changed.Contains(nameof(CadreUser.PasswordHash))) { before!["Password"] = "(previous)"; after!["Password"] = "(changed)"; }
                    break;
                case Microsoft.AspNetCore.Identity.IdentityUserRole<string> role:
                    userId = role.UserId;
                    type = "UserRole";
                    var name = db.Roles.Where(r => r.Id == role.RoleId).Select(r => r.Name).FirstOrDefault() ?? role.RoleId;
                    var values = new Dictionary<string, string?> { ["User"] = role.UserId, ["Role"] = name };
                    if (entry.State == EntityState.Added) after = values; else before = values;
                    break;
                case UserOrganisation membership:
                    userId = membership.UserId;
                    type = "UserOrganisation";
                    var org = new Dictionary<string, string?> { ["User"] = membership.UserId, ["Organisation"] = membership.OrganisationId.ToString() };
                    if (entry.State == EntityState.Added) after = org; else before = org;
                    break;
                case UserDepartmentScope grant:
                    userId = grant.UserId;
                    type = "UserDepartmentScope";
                    var dept = new Dictionary<string, string?> { ["User"] = grant.UserId, ["Department"] = grant.DepartmentId.ToString() };
                    if (entry.State == EntityState.Added) after = dept; else before = dept;
                    break;
                default:
                    continue;
            }
            if (entry.State == EntityState.Modified && before is not null && after is not null && before.SequenceEqual(after)) continue;
            foreach (var organisationId in OrganisationsOfUser(db, userId))
            {
                yield return new AuditEntry
                {
                    OrganisationId = organisationId,
                    When = now,
                    Who = db.Actor.Name,
                    WhoUserId = db.Actor.UserId,
                    EntityType = type,
                    EntityId = entry.Entity is CadreUser ? userId : $"{userId},{(before ?? after)!.Values.Last()}",
                    Action = entry.State switch { EntityState.Added => AuditAction.Created, EntityState.Modified => AuditAction.Updated, _ => AuditAction.Deleted },
                    Before = before is null ? null : JsonSerializer.Serialize(before),
                    After = after is null ? null : JsonSerializer.Serialize(after),
                };
            }
        }
    }

    private static Dictionary<string, string?> UserValues(EntityEntry entry, bool original)
    {
        var values = original ? entry.OriginalValues : entry.CurrentValues;
        return values.Properties.Where(p => !UserSecrets.Contains(p.Name) && !p.Name.StartsWith("Normalized", StringComparison.Ordinal))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(p => p.Name, p => values[p] switch
            {
                null => null,
                DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            });
    }

    /// <summary>A user's organisations, saved or being granted or removed in this save.</summary>
    private static HashSet<Guid> OrganisationsOfUser(CadreDbContext db, string userId)
    {
        var organisations = db.UserOrganisations.AsNoTracking().Where(u => u.UserId == userId).Select(u => u.OrganisationId).ToHashSet();
        foreach (var tracked in db.ChangeTracker.Entries<UserOrganisation>().Where(e => e.Entity.UserId == userId))
            organisations.Add(tracked.Entity.OrganisationId);
        return organisations;
    }

    /// <summary>
    /// An administrator may grant access only to what they can see themselves: their own organisations and those
    /// organisations' departments; and they may change another user's account only when all that user's organisations
    /// are theirs (<see cref="UserAdministration"/>). The users page lists only users of their organisations.
    /// </summary>
    private static void GuardAccess(CadreDbContext db, EntityEntry entry)
    {
        // Only a signed-in user's grants are limited: accounts made with no user at all are the system's own set-up
        // (the first administrator, `cadre users add`, test fixtures), and no anonymous page can grant access.
        if (db.Scope.IsUnrestricted || db.Actor.UserId is null) return;
        // Roles, password and lock are global to the user, so a user shared with an organisation the actor does not
        // run can only have access withdrawn (UserAdministration); their own account is the actor's to change.
        if (AccountOf(entry) is { } account && account != db.Actor.UserId
            && UserAdministration.ReachOf(db, account) == UserAdministration.Reach.WithdrawOnly
            && !UserAdministration.OnlyWithdraws(entry))
            throw new OrganisationScopeException(UserAdministration.SharedUserRefusal);
        if (entry.Entity is UserOrganisation membership && !db.Scope.OrganisationIds.Contains(membership.OrganisationId))
            throw new OrganisationScopeException("Access to an organisation you do not belong to cannot be granted or removed.");
        if (entry.Entity is UserDepartmentScope grant)
        {
            var organisation = db.Departments.IgnoreQueryFilters().Where(d => d.Id == grant.DepartmentId).Select(d => (Guid?)d.OrganisationId).FirstOrDefault();
            if (organisation is not { } o || !db.Scope.OrganisationIds.Contains(o))
                throw new OrganisationScopeException("Access to a department outside your organisations cannot be granted or removed.");
        }
    }

    /// <summary>The user whose account (sign-in, roles, grants, Identity's claims, logins and tokens) a change touches.</summary>
    private static string? AccountOf(EntityEntry entry) => entry.Entity switch
    {
        CadreUser user => user.Id,
        Microsoft.AspNetCore.Identity.IdentityUserRole<string> role => role.UserId,
        Microsoft.AspNetCore.Identity.IdentityUserClaim<string> claim => claim.UserId,
        Microsoft.AspNetCore.Identity.IdentityUserLogin<string> login => login.UserId,
        Microsoft.AspNetCore.Identity.IdentityUserToken<string> token => token.UserId,
        UserOrganisation membership => membership.UserId,
        UserDepartmentScope grant => grant.UserId,
        _ => null,
    };

    /// <summary>Which organisation's trail a change belongs to; null for records outside the register (Identity's own tables).</summary>
    private static Guid? OrganisationOf(EntityEntry entry) => entry.Entity switch
    {
        Organisation o => o.Id,
        IOrganisationOwned owned => owned.OrganisationId,
        _ => null,
    };

    /// <summary>
    /// A child row added through its parent (an activity added to a post) takes the parent's organisation, so callers do
    /// not have to copy it by hand. The parent is found through the navigation or among the tracked objects.
    /// </summary>
    private static Guid OrganisationFromParent(CadreDbContext db, EntityEntry entry)
    {
        foreach (var fk in entry.Metadata.GetForeignKeys())
        {
            if (!typeof(IOrganisationOwned).IsAssignableFrom(fk.PrincipalEntityType.ClrType)) continue;
            var nav = fk.DependentToPrincipal is { } n ? entry.Navigation(n.Name).CurrentValue : null;
            if (nav is IOrganisationOwned parent && parent.OrganisationId != Guid.Empty) return parent.OrganisationId;
            var keyValues = fk.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
            if (keyValues.Any(v => v is null)) continue;
            var tracked = db.ChangeTracker.Entries().FirstOrDefault(e => e.Metadata == fk.PrincipalEntityType
                && fk.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(keyValues));
            if (tracked?.Entity is IOrganisationOwned trackedParent && trackedParent.OrganisationId != Guid.Empty) return trackedParent.OrganisationId;
        }
        throw new OrganisationScopeException($"A new {entry.Metadata.ClrType.Name} has no organisation: set OrganisationId or add it through its parent record.");
    }

    private static void Guard(CadreDbContext db, EntityEntry entry)
    {
        var scope = db.Scope;
        if (scope.IsUnrestricted) return;
        var what = entry.Metadata.ClrType.Name;
        if (entry.Entity is Organisation organisation)
        {
            // Creating organisations is system work; a user may rename their own.
            if (entry.State == EntityState.Added || !scope.OrganisationIds.Contains(organisation.Id))
                throw new OrganisationScopeException("Only the system can create organisations, and users can change only their own.");
            return;
        }
        if (entry.Entity is not IOrganisationOwned owned) return;

        var organisations = new List<Guid> { owned.OrganisationId };
        if (entry.State == EntityState.Modified) organisations.Add((Guid)entry.Property(nameof(IOrganisationOwned.OrganisationId)).OriginalValue!);
        if (organisations.Any(o => !scope.OrganisationIds.Contains(o)))
            throw new OrganisationScopeException($"This {what} belongs to an organisation you do not have access to; the change was refused.");

        if (scope.DepartmentIds is not { } departments) return;
        var departmentIds = new List<Guid>();
        if (entry.Entity is Department d)
        {
            if (entry.State != EntityState.Modified) throw new OrganisationScopeException("A service lead cannot create or delete departments.");
            departmentIds.Add(d.Id);
        }
        else if (entry.Entity is IDepartmentOwned byDepartment)
        {
            departmentIds.Add(byDepartment.DepartmentId);
            if (entry.State == EntityState.Modified) departmentIds.Add((Guid)entry.Property(nameof(IDepartmentOwned.DepartmentId)).OriginalValue!);
        }
        else if (entry.Entity is Planning.PlanningScenario scenario)
        {
            // A scenario for the whole organisation or a theme reads departments a service lead does not lead.
            if (scenario.DepartmentId is not { } department)
                throw new OrganisationScopeException("A service lead can plan only for a department they lead; the change was refused.");
            departmentIds.Add(department);
            if (entry.State == EntityState.Modified && entry.Property(nameof(Planning.PlanningScenario.DepartmentId)).OriginalValue is Guid before) departmentIds.Add(before);
        }
        else if (entry.Entity is PostActivity or PostRole or Assignment)
        {
            // Rows that hang off a post belong to the post's department (and to the old post's, if moved).
            var postIds = new HashSet<Guid> { (Guid)entry.Property("PostId").CurrentValue! };
            if (entry.State == EntityState.Modified) postIds.Add((Guid)entry.Property("PostId").OriginalValue!);
            foreach (var postId in postIds) departmentIds.Add(DepartmentOfPost(db, postId));
        }
        else if (entry.Entity is Person or ProfessionalRegistration or Certificate or TrainingEnrolment)
        {
            // People belong to no department themselves; a service lead reaches them through the posts they hold, as the
            // read filter does. So the change is allowed when the person holds (or, in this same save, is given) a post
            // in a department the lead leads, whatever else they hold; a person with no such post is refused.
            var personIds = new HashSet<Guid> { entry.Entity is Person p ? p.Id : (Guid)entry.Property("PersonId").CurrentValue! };
            if (entry.State == EntityState.Modified && entry.Entity is not Person) personIds.Add((Guid)entry.Property("PersonId").OriginalValue!);
            foreach (var personId in personIds)
                if (!DepartmentsOfPerson(db, personId).Any(departments.Contains))
                    throw new OrganisationScopeException($"This {what} is for a person who holds no post in a department you lead; the change was refused.");
            return;
        }
        if (departmentIds.Any(x => !departments.Contains(x)))
            throw new OrganisationScopeException($"This {what} belongs to a department you do not lead; the change was refused.");
    }

    /// <summary>The departments of every post a person holds or held, saved or being added in this save, whatever the filters.</summary>
    private static HashSet<Guid> DepartmentsOfPerson(CadreDbContext db, Guid personId)
    {
        var postIds = db.Assignments.IgnoreQueryFilters().Where(a => a.PersonId == personId).Select(a => a.PostId).ToHashSet();
        foreach (var tracked in db.ChangeTracker.Entries<Assignment>().Where(e => e.Entity.PersonId == personId && e.State != EntityState.Deleted))
            postIds.Add(tracked.Entity.PostId);
        return postIds.Select(postId => DepartmentOfPost(db, postId)).ToHashSet();
    }

    /// <summary>The department of a post: from the tracked post if loaded, else from the database whatever the filters.</summary>
    private static Guid DepartmentOfPost(CadreDbContext db, Guid postId)
    {
        var tracked = db.ChangeTracker.Entries<Post>().FirstOrDefault(e => e.Entity.Id == postId);
        if (tracked is not null)
            return tracked.State == EntityState.Added ? tracked.Entity.DepartmentId : (Guid)tracked.Property(nameof(Post.DepartmentId)).OriginalValue!;
        return db.Posts.IgnoreQueryFilters().Where(p => p.Id == postId).Select(p => p.DepartmentId).FirstOrDefault();
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    /// <summary>The record's own columns as JSON, values as the database stores them (bands as "8a", enums by name).</summary>
    private static string Snapshot(EntityEntry entry, bool original)
    {
        // Written straight to a UTF-8 buffer: an import audits hundreds of thousands of rows, so no dictionaries or boxing.
        var values = original ? entry.OriginalValues : entry.CurrentValues;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in values.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                if (property.IsShadowProperty() && !property.IsForeignKey()) continue;
                if (property.Name == nameof(IVersioned.Version)) continue;
                json.WritePropertyName(property.Name);
                // A protected secret is never copied into the trail, only whether one is set.
                if (property.FindAnnotation(Security.AuditSecret.Annotation) is not null)
                {
                    if (values[property] is null) json.WriteNullValue(); else json.WriteStringValue(Security.AuditSecret.Set);
                    continue;
                }
                AuditValueJson.Write(json, property, values[property]);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

}
