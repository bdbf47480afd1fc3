using Cadre.Data.Register.Export;

namespace Cadre.Web.Features.Shared;

/// <summary>
/// A table as a CSV or XLSX download through the register's table writer, which neutralises text a spreadsheet would
/// run as a formula. Null when no format was asked for (show the page); a 400 naming the field for an unknown format.
/// </summary>
public static class TableDownload
{
    public static IResult? For(string? format, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        if (string.IsNullOrWhiteSpace(format)) return null;
        ExportFormat kind;
        switch (format.Trim().ToLowerInvariant())
        {
            case "csv": kind = ExportFormat.Csv; break;
            case "xlsx": kind = ExportFormat.Xlsx; break;
            default:
                return Results.Problem(statusCode: 400, title: "Unknown download format", detail: $"format: '{format}' is not a download format; use csv or xlsx");
        }
        var buffer = new MemoryStream();
        using (var writer = TableWriter.Create(buffer, kind, "Report"))
        {
            writer.WriteRow(headers.Cast<object?>().ToList());
            foreach (var r in rows) writer.WriteRow(r);
        }
        return kind == ExportFormat.Csv
            ? Results.File(buffer.ToArray(), "text/csv; charset=utf-8", name + ".csv")
            : Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}

/// <summary>Lets a page handler return a minimal-API result (a download).</summary>
public sealed class ResultPageResult(IResult result) : Microsoft.AspNetCore.Mvc.IActionResult
{
    public Task ExecuteResultAsync(Microsoft.AspNetCore.Mvc.ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
