using Cadre.Data.Coding;
using Cadre.Data.Register.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Coding.Extracts;

/// <summary>
/// Upload an ESR extract (the `cadre code` columns, CSV or XLSX) to be re-coded. The file is coded in the background;
/// the run's page shows a progress bar, then the report, or every problem when the file is refused whole.
/// </summary>
[Authorize(Roles = CodingSetup.ApplyRoleList)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class NewModel(CadreDbContext db, ExtractRunner runner, CodingRunProgress progress) : PageModel
{
    /// <summary>The largest file the page takes; the form says it and refuses a larger one before sending it.</summary>
    public const int MaxBytes = 200 * 1024 * 1024;

    [BindProperty] public IFormFile? File { get; set; }
    [BindProperty] public Guid? Organisation { get; set; }
    [BindProperty] public DateOnly? CodedOn { get; set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public List<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        await LoadAsync(cancel);
        if (File is null || File.Length == 0) ModelState.AddModelError(nameof(File), "Select the ESR extract: a CSV or Excel (.xlsx) file");
        else if (Path.GetExtension(File.FileName).ToLowerInvariant() is not (".csv" or ".xlsx"))
            ModelState.AddModelError(nameof(File), $"{Path.GetFileName(File.FileName)} is not a CSV or an Excel workbook (.xlsx)");
        var organisation = Organisations.Count == 1 ? Organisations[0].Id : Organisation;
        if (organisation is null || Organisations.All(o => o.Id != organisation))
            ModelState.AddModelError(nameof(Organisation), "Select the organisation whose extract this is");
        if (!ModelState.IsValid) { Errors = FormErrors.From(ModelState, [nameof(Organisation), nameof(File)]); return Page(); }

        string path; int rows;
        try
        {
            await using var stream = File!.OpenReadStream();
            (path, rows) = await ExtractRuns.StageAsync(stream, File.FileName, cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        // Staging only reads the file: anything it throws means the file is not a readable table.
        {
            ModelState.AddModelError(nameof(File), e is ImportFormatException ? e.Message : $"{Path.GetFileName(File!.FileName)} cannot be read as an Excel workbook: save it again as .xlsx or .csv");
            Errors = FormErrors.From(ModelState, [nameof(File)]);
            return Page();
        }

        var actor = AuditActor.FromClaims(User);
        var run = new CodingRun
        {
            OrganisationId = organisation!.Value, FileName = Path.GetFileName(File!.FileName), UploadedAt = DateTime.UtcNow,
            UploadedBy = actor.Name, UploadedByUserId = actor.UserId, CodedOn = CodedOn ?? PostCoding.Today, Status = CodingRunStatus.Running,
            Total = rows, Attempts = 1, HeartbeatAt = DateTime.UtcNow,
        };
        db.CodingRuns.Add(run);
        await db.SaveChangesAsync(cancel);
        // Kept with the run until it is coded, so another instance can take it up if this one stops mid-way.
        await ExtractRuns.KeepUploadAsync(db, run.Id, path, cancel);
        progress.Start(run.Id, rows);
        runner.Start(run.Id, run.OrganisationId, actor, path);
        return Redirect($"/coding/extracts/{run.Id}");
    }

    private async Task LoadAsync(CancellationToken cancel) =>
        Organisations = (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancel)).Select(o => (o.Id, o.Name)).ToList();
}
