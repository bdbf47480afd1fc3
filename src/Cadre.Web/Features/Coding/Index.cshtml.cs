using Cadre.Core.Coding;
using Cadre.Data.Coding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Coding;

/// <summary>
/// The organisation's coding review at a trust's size: the counts and the share miscoded (INTEL-COD-01, with its
/// denominator) for the department chosen, then the posts that need action (recode, review) by default, 50 a page,
/// filtered by department, status and code; bulk accept of the ticked recodes, those on the page, or all matching.
/// </summary>
public sealed class IndexModel(CadreDbContext db, PostCoding coding, StoredProposals stored) : PageModel
{
    public const int PageSize = 50;

    /// <summary>"action" (recode or review, the default), "all", "unchanged", "recode" or "review".</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    /// <summary>A recorded or proposed occupation code, or its start (U2 finds U2H, U2J…).</summary>
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public List<Guid> Selected { get; set; } = [];

    /// <summary>How many posts are in the department chosen (all the user may see when none is).</summary>
    public int Posts { get; private set; }
    /// <summary>The posts of the page shown, with the engine's answer for each role.</summary>
    public IReadOnlyList<PostProposal> Shown { get; private set; } = [];
    public Paging Paging { get; private set; } = default!;
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    /// <summary>INTEL-COD-01 over the department chosen, summed from the stored proposals (each post's <see cref="PostProposal.Share"/>).</summary>
    public MiscodedShare Share { get; private set; }
    public IReadOnlyList<(string Cause, int Roles)> Causes { get; private set; } = [];
    public bool MayApply => CodingSetup.MayApply(User);
    public string StatusShown => string.IsNullOrEmpty(Status) ? "action" : Status.ToLowerInvariant();
    /// <summary>The recodes among the posts matching the filters, all pages: what "accept all matching" would accept.</summary>
    public int RecodesMatching { get; private set; }
    private Dictionary<CodingStatus, int> _counts = [];

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancel) => AcceptAsync(() => coding.AcceptRecodesAsync(Selected, cancel), cancel);

    /// <summary>"Select all on this page": the recodes of the page shown, read again here (at most <see cref="PageSize"/>).</summary>
    public Task<IActionResult> OnPostAcceptPageAsync(CancellationToken cancel) => AcceptAsync(async () =>
    {
        await LoadAsync(cancel);
        return await coding.AcceptRecodesAsync(Shown.Where(p => p.Status == CodingStatus.Recode).Select(p => p.Post.Id).ToList(), cancel);
    }, cancel);

    /// <summary>"Select all n matching": every recode in the department and code filters, not only the page shown, decided afresh.</summary>
    public Task<IActionResult> OnPostAcceptMatchingAsync(CancellationToken cancel) =>
        AcceptAsync(() => coding.AcceptRecodesMatchingAsync(q => Department is { } d ? q.Where(p => p.DepartmentId == d) : q, HasCode, cancel), cancel);

    private async Task<IActionResult> AcceptAsync(Func<Task<CodingChange>> accept, CancellationToken cancel)
    {
        if (!MayApply) return Forbid();
        var result = await accept();
        if (!result.Succeeded)
        {
            Errors = result.Problems.Select(p => new FormError("", p)).ToList();
            await LoadAsync(cancel);
            return Page();
        }
        var posts = result.Records.Select(r => r.PostId).Distinct().Count();
        TempData["Saved"] = $"{posts:N0} post{(posts == 1 ? "" : "s")} recoded ({result.Records.Count:N0} role{(result.Records.Count == 1 ? "" : "s")}); each change is in the post's coding history and the audit trail";
        return Redirect(Link(null));
    }

    /// <summary>The code filter on the engine's live answer: a role's recorded or proposed code starts with it.</summary>
    private bool HasCode(PostProposal p) => CodeFilter is not { } code || p.Roles.Any(r =>
        (r.RecordedCode?.StartsWith(code, StringComparison.OrdinalIgnoreCase) ?? false)
        || (r.Decision.ProposedCode?.ToString().StartsWith(code, StringComparison.Ordinal) ?? false));

    private string? CodeFilter => string.IsNullOrWhiteSpace(Code) ? null : Code.Trim().ToUpperInvariant();

    private IQueryable<StoredProposal> InDepartment(IQueryable<StoredProposal> q) =>
        Department is { } d ? q.Where(s => s.DepartmentId == d) : q;

    /// <summary>The department and code filters (not the status): the same posts <see cref="HasCode"/> keeps, read from the stored proposals.</summary>
    private IQueryable<StoredProposal> Filtered(IQueryable<StoredProposal> q) =>
        CodeFilter is { } code ? InDepartment(q).Where(StoredProposals.HasCode(code)) : InDepartment(q);

    private async Task LoadAsync(CancellationToken cancel)
    {
        var all = InDepartment(await stored.FreshAsync(PostCoding.Today, cancel));
        var byStatus = await all.GroupBy(s => s.Status).Select(g => new
        {
            g.Key, Posts = g.Count(), Roles = g.Sum(s => s.Roles), Proposed = g.Sum(s => s.Proposed), Miscoded = g.Sum(s => s.Miscoded),
        }).ToListAsync(cancel);
        _counts = byStatus.ToDictionary(s => s.Key, s => s.Posts);
        Posts = byStatus.Sum(s => s.Posts);
        Share = new MiscodedShare(byStatus.Sum(s => s.Roles), byStatus.Sum(s => s.Proposed), byStatus.Sum(s => s.Miscoded));
        // Few posts differ in their list of causes, so the database groups them and each group is split here.
        var causeLists = await all.Where(s => s.Miscoded > 0).GroupBy(s => s.Causes).Select(g => new { g.Key, Posts = g.Count() }).ToListAsync(cancel);
        Causes = causeLists.SelectMany(l => l.Key.Split(StoredProposals.CauseSeparator).Select(c => (Cause: c, l.Posts)))
            .GroupBy(c => c.Cause).Select(g => (g.Key, g.Sum(c => c.Posts))).OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancel)).Select(d => (d.Id, d.Name)).ToList();

        var matching = Filtered(all).Where(StatusShown switch
        {
            "all" => (System.Linq.Expressions.Expression<Func<StoredProposal, bool>>)(s => true),
            "unchanged" => s => s.Status == CodingStatus.Unchanged,
            "recode" => s => s.Status == CodingStatus.Recode,
            "review" => s => s.Status == CodingStatus.Review,
            _ => s => s.Status != CodingStatus.Unchanged,
        });
        var total = await matching.CountAsync(cancel);
        RecodesMatching = await matching.CountAsync(s => s.Status == CodingStatus.Recode, cancel);
        var page = Math.Min(Paging.FromQuery(Request), Math.Max(1, (total + PageSize - 1) / PageSize));
        var ids = await db.Posts.AsNoTracking().Where(p => matching.Any(s => s.PostId == p.Id))
            .OrderBy(p => p.Department!.Name).ThenBy(p => p.PostNumber).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).Select(p => p.Id).ToArrayAsync(cancel);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        Shown = (await coding.ProposeManyAsync(q => q.Where(p => ids.Contains(p.Id)), cancel)).OrderBy(p => order[p.Post.Id]).ToList();
        Paging = new Paging(page, PageSize, total, "/coding", Query(null));
    }

    private Dictionary<string, string?> Query(int? page) => new()
    {
        ["status"] = string.IsNullOrEmpty(Status) ? null : Status,
        ["department"] = Department?.ToString(),
        ["code"] = CodeFilter,
        ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    /// <summary>This page's address with its filters (and page), for forms and redirects.</summary>
    public string Link(int? page) => "/coding" + QueryString.Create(Query(page).Where(kv => kv.Value is not null)).ToUriComponent();

    /// <summary>Where a bulk-accept button posts: this page's filters and page, and the handler.</summary>
    public string Handler(string name) => "/coding" + QueryString.Create(Query(Paging.Page).Append(new("handler", name)).Where(kv => kv.Value is not null)).ToUriComponent();

    public int Count(CodingStatus s) => _counts.GetValueOrDefault(s);

    /// <summary>The reason's first sentence, for the table; the whole reason is one click away.</summary>
    public static string ShortReason(string reason)
    {
        var end = reason.IndexOf(". ", StringComparison.Ordinal);
        var first = end > 0 ? reason[..(end + 1)] : reason;
        return first.Length <= 120 ? first : first[..117].TrimEnd() + "…";
    }
}
