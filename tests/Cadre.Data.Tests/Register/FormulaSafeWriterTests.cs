using Cadre.Core.Coding.Extract;
using Cadre.Core.Intelligence;
using Cadre.Data.Coding;
using Cadre.Data.Intelligence;
using Cadre.Data.Register.Export;
using Cadre.Data.Register.Import;
using Cadre.Tests.Shared;

namespace Cadre.Data.Tests.Register;

/// <summary>
/// Issue 12: every writer of CSV or XLSX in Cadre (found by searching for CSV, XLSX and Markdown writing) neutralises
/// =HYPERLINK(…), +cmd, -, @, tab- and CR-leading cells. The CLI's `cadre code --out` and report files are tested
/// through the program (HostileInputCliTests); the web downloads go through <see cref="TableWriter"/>.
/// </summary>
public class FormulaSafeWriterTests
{
    // Each writer writes the attack cells as one row, and the file is read back exactly as written.
    public static TheoryData<string> Writers => ["CsvText", "TableWriter.csv", "TableWriter.xlsx", "ReportFile.csv", "ReportFile.xlsx", "ExtractRuns.csv", "ExtractRuns.xlsx", "WorkbookWriter.xlsx"];

    [Theory]
    [MemberData(nameof(Writers))]
    public void Formula_cells_come_out_inert(string writer)
    {
        var cells = HostileFiles.FormulaCells.Select(c => (object?)c).ToList();
        var output = new MemoryStream();
        var file = writer.EndsWith("xlsx", StringComparison.Ordinal) ? "out.xlsx" : "out.csv";
        switch (writer)
        {
            case "CsvText":
                using (var text = new StreamWriter(output, leaveOpen: true)) { CsvText.WriteRecord(text, ["a", "b", "c", "d", "e", "f"]); CsvText.WriteRecord(text, HostileFiles.FormulaCells); }
                break;
            case "TableWriter.csv" or "TableWriter.xlsx":
                using (var table = TableWriter.Create(output, TableWriter.FormatFor(file), "Sheet")) { table.WriteRow(["a", "b", "c", "d", "e", "f"]); table.WriteRow(cells); }
                break;
            case "WorkbookWriter.xlsx":
                WorkbookWriter.Write(output, [new WorkbookSheet("Sheet", new[] { "a", "b", "c", "d", "e", "f" }.Select(h => new WorkbookColumn(h, 10)).ToList(), [cells])]);
                break;
            case "ReportFile.csv" or "ReportFile.xlsx":
                var report = new Report("x", "t", "c", new DateOnly(2026, 6, 30), false, [new ReportTable(Measures.Headcount.Id, "h", ["a", "b", "c", "d", "e", "f"], [cells.ToArray()])]);
                ReportFile.Write(report, output, ReportFile.FormatFor(file));
                break;
            default:
                var csv = new StringWriter();
                CsvText.WriteRawRecord(csv, ["a", "b", "c", "d", "e", "f"]);
                CsvText.WriteRawRecord(csv, HostileFiles.FormulaCells);
                ExtractRuns.WriteTable(output, TableWriter.FormatFor(file), "run", ExtractRuns.CsvRows(csv.ToString()));
                break;
        }
        output.Position = 0;
        using var reader = TableReader.Open(output, file);
        var seen = 0;
        while (reader.Read())
            for (var i = 0; i < 6; i++)
                if (reader.GetAsWritten(i) is { } cell)
                {
                    Assert.True(HostileFiles.IsInert(cell), $"{writer} wrote '{cell}'");
                    seen++;
                }
        Assert.True(seen >= 6, $"{writer}: only {seen} cells read back");
    }
}
