using Cadre.Core.Surveys;
using Cadre.Data.Auditing;
using Cadre.Data.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Surveys;

/// <summary>
/// Thematic analysis of a survey's free text, for analysts only (the answers are personal data): the codebook, each
/// answer with keyword suggestions and the analyst's own themes, quotes chosen per theme, and the coded project as
/// REFI-QDA (.qdpx) or CSV (each download recorded in the audit trail as an export of personal data).
/// </summary>
[Authorize(Roles = SurveyAccess.AnalystRoles)]
public sealed class AnalysisModel(CadreDbContext db, TimeProvider clock, AuditRecorder audit) : PageModel
{
    public const int PageSize = 20;

    public Survey Survey { get; private set; } = default!;
    public IReadOnlyList<ThemeSpec> Themes { get; private set; } = [];
    public IReadOnlyList<SurveyQueries.FreeTextAnswer> Answers { get; private set; } = [];
    public Paging Paging { get; private set; } = default!;
    /// <summary>This analyst's themes (and quotes) for the answers on the page.</summary>
    public ILookup<Guid, SurveyCoding> Mine { get; private set; } = default!;
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    [BindProperty] public string? ThemeName { get; set; }
    [BindProperty] public string? ThemeDefinition { get; set; }
    [BindProperty] public Guid? ThemeParent { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? format, CancellationToken cancel)
    {
        if (await SurveyQueries.FindAsync(db, id, cancel) is not { } survey) return NotFound();
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "": break;
            case "qdpx": return await DownloadAsync(survey, "qdpx", "application/zip", s => CodedProjectFiles.WriteQdpxAsync(db, survey, s, clock.GetUtcNow(), cancel), cancel);
            case "csv": return await DownloadAsync(survey, "csv", "text/csv; charset=utf-8", s => CodedProjectFiles.WriteCsvAsync(db, survey, s, cancel), cancel);
            default: return new Shared.ResultPageResult(Results.Problem(statusCode: 400, title: "Unknown download format", detail: $"format: '{format}' is not a download format; use qdpx or csv"));
        }
        await LoadAsync(survey, cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostThemeAsync(Guid id, CancellationToken cancel)
    {
        if (await SurveyQueries.FindAsync(db, id, cancel) is not { } survey) return NotFound();
        var (_, problem) = await new SurveyDefinitions(db, clock).AddThemeAsync(id, ThemeName ?? "", ThemeDefinition, ThemeParent, cancel);
        if (problem is null) return Redirect($"/surveys/{id}/analysis");
        Errors = [new(nameof(ThemeName), problem)];
        await LoadAsync(survey, cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync(Guid id, Guid answer, List<Guid> themes, int? returnPage, CancellationToken cancel)
    {
        if (!await new ThematicCoding(db, clock).SetThemesAsync(id, answer, SurveyAccess.Analyst(User), themes, cancel)) return NotFound();
        return Redirect($"/surveys/{id}/analysis{(returnPage > 1 ? $"?page={returnPage}" : "")}#a-{answer}");
    }

    public async Task<IActionResult> OnPostQuoteAsync(Guid id, Guid answer, Guid theme, bool quote, int? returnPage, CancellationToken cancel)
    {
        if (!await new ThematicCoding(db, clock).SetQuoteAsync(id, answer, theme, SurveyAccess.Analyst(User), quote, cancel)) return NotFound();
        return Redirect($"/surveys/{id}/analysis{(returnPage > 1 ? $"?page={returnPage}" : "")}#a-{answer}");
    }

    private async Task<IActionResult> DownloadAsync(Survey survey, string extension, string contentType, Func<Stream, Task> write, CancellationToken cancel)
    {
        // Built whole before anything is sent: a half-written archive helps nobody.
        var buffer = new MemoryStream();
        await write(buffer);
        await audit.RecordAsync(AuditAction.Exported, "SurveyCoding", $"{survey.Id}.{extension}", [survey.OrganisationId], new { Survey = survey.Title, File = extension }, cancel: cancel);
        return File(buffer.ToArray(), contentType, $"survey-coding-{DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.{extension}");
    }

    private async Task LoadAsync(Survey survey, CancellationToken cancel)
    {
        Survey = survey;
        Themes = await SurveyQueries.ThemesAsync(db, survey.Id, cancel);
        var page = Paging.FromQuery(Request);
        var (answers, total) = await SurveyQueries.FreeTextAsync(db, survey.Id, (page - 1) * PageSize, PageSize, cancel);
        Answers = answers;
        Paging = new Paging(page, PageSize, total, $"/surveys/{survey.Id}/analysis", new Dictionary<string, string?>());
        var ids = answers.Select(a => a.Id).ToList();
        var analyst = SurveyAccess.Analyst(User);
        Mine = (await db.SurveyCodings.AsNoTracking().Where(c => ids.Contains(c.AnswerId) && c.Analyst == analyst).ToListAsync(cancel)).ToLookup(c => c.AnswerId);
    }
}
