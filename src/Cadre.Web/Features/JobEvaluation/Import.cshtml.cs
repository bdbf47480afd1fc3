using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>
/// Upload a national profile suite: all or nothing, every problem named; a new version supersedes the one held for
/// every organisation, so only the national library role may, and each import is audited in every organisation's trail.
/// </summary>
[Authorize(Roles = JeAccess.ImportRoles)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class ImportModel(CadreDbContext db) : PageModel
{
    /// <summary>The largest file the page takes; the form says it and refuses a larger one before sending it.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    [BindProperty(Name = "File")] public IFormFile? SuiteFile { get; set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public JeImportResult? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (SuiteFile is null || SuiteFile.Length == 0)
        {
            Errors = [new FormError("File", "Select a profile suite file (tab-separated text, as printed) to import")];
            return Page();
        }
        using var buffer = new MemoryStream();
        await SuiteFile.CopyToAsync(buffer, cancel);
        var who = User.FindFirst(CadreClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "unknown user";
        Result = await JeLibraryStore.ImportFileAsync(db, buffer.ToArray(), Path.GetFileName(SuiteFile.FileName), who, cancel);
        if (!Result.Succeeded) Errors = Result.Problems.Select(p => new FormError("File", p)).ToList();
        return Page();
    }
}
