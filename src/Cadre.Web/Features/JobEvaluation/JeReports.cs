using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Cadre.Data.Register.Export;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>
/// The organisation's consistency check (JE-CONS-01/02) and band mismatch report (JE-CONS-03), shared by the pages,
/// their CSV downloads and the API. Cadre flags; it never changes an outcome.
/// </summary>
public static class JeReports
{
    public sealed record Finding(string RuleId, string Citation, string Severity, string Text, IReadOnlyList<Guid> OutcomeIds);
    public sealed record Mismatch(Guid PostId, string PostNumber, string Title, string RecordedBand, string JeBand, Guid OutcomeId, DateOnly Date, string RuleId, string Text);

    /// <summary>The latest outcome of each job (a review replaces what it reviewed), checked against each other and their profiles.</summary>
    public static async Task<IReadOnlyList<Finding>> ConsistencyAsync(CadreDbContext db, CancellationToken cancel)
    {
        var outcomes = await db.Set<JeOutcome>().AsNoTracking().Include(o => o.Post).OrderBy(o => o.Date).ToListAsync(cancel);
        var reviewed = outcomes.Where(o => o.ReviewOfId is not null).Select(o => o.ReviewOfId!.Value).ToHashSet();
        var live = outcomes.Where(o => !reviewed.Contains(o.Id) && o.Band is not null).ToList();
        var profileIds = live.Where(o => o.ProfileId is not null).Select(o => o.ProfileId!.Value).Distinct().ToList();
        var profiles = (await db.Set<JeProfile>().AsNoTracking().Include(p => p.Factors).Where(p => profileIds.Contains(p.Id)).ToListAsync(cancel))
            .ToDictionary(p => p.Id, JeLibraryStore.ToCore);
        var label = live.ToDictionary(o => o.Id.ToString(), o => o.Post?.PostNumber is { } n ? $"{n} ({o.Date:d MMM yyyy})" : $"{o.JobTitle} ({o.Date:d MMM yyyy})");
        var jobs = live.Select(o => new JobOutcome(o.Id.ToString(), o.JobTitle, o.LevelNumbers, o.Band!, o.ProfileId is { } p ? profiles.GetValueOrDefault(p) : null)).ToList();
        var checker = new ConsistencyChecker(JeReference.Default.Plan, JeReference.Default.Bands);
        return checker.Check(jobs).Select(f =>
        {
            var ids = live.Where(o => f.Text.Contains(o.Id.ToString())).Select(o => o.Id).ToList();
            var text = f.Text;
            foreach (var id in ids) text = text.Replace(id.ToString(), label[id.ToString()]);
            return new Finding(f.Rule.Id, f.Rule.Citation, f.Severity.ToString(), text, ids);
        }).ToList();
    }

    /// <summary>Posts whose recorded pay band differs from the band of their latest JE outcome.</summary>
    public static async Task<IReadOnlyList<Mismatch>> MismatchesAsync(CadreDbContext db, CancellationToken cancel)
    {
        var latest = await JeOutcomeService.LatestByPostAsync(db, null, cancel);
        var ids = latest.Keys.ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.PostNumber, p.Title, p.Band }).ToListAsync(cancel);
        var result = new List<Mismatch>();
        foreach (var p in posts.OrderBy(p => p.PostNumber))
        {
            var o = latest[p.Id];
            if (ConsistencyChecker.CheckPostBand(p.PostNumber, p.Band.Code, o.Band!) is { } f)
                result.Add(new Mismatch(p.Id, p.PostNumber, p.Title, p.Band.Code, o.Band!, o.Id, o.Date, f.Rule.Id, f.Text));
        }
        return result;
    }
}
