using Cadre.Data.Coding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Coding.Extracts;

/// <summary>One uploaded extract: progress while it codes, then every problem (refused) or the before/after report.</summary>
[Authorize(Roles = CodingSetup.ApplyRoleList)]
public sealed class DetailsModel(CadreDbContext db) : PageModel
{
    private const int ShownProblems = 1000;
    private const int ShownReview = 200;

    public CodingRun Run { get; private set; } = default!;
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public (IReadOnlyList<string> Header, List<string[]> Rows) Codes { get; private set; }
    public (IReadOnlyList<string> Header, List<string[]> Rows) Moves { get; private set; }
    public (IReadOnlyList<string> Header, List<string[]> Rows) Causes { get; private set; }
    public (IReadOnlyList<string> Header, List<string[]> Rows) ReviewList { get; private set; }
    public int ReviewTotal { get; private set; }
    public int ProblemTotal { get; private set; }
    public IReadOnlyList<UnmatchedRow> Unmatched { get; private set; } = [];
    public ApplyResult? Applied { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel) => await LoadAsync(id, cancel) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel)) return NotFound();
        Applied = await ExtractRuns.ApplyAsync(db, id, cancel);
        if (!Applied.Succeeded) Errors = Applied.Problems.Select(p => new FormError("", p)).ToList();
        await LoadAsync(id, cancel);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancel)
    {
        db.ChangeTracker.Clear();
        var run = await db.CodingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancel);
        if (run is null) return false;
        Run = run;
        if (run.Status == CodingRunStatus.Refused)
        {
            var (_, rows) = ExtractRuns.Table(await ExtractRuns.FileAsync(db, id, ExtractRuns.ProblemList, cancel));
            ProblemTotal = rows.Count;
            Errors = rows.Take(ShownProblems).Select(r => new FormError("", $"Row {r[0]}" + (r[1].Length > 0 ? $", column {r[1]}, value '{r[2]}'" : "") + $": {r[3]}")).ToList();
        }
        else if (run.Status == CodingRunStatus.Completed)
        {
            Codes = ExtractRuns.Table(await ExtractRuns.FileAsync(db, id, ExtractRuns.Codes, cancel));
            Moves = ExtractRuns.Table(await ExtractRuns.FileAsync(db, id, ExtractRuns.Moves, cancel));
            Causes = ExtractRuns.Table(await ExtractRuns.FileAsync(db, id, ExtractRuns.Causes, cancel));
            var review = ExtractRuns.Table(await ExtractRuns.FileAsync(db, id, ExtractRuns.Review, cancel));
            ReviewTotal = review.Rows.Count;
            ReviewList = (review.Header, review.Rows.Take(ShownReview).ToList());
            if (run.AppliedAt is null) Unmatched = await ExtractRuns.PreviewUnmatchedAsync(db, run, cancel);
        }
        return true;
    }
}
