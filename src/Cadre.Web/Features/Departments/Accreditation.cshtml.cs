using System.ComponentModel.DataAnnotations;
using Cadre.Web.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Departments;

/// <summary>Adding, changing or removing a service's accreditation (for example UKAS MPACE against BS 70000).</summary>
[Authorize(Policy = CadrePolicies.EditServices)]
public sealed class AccreditationModel(CadreDbContext db) : PageModel
{
    [BindProperty] public AccreditationInput Input { get; set; } = new();
    public Guid DepartmentId { get; private set; }
    public string DepartmentName { get; private set; } = "";
    public Guid? AccreditationId { get; private set; }
    public bool IsNew => AccreditationId is null;
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? accreditationId, CancellationToken cancel)
    {
        if (!await StartAsync(id, accreditationId, cancel)) return NotFound();
        if (accreditationId is { } existing)
        {
            var a = await db.Accreditations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing && x.DepartmentId == id, cancel);
            if (a is null) return NotFound();
            Input = new AccreditationInput
            {
                Scheme = a.Scheme, Standard = a.Standard, Status = a.Status.ToString(),
                AwardedOn = FormValues.Date(a.AwardedOn), ExpiresOn = FormValues.Date(a.ExpiresOn), Token = RecordToken.Of(a),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? accreditationId, CancellationToken cancel)
    {
        if (!await StartAsync(id, accreditationId, cancel)) return NotFound();
        var a = accreditationId is { } existing
            ? await db.Accreditations.FirstOrDefaultAsync(x => x.Id == existing && x.DepartmentId == id, cancel)
            : new Accreditation { DepartmentId = id, OrganisationId = _organisationId };
        if (a is null) return NotFound();
        if (accreditationId is not null && !RecordToken.Matches(a, Input.Token))
        {
            ModelState.AddModelError("Input.Scheme", RecordToken.StaleMessage);
            Errors = FormErrors.From(ModelState);
            return Page();
        }

        ServiceForm.Apply(Input, a, ModelState);
        if (!ModelState.IsValid)
        {
            Errors = FormErrors.From(ModelState, ServiceForm.AccreditationFieldOrder);
            return Page();
        }
        if (accreditationId is null) db.Accreditations.Add(a);
        await db.SaveChangesAsync(cancel);
        TempData["Saved"] = accreditationId is null ? $"Accreditation {a.Scheme} added" : $"Accreditation {a.Scheme} updated";
        return Redirect($"/departments/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid? accreditationId, CancellationToken cancel)
    {
        if (!await StartAsync(id, accreditationId, cancel) || accreditationId is null) return NotFound();
        var a = await db.Accreditations.FirstOrDefaultAsync(x => x.Id == accreditationId && x.DepartmentId == id, cancel);
        if (a is null) return NotFound();
        if (!RecordToken.Matches(a, Input.Token))
        {
            ModelState.AddModelError("", RecordToken.StaleMessage);
            Errors = FormErrors.From(ModelState);
            return Page();
        }
        db.Accreditations.Remove(a);
        await db.SaveChangesAsync(cancel);
        TempData["Saved"] = $"Accreditation {a.Scheme} removed";
        return Redirect($"/departments/{id}");
    }

    private Guid _organisationId;

    private async Task<bool> StartAsync(Guid id, Guid? accreditationId, CancellationToken cancel)
    {
        DepartmentId = id;
        AccreditationId = accreditationId;
        var d = await db.Departments.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Name, x.OrganisationId }).FirstOrDefaultAsync(cancel);
        if (d is null) return false;
        DepartmentName = d.Name;
        _organisationId = d.OrganisationId;
        return true;
    }

    public static IEnumerable<SelectListItem> StatusItems =>
        new[] { new SelectListItem("Select a status", "") }.Concat(Enum.GetValues<AccreditationStatus>().Select(s => new SelectListItem(s.ToString(), s.ToString())));
}

public sealed class AccreditationInput
{
    [StringLength(100, ErrorMessage = "Scheme must be 100 characters or fewer")]
    public string? Scheme { get; set; }
    [StringLength(100, ErrorMessage = "Standard must be 100 characters or fewer")]
    public string? Standard { get; set; }
    public string? Status { get; set; }
    public string? AwardedOn { get; set; }
    public string? ExpiresOn { get; set; }
    /// <summary>The accreditation's values when the form was opened (see <see cref="RecordToken"/>).</summary>
    public string? Token { get; set; }
}
