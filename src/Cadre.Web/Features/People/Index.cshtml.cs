using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.People;

/// <summary>Staff on the register. Only roles that may see personal details reach this page.</summary>
[Authorize(Policy = CadrePolicies.SeePeople)]
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = default!;

    public sealed record Row(Guid Id, string StaffNumber, string Name, string Posts, decimal Wte, string Training);

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var page = Paging.FromQuery(Request);
        var people = PeopleQuery.Search(db.People.AsNoTracking(), Q);
        var total = await people.CountAsync(cancel);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var rows = await people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.StaffNumber)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id, p.StaffNumber, p.GivenName, p.FamilyName,
                Current = p.Assignments.Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
                    .Select(a => new { a.Wte, a.Post!.PostNumber, a.Post.Title }).ToList(),
                Training = p.TrainingEnrolments.Where(t => t.Status == TrainingStatus.Active).Select(t => t.Programme).ToList(),
            })
            .ToListAsync(cancel);
        Rows = rows.Select(r => new Row(r.Id, r.StaffNumber, $"{r.FamilyName}, {r.GivenName}",
            string.Join("; ", r.Current.Select(c => $"{c.PostNumber} {c.Title}")), r.Current.Sum(c => c.Wte),
            string.Join(", ", r.Training.Select(t => t.ToString().ToUpperInvariant())))).ToList();
        Paging = new Paging(page, PageSize, total, "/people", Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString()));
    }
}
