using System.Security.Claims;
using System.Text.Json;
using Cadre.Core.Intelligence;
using Cadre.Data.Intelligence;

namespace Cadre.Web.Features.Reports;

/// <summary>
/// Who sees the workforce reports and how (docs/decisions/intelligence-roles.md): administrators, workforce information
/// and service leads (their own departments, by the data layer's scope) see them; a Viewer sees them too, but always under
/// disclosure control because a Viewer may not see people; job evaluation panel members do not (they work with jobs, not
/// the workforce). Reports are aggregate: no one is named in them.
/// </summary>
public static class ReportAccess
{
    public const string Roles = CadreRoles.Administrator + "," + CadreRoles.WorkforceInformation + "," + CadreRoles.ServiceLead + "," + CadreRoles.Viewer;

    /// <summary>Small counts are hidden for readers who may not see people (a count of 1 can name someone).</summary>
    public static bool ControlFor(ClaimsPrincipal user) => !WebScope.MaySeePeople(user);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// The report as a download: <c>csv</c>, <c>xlsx</c> or <c>md</c>; null when no format was asked for (show the page);
    /// a 400 naming the field otherwise.
    /// </summary>
    public static IResult? Download(string? format, Report report, string name)
    {
        if (string.IsNullOrWhiteSpace(format)) return null;
        ReportFile.Format kind;
        switch (format.Trim().ToLowerInvariant())
        {
            case "csv": kind = ReportFile.Format.Csv; break;
            case "xlsx": kind = ReportFile.Format.Xlsx; break;
            case "md": kind = ReportFile.Format.Markdown; break;
            default:
                return Results.Problem(statusCode: 400, title: "Unknown download format",
                    detail: $"format: '{format}' is not a download format; use csv, xlsx or md");
        }
        var buffer = new MemoryStream();
        ReportFile.Write(report, buffer, kind);
        return Results.File(buffer.ToArray(), ReportFile.ContentType(kind), $"{name}-{report.On:yyyy-MM-dd}{ReportFile.Extension(kind)}");
    }

    private static readonly string[] Colours = ["#005eb8", "#ffb81c", "#768692", "#007f3b", "#7c2855", "#00a499", "#d5281b"];

    /// <summary>The chart's figures in the form cadre.js draws; "*" and "n/a" cells are gaps, never zeros.</summary>
    public static string ChartJson(ReportTable table)
    {
        var chart = table.Chart!;
        return JsonSerializer.Serialize(new
        {
            type = chart.Type,
            stacked = chart.Stacked,
            labels = table.Rows.Select(r => r[chart.LabelColumn]?.ToString() ?? ""),
            series = chart.ValueColumns.Select((c, i) => new
            {
                label = table.Columns[c],
                color = chart.Type == "doughnut" ? null : Colours[i % Colours.Length],
                values = table.Rows.Select(r => r[c] switch { int n => (decimal?)n, decimal d => d, _ => null }),
            }),
        });
    }

    public static bool IsNumber(object? cell) => cell is int or decimal;

    public static string Text(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
