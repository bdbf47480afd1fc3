using Cadre.Core.Coding;
using Cadre.Data.Coding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Coding;

/// <summary>
/// The organisation's coding review: every post's recorded code against the proposal, filtered by status and department,
/// with the counts and the share miscoded (and why) that a lead asks for; bulk accept of selected recodes.
/// </summary>
public sealed class IndexModel(CadreDbContext db, PostCoding coding) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty] public List<Guid> Selected { get; set; } = [];

    public IReadOnlyList<PostProposal> All { get; private set; } = [];
    public IReadOnlyList<PostProposal> Shown { get; private set; } = [];
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public int Roles => All.Sum(p => p.Roles.Count);
    public int Miscoded => All.Sum(p => p.Roles.Count(r => IsMiscoded(r)));
    public IReadOnlyList<(string Cause, int Roles)> Causes { get; private set; } = [];
    public bool MayApply => CodingSetup.MayApply(User);

    /// <summary>The recorded code differs from a proposed code (the seed's "coded wrongly").</summary>
    public static bool IsMiscoded(RoleProposal r) => r.Decision.ProposedCode is { } p && !string.Equals(r.RecordedCode, p.ToString(), StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancel)
    {
        if (!MayApply) return Forbid();
        var result = await coding.AcceptRecodesAsync(Selected, cancel);
        if (!result.Succeeded)
        {
            Errors = result.Problems.Select(p => new FormError("", p)).ToList();
            await LoadAsync(cancel);
            return Page();
        }
        TempData["Saved"] = $"{result.Records.Select(r => r.PostId).Distinct().Count()} posts recoded ({result.Records.Count} roles); each change is in the post's coding history and the audit trail";
        return Redirect($"/coding?status={Status}&department={Department}");
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        All = await coding.ProposeManyAsync(q => q.OrderBy(p => p.Department!.Name).ThenBy(p => p.PostNumber), cancel);
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancel)).Select(d => (d.Id, d.Name)).ToList();
        Causes = All.SelectMany(p => p.Roles).Where(IsMiscoded).SelectMany(r => r.Decision.MiscodingCauses.DefaultIfEmpty("other"))
            .GroupBy(c => c).Select(g => (g.Key, g.Count())).OrderByDescending(c => c.Item2).ToList();
        CodingStatus? status = Status?.ToLowerInvariant() switch { "unchanged" => CodingStatus.Unchanged, "recode" => CodingStatus.Recode, "review" => CodingStatus.Review, _ => null };
        Shown = All.Where(p => (status is null || p.Status == status) && (Department is null || p.Post.DepartmentId == Department)).ToList();
    }

    public int Count(CodingStatus s) => All.Count(p => p.Status == s);
}
