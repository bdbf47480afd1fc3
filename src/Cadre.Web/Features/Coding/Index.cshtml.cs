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
public sealed class IndexModel(CadreDbContext db, PostCoding coding) : PageModel
{
    public const int PageSize = 50;

    /// <summary>"action" (recode or review, the default), "all", "unchanged", "recode" or "review".</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    /// <summary>A recorded or proposed occupation code, or its start (U2 finds U2H, U2J…).</summary>
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public List<Guid> Selected { get; set; } = [];

    /// <summary>Every post in the department chosen (all the user may see when none is): the counts and the share.</summary>
    public IReadOnlyList<PostProposal> All { get; private set; } = [];
    /// <summary>The posts matching the status and code filters, all pages.</summary>
    public IReadOnlyList<PostProposal> Matching { get; private set; } = [];
    public IReadOnlyList<PostProposal> Shown { get; private set; } = [];
    public Paging Paging { get; private set; } = default!;
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public MiscodedShare Share => PostProposal.ShareOf(All);
    public IReadOnlyList<(string Cause, int Roles)> Causes { get; private set; } = [];
    public bool MayApply => CodingSetup.MayApply(User);
    public string StatusShown => string.IsNullOrEmpty(Status) ? "action" : Status.ToLowerInvariant();
    public int RecodesMatching => Matching.Count(p => p.Status == CodingStatus.Recode);

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancel) => AcceptAsync(() => coding.AcceptRecodesAsync(Selected, cancel), cancel);

    /// <summary>"Select all on this page": the recodes of the page shown, read again here (at most <see cref="PageSize"/>).</summary>
    public Task<IActionResult> OnPostAcceptPageAsync(CancellationToken cancel) => AcceptAsync(async () =>
    {
        await LoadAsync(cancel);
        return await coding.AcceptRecodesAsync(Shown.Where(p => p.Status == CodingStatus.Recode).Select(p => p.Post.Id).ToList(), cancel);
    }, cancel);

    /// <summary>"Select all n matching": every recode in the department and code filters, not only the page shown.</summary>
    public Task<IActionResult> OnPostAcceptMatchingAsync(CancellationToken cancel) =>
        AcceptAsync(() => coding.AcceptRecodesMatchingAsync(InDepartment, HasCode, cancel), cancel);

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

    /// <summary>The code filter: a role's recorded or proposed code starts with it (read from the proposals, not the database).</summary>
    private bool HasCode(PostProposal p) => CodeFilter is not { } code || p.Roles.Any(r =>
        (r.RecordedCode?.StartsWith(code, StringComparison.OrdinalIgnoreCase) ?? false)
        || (r.Decision.ProposedCode?.ToString().StartsWith(code, StringComparison.Ordinal) ?? false));

    private string? CodeFilter => string.IsNullOrWhiteSpace(Code) ? null : Code.Trim().ToUpperInvariant();

    private IQueryable<Cadre.Core.Register.Post> InDepartment(IQueryable<Cadre.Core.Register.Post> q) =>
        Department is { } d ? q.Where(p => p.DepartmentId == d) : q;

    private async Task LoadAsync(CancellationToken cancel)
    {
        All = await coding.ProposeManyAsync(q => InDepartment(q).OrderBy(p => p.Department!.Name).ThenBy(p => p.PostNumber), cancel);
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancel)).Select(d => (d.Id, d.Name)).ToList();
        Causes = All.SelectMany(p => p.Roles).Where(r => r.IsMiscoded).SelectMany(r => r.Decision.MiscodingCauses.DefaultIfEmpty("other"))
            .GroupBy(c => c).Select(g => (g.Key, g.Count())).OrderByDescending(c => c.Item2).ToList();
        Func<CodingStatus, bool> status = StatusShown switch
        {
            "all" => _ => true,
            "unchanged" => s => s == CodingStatus.Unchanged,
            "recode" => s => s == CodingStatus.Recode,
            "review" => s => s == CodingStatus.Review,
            _ => s => s != CodingStatus.Unchanged,
        };
        Matching = All.Where(p => status(p.Status) && HasCode(p)).ToList();
        var page = Math.Min(Paging.FromQuery(Request), Math.Max(1, (Matching.Count + PageSize - 1) / PageSize));
        Shown = Matching.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        Paging = new Paging(page, PageSize, Matching.Count, "/coding", Query(null));
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

    public int Count(CodingStatus s) => All.Count(p => p.Status == s);

    /// <summary>The reason's first sentence, for the table; the whole reason is one click away.</summary>
    public static string ShortReason(string reason)
    {
        var end = reason.IndexOf(". ", StringComparison.Ordinal);
        var first = end > 0 ? reason[..(end + 1)] : reason;
        return first.Length <= 120 ? first : first[..117].TrimEnd() + "…";
    }
}
