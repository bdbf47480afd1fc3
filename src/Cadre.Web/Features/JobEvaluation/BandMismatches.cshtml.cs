using Cadre.Core.JobEvaluation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>Posts whose recorded pay band differs from their JE outcome (JE-CONS-03); <c>?format=csv</c> or <c>xlsx</c> downloads them.</summary>
public sealed class BandMismatchesModel(CadreDbContext db) : PageModel
{
    public IReadOnlyList<JeReports.Mismatch> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancel)
    {
        Rows = await JeReports.MismatchesAsync(db, cancel);
        if (Shared.TableDownload.For(format, "je-band-mismatches", ["Post number", "Title", "Recorded band", "JE band", "Panel date", "Rule"],
                Rows.Select(r => (IReadOnlyList<object?>)[r.PostNumber, r.Title, r.RecordedBand, r.JeBand, r.Date, r.RuleId])) is { } download)
            return new Shared.ResultPageResult(download);
        return Page();
    }

    public static JeRule Rule => ConsistencyChecker.PostBand;
}
