using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Audit;

/// <summary>The organisation's audit trail, newest first. Read-only: the app has no way to change or delete an entry.</summary>
[Authorize(Policy = CadrePolicies.ReadAudit)]
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Types { get; private set; } = [];
    public Paging Paging { get; private set; } = default!;

    public sealed record Row(DateTime When, string Who, string Type, string EntityId, AuditAction Action, IReadOnlyList<FieldChange> Changes, string? Link);

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var page = Paging.FromQuery(Request);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type)) entries = entries.Where(e => e.EntityType == Type);
        if (!string.IsNullOrWhiteSpace(Who)) { var who = Who.Trim().ToLower(); entries = entries.Where(e => e.Who.ToLower().Contains(who)); }
        var total = await entries.CountAsync(cancel);
        var list = await entries.OrderByDescending(e => e.When).ThenByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancel);
        var changes = await AuditDiff.NameDepartmentsAsync(db, list.Select(e => AuditDiff.Changes(e)).ToList(), cancel);
        Rows = list.Select((e, i) => new Row(e.When, e.Who, e.EntityType, e.EntityId, e.Action, changes[i], e.EntityType switch
        {
            "Post" when e.Action != AuditAction.Deleted => $"/posts/{e.EntityId}",
            "Person" when e.Action != AuditAction.Deleted => $"/people/{e.EntityId}",
            _ => null,
        })).ToList();
        Types = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancel);
        Paging = new Paging(page, PageSize, total, "/audit", Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString()));
    }
}
