using Cadre.Data.Coding;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Features.Coding;

/// <summary>What the post page and the post coding page show: the proposal per role, the rules and reason, the history.</summary>
public sealed record PostCodingView(PostProposal Proposal, IReadOnlyList<CodingDecisionRecord> History, bool MayDecide, bool Full);

/// <summary>The occupation coding panel on a post's page (rendered by <c>Posts/Details</c> with one line).</summary>
public sealed class PostCodingViewComponent(PostCoding coding) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid postId, bool full = false)
    {
        var proposal = await coding.ProposeAsync(postId, HttpContext.RequestAborted);
        if (proposal is null) return Content("");
        var history = await coding.HistoryAsync(postId, HttpContext.RequestAborted);
        return View("~/Features/Coding/_PostCoding.cshtml", new PostCodingView(proposal, history, CodingSetup.MayDecide(HttpContext.User), full));
    }
}
