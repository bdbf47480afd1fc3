using Microsoft.EntityFrameworkCore;

namespace Cadre.Data;

/// <summary>
/// A piece of background work kept in the database (an extract re-code, a planning computation), so that whichever app
/// instance is asked about it can show its progress, and any instance can finish what another started.
/// </summary>
public interface IClaimedWork
{
    Guid Id { get; }

    /// <summary>When the instance doing the work last said it was still at it; null before anyone started it.</summary>
    DateTime? HeartbeatAt { get; set; }

    /// <summary>How many times the work was started (taken up again after an interruption counts).</summary>
    int Attempts { get; set; }
}

/// <summary>
/// The one way Cadre shares background work between instances (docs/decisions/hosting-several-instances.md): the instance
/// doing a piece of work beats a heartbeat on its row every <see cref="HeartbeatEvery"/>; work whose heartbeat is older
/// than <see cref="Lease"/> was interrupted (its instance stopped) and is claimed by the next instance that looks, with a
/// conditional update on the heartbeat it saw, so of several instances looking at once exactly one wins. An instance
/// that is stopped in an orderly way hands its work back at once (<see cref="ReleaseAsync"/>) instead of leaving the
/// others to wait out the lease. Works the same on SQLite (one instance, restarted) and PostgreSQL (several).
/// </summary>
public static class WorkClaims
{
    /// <summary>How often the instance doing the work says it is still at it.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Work whose heartbeat is older than this was interrupted. Long against <see cref="HeartbeatEvery"/> so a busy
    /// database or a pause for garbage collection is not mistaken for a stopped instance.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>True when nobody is doing the work: no heartbeat within the lease since it last beat (or was created).</summary>
    public static bool Lapsed(DateTime? heartbeat, DateTime createdAt, DateTime now) => now - (heartbeat ?? createdAt) > Lease;

    /// <summary>
    /// Claims the work if its heartbeat is still the one the caller saw (<paramref name="seen"/>): true for exactly one of
    /// several instances trying at once. The claim beats the heartbeat and counts an attempt.
    /// </summary>
    public static async Task<bool> TryClaimAsync<T>(IQueryable<T> work, Guid id, DateTime? seen, DateTime now, CancellationToken cancel)
        where T : class, IClaimedWork =>
        await One(work, id).Where(w => EF.Property<DateTime?>(w, nameof(IClaimedWork.HeartbeatAt)) == seen)
            .ExecuteUpdateAsync(u => u.SetProperty(w => EF.Property<DateTime?>(w, nameof(IClaimedWork.HeartbeatAt)), now)
                .SetProperty(w => EF.Property<int>(w, nameof(IClaimedWork.Attempts)), w => EF.Property<int>(w, nameof(IClaimedWork.Attempts)) + 1), cancel) == 1;

    // By name: EF maps the entity's own properties, and a member of the interface (as a generic method sees it) is not one.
    private static IQueryable<T> One<T>(IQueryable<T> work, Guid id) where T : class, IClaimedWork =>
        work.Where(w => EF.Property<Guid>(w, nameof(IClaimedWork.Id)) == id);

    private static void SetHeartbeat<T>(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<T> u, DateTime value) where T : class, IClaimedWork =>
        u.SetProperty(w => EF.Property<DateTime?>(w, nameof(IClaimedWork.HeartbeatAt)), value);

    // Heartbeats and hand-backs are not changes anyone made to a record: written straight to the row, outside the audit
    // trail, so a long run does not fill the trail with a line every two seconds. The work's outcome is saved normally.

    /// <summary>Says the work is still being done here, with how far it has got (<paramref name="progress"/>) in the same update.</summary>
    public static Task BeatAsync<T>(IQueryable<T> work, Guid id, CancellationToken cancel, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<T>>? progress = null)
        where T : class, IClaimedWork =>
        One(work, id).ExecuteUpdateAsync(u =>
        {
            SetHeartbeat(u, DateTime.UtcNow);
            progress?.Invoke(u);
        }, cancel);

    /// <summary>
    /// Hands the work back when this instance stops before finishing it: the heartbeat is set a lease into the past, so
    /// the next instance that looks takes it up at once, as it would after the lease ran out.
    /// </summary>
    public static Task ReleaseAsync<T>(IQueryable<T> work, Guid id, CancellationToken cancel) where T : class, IClaimedWork =>
        One(work, id).ExecuteUpdateAsync(u => SetHeartbeat(u, DateTime.UtcNow - Lease - TimeSpan.FromSeconds(1)), cancel);
}
