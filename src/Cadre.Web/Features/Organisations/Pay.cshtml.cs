using Cadre.Core.Money;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Organisations;

/// <summary>
/// /organisations/pay: the high cost area zone each of the administrator's organisations pays its staff in (PAY-HCAS-01),
/// which the establishment's cost adds to basic pay. An organisation setting, so an administrator's.
/// </summary>
[Authorize(Policy = CadrePolicies.ManageUsers)]
public sealed class PayModel(CadreDbContext db) : PageModel
{
    public sealed record OrganisationZone(Guid Id, string Name, HighCostArea Area, string Token);

    public IReadOnlyList<OrganisationZone> Organisations { get; private set; } = [];
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    /// <summary>The organisation whose form was posted with a problem (its select shows the error).</summary>
    public Guid? ErrorFor { get; private set; }

    [BindProperty] public Guid OrganisationId { get; set; }
    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? Token { get; set; }

    public static IEnumerable<SelectListItem> AreaItems(HighCostArea selected) => Enum.GetValues<HighCostArea>()
        .Select(a => new SelectListItem(HighCostAreaSupplements.Words(a), a.ToString(), a == selected));

    private async Task LoadAsync(CancellationToken cancel) =>
        Organisations = (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancel))
            .Select(o => new OrganisationZone(o.Id, o.Name, o.HighCostArea, RecordToken.Of(o))).ToList();

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        // The scope's query filter finds only the administrator's own organisations; another's id is simply not there.
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == OrganisationId, cancel);
        if (organisation is null) return NotFound();
        if (!Enum.TryParse<HighCostArea>(Area, out var area) || !Enum.IsDefined(area))
            ModelState.AddModelError(nameof(Area), "Select the high cost area zone, or no high cost area supplement");
        else if (!RecordToken.Matches(organisation, Token))
            ModelState.AddModelError(nameof(Area), RecordToken.StaleMessage);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancel);
            ErrorFor = OrganisationId;
            Errors = FormErrors.From(ModelState);
            return Page();
        }
        organisation.HighCostArea = area;
        await db.SaveChangesAsync(cancel);
        TempData["Saved"] = $"{organisation.Name}: {HighCostAreaSupplements.Words(area)}";
        return RedirectToPage();
    }
}
