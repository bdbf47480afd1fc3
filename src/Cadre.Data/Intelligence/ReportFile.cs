using System.Text;
using Cadre.Core.Intelligence;
using Cadre.Data.Register.Export;

namespace Cadre.Data.Intelligence;

/// <summary>
/// Writes a report to CSV or XLSX through the register's table writer (which neutralises text a spreadsheet would run as
/// a formula, e.g. a department named "=HYPERLINK(...)"), or to Markdown. One sheet: each table under its title, with a
/// blank row between tables, so the file reads top to bottom like the page.
/// </summary>
public static class ReportFile
{
    public enum Format
    {
        Csv,
        Xlsx,
        Markdown,
    }

    public static Format FormatFor(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => Format.Csv,
        ".xlsx" => Format.Xlsx,
        ".md" => Format.Markdown,
        var other => throw new ArgumentException($"{Path.GetFileName(fileName)}: cannot write a report to '{other}' files; use .csv, .xlsx or .md"),
    };

    public static void Write(Report report, Stream output, Format format)
    {
        if (format == Format.Markdown)
        {
            using var text = new StreamWriter(output, new UTF8Encoding(false), 65536, leaveOpen: true);
            text.Write(ReportMarkdown.Write(report));
            return;
        }
        using var writer = TableWriter.Create(output, format == Format.Csv ? ExportFormat.Csv : ExportFormat.Xlsx, "Report");
        writer.WriteRow([report.Title]);
        writer.WriteRow([report.Covers]);
        writer.WriteRow(["As at", report.On]);
        if (report.DisclosureControlled) writer.WriteRow([Disclosure.Notice]);
        foreach (var table in report.Tables)
        {
            writer.WriteRow([]);
            writer.WriteRow([table.Id is "summary" or "comparison" or "definitions" ? table.Title : $"{table.Title} ({table.Id})"]);
            writer.WriteRow(table.Columns.Cast<object?>().ToList());
            foreach (var row in table.Rows) writer.WriteRow(row);
            if (table.Note is { } note) writer.WriteRow([note]);
        }
    }

    public static string ContentType(Format format) => format switch
    {
        Format.Csv => "text/csv; charset=utf-8",
        Format.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/markdown; charset=utf-8",
    };

    public static string Extension(Format format) => format switch { Format.Csv => ".csv", Format.Xlsx => ".xlsx", _ => ".md" };
}
