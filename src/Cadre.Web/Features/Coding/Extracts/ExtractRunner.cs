using Cadre.Data.Coding;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Coding.Extracts;

/// <summary>
/// Codes uploaded extracts off the request (the browser polls the progress and is not held open by a 100,000-row file),
/// and takes up a run another instance left unfinished. Each run is coded in its own scope and database context, limited
/// to the run's organisation, by the person who uploaded it. The run is shared background work (WorkClaims): stopping
/// this instance hands it back to the others.
/// </summary>
public sealed class ExtractRunner(IServiceScopeFactory scopes, CodingRunProgress progress, BackgroundWork background, ILogger<ExtractRunner> log)
{
    /// <summary>Starts coding a staged extract for a run already saved as running.</summary>
    public void Start(Guid runId, Guid organisationId, AuditActor actor, string path)
    {
        // Each context in a scope of its own that lives as long as it does (the options hold scoped services).
        async Task WithContext(Func<CadreDbContext, Task> use)
        {
            using var scope = scopes.CreateScope();
            var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<CadreDbContext>>();
            await using var db = new CadreDbContext(options, OrganisationScope.For([organisationId]), actor);
            await use(db);
        }
        background.Start(runId, $"Re-code {runId}", async stopping =>
        {
            try { await WithContext(db => ExtractRuns.ProcessAsync(db, runId, path, progress, stopping)); }
            finally { progress.Finish(runId); }
        }, () => WithContext(db => WorkClaims.ReleaseAsync(db.CodingRuns.Where(r => r.Status == CodingRunStatus.Running), runId, CancellationToken.None)));
    }

    /// <summary>
    /// When the run is running in the database, not in this process, and its heartbeat has stopped, claims it and codes
    /// its kept upload again here. True when this instance took it up.
    /// </summary>
    public async Task<bool> ResumeIfInterruptedAsync(CadreDbContext db, CodingRun run, CancellationToken cancel)
    {
        if (run.Status != CodingRunStatus.Running || progress.Find(run.Id) is not null) return false;
        var path = await ExtractRuns.ClaimInterruptedAsync(db, run.Id, DateTime.UtcNow, cancel);
        if (path is null) return false;
        log.LogWarning("Re-code {Run} of {File} was interrupted; coding it again here", run.Id, run.FileName);
        progress.Start(run.Id, run.Total);
        Start(run.Id, run.OrganisationId, new AuditActor(run.UploadedByUserId, run.UploadedBy), path);
        return true;
    }
}
