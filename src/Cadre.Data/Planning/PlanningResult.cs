using System.Text.Json;
using System.Text.Json.Serialization;
using Cadre.Core.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Data.Planning;

/// <summary>
/// The projection of one version of a saved scenario (with its runs and seed), computed once and kept, so opening the
/// scenario's page, comparing it or asking the API does not run 1,000 Monte Carlo runs again on every view, and so the
/// computation is shared background work (<see cref="IClaimedWork"/>): while one instance computes it, the others wait
/// for its result rather than repeat it, and take it up if that instance stops. A new version of the scenario is a new
/// row; the old version's row goes with the scenario. Not an audited register record: it is reached only through its
/// scenario, whose organisation and department filters decide who sees it.
/// </summary>
public class PlanningResult : IClaimedWork
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ScenarioId { get; set; }
    /// <summary>The scenario's <see cref="PlanningScenario.Version"/> this was computed from.</summary>
    public Guid ScenarioVersion { get; set; }
    public int Runs { get; set; }
    public int Seed { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The figures (<see cref="PlanningResults"/>); null while being computed.</summary>
    public string? ResultJson { get; set; }
    public DateTime? HeartbeatAt { get; set; }
    public int Attempts { get; set; }
}

internal sealed class PlanningResultConfiguration : IEntityTypeConfiguration<PlanningResult>
{
    public void Configure(EntityTypeBuilder<PlanningResult> b)
    {
        b.ToTable("PlanningResults");
        b.HasIndex(r => new { r.ScenarioId, r.ScenarioVersion, r.Runs, r.Seed }).IsUnique();
        b.HasOne<PlanningScenario>().WithMany().HasForeignKey(r => r.ScenarioId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Finds the stored projection of a scenario version, or computes it once (claimed through the database) and stores it.</summary>
public static class PlanningResults
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // A gap extra trainees cannot close is infinite; kept as such.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The projection of <paramref name="saved"/> as it is now: the stored one; or, when none is, computed here by
    /// <paramref name="compute"/> and stored; or, when another instance is computing it, that one's once it is stored
    /// (taken up here if that instance stops).
    /// </summary>
    public static async Task<PlanResult> GetOrComputeAsync(CadreDbContext db, PlanningScenario saved, int runs, int seed,
        Func<PlanResult> compute, CancellationToken cancel)
    {
        var results = db.Set<PlanningResult>();
        while (true)
        {
            var row = await results.AsNoTracking().FirstOrDefaultAsync(r => r.ScenarioId == saved.Id && r.ScenarioVersion == saved.Version && r.Runs == runs && r.Seed == seed, cancel);
            if (row?.ResultJson is { } stored)
            {
                if (Read(stored, saved, runs, seed) is { } kept) return kept;
                // Stored before the figures it holds grew (commissioning that keeps the gap closed): compute it again, once.
                var fresh = compute();
                var json = Write(fresh);
                await results.Where(r => r.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ResultJson, json), cancel);
                return fresh;
            }
            var now = DateTime.UtcNow;
            if (row is null)
            {
                row = new PlanningResult { ScenarioId = saved.Id, ScenarioVersion = saved.Version, Runs = runs, Seed = seed, CreatedAt = now, HeartbeatAt = now, Attempts = 1 };
                results.Add(row);
                bool started;
                try
                {
                    await db.SaveChangesAsync(cancel);
                    started = true;
                }
                catch (DbUpdateException)
                {
                    // Another instance started the same projection a moment ago (the unique index): wait for it.
                    started = false;
                }
                db.Entry(row).State = EntityState.Detached;
                if (started)
                {
                    var result = await ComputeAsync(db, row.Id, compute, cancel);
                    // Earlier versions' figures are of no more use: the pages always show the scenario as it is now.
                    await results.Where(r => r.ScenarioId == saved.Id && r.ScenarioVersion != saved.Version).ExecuteDeleteAsync(cancel);
                    return result;
                }
                continue;
            }
            if (WorkClaims.Lapsed(row.HeartbeatAt, row.CreatedAt, now) && await WorkClaims.TryClaimAsync(results, row.Id, row.HeartbeatAt, now, cancel))
                return await ComputeAsync(db, row.Id, compute, cancel);
            // Being computed elsewhere: its result is stored in a moment.
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancel);
        }
    }

    private static async Task<PlanResult> ComputeAsync(CadreDbContext db, Guid id, Func<PlanResult> compute, CancellationToken cancel)
    {
        var results = db.Set<PlanningResult>();
        var work = Task.Run(compute, cancel);
        while (await Task.WhenAny(work, Task.Delay(WorkClaims.HeartbeatEvery, cancel)) != work)
            await WorkClaims.BeatAsync(results, id, cancel);
        var result = await work;
        var json = Write(result);
        await results.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ResultJson, json).SetProperty(r => r.HeartbeatAt, DateTime.UtcNow), cancel);
        return result;
    }

    /// <summary>The stored form: the figures only. The scenario, its segments and their assumptions come from the saved JSON.</summary>
    private sealed record Stored(IReadOnlyList<StoredSegment> Segments, IReadOnlyList<PlanYear> Total, IReadOnlyList<SensitivityRow>? Sensitivity, int Format = 0);

    /// <summary>The stored form's version: 1 added commissioning that keeps the gap closed and the tornado. Rows of an earlier form are computed again.</summary>
    private const int CurrentFormat = 1;

    private sealed record StoredSegment(IReadOnlyList<PlanYear> Years, CommissionNeed Commissions, CommissionNeed? CentralCommissions, KeepingTheGapClosed? Keeping);

    public static string Write(PlanResult result) => JsonSerializer.Serialize(
        new Stored(result.Segments.Select(s => new StoredSegment(s.Years, s.Commissions, s.CentralCommissions, s.Keeping)).ToList(), result.Total, result.Sensitivity, CurrentFormat), Json);

    /// <summary>The stored projection, or null when it was stored in an earlier form that lacks figures the pages now show.</summary>
    public static PlanResult? Read(string json, PlanningScenario saved, int runs, int seed)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Json) ?? throw new InvalidOperationException("An empty stored projection.");
        if (stored.Format < CurrentFormat) return null;
        var document = ScenarioDocument.FromJson(saved.ScenarioJson);
        var scenario = document.Parse();
        var segments = stored.Segments.Select((s, i) => new SegmentPlan(scenario.Segments[i], s.Years, s.Commissions, scenario.AssumptionsFor(scenario.Segments[i]).Values.ToList())
            { CentralCommissions = s.CentralCommissions, Keeping = s.Keeping }).ToList();
        return new PlanResult(scenario, runs, seed, segments, stored.Total) { Sensitivity = stored.Sensitivity };
    }
}
