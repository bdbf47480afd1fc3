using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>The national profile library: browse by suite and band, search titles and job statements; archived shown on request.</summary>
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    public string? Q { get; private set; }
    public string? Suite { get; private set; }
    public string? Band { get; private set; }
    public bool Archived { get; private set; }
    public IReadOnlyList<JeProfile> Profiles { get; private set; } = [];
    public List<SelectListItem> Suites { get; private set; } = [];
    public List<SelectListItem> BandItems { get; private set; } = [];
    public bool CanRunPanels { get; private set; }
    public IReadOnlyList<JeSuite> Held { get; private set; } = [];

    public async Task OnGetAsync(string? q, string? suite, string? band, bool archived, CancellationToken cancel)
    {
        Q = q?.Trim(); Suite = suite; Band = band; Archived = archived;
        CanRunPanels = JeAccess.MayRunPanels(User);
        var query = db.Set<JeProfile>().AsNoTracking();
        query = archived ? query.Where(p => p.Status != ProfileStatus.Superseded) : query.Where(p => p.Status == ProfileStatus.Current);
        if (!string.IsNullOrEmpty(suite)) query = query.Where(p => p.SuiteName == suite);
        if (!string.IsNullOrEmpty(band)) query = query.Where(p => p.BandLow == band);
        var rows = await query.OrderBy(p => p.SuiteName).ThenBy(p => p.BandLow).ThenBy(p => p.Position).ToListAsync(cancel);
        if (!string.IsNullOrEmpty(Q))
            rows = rows.Where(p => p.Title.Contains(Q, StringComparison.OrdinalIgnoreCase) || p.JobStatement.Contains(Q, StringComparison.OrdinalIgnoreCase)).ToList();
        Profiles = rows;
        var suites = await db.Set<JeProfile>().AsNoTracking().Select(p => p.SuiteName).Distinct().OrderBy(s => s).ToListAsync(cancel);
        Suites = [new("All suites", ""), .. suites.Select(s => new SelectListItem(s, s, s == suite))];
        Held = await db.Set<JeSuite>().AsNoTracking().OrderByDescending(x => x.ImportedAt).Take(50).ToListAsync(cancel);
        BandItems = [new("All bands", ""), .. JeReference.Default.Bands.Bands.Select(b => new SelectListItem($"Band {b.Name}", b.Name, b.Name == band))];
    }
}
