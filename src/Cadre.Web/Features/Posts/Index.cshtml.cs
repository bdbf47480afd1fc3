using Cadre.Core.Register;
using Cadre.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Posts;

public sealed class IndexModel(CadreDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public PostFilter Filter { get; set; } = new();

    public IReadOnlyList<PostRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = default!;
    public List<SelectListItem> Departments { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanImport { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var page = Paging.FromQuery(Request);
        var (rows, total) = await PostQuery.PageAsync(db, Filter, page, PostQuery.PageSize, cancel);
        Rows = rows;
        Paging = new Paging(page, PostQuery.PageSize, total, "/posts", Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString()));
        Departments = [new SelectListItem("All departments", ""), .. (await db.Departments.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new { d.Id, d.Name }).ToListAsync(cancel))
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(), d.Id == Filter.Department))];
        CanEdit = (await authorization.AuthorizeAsync(User, CadrePolicies.EditPosts)).Succeeded;
        CanImport = (await authorization.AuthorizeAsync(User, CadrePolicies.Import)).Succeeded;
    }

    public string SortLink(string column)
    {
        var current = (Filter.Sort ?? "number").Equals(column, StringComparison.OrdinalIgnoreCase);
        var dir = current && !Filter.Descending ? "desc" : null;
        var withSort = Paging.With("sort", column == "number" ? null : column);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + withSort).Query)
            .Where(kv => kv.Key != "dir").ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        if (dir is not null) query["dir"] = dir;
        return "/posts" + QueryString.Create(query!).ToUriComponent();
    }

    public string? AriaSort(string column) =>
        (Filter.Sort ?? "number").Equals(column, StringComparison.OrdinalIgnoreCase) ? (Filter.Descending ? "descending" : "ascending") : null;

    public static IEnumerable<SelectListItem> BandChoices(string? selected) =>
        new[] { new SelectListItem("All bands", "") }.Concat(PayBand.All.Select(b => new SelectListItem($"Band {b.Code}", b.Code, b.Code == selected)));

    public static IEnumerable<SelectListItem> StatusChoices(PostShown? selected) =>
        new[] { new SelectListItem("All posts", "") }.Concat(Enum.GetValues<PostShown>().Select(s => new SelectListItem(Labels.Shown(s), s.ToString(), s == selected)));
}
