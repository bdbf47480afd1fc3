using System.Globalization;
using Cadre.Core.Planning;
using Cadre.Data.Planning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Planning;

/// <summary>
/// /planning/{id}/edit: the scenario's years and target, every PLAN- assumption (value and the range sampled, with its
/// source) and each segment's establishment, planned intake and commission programme. Every field is checked before
/// anything is saved; the engine's own validator has the last word; a stale copy is refused.
/// </summary>
[Authorize(Policy = CadrePolicies.EditPlanning)]
public sealed class EditModel(CadreDbContext db) : PageModel
{
    public PlanningScenario Saved { get; private set; } = default!;
    public ScenarioDocument Document { get; private set; } = default!;
    /// <summary>The form's values by field name: the saved ones, or what was typed when it comes back with errors.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    public static string AssumptionField(AssumptionId id, string part) => $"a-{id}-{part}";
    public static string SegmentField(int i, string part) => $"s{i}-{part}";
    public string Value(string field) => Values.GetValueOrDefault(field, "");
    public string? Error(string field) => Errors.FirstOrDefault(e => e.FieldId == field)?.Message;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        var saved = await db.PlanningScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancel);
        if (saved is null) return NotFound();
        Saved = saved;
        Document = ScenarioDocument.FromJson(saved.ScenarioJson);
        Fill(Document, saved.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancel)
    {
        var saved = await db.PlanningScenarios.FirstOrDefaultAsync(s => s.Id == id, cancel);
        if (saved is null) return NotFound();
        Saved = saved;
        Document = ScenarioDocument.FromJson(saved.ScenarioJson);
        foreach (var (key, value) in Request.Form) Values[key] = value.ToString();

        var errors = new List<FormError>();
        var edited = Apply(Document, errors);
        if (errors.Count == 0)
        {
            try { edited.Parse(); }
            catch (ScenarioException ex) { errors.Add(new(FieldFor(ex.Field), Describe(ex))); }
        }
        if (errors.Count == 0 && !Guid.TryParse(Value("version"), out _)) errors.Add(new("name", RecordToken.StaleMessage));
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        saved.Name = edited.Name;
        saved.ScenarioJson = edited.ToJson();
        saved.UpdatedAt = DateTime.UtcNow;
        saved.UpdatedBy = db.Actor.Name;
        // Refuse a save made on a stale copy: someone else changed the scenario after this form was opened.
        db.Entry(saved).Property(s => s.Version).OriginalValue = Guid.Parse(Value("version"));
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            Errors = [new("name", "Someone else changed this scenario while you were editing it. Open it again to see their change, then make yours.")];
            return Page();
        }
        TempData["Saved"] = $"Scenario {saved.Name} saved";
        return Redirect($"/planning/{saved.Id}");
    }

    private void Fill(ScenarioDocument d, Guid version)
    {
        Values["version"] = version.ToString();
        Values["name"] = d.Name;
        Values["startYear"] = I(d.StartYear);
        Values["years"] = I(d.Years);
        Values["targetYear"] = I(d.TargetYear);
        foreach (var a in PlanningAssumptions.Defaults.Values)
        {
            var set = d.Assumptions.GetValueOrDefault(a.Id.Value);
            Values[AssumptionField(a.Id, "value")] = N(set?.Value ?? a.Value);
            Values[AssumptionField(a.Id, "low")] = N(set is null ? a.Low : set.Low ?? set.Value);
            Values[AssumptionField(a.Id, "high")] = N(set is null ? a.High : set.High ?? set.Value);
            Values[AssumptionField(a.Id, "source")] = set?.Source ?? "";
        }
        for (var i = 0; i < d.Segments.Count; i++)
        {
            var s = d.Segments[i];
            Values[SegmentField(i, "establishment")] = N(s.EstablishmentWte);
            Values[SegmentField(i, "annual")] = s.AnnualIntake?.GetValueOrDefault(s.CommissionProgramme) is { } n ? N(n) : "";
            Values[SegmentField(i, "programme")] = s.CommissionProgramme;
        }
    }

    /// <summary>Copies the form onto the saved document, one error per field that is not a number where one is needed.</summary>
    private ScenarioDocument Apply(ScenarioDocument d, List<FormError> errors)
    {
        var name = Value("name").Trim();
        if (name.Length == 0) errors.Add(new("name", "Enter a name for the scenario"));
        else if (name.Length > 200) errors.Add(new("name", "Name must be 200 characters or fewer"));
        d.Name = name;
        d.StartYear = Whole("startYear", "Start year", errors) ?? d.StartYear;
        d.Years = Whole("years", "Number of years", errors) ?? d.Years;
        d.TargetYear = Whole("targetYear", "Target year", errors) ?? d.TargetYear;

        var overrides = new Dictionary<string, AssumptionDocument>(StringComparer.Ordinal);
        foreach (var a in PlanningAssumptions.Defaults.Values)
        {
            var value = Number(AssumptionField(a.Id, "value"), $"{a.Id} ({a.Name}) value", errors, required: true);
            var low = Number(AssumptionField(a.Id, "low"), $"{a.Id} ({a.Name}) low", errors, required: false) ?? value;
            var high = Number(AssumptionField(a.Id, "high"), $"{a.Id} ({a.Name}) high", errors, required: false) ?? value;
            var source = Value(AssumptionField(a.Id, "source")).Trim();
            if (value is null || low is null || high is null) continue;
            if (low > value || value > high)
            {
                errors.Add(new(AssumptionField(a.Id, "value"), $"{a.Id} ({a.Name}): the low must not be above the value, nor the value above the high"));
                continue;
            }
            if (source.Length > 500) errors.Add(new(AssumptionField(a.Id, "source"), $"{a.Id} source must be 500 characters or fewer"));
            // The default needs no override: leaving it out keeps its status (and "local input needed") visible.
            var same = Same(value.Value, a.Value) && Same(low.Value, a.Low) && Same(high.Value, a.High);
            if (same && source.Length == 0) continue;
            overrides[a.Id.Value] = new AssumptionDocument { Value = value.Value, Low = low, High = high, Source = source.Length > 0 ? source : $"set in Cadre by {db.Actor.Name}" };
        }
        d.Assumptions = overrides;

        for (var i = 0; i < d.Segments.Count; i++)
        {
            var s = d.Segments[i];
            s.EstablishmentWte = Number(SegmentField(i, "establishment"), $"{s.Name}: establishment", errors, required: true) ?? s.EstablishmentWte;
            if (PlanningProgrammes.Parse(Value(SegmentField(i, "programme"))) is not { } programme) errors.Add(new(SegmentField(i, "programme"), $"{s.Name}: choose the programme to commission (PTP, STP or HSST)"));
            else s.CommissionProgramme = programme.Code();
            var annual = Number(SegmentField(i, "annual"), $"{s.Name}: planned trainees a year", errors, required: false);
            if (annual is < 0) errors.Add(new(SegmentField(i, "annual"), $"{s.Name}: planned trainees a year must be 0 or more"));
            s.AnnualIntake = annual is > 0 ? new Dictionary<string, double> { [s.CommissionProgramme] = annual.Value } : null;
        }
        return d;
    }

    private int? Whole(string field, string label, List<FormError> errors)
    {
        var text = Value(field).Trim();
        if (text.Length == 0) { errors.Add(new(field, $"Enter the {label.ToLowerInvariant()}")); return null; }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) { errors.Add(new(field, $"{label} must be a whole number, like 2026")); return null; }
        return v;
    }

    private double? Number(string field, string label, List<FormError> errors, bool required)
    {
        var text = Value(field).Trim();
        if (text.Length == 0)
        {
            if (required) errors.Add(new(field, $"Enter the {label}"));
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            errors.Add(new(field, $"{label} must be a number, like 0.08 for 8%"));
            return null;
        }
        return v;
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) < 1e-12;

    /// <summary>The form field a validator complaint belongs to (e.g. <c>segments[1].establishmentWte</c> → <c>s1-establishment</c>).</summary>
    public static string FieldFor(string field)
    {
        if (field is "name" or "startYear" or "years" or "targetYear") return field;
        if (field.StartsWith("assumptions.", StringComparison.Ordinal))
        {
            var id = field["assumptions.".Length..].Split('.')[0];
            return AssumptionField(id, "value");
        }
        var m = System.Text.RegularExpressions.Regex.Match(field, @"^segments\[(\d+)\]\.?(\w*)");
        if (m.Success)
        {
            var i = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch
            {
                "annualIntake" => SegmentField(i, "annual"),
                "commissionProgramme" => SegmentField(i, "programme"),
                "assumptions" => SegmentField(i, "establishment"),
                _ => SegmentField(i, "establishment"),
            };
        }
        return "name";
    }

    private static string Describe(ScenarioException ex) => ex.Field switch
    {
        "startYear" => $"Start year {ex.Problem}",
        "years" => $"Number of years {ex.Problem}",
        "targetYear" => $"Target year {ex.Problem}",
        _ => $"{ex.Field} {ex.Problem}",
    };

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
