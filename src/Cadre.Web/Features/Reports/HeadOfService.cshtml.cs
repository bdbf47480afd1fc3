using Cadre.Core.Intelligence;
using Cadre.Data.Intelligence;
using Cadre.Web.Features.JobEvaluation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Reports;

/// <summary>
/// The head of service report for one department or every department the reader may see (a service lead: the ones they
/// lead). <c>?format=csv</c>, <c>xlsx</c> or <c>md</c> downloads it.
/// </summary>
[Authorize(Roles = ReportAccess.Roles)]
public sealed class HeadOfServiceModel(CadreDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    public Report Report { get; private set; } = default!;
    public IReadOnlyList<DepartmentRow> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancel)
    {
        var snapshot = await WorkforceSnapshotQuery.BuildAsync(db, ReportAccess.Today, cancel: cancel);
        _organisations = snapshot.Organisations;
        Departments = snapshot.Departments.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
        // Another organisation's department, or one a service lead does not lead, is simply not there.
        if (Department is { } id && Departments.All(d => d.Id != id)) return NotFound();
        Report = HeadOfServiceReport.Build(snapshot, Department, ReportAccess.ControlFor(User));
        if (ReportAccess.Download(format, Report, "head-of-service") is { } download) return new Shared.ResultPageResult(download);
        return Page();
    }

    private IReadOnlyList<OrganisationRow> _organisations = [];

    /// <summary>A department's name, with its organisation's ODS code when the reader belongs to more than one.</summary>
    public string Label(DepartmentRow d) =>
        _organisations.Count > 1 ? $"{d.Name} ({_organisations.FirstOrDefault(o => o.Id == d.OrganisationId)?.OdsCode})" : d.Name;

    public string Here => Department is { } id ? $"/reports/head-of-service?department={id}" : "/reports/head-of-service";
}
