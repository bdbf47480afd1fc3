using Cadre.Core.Intelligence;
using Cadre.Core.Surveys;
using Cadre.Data.Surveys;
using Cadre.Web.Features.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Surveys;

/// <summary>
/// Surveys as JSON under /api/v1/surveys: the list, and each survey's results as the page shows them (response rates,
/// reported against recorded, themes and chosen quotes), under the same disclosure control. No free text beyond chosen quotes.
/// </summary>
public static class SurveysApi
{
    public sealed record SurveySummary(Guid Id, string Title, DateOnly OpenedOn, DateOnly ClosedOn, string Population);

    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/surveys").RequireAuthorization(p => p.RequireRole(SurveyAccess.ReadRoles.Split(','))).WithTags("Surveys");
        api.MapGet("/", List).WithName("ListSurveys").WithSummary("The surveys of the caller's organisations.");
        api.MapGet("/{id:guid}", Results_).WithName("GetSurveyResults")
            .WithSummary("A survey's response rates by specialism, band and region, reported against recorded, themes and chosen quotes (small counts hidden).");
        return app;
    }

    private static async Task<Ok<List<SurveySummary>>> List(CadreDbContext db, CancellationToken cancel) =>
        TypedResults.Ok(await db.Surveys.AsNoTracking().OrderByDescending(s => s.OpenedOn).ThenBy(s => s.Title)
            .Select(s => new SurveySummary(s.Id, s.Title, s.OpenedOn, s.ClosedOn, s.PopulationDescription)).ToListAsync(cancel));

    private static async Task<Results<Ok<Report>, NotFound>> Results_(Guid id, CadreDbContext db, CancellationToken cancel)
    {
        if (await SurveyQueries.FindAsync(db, id, cancel) is not { } survey) return TypedResults.NotFound();
        return TypedResults.Ok(SurveyReport.Build(await SurveyQueries.FiguresAsync(db, survey, ReportAccess.Today, cancel)));
    }
}
