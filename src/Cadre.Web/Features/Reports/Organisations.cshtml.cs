using Cadre.Core.Intelligence;
using Cadre.Data.Intelligence;
using Cadre.Web.Features.JobEvaluation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Reports;

/// <summary>
/// Key figures side by side for every organisation the reader belongs to (Cadre has no region: the reader's organisations
/// are the group; docs/decisions/intelligence-regions.md), always under disclosure control.
/// </summary>
[Authorize(Roles = ReportAccess.Roles)]
public sealed class OrganisationsModel(CadreDbContext db) : PageModel
{
    public Report Report { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancel)
    {
        var snapshot = await WorkforceSnapshotQuery.BuildAsync(db, ReportAccess.Today, cancel: cancel);
        Report = OrganisationBenchmark.Build(snapshot);
        if (ReportAccess.Download(format, Report, "organisation-benchmark") is { } download) return new Shared.ResultPageResult(download);
        return Page();
    }
}
