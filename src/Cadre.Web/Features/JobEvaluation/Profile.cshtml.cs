using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>One profile: its 16 factors with levels, descriptors and points; computed against printed figures; warnings first.</summary>
public sealed class ProfileModel(CadreDbContext db) : PageModel
{
    public JeProfile Row { get; private set; } = default!;
    public NationalProfile? Profile { get; private set; }
    public ProfileScore? Score { get; private set; }
    public IReadOnlyList<JeProfile> Versions { get; private set; } = [];
    public FactorPlan Plan => JeReference.Default.Plan;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        var row = await db.Set<JeProfile>().AsNoTracking().Include(p => p.Factors).FirstOrDefaultAsync(p => p.Id == id, cancel);
        if (row is null) return NotFound();
        Row = row;
        if (row.Factors.Count == FactorPlan.FactorCount)
        {
            Profile = JeLibraryStore.ToCore(row);
            Score = JeReference.Default.Scorer.Score(Profile.Ranges, Profile.PrintedBand);
        }
        Versions = await db.Set<JeProfile>().AsNoTracking().Where(p => p.Key == row.Key).OrderBy(p => p.Revision).ToListAsync(cancel);
        return Page();
    }
}
