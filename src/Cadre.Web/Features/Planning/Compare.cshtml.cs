using Cadre.Core.Planning;
using Cadre.Data.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Planning;

/// <summary>/planning/compare?a=…&amp;b=…: two saved scenarios side by side, year by year, and their commissions.</summary>
public sealed class CompareModel(CadreDbContext db) : PageModel
{
    public PlanningScenario A { get; private set; } = default!;
    public PlanningScenario B { get; private set; } = default!;
    public PlanResult ResultA { get; private set; } = default!;
    public PlanResult ResultB { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid? a, Guid? b, CancellationToken cancel)
    {
        if (a is null || b is null) return Redirect("/planning");
        var found = await db.PlanningScenarios.AsNoTracking().Where(s => s.Id == a || s.Id == b).ToListAsync(cancel);
        var first = found.FirstOrDefault(s => s.Id == a);
        var second = found.FirstOrDefault(s => s.Id == b);
        if (first is null || second is null) return NotFound();
        (A, B) = (first, second);
        ResultA = (await Plans.RunStoredAsync(db, first, cancel)).Result;
        ResultB = (await Plans.RunStoredAsync(db, second, cancel)).Result;
        return Page();
    }

    /// <summary>An assumption the two scenarios hold differently (value, range or source), for every segment.</summary>
    public sealed record Difference(AssumptionId Id, string Name, PlanningAssumption First, PlanningAssumption Second);

    /// <summary>The scenario-wide assumptions that differ, in catalogue order: what explains the two projections' difference.</summary>
    public IReadOnlyList<Difference> Differences => PlanningAssumptions.Defaults.Keys
        .Select(id => new Difference(id, PlanningAssumptions.Defaults[id].Name, InForce(ResultA, id), InForce(ResultB, id)))
        .Where(d => (d.First.Value, d.First.Low, d.First.High, d.First.Source) != (d.Second.Value, d.Second.Low, d.Second.High, d.Second.Source))
        .ToList();

    private static PlanningAssumption InForce(PlanResult r, AssumptionId id) =>
        r.Scenario.Assumptions.TryGetValue(id, out var set) ? set : PlanningAssumptions.Defaults[id];

    public static string Describe(PlanningAssumption a) =>
        Plans.Value(a.Id, a.Value) + (a.Uncertain ? $" (range {Plans.Value(a.Id, a.Low)} to {Plans.Value(a.Id, a.High)})" : "");

    /// <summary>Years either scenario projects, in order.</summary>
    public IEnumerable<int> Years => ResultA.Total.Select(y => y.Year).Union(ResultB.Total.Select(y => y.Year)).Order();

    public string Chart() => System.Text.Json.JsonSerializer.Serialize(new
    {
        type = "line",
        labels = Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        series = new object[]
        {
            new { label = $"Supply: {A.Name}", values = Years.Select(y => ResultA.Total.FirstOrDefault(t => t.Year == y) is { } t ? Math.Round(t.Supply, 2) : (double?)null), color = "#005eb8" },
            new { label = $"Demand: {A.Name}", values = Years.Select(y => ResultA.Total.FirstOrDefault(t => t.Year == y) is { } t ? Math.Round(t.Demand, 2) : (double?)null), color = "#005eb8", dash = true, points = false },
            new { label = $"Supply: {B.Name}", values = Years.Select(y => ResultB.Total.FirstOrDefault(t => t.Year == y) is { } t ? Math.Round(t.Supply, 2) : (double?)null), color = "#007f3b" },
            new { label = $"Demand: {B.Name}", values = Years.Select(y => ResultB.Total.FirstOrDefault(t => t.Year == y) is { } t ? Math.Round(t.Demand, 2) : (double?)null), color = "#007f3b", dash = true, points = false },
        },
    });
}
