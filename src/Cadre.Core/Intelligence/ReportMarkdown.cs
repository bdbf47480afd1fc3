using System.Globalization;
using System.Text;

namespace Cadre.Core.Intelligence;

/// <summary>A report as Markdown, for pasting into papers for a board or a professional body (tables as pipe tables).</summary>
public static class ReportMarkdown
{
    public static string Write(Report report)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(report.Title)).AppendLine();
        md.Append(Escape(report.Covers)).Append(", as at ").AppendLine(report.On.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + ".");
        if (report.DisclosureControlled) md.AppendLine().AppendLine(Escape(Disclosure.Notice));
        foreach (var table in report.Tables)
        {
            md.AppendLine().Append("## ").AppendLine(Escape(table.Id is "summary" or "comparison" or "definitions" ? table.Title : $"{table.Title} ({table.Id})")).AppendLine();
            md.Append("| ").Append(string.Join(" | ", table.Columns.Select(Escape))).AppendLine(" |");
            md.Append('|').Append(string.Concat(table.Columns.Select(_ => " --- |"))).AppendLine();
            foreach (var row in table.Rows)
                md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).AppendLine(" |");
            if (table.Note is { } note) md.AppendLine().AppendLine(Escape(note));
        }
        return md.ToString();
    }

    public static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Escape(value.ToString() ?? ""),
    };

    // A pipe would end the cell and a line break the row; "*" alone would read as emphasis. Markdown passes HTML through,
    // so a department named "<img src=x onerror=…>" would run in whatever renders the paper: < > & become entities.
    // Brackets are escaped so text cannot become a link ("[click](javascript:…)").
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")
        .Replace("\\", "\\\\").Replace("|", "\\|").Replace("*", "\\*").Replace("[", "\\[").Replace("]", "\\]")
        .Replace("`", "\\`").Replace("\r", " ").Replace("\n", " ");
}
