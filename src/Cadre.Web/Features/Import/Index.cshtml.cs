using Cadre.Data.Register.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Import;

/// <summary>
/// Loading posts or people from a CSV or Excel file in ESR-like columns. All or nothing: a file with any bad row is
/// refused whole and every problem is listed by row, column, value and what was expected, so it can be fixed in one go.
/// </summary>
[Authorize(Policy = CadrePolicies.Import)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    private const int MaxBytes = 50 * 1024 * 1024;

    [BindProperty] public string What { get; set; } = "posts";
    [BindProperty] public IFormFile? File { get; set; }
    [BindProperty] public Guid? Organisation { get; set; }

    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public ImportResult? Result { get; private set; }
    public List<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel) => await LoadOrganisationsAsync(cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        await LoadOrganisationsAsync(cancel);
        if (What is not ("posts" or "people")) ModelState.AddModelError(nameof(What), "Select what the file holds: posts or people");
        if (File is null || File.Length == 0) ModelState.AddModelError(nameof(File), "Select a CSV or Excel (.xlsx) file to import");
        else if (Path.GetExtension(File.FileName).ToLowerInvariant() is not (".csv" or ".xlsx"))
            ModelState.AddModelError(nameof(File), "The file must be a CSV or an Excel workbook (.xlsx)");
        var organisation = Organisations.Count == 1 ? Organisations[0].Id : Organisation;
        if (organisation is null || Organisations.All(o => o.Id != organisation))
            ModelState.AddModelError(nameof(Organisation), "Select the organisation to import into");
        if (!ModelState.IsValid)
        {
            Errors = FormErrors.From(ModelState, [nameof(What), nameof(Organisation), nameof(File)]);
            return Page();
        }

        await using var stream = File!.OpenReadStream();
        Result = What == "posts"
            ? await new PostImporter(db).ImportAsync(organisation!.Value, stream, File.FileName, cancel)
            : await new PeopleImporter(db).ImportAsync(organisation!.Value, stream, File.FileName, cancel);
        if (!Result.Succeeded)
        {
            // Every problem in the summary, each linking to the file field (the thing to fix and choose again).
            Errors = Result.Problems.Select(p => new FormError("File", Describe(p))).ToList();
            ModelState.AddModelError(nameof(File), Result.Summary);
        }
        return Page();
    }

    public static string Describe(ImportProblem p) =>
        p.Row == 0 ? p.Expected
        : $"Row {p.Row}, column '{p.Column}': '{p.ShownValue}' – {(p.Expected.StartsWith("expected", StringComparison.OrdinalIgnoreCase) ? "" : "expected ")}{p.Expected}";

    private async Task LoadOrganisationsAsync(CancellationToken cancel) =>
        Organisations = (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancel))
            .Select(o => (o.Id, o.Name)).ToList();
}
