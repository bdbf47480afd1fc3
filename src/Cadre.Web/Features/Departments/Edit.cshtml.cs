using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Departments;

/// <summary>Adding a service (/departments/new) or changing one (/departments/{id}/edit): name, theme, site and lead.</summary>
[Authorize(Policy = CadrePolicies.EditServices)]
public sealed class EditModel(CadreDbContext db) : PageModel
{
    [BindProperty] public DepartmentInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    /// <summary>The organisations the user may add a service to; the form asks only when there are several.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> OrganisationItems() =>
        new[] { new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem("Select an organisation", "") }
            .Concat(Organisations.Select(o => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(o.Name, o.Id.ToString())));

    private async Task LoadOrganisationsAsync(CancellationToken cancel) =>
        Organisations = (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancel)).Select(o => (o.Id, o.Name)).ToList();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancel)
    {
        Id = id;
        await LoadOrganisationsAsync(cancel);
        if (id is null) return Page();
        var d = await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancel);
        if (d is null) return NotFound();
        Input = new DepartmentInput
        {
            Name = d.Name, Theme = d.ScienceTheme?.ToString(), Site = d.Site,
            LeadStaffNumber = d.LeadPersonId is { } lead ? await db.People.Where(p => p.Id == lead).Select(p => p.StaffNumber).FirstOrDefaultAsync(cancel) : null,
        };
        Input.Token = RecordToken.Of(d);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancel)
    {
        Id = id;
        await LoadOrganisationsAsync(cancel);
        // A member of several organisations says which one the new service belongs to; a member of one is not asked.
        var organisationId = Organisations.Count == 1 ? Organisations[0].Id : Input.OrganisationId ?? Guid.Empty;
        if (id is null && Organisations.All(o => o.Id != organisationId))
            ModelState.AddModelError("Input.OrganisationId", "Select the organisation the service belongs to");
        var department = id is null ? new Department { OrganisationId = organisationId } : await db.Departments.FirstOrDefaultAsync(x => x.Id == id, cancel);
        if (department is null) return NotFound();
        if (id is not null && !RecordToken.Matches(department, Input.Token))
        {
            ModelState.AddModelError("Input.Name", RecordToken.StaleMessage);
            Errors = FormErrors.From(ModelState);
            return Page();
        }

        await ServiceForm.ApplyAsync(Input, department, db, ModelState, cancel);
        if (!ModelState.IsValid)
        {
            Errors = FormErrors.From(ModelState, ["Input.OrganisationId", .. ServiceForm.FieldOrder]);
            return Page();
        }
        if (id is null) db.Departments.Add(department);
        await db.SaveChangesAsync(cancel);
        TempData["Saved"] = id is null ? $"{department.Name} added" : $"{department.Name} updated";
        return Redirect($"/departments/{department.Id}");
    }
}

public sealed class DepartmentInput
{
    [Required(ErrorMessage = "Enter the name of the service")]
    [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string? Name { get; set; }

    public string? Theme { get; set; }

    [StringLength(200, ErrorMessage = "Site must be 200 characters or fewer")]
    public string? Site { get; set; }

    public string? LeadStaffNumber { get; set; }

    /// <summary>For a new service of a member of several organisations: which organisation it belongs to.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>The service's values when the form was opened (see <see cref="RecordToken"/>).</summary>
    public string? Token { get; set; }
}

/// <summary>Reading the service forms onto a service or an accreditation; shared by the pages and the API so both say the same.</summary>
public static class ServiceForm
{
    /// <summary>Copies name, theme, site and lead onto the service and checks them, one error per field ("Input.Name"...).</summary>
    public static async Task ApplyAsync(DepartmentInput input, Department department, CadreDbContext db, ModelStateDictionary state, CancellationToken cancel)
    {
        department.Name = (input.Name ?? "").Trim();
        department.Site = string.IsNullOrWhiteSpace(input.Site) ? null : input.Site.Trim();
        department.ScienceTheme = string.IsNullOrWhiteSpace(input.Theme) ? null : char.ToUpperInvariant(input.Theme.Trim()[0]);
        department.LeadPersonId = null;
        if (!string.IsNullOrWhiteSpace(input.LeadStaffNumber))
        {
            var staff = input.LeadStaffNumber.Trim();
            var lead = await db.People.AsNoTracking().Where(p => p.StaffNumber == staff && p.OrganisationId == department.OrganisationId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancel);
            if (lead is null) state.AddModelError("Input.LeadStaffNumber", $"There is nobody with staff number {staff} in your organisation; check the number or add them under People first");
            department.LeadPersonId = lead;
        }
        foreach (var problem in RegisterRules.Check(new Department { Name = department.Name, ScienceTheme = department.ScienceTheme }))
        {
            var key = problem.Field == nameof(Department.ScienceTheme) ? "Input.Theme" : $"Input.{problem.Field}";
            if (state.TryGetValue(key, out var e) && e.Errors.Count > 0) continue;
            state.AddModelError(key, problem.Message);
        }
        if (state.IsValid)
        {
            var name = department.Name;
            var organisation = department.OrganisationId;
            var self = department.Id;
            if (await db.Departments.IgnoreQueryFilters([CadreDbContext.OrganisationFilter]).AnyAsync(x => x.Name == name && x.OrganisationId == organisation && x.Id != self, cancel))
                state.AddModelError("Input.Name", $"There is already a service called {name} in your organisation");
        }
    }

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Name", "Input.Theme", "Input.Site", "Input.LeadStaffNumber"];

    /// <summary>Copies scheme, standard, status and dates onto the accreditation and checks them, one error per field.</summary>
    public static void Apply(AccreditationInput input, Accreditation a, ModelStateDictionary state)
    {
        a.Scheme = (input.Scheme ?? "").Trim();
        a.Standard = (input.Standard ?? "").Trim();
        if (Enum.TryParse<AccreditationStatus>(input.Status, out var status) && Enum.IsDefined(status) && !char.IsDigit((input.Status ?? "0")[0])) a.Status = status;
        else state.AddModelError("Input.Status", "Select the status of the accreditation");
        a.AwardedOn = ReadDate(input.AwardedOn, "Input.AwardedOn", "Date awarded", state);
        a.ExpiresOn = ReadDate(input.ExpiresOn, "Input.ExpiresOn", "Expiry date", state);
        foreach (var problem in RegisterRules.Check(a))
        {
            var key = $"Input.{problem.Field}";
            if (state.TryGetValue(key, out var e) && e.Errors.Count > 0) continue;
            state.AddModelError(key, problem.Message);
        }
    }

    public static readonly IReadOnlyList<string> AccreditationFieldOrder = ["Input.Scheme", "Input.Standard", "Input.Status", "Input.AwardedOn", "Input.ExpiresOn"];

    private static DateOnly? ReadDate(string? value, string key, string label, ModelStateDictionary state)
    {
        if (People.FormValues.Blank(value) is null) return null;
        if (People.FormValues.TryDate(value, out var date)) return date;
        state.AddModelError(key, $"{label} must be a real date, {People.FormValues.DateHint}");
        return null;
    }
}
