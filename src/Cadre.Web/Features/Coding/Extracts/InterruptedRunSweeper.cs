using Cadre.Data.Coding;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Coding.Extracts;

/// <summary>
/// Takes up re-codes left running by an instance that died without handing them back (power, `kill -9`), without
/// waiting for anyone to open the run's page: every half lease it looks for runs whose heartbeat has lapsed and claims
/// them through the same <see cref="ExtractRunner.ResumeIfInterruptedAsync"/> the progress page uses, so however many
/// instances look at once, one codes each run (issue 12: "an interrupted coding run is picked up without anyone opening it").
/// </summary>
public sealed class InterruptedRunSweeper(IServiceScopeFactory scopes, ExtractRunner runner, ILogger<InterruptedRunSweeper> log) : BackgroundService
{
    public static readonly TimeSpan Every = WorkClaims.Lease / 2;

    /// <summary>At most this many runs are taken up in one sweep, so one instance does not claim a backlog the others could share.</summary>
    private const int PerSweep = 4;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try { await SweepAsync(stopping); }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            // A database that is briefly unreachable is not a reason to stop looking.
            catch (Exception e) { log.LogWarning("Looking for interrupted re-codes failed ({Reason}); trying again in {Seconds} s", e.Message, Every.TotalSeconds); }
        }
        while (await timer.WaitForNextTickAsync(stopping));
    }

    private async Task SweepAsync(CancellationToken stopping)
    {
        using var scope = scopes.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<CadreDbContext>>();
        // Every organisation's runs: this is the service's own housekeeping, and each run is then coded in its own
        // organisation's scope, as the person who uploaded it (ExtractRunner.Start).
        await using var db = new CadreDbContext(options, OrganisationScope.System, AuditActor.System("cadre (taking up an interrupted re-code)"));
        var lapsedBefore = DateTime.UtcNow - WorkClaims.Lease;
        var runs = await db.CodingRuns.AsNoTracking()
            .Where(r => r.Status == CodingRunStatus.Running && (r.HeartbeatAt ?? r.UploadedAt) < lapsedBefore)
            .OrderBy(r => r.UploadedAt).Take(PerSweep).ToListAsync(stopping);
        foreach (var run in runs) await runner.ResumeIfInterruptedAsync(db, run, stopping);
    }
}
