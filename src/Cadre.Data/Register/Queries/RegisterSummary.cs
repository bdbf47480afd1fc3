using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Register.Queries;

/// <summary>A count and WTE for one slice of the establishment (a band, a theme, a department).</summary>
public sealed record Slice(string Key, int Posts, decimal FundedWte, decimal FilledWte);

/// <summary>
/// The dashboard's figures for what the current user can see: headcount, WTE, funded against filled against vacant, and
/// the band and theme mix. Computed in the database (a few grouped queries), so it stays quick at thousands of posts.
/// </summary>
public sealed record RegisterSummary(
    int Posts, int FundedPosts, int VacantPosts, int FrozenPosts, decimal FundedWte, decimal FilledWte, int Headcount,
    IReadOnlyList<Slice> ByBand, IReadOnlyList<Slice> ByTheme, IReadOnlyList<Slice> ByDepartment)
{
    /// <summary>Funded WTE not covered by a current assignment (never negative).</summary>
    public decimal VacantWte => Math.Max(0, FundedWte - FilledWte);

    /// <param name="db">A context with the user's scope: the summary covers only what they may see.</param>
    /// <param name="on">The day the figures describe (who is in post then).</param>
    public static async Task<RegisterSummary> ComputeAsync(CadreDbContext db, DateOnly on, CancellationToken cancellationToken = default)
    {
        var posts = await db.Posts.AsNoTracking()
            .Select(p => new { p.Id, p.Status, p.Band, p.FundedWte, Department = p.Department!.Name })
            .ToListAsync(cancellationToken);
        var filled = await db.Assignments.AsNoTracking()
            .Where(a => a.StartDate <= on && (a.EndDate == null || a.EndDate >= on))
            .GroupBy(a => a.PostId)
            .Select(g => new { PostId = g.Key, Wte = g.Sum(a => a.Wte) })
            .ToDictionaryAsync(x => x.PostId, x => x.Wte, cancellationToken);
        var headcount = await db.Assignments.AsNoTracking()
            .Where(a => a.StartDate <= on && (a.EndDate == null || a.EndDate >= on))
            .Select(a => a.PersonId).Distinct().CountAsync(cancellationToken);
        // The theme of a post is that of its largest share of time (seed 000: the majority decides).
        var themes = await db.PostActivities.AsNoTracking()
            .Select(a => new { a.PostId, a.ScienceTheme, a.Percent })
            .ToListAsync(cancellationToken);
        var themeOf = themes.GroupBy(a => a.PostId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Percent).First().ScienceTheme.ToString());

        // The posts list is fetched once (a few columns), then sliced here: one round trip instead of one per chart.
        decimal Filled(Guid id) => filled.GetValueOrDefault(id);
        var rows = posts.Select(p => (p.Id, p.Status, Band: p.Band, p.FundedWte, p.Department, Theme: themeOf.GetValueOrDefault(p.Id, "-"))).ToList();
        List<Slice> Group(Func<(Guid Id, PostStatus Status, PayBand Band, decimal FundedWte, string Department, string Theme), string> key) =>
            rows.GroupBy(key).Select(g => new Slice(g.Key, g.Count(), g.Sum(r => r.FundedWte), g.Sum(r => Filled(r.Id)))).ToList();

        return new RegisterSummary(
            Posts: rows.Count,
            FundedPosts: rows.Count(r => r.Status == PostStatus.Funded),
            VacantPosts: rows.Count(r => r.Status == PostStatus.Vacant),
            FrozenPosts: rows.Count(r => r.Status == PostStatus.Frozen),
            FundedWte: rows.Where(r => r.Status != PostStatus.Frozen).Sum(r => r.FundedWte),
            FilledWte: filled.Values.Sum(),
            Headcount: headcount,
            ByBand: Group(r => r.Band.Code).OrderBy(s => PayBand.Parse(s.Key)).ToList(),
            ByTheme: Group(r => r.Theme).OrderBy(s => s.Key, StringComparer.Ordinal).ToList(),
            ByDepartment: Group(r => r.Department).OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).ToList());
    }
}
