using System.Security.Claims;
using System.Text.Json;
using Cadre.Core.Planning;
using Cadre.Data.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Planning;

/// <summary>
/// /api/v1/planning: saved scenarios and their projections, for programs. Same cookie and rules as the pages: every
/// signed-in role reads; another organisation's scenario (or, for a service lead, another department's) is not found.
/// The scenario document (staff in post by year of birth) is for roles that may see people's details; others get the
/// totals. Running changes nothing, so it is a GET.
/// </summary>
public static class PlanningApi
{
    public sealed record ScenarioSummaryDto(Guid Id, string Name, string Scope, Guid? DepartmentId, string? ScienceTheme, DateOnly BaselineOn,
        DateTime CreatedAt, string CreatedBy, DateTime UpdatedAt, string UpdatedBy, Guid Version);
    public sealed record SegmentSummaryDto(string Name, string? Level, double EstablishmentWte, double StaffInPostHeadcount, double StaffInPostWte, double Trainees, string CommissionProgramme);
    public sealed record ScenarioDto(ScenarioSummaryDto Scenario, int StartYear, int Years, int TargetYear, IReadOnlyList<SegmentSummaryDto> Segments,
        IReadOnlyDictionary<string, AssumptionDocument> Assumptions, JsonElement? Document);

    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/planning").RequireAuthorization().WithTags("Workforce planning");
        api.MapGet("/scenarios", List).WithName("ListPlanningScenarios").WithSummary("Saved planning scenarios the user can see, newest change first.");
        api.MapGet("/scenarios/{id:guid}", Get).WithName("GetPlanningScenario").WithSummary("One scenario: years, segments, assumptions set, and (for roles that may see people) the scenario JSON.");
        api.MapGet("/scenarios/{id:guid}/run", Run).WithName("RunPlanningScenario")
            .WithSummary("Project a saved scenario: supply against demand by year with the p10/p50/p90 spread, and the trainee commissions needed (runs 0-10000, default 1000; seed default 1; sensitivity=true adds the tornado rows).");
        return app;
    }

    private static ScenarioSummaryDto Summary(PlanningScenario s) => new(s.Id, s.Name, s.ScopeLabel, s.DepartmentId, s.ScienceTheme?.ToString(), s.BaselineOn,
        s.CreatedAt, s.CreatedBy, s.UpdatedAt, s.UpdatedBy, s.Version);

    private static async Task<Ok<List<ScenarioSummaryDto>>> List(CadreDbContext db, CancellationToken cancel)
    {
        var rows = await db.PlanningScenarios.AsNoTracking().OrderByDescending(s => s.UpdatedAt).ToListAsync(cancel);
        return TypedResults.Ok(rows.Select(Summary).ToList());
    }

    private static async Task<Results<Ok<ScenarioDto>, NotFound>> Get(Guid id, CadreDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        var s = await db.PlanningScenarios.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancel);
        if (s is null) return TypedResults.NotFound();
        var d = ScenarioDocument.FromJson(s.ScenarioJson);
        JsonElement? document = WebScope.MaySeePeople(user) ? JsonDocument.Parse(s.ScenarioJson).RootElement.Clone() : null;
        return TypedResults.Ok(new ScenarioDto(Summary(s), d.StartYear, d.Years, d.TargetYear,
            d.Segments.Select(g => new SegmentSummaryDto(g.Name, g.Level, g.EstablishmentWte, g.StaffInPostHeadcount, g.StaffInPostWte, g.Trainees, g.CommissionProgramme)).ToList(),
            d.Assumptions, document));
    }

    /// <summary>The plan in the shape `cadre plan --json` prints (<see cref="PlanDocument"/>), with the saved scenario's id.</summary>
    private static async Task<Results<Ok<PlanDocument>, NotFound, ValidationProblem>> Run(Guid id, int? runs, int? seed, bool? sensitivity, CadreDbContext db, CancellationToken cancel)
    {
        var n = runs ?? Plans.Runs;
        if (n is < 0 or > 10_000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["runs"] = [$"must be between 0 and 10000; got {n}"] }, title: "The projection was not run");
        var s = await db.PlanningScenarios.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancel);
        if (s is null) return TypedResults.NotFound();
        var result = (await Plans.RunStoredAsync(db, s, cancel, n, seed ?? Plans.Seed)).Result;
        return TypedResults.Ok(PlanDocument.From(result, s.Id, sensitivity == true ? Sensitivity.For(result.Scenario) : null));
    }
}
