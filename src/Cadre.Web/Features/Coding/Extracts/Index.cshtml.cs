using Cadre.Data.Coding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Coding.Extracts;

/// <summary>The ESR extracts uploaded for re-coding in the user's organisation(s), newest first.</summary>
[Authorize(Roles = CodingSetup.ApplyRoleList)]
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    public IReadOnlyList<CodingRun> Runs { get; private set; } = [];
    public async Task OnGetAsync(CancellationToken cancel) =>
        Runs = await db.CodingRuns.AsNoTracking().OrderByDescending(r => r.UploadedAt).Take(200).ToListAsync(cancel);
}
