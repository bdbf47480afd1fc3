using Cadre.Core.Intelligence;
using Cadre.Data.Intelligence;
using Cadre.Web.Features.JobEvaluation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Reports;

/// <summary>The professional body view (seed 004's kind of report) over what the reader may see, under disclosure control.</summary>
[Authorize(Roles = ReportAccess.Roles)]
public sealed class ProfessionModel(CadreDbContext db) : PageModel
{
    public Report Report { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancel)
    {
        // Coding is not part of this view, so the engine is not run.
        var snapshot = await WorkforceSnapshotQuery.BuildAsync(db, ReportAccess.Today, checkCoding: false, cancel: cancel);
        Report = ProfessionReport.Build(snapshot);
        if (ReportAccess.Download(format, Report, "profession") is { } download) return new Shared.ResultPageResult(download);
        return Page();
    }
}
