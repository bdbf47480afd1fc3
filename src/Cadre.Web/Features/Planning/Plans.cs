using System.Globalization;
using System.Security.Claims;
using Cadre.Core.Planning;
using Cadre.Data.Planning;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Planning;

/// <summary>
/// Saved planning scenarios for the pages and the API: the scopes a user may plan for, a new scenario from the register's
/// baseline, and a saved scenario run through the engine. Who may do what is in docs/decisions/planning-web.md.
/// </summary>
public static class Plans
{
    /// <summary>Runs and seed the pages use: the engine's defaults, so the CLI gives the same figures for the same JSON.</summary>
    public const int Runs = PlanningEngine.DefaultRuns;
    public const int Seed = PlanningEngine.DefaultSeed;

    public static bool MayEdit(ClaimsPrincipal user) => CadrePolicies.PlanningEditorRoles.Any(user.IsInRole);

    /// <summary>Service leads plan for their departments only; the other editors for the organisation, a theme or a department.</summary>
    public static bool MayPlanOrganisationWide(ClaimsPrincipal user) => user.IsInRole(CadreRoles.Administrator) || user.IsInRole(CadreRoles.WorkforceInformation);

    public sealed record ScopeOption(string Value, string Label);

    /// <summary>
    /// What the user may build a scenario from: "organisation", "theme:H" or "department:{id}". A member of several
    /// organisations plans each on its own ("organisation:{id}", "theme:{id}:H"): a scenario belongs to one organisation.
    /// </summary>
    public static async Task<IReadOnlyList<ScopeOption>> ScopesAsync(CadreDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name, d.ScienceTheme, d.OrganisationId }).ToListAsync(cancel);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.OdsCode }).ToListAsync(cancel);
        var several = organisations.Count > 1;
        var options = new List<ScopeOption>();
        if (MayPlanOrganisationWide(user))
        {
            foreach (var organisation in organisations)
            {
                options.Add(several ? new($"organisation:{organisation.Id}", $"The whole of {organisation.Name}") : new("organisation", "The whole organisation"));
                foreach (var theme in departments.Where(d => d.OrganisationId == organisation.Id && d.ScienceTheme is not null).Select(d => d.ScienceTheme!.Value).Distinct().Order())
                    options.Add(several ? new($"theme:{organisation.Id}:{theme}", $"Theme: {Labels.ThemeShort(theme)} ({organisation.OdsCode})") : new($"theme:{theme}", $"Theme: {Labels.ThemeShort(theme)}"));
            }
        }
        options.AddRange(departments.Select(d => new ScopeOption($"department:{d.Id}",
            several ? $"Service: {d.Name} ({organisations.FirstOrDefault(o => o.Id == d.OrganisationId)?.OdsCode})" : $"Service: {d.Name}")));
        return options;
    }

    /// <summary>
    /// A new scenario from the register on a date, for one scope the user may plan for; null when the scope is not one
    /// of theirs. Throws <see cref="ScenarioException"/> when the scope has nothing to plan.
    /// </summary>
    public static async Task<PlanningScenario?> FromRegisterAsync(CadreDbContext db, ClaimsPrincipal user, string name, string scope, DateOnly on, CancellationToken cancel)
    {
        var option = (await ScopesAsync(db, user, cancel)).FirstOrDefault(o => o.Value == scope);
        if (option is null) return null;
        var posts = db.Posts.AsNoTracking().Include(p => p.Assignments.Where(a => a.StartDate <= on && (a.EndDate == null || a.EndDate >= on))).ThenInclude(a => a.Person).AsQueryable();
        var scenario = new PlanningScenario { OrganisationId = db.Scope.OrganisationIds.FirstOrDefault(), Name = name, ScopeLabel = option.Label, BaselineOn = on };
        // "organisation:{id}" and "theme:{id}:H" name the organisation (a member of several); the plain forms mean the only one.
        var parts = scope.Split(':');
        if ((parts is ["organisation", _] || parts is ["theme", _, _]) && Guid.TryParse(parts[1], out var organisationId))
        {
            scenario.OrganisationId = organisationId;
            posts = posts.Where(p => p.OrganisationId == organisationId);
            scope = parts[0] == "theme" && parts.Length == 3 ? $"theme:{parts[2]}" : parts[0];
        }
        if (scope.StartsWith("theme:", StringComparison.Ordinal))
        {
            var theme = scope[6];
            scenario.ScienceTheme = theme;
            scenario.ScopeLabel = Labels.ThemeShort(theme);
            posts = posts.Where(p => p.Department!.ScienceTheme == theme);
        }
        else if (scope.StartsWith("department:", StringComparison.Ordinal))
        {
            var id = Guid.Parse(scope["department:".Length..]);
            var department = await db.Departments.AsNoTracking().FirstAsync(d => d.Id == id, cancel);
            scenario.DepartmentId = id;
            scenario.OrganisationId = department.OrganisationId;
            scenario.ScopeLabel = department.Name;
            posts = posts.Where(p => p.DepartmentId == id);
        }
        else
        {
            scenario.ScopeLabel = await db.Organisations.AsNoTracking().Where(o => o.Id == scenario.OrganisationId).Select(o => o.Name).FirstAsync(cancel);
        }
        var postList = await posts.AsSplitQuery().ToListAsync(cancel);
        var people = postList.SelectMany(p => p.Assignments).Select(a => a.PersonId).Distinct().ToList();
        var enrolments = await db.TrainingEnrolments.AsNoTracking().Where(e => people.Contains(e.PersonId)).ToListAsync(cancel);
        var document = RegisterScenario.Build(name, $"Healthcare Science: {scenario.ScopeLabel}", postList, enrolments, on);
        scenario.ScenarioJson = document.ToJson();
        scenario.CreatedAt = scenario.UpdatedAt = DateTime.UtcNow;
        scenario.CreatedBy = scenario.UpdatedBy = db.Actor.Name;
        return scenario;
    }

    /// <summary>The saved document and its projection (the stored JSON was checked when saved; a bad one throws here).</summary>
    public static (ScenarioDocument Document, PlanResult Result) Run(PlanningScenario saved, int runs = Runs, int seed = Seed)
    {
        var document = ScenarioDocument.FromJson(saved.ScenarioJson);
        var scenario = document.Parse();
        // The tornado is kept with the projection: two deterministic runs per uncertain assumption, computed once per version.
        return (document, PlanningEngine.Project(scenario, runs, seed) with { Sensitivity = Sensitivity.For(scenario) });
    }

    /// <summary>
    /// The projection of the scenario as saved now, computed once per version and kept (<see cref="PlanningResults"/>):
    /// a page view reads it, and of several instances asked at once only one computes it.
    /// </summary>
    public static async Task<(ScenarioDocument Document, PlanResult Result)> RunStoredAsync(CadreDbContext db, PlanningScenario saved, CancellationToken cancel,
        int runs = Runs, int seed = Seed)
    {
        // Only the pages' runs and seed are kept (one row per version); an API caller's own choice is computed for them.
        if (runs != Runs || seed != Seed) return Run(saved, runs, seed);
        var result = await PlanningResults.GetOrComputeAsync(db, saved, runs, seed, () => Run(saved, runs, seed).Result, cancel);
        return (ScenarioDocument.FromJson(saved.ScenarioJson), result);
    }

    /// <summary>A download's name from the scenario's: letters and digits, the rest as hyphens (the id when nothing is left).</summary>
    public static string FileName(string scenario, Guid id)
    {
        var slug = System.Text.RegularExpressions.Regex.Replace(scenario.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        return slug.Length == 0 ? id.ToString() : slug;
    }

    public static string F(double v) => double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) : "cannot close";
    public static string F2(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
    public static string Range(Spread s) => double.IsNaN(s.P50) ? "" : $"{F(s.P10)} to {F(s.P90)}";
    public static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);

    /// <summary>Whole trainees with the exact figure beside them: "13 (12.5)".</summary>
    public static string Whole(double exact, double whole) => double.IsFinite(exact) ? $"{whole.ToString("0", CultureInfo.InvariantCulture)} ({F(exact)})" : "cannot close";

    /// <summary>The results as one table: a row per segment and year, then the total, then every assumption used.</summary>
    public static readonly string[] ExportHeaders =
    [
        "scenario", "segment", "year", "demand_wte", "supply_wte", "supply_p10", "supply_p50", "supply_p90", "gap_wte", "leavers_wte",
        "retirements_wte", "trainees_completing", "extra_commissions", "extra_commissions_p10", "extra_commissions_p90", "commission_programme",
    ];

    public static IEnumerable<IReadOnlyList<object?>> ExportRows(PlanResult r)
    {
        static object? Finite(double v) => double.IsFinite(v) ? Round(v) : null; // a gap extra trainees cannot close is left empty
        static object?[] Row(string scenario, string segment, PlanYear y, CommissionNeed? need) =>
        [
            scenario, segment, y.Year, Round(y.Demand), Round(y.Supply), Round(y.SupplySpread.P10), Round(y.SupplySpread.P50), Round(y.SupplySpread.P90),
            Round(y.Gap), Round(y.Leavers), Round(y.Retirements), Round(y.TraineesCompleting),
            y.CommissionsNeeded is { } c ? Finite(c) : null,
            y.CommissionsNeeded is not null && need is not null ? Finite(need.PerYearSpread.P10) : null,
            y.CommissionsNeeded is not null && need is not null ? Finite(need.PerYearSpread.P90) : null,
            need?.Programme.Code(),
        ];
        foreach (var s in r.Segments)
            foreach (var y in s.Years) yield return Row(r.Scenario.Name, s.Segment.Name, y, s.Commissions);
        foreach (var y in r.Total) yield return Row(r.Scenario.Name, "Total", y, null);
    }

    private static double Round(double v) => Math.Round(v, 2);

    /// <summary>
    /// A Chart.js spec (read by cadre.js): the p10-p90 band of supply (one legend item), the median supply, supply with
    /// the year-by-year commissions that keep the gap closed, and demand; both axes titled.
    /// </summary>
    public static string Chart(IReadOnlyList<PlanYear> years, IReadOnlyList<double>? withCommissions = null) => System.Text.Json.JsonSerializer.Serialize(new
    {
        type = "line",
        labels = years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)),
        xTitle = "Year",
        yTitle = "Whole-time equivalent (WTE)",
        series = new object?[]
        {
            new { label = "Supply, 10th percentile", values = years.Select(y => Round(y.SupplySpread.P10)), color = "rgba(65,182,230,0.35)", points = false, width = 1, legend = false },
            new { label = "Supply, p10 to p90 (shaded)", values = years.Select(y => Round(y.SupplySpread.P90)), color = "rgba(65,182,230,0.35)", fill = "-1", points = false, width = 1 },
            new { label = "Supply (median of the runs)", values = years.Select(y => Round(y.Supply)), color = "#005eb8" },
            withCommissions is null ? null
                : new { label = "Supply with the year-by-year commissions", values = withCommissions.Select(Round), color = "#007f3b", dash = true, points = false },
            new { label = "Demand (funded establishment)", values = years.Select(y => Round(y.Demand)), color = "#d5281b", dash = true },
        }.Where(s => s is not null),
    });

    /// <summary>The staff group's supply with every segment's year-by-year commissions (central projection), or null when a segment has none worked.</summary>
    public static IReadOnlyList<double>? TotalWithCommissions(PlanResult r) =>
        r.Segments.All(s => s.Keeping is { SupplyWithCommissions.Count: > 0 })
            ? Enumerable.Range(0, r.Total.Count).Select(k => r.Segments.Sum(s => s.Keeping!.SupplyWithCommissions[k])).ToList()
            : null;

    /// <summary>
    /// The tornado as a Chart.js spec: for each uncertain assumption (largest swing first) the change in the staff
    /// group's target-year gap from the central projection's when it is at its low end and at its high end.
    /// </summary>
    public static string Tornado(PlanResult r) => System.Text.Json.JsonSerializer.Serialize(new
    {
        type = "tornado",
        labels = (r.Sensitivity ?? []).Select(TornadoLabel),
        xTitle = $"Change in the {r.Scenario.TargetYear} gap from the central projection (WTE; more is a bigger shortfall)",
        yTitle = "Assumption",
        series = new object[]
        {
            new { label = "At the low end of its range", values = (r.Sensitivity ?? []).Select(x => Round(x.GapAtLow - r.CentralGapAtTarget)), color = "#41b6e6" },
            new { label = "At the high end of its range", values = (r.Sensitivity ?? []).Select(x => Round(x.GapAtHigh - r.CentralGapAtTarget)), color = "#005eb8" },
        },
    });

    public static string TornadoLabel(SensitivityRow x) => x.Scope == "scenario" ? x.Name : $"{x.Name} ({x.Scope})";

    /// <summary>An assumption's value as a planner enters it: rates as percentages, other figures as they are.</summary>
    public static string Value(AssumptionId id, double v) => PlanningAssumptions.IsShare(id)
        ? (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%"
        : F2(v);
}

/// <summary>One chart and its table: the total or one segment (<c>Programme</c> adds the commissions column).</summary>
public sealed record PlanYearsView(string Id, string Caption, IReadOnlyList<PlanYear> Years, string? Programme, IReadOnlyList<double>? WithCommissions = null);
