using Cadre.Core.Intelligence;
using Cadre.Data.Intelligence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cadre.Web.Features.Reports;

/// <summary>
/// The workforce reports as JSON under /api/v1/reports, for a region's or a professional body's own tools: the same
/// report the pages show, table by table, with the same disclosure control and the same reach (a service lead: their
/// departments; another organisation's department is not found). Cells are numbers, words, or "*" for a hidden count.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports").RequireAuthorization(p => p.RequireRole(ReportAccess.Roles.Split(','))).WithTags("Workforce intelligence");
        api.MapGet("/head-of-service", HeadOfService).WithName("GetHeadOfServiceReport")
            .WithSummary("The head of service report for every department the caller may see, or one (?department=id).");
        api.MapGet("/organisations", Organisations).WithName("GetOrganisationBenchmark")
            .WithSummary("The key measures side by side for every organisation the caller belongs to (small counts hidden).");
        api.MapGet("/profession", Profession).WithName("GetProfessionReport")
            .WithSummary("The professional body view: by specialism, consultant share, pipeline and age profile (small counts hidden).");
        return app;
    }

    private static async Task<Results<Ok<Report>, NotFound>> HeadOfService(Guid? department, CadreDbContext db, HttpContext http, CancellationToken cancel)
    {
        var snapshot = await WorkforceSnapshotQuery.BuildAsync(db, ReportAccess.Today, cancel: cancel);
        if (department is { } id && snapshot.Departments.All(d => d.Id != id)) return TypedResults.NotFound();
        return TypedResults.Ok(HeadOfServiceReport.Build(snapshot, department, ReportAccess.ControlFor(http.User)));
    }

    private static async Task<Ok<Report>> Organisations(CadreDbContext db, CancellationToken cancel) =>
        TypedResults.Ok(OrganisationBenchmark.Build(await WorkforceSnapshotQuery.BuildAsync(db, ReportAccess.Today, cancel: cancel)));

    private static async Task<Ok<Report>> Profession(CadreDbContext db, CancellationToken cancel) =>
        TypedResults.Ok(ProfessionReport.Build(await WorkforceSnapshotQuery.BuildAsync(db, ReportAccess.Today, checkCoding: false, cancel: cancel)));
}
