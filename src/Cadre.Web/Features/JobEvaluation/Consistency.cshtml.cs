using Cadre.Core.JobEvaluation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>Consistency checking across the organisation's outcomes; <c>?format=csv</c> or <c>xlsx</c> downloads the same rows.</summary>
public sealed class ConsistencyModel(CadreDbContext db) : PageModel
{
    public IReadOnlyList<JeReports.Finding> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancel)
    {
        Findings = await JeReports.ConsistencyAsync(db, cancel);
        if (Shared.TableDownload.For(format, "je-consistency", ["Rule", "Severity", "Finding", "Citation"],
                Findings.Select(f => (IReadOnlyList<object?>)[f.RuleId, f.Severity, f.Text, f.Citation])) is { } download)
            return new Shared.ResultPageResult(download);
        return Page();
    }

    public static JeRule[] Rules => [ConsistencyChecker.SameJobDifferentLevels, ConsistencyChecker.FarFromProfile];
}
