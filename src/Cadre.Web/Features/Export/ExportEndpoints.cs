using System.Security.Claims;
using Cadre.Data.Register.Export;

namespace Cadre.Web.Features.Export;

/// <summary>
/// Downloads of the register as CSV or Excel, in the columns the importer reads (so an export can be edited and loaded
/// back). The exporter neutralises cells Excel would run as formulas and leaves out people's details for roles that may
/// not see them; the organisation scope limits the rows.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapCadreExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/posts.{format}", (string format, CadreDbContext db, ClaimsPrincipal user, AuditRecorder audit, CancellationToken cancel) =>
            ExportAsync("posts", format, user, audit, (s, f, roles) => new RegisterExporter(db).ExportPostsAsync(s, f, roles, cancel)))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/export/people.{format}", (string format, CadreDbContext db, ClaimsPrincipal user, AuditRecorder audit, CancellationToken cancel) =>
            ExportAsync("people", format, user, audit, (s, f, roles) => new RegisterExporter(db).ExportPeopleAsync(s, f, roles, cancel)))
            .RequireAuthorization(CadrePolicies.SeePeople).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAsync(string what, string format, ClaimsPrincipal user, AuditRecorder audit, Func<Stream, ExportFormat, IReadOnlyList<string>, Task<int>> export)
    {
        ExportFormat? chosen = format.ToLowerInvariant() switch { "csv" => ExportFormat.Csv, "xlsx" => ExportFormat.Xlsx, _ => null };
        if (chosen is null) return Results.NotFound();
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        // Built in memory first: the spreadsheet writer needs a seekable stream, and a half-written download helps nobody.
        var buffer = new MemoryStream();
        int rows;
        try
        {
            rows = await export(buffer, chosen.Value, roles);
        }
        catch (ExportNotAllowedException)
        {
            return Results.Forbid();
        }
        // A file of people's details leaving Cadre is recorded (Data Security and Protection Toolkit); a posts export
        // carries names and staff numbers only for roles that may see them.
        if (what == "people" || CadreRoles.MaySeePersonalDetails(roles))
            await audit.RecordAsync(AuditAction.Exported, "Export", $"{what}.{chosen.Value.ToString().ToLowerInvariant()}", audit.CurrentOrganisations(),
                new { File = $"{what}.{format.ToLowerInvariant()}", Rows = rows });
        buffer.Position = 0;
        var contentType = chosen == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        return Results.File(buffer, contentType, $"cadre-{what}-{DateTime.UtcNow:yyyy-MM-dd}.{format.ToLowerInvariant()}");
    }
}
