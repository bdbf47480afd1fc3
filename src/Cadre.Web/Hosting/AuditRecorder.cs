using Cadre.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web;

/// <summary>
/// Records events of the current request in the audit trail, with the caller's address and user agent
/// (docs/decisions/audit-events-and-chain.md). Who is the signed-in user, or the actor given.
/// </summary>
public sealed class AuditRecorder(IHttpContextAccessor accessor, DbContextOptions<CadreDbContext> options, IAuditActor actor)
{
    public Task RecordAsync(AuditAction action, string entityType, string entityId, IEnumerable<Guid> organisations,
        object? details = null, IAuditActor? who = null, CancellationToken cancel = default) =>
        AuditEvents.RecordAsync(options, who ?? actor, action, entityType, entityId, organisations, Origin(accessor.HttpContext), details, cancel);

    /// <summary>The current user's organisations, from the sign-in claims.</summary>
    public IReadOnlyCollection<Guid> CurrentOrganisations() => OrganisationScope.FromClaims(accessor.HttpContext?.User).OrganisationIds;

    public static RequestOrigin? Origin(HttpContext? context) => context is null ? null
        : new RequestOrigin(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
}
