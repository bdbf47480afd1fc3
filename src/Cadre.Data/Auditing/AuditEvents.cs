using System.Text.Json;
using Cadre.Core.Register;
using Cadre.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Auditing;

/// <summary>Where a request came from, as the trail records it for events.</summary>
public sealed record RequestOrigin(string? Address, string? UserAgent);

/// <summary>
/// Appends events (a sign-in, a token's use, an export, a person's record read) to the audit trail beside the changes.
/// Each is saved in a context of its own, so an event is kept even when the request's own work is refused or fails,
/// and goes through the same save hook (and hash chain) as every change. An event about a user goes in each of their
/// organisations' trails; one tied to no organisation (a sign-in attempt for an unknown account) goes under
/// <see cref="Guid.Empty"/>, which only `cadre audit` and the chain check read.
/// </summary>
public static class AuditEvents
{
    public static async Task RecordAsync(DbContextOptions<CadreDbContext> options, IAuditActor actor, AuditAction action,
        string entityType, string entityId, IEnumerable<Guid> organisations, RequestOrigin? origin, object? details, CancellationToken cancel)
    {
        await using var db = new CadreDbContext(options, OrganisationScope.System, actor);
        var now = DateTime.UtcNow;
        var orgs = organisations.Distinct().ToList();
        if (orgs.Count == 0) orgs.Add(Guid.Empty);
        foreach (var organisation in orgs)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                OrganisationId = organisation,
                When = now,
                Who = Cut(actor.Name, 256)!,
                WhoUserId = actor.UserId,
                EntityType = entityType,
                EntityId = Cut(entityId, 100)!,
                Action = action,
                After = details is null ? null : JsonSerializer.Serialize(details),
                Address = Cut(origin?.Address, AuditLimits.Address),
                UserAgent = Cut(origin?.UserAgent, AuditLimits.UserAgent),
            });
        }
        await db.SaveChangesAsync(cancel);
    }

    /// <summary>The organisations a user belongs to (whatever the caller's scope).</summary>
    public static Task<List<Guid>> OrganisationsOfUserAsync(CadreDbContext db, string userId, CancellationToken cancel) =>
        db.UserOrganisations.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.OrganisationId).ToListAsync(cancel);

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
