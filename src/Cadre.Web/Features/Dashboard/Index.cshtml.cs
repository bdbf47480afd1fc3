using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Dashboard;

public sealed class IndexModel(CadreDbContext db) : PageModel
{
    public DashboardFigures Figures { get; private set; } = default!;
    public string Organisation { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Figures = await DashboardFigures.LoadAsync(db, cancel);
        Organisation = string.Join(", ", await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(cancel));
    }
}
