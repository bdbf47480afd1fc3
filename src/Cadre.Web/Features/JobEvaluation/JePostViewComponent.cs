using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>On a post's page: its latest JE outcome and band beside the recorded pay band, with a mismatch flagged (JE-CONS-03).</summary>
public sealed class JePostViewComponent(CadreDbContext db) : ViewComponent
{
    public sealed record Model(Guid PostId, string RecordedBand, JeOutcome? Outcome, ProcessFinding? Mismatch, bool CanRun);

    public async Task<IViewComponentResult> InvokeAsync(Guid postId, string postNumber, string recordedBand)
    {
        var latest = await JeOutcomeService.LatestByPostAsync(db, [postId], HttpContext.RequestAborted);
        var outcome = latest.GetValueOrDefault(postId);
        var mismatch = outcome is null ? null : ConsistencyChecker.CheckPostBand(postNumber, recordedBand, outcome.Band!);
        return View("/Features/JobEvaluation/_PostJe.cshtml", new Model(postId, recordedBand, outcome, mismatch, JeAccess.MayRunPanels(UserClaimsPrincipal)));
    }
}
