using Cadre.Core.Planning;
using Cadre.Data.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Planning;

/// <summary>/planning: the organisation's saved scenarios, a new one from the register, and the choice of two to compare.</summary>
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    public IReadOnlyList<PlanningScenario> Scenarios { get; private set; } = [];
    public IReadOnlyList<Plans.ScopeOption> Scopes { get; private set; } = [];
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public bool MayEdit { get; private set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Scope { get; set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        // Razor Pages ignore [Authorize] on a handler, so the role is checked here (the page itself is for every role).
        if (!Plans.MayEdit(User)) return Forbid();
        await LoadAsync(cancel);
        var name = (Name ?? "").Trim();
        var errors = new List<FormError>();
        if (name.Length == 0) errors.Add(new("name", "Enter a name for the scenario"));
        else if (name.Length > 200) errors.Add(new("name", "Name must be 200 characters or fewer"));
        if (string.IsNullOrWhiteSpace(Scope) || Scopes.All(s => s.Value != Scope)) errors.Add(new("scope", "Choose what to plan for: the organisation, a theme or one of your services"));
        PlanningScenario? scenario = null;
        if (errors.Count == 0)
        {
            try
            {
                scenario = await Plans.FromRegisterAsync(db, User, name, Scope!, DateOnly.FromDateTime(DateTime.UtcNow), cancel);
                if (scenario is null) errors.Add(new("scope", "Choose what to plan for: the organisation, a theme or one of your services"));
            }
            catch (ScenarioException ex)
            {
                errors.Add(new("scope", $"Nothing to plan for {Scopes.First(s => s.Value == Scope).Label}: it {ex.Problem}"));
            }
        }
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }
        db.PlanningScenarios.Add(scenario!);
        await db.SaveChangesAsync(cancel);
        TempData["Saved"] = $"Scenario {scenario!.Name} created from the register";
        return Redirect($"/planning/{scenario.Id}");
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        MayEdit = Plans.MayEdit(User);
        Scenarios = await db.PlanningScenarios.AsNoTracking().OrderByDescending(s => s.UpdatedAt).ToListAsync(cancel);
        Scopes = MayEdit ? await Plans.ScopesAsync(db, User, cancel) : [];
    }
}
