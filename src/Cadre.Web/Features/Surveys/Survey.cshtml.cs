using Cadre.Core.Intelligence;
using Cadre.Core.Surveys;
using Cadre.Data.Register.Import;
using Cadre.Data.Surveys;
using Cadre.Web.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Surveys;

/// <summary>
/// One survey: its results (response rates by specialism, band and region, reported against recorded, themes and chosen
/// quotes) under disclosure control, with downloads; for analysts, the response import.
/// </summary>
[Authorize(Roles = SurveyAccess.ReadRoles)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class SurveyModel(CadreDbContext db) : PageModel
{
    private const int MaxBytes = 50 * 1024 * 1024;

    public Survey Survey { get; private set; } = default!;
    public Report Report { get; private set; } = default!;
    public IReadOnlyList<SurveyQuestion> Questions { get; private set; } = [];
    public ImportResult? Imported { get; private set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    [BindProperty] public IFormFile? File { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? format, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel)) return NotFound();
        if (ReportAccess.Download(format, Report, "survey") is { } download) return new Shared.ResultPageResult(download);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancel)
    {
        if (!SurveyAccess.IsAnalyst(User)) return Forbid();
        if (await SurveyQueries.FindAsync(db, id, cancel) is null) return NotFound();
        if (File is null || File.Length == 0) Errors = [new("File", "Select the response file (CSV or Excel .xlsx) to import")];
        else if (!TableReader.IsSupported(File.FileName)) Errors = [new("File", "The file must be a CSV or an Excel workbook (.xlsx)")];
        else
        {
            await using var stream = File.OpenReadStream();
            Imported = await new SurveyResponseImporter(db).ImportAsync(id, stream, File.FileName, cancel);
            if (!Imported.Succeeded) Errors = Imported.Problems.Select(p => new FormError("File", Import.IndexModel.Describe(p))).ToList();
        }
        await LoadAsync(id, cancel);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancel)
    {
        if (await SurveyQueries.FindAsync(db, id, cancel) is not { } survey) return false;
        Survey = survey;
        Questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == id).OrderBy(q => q.Number).ToListAsync(cancel);
        Report = SurveyReport.Build(await SurveyQueries.FiguresAsync(db, survey, ReportAccess.Today, cancel));
        return true;
    }
}
