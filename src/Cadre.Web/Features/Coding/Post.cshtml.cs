using Cadre.Core.Coding;
using Cadre.Data.Coding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Coding;

/// <summary>
/// Coding one post: the proposal with its rules and reason, accept it, or record a different code with a reason.
/// Reading is open to every role that sees the post; deciding to Administrators, Workforce information and Service leads
/// (whose query filters confine them to their departments: another department's post is simply not found).
/// </summary>
public sealed class PostModel(CadreDbContext db, PostCoding coding) : PageModel
{
    public Cadre.Core.Register.Post Post { get; private set; } = default!;
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public IReadOnlyList<RoleProposal> Roles { get; private set; } = [];
    public IReadOnlyList<string> Areas { get; } = PostCoding.Engine.Reference.Services.Areas.Select(a => a.Name).Order().ToList();

    [BindProperty] public Guid? RoleId { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? AreaOfWork { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel) => await LoadAsync(id, cancel) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel)) return NotFound();
        if (!CodingSetup.MayDecide(User)) return Forbid();
        var result = await coding.AcceptAsync(id, RoleId, cancel);
        if (!result.Succeeded) { Errors = result.Problems.Select(p => new FormError("", p)).ToList(); return Page(); }
        TempData["Saved"] = "Accepted: " + string.Join("; ", result.Records.Select(r => $"{r.ChosenCode}{(r.ChosenAreaOfWork is { } a ? ", " + a : "")}")) + " recorded for this post";
        return Redirect($"/posts/{id}#coding-heading");
    }

    public async Task<IActionResult> OnPostOverrideAsync(Guid id, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel)) return NotFound();
        if (!CodingSetup.MayDecide(User)) return Forbid();
        var result = await coding.OverrideAsync(id, RoleId, Code, AreaOfWork, Reason, cancel);
        if (!result.Succeeded)
        {
            Errors = result.Problems.Select(p => new FormError(p.StartsWith("Enter the reason") || p.StartsWith("The reason") ? "Reason" : p.Contains("Area of Work") ? "AreaOfWork" : "Code", p)).ToList();
            return Page();
        }
        var r = result.Records[0];
        TempData["Saved"] = $"{r.ChosenCode} recorded for this post, with your reason";
        return Redirect($"/posts/{id}#coding-heading");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancel)
    {
        var post = await db.Posts.AsNoTracking().Include(p => p.Department).FirstOrDefaultAsync(p => p.Id == id, cancel);
        if (post is null) return false;
        Post = post;
        Roles = (await coding.ProposeAsync(id, cancel))?.Roles ?? [];
        return true;
    }
}
