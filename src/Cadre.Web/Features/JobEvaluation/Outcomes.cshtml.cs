using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>The organisation's job evaluation outcomes, newest first (the query filter keeps other organisations' out).</summary>
public sealed class OutcomesModel(CadreDbContext db) : PageModel
{
    public sealed record Row(Guid Id, DateOnly Date, string JobTitle, Guid? PostId, string? PostNumber, JeProcess Process, JeResult Result, string? Profile, int Total, string? Band, DateOnly? NotifiedOn, int Reviews);
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var outcomes = await db.Set<JeOutcome>().AsNoTracking().OrderByDescending(o => o.Date).ThenByDescending(o => o.RecordedAt)
            .Select(o => new { o.Id, o.Date, o.JobTitle, o.PostId, PostNumber = o.Post == null ? null : o.Post.PostNumber, o.Process, o.Result, o.ProfileTitle, o.Total, o.Band, o.NotifiedOn })
            .Take(1000).ToListAsync(cancel);
        var reviews = await db.Set<JeReviewRequest>().AsNoTracking().GroupBy(r => r.OutcomeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancel);
        Rows = outcomes.Select(o => new Row(o.Id, o.Date, o.JobTitle, o.PostId, o.PostNumber, o.Process, o.Result, o.ProfileTitle, o.Total, o.Band, o.NotifiedOn, reviews.GetValueOrDefault(o.Id))).ToList();
    }
}
