using Cadre.Core.Planning;
using Cadre.Data.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Planning;

/// <summary>/planning/{id}: a saved scenario run through the engine: supply against demand with its spread, commissions, assumptions.</summary>
public sealed class ScenarioModel(CadreDbContext db) : PageModel
{
    public PlanningScenario Saved { get; private set; } = default!;
    public ScenarioDocument Document { get; private set; } = default!;
    public PlanResult Result { get; private set; } = default!;
    public bool MayEdit { get; private set; }
    public bool MayDownloadJson { get; private set; }

    /// <summary>The assumptions every segment uses unless it sets its own: the defaults, then the scenario's.</summary>
    public IReadOnlyList<PlanningAssumption> Assumptions => PlanningAssumptions.Defaults.Keys
        .Select(id => Result.Scenario.Assumptions.TryGetValue(id, out var set) ? set : PlanningAssumptions.Defaults[id]).ToList();

    /// <summary>Assumptions one segment sets for itself (only in a scenario edited as JSON).</summary>
    public IEnumerable<(string Segment, PlanningAssumption Assumption)> SegmentOverrides =>
        Result.Scenario.Segments.SelectMany(g => g.Assumptions.Values.Select(a => (g.Name, a)));

    /// <summary>Deletes the scenario (audited with what it held); refused when someone changed it since this page was read.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid version, CancellationToken cancel)
    {
        // Razor Pages ignore [Authorize] on a handler, so the role is checked here (the page itself is for every role).
        if (!Plans.MayEdit(User)) return Forbid();
        var saved = await db.PlanningScenarios.FirstOrDefaultAsync(s => s.Id == id, cancel);
        if (saved is null) return NotFound();
        if (saved.Version != version)
        {
            TempData["Saved"] = $"Scenario {saved.Name} was changed by {saved.UpdatedBy} since you opened it, so it was not deleted. Check the changes and delete it again if you still want to.";
            return Redirect($"/planning/{id}");
        }
        db.PlanningScenarios.Remove(saved);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Saved"] = $"Scenario {saved.Name} was changed by someone else at the same moment, so it was not deleted. Check it and try again.";
            return Redirect($"/planning/{id}");
        }
        TempData["Saved"] = $"Scenario {saved.Name} deleted";
        return Redirect("/planning");
    }

    /// <summary>
    /// Copies the scenario as saved (its JSON, scope and baseline date) under the name "Copy of …", so a planner can
    /// change one thing and compare. The copy is a new scenario, audited as any create; the register is not read again.
    /// </summary>
    public async Task<IActionResult> OnPostCopyAsync(Guid id, CancellationToken cancel)
    {
        if (!Plans.MayEdit(User)) return Forbid();
        var saved = await db.PlanningScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancel);
        if (saved is null) return NotFound();
        var name = "Copy of " + saved.Name;
        if (name.Length > 200) name = name[..200];
        var document = ScenarioDocument.FromJson(saved.ScenarioJson);
        document.Name = name;
        var now = DateTime.UtcNow;
        var copy = new PlanningScenario
        {
            OrganisationId = saved.OrganisationId, Name = name, DepartmentId = saved.DepartmentId, ScienceTheme = saved.ScienceTheme,
            ScopeLabel = saved.ScopeLabel, BaselineOn = saved.BaselineOn, ScenarioJson = document.ToJson(),
            CreatedAt = now, UpdatedAt = now, CreatedBy = db.Actor.Name, UpdatedBy = db.Actor.Name,
        };
        db.PlanningScenarios.Add(copy);
        await db.SaveChangesAsync(cancel);
        TempData["Saved"] = $"Scenario {saved.Name} copied: this is the copy";
        return Redirect($"/planning/{copy.Id}");
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string? format, CancellationToken cancel)
    {
        var saved = await db.PlanningScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancel);
        if (saved is null) return NotFound();
        Saved = saved;
        (Document, Result) = await Plans.RunStoredAsync(db, saved, cancel);
        MayEdit = Plans.MayEdit(User);
        MayDownloadJson = WebScope.MaySeePeople(User);
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            // The scenario as `cadre plan` reads it; it holds staff in post by year of birth, so only for roles that see people.
            if (!MayDownloadJson) return Forbid();
            return File(System.Text.Encoding.UTF8.GetBytes(saved.ScenarioJson), "application/json", $"cadre-scenario-{Plans.FileName(saved.Name, saved.Id)}.json");
        }
        var name = $"cadre-plan-{Plans.FileName(saved.Name, saved.Id)}-{DateTime.UtcNow:yyyy-MM-dd}";
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // The planner's workbook: several styled sheets, not the one flat table of the CSV.
            var buffer = new MemoryStream();
            Cadre.Data.Register.Export.WorkbookWriter.Write(buffer, PlanWorkbook.Sheets(Result));
            return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }
        var download = TableDownload.For(format, name, Plans.ExportHeaders, Plans.ExportRows(Result));
        return download is null ? Page() : new ResultPageResult(download);
    }
}
