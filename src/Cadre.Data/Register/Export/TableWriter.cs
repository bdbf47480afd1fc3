using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cadre.Core.Text;

namespace Cadre.Data.Register.Export;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>Writes a table row by row to CSV or to a one-sheet XLSX workbook, streaming either way.</summary>
public abstract class TableWriter : IDisposable
{
    public static ExportFormat FormatFor(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => ExportFormat.Csv,
        ".xlsx" => ExportFormat.Xlsx,
        var other => throw new ArgumentException($"{Path.GetFileName(fileName)}: cannot export to '{other}' files; use .csv or .xlsx"),
    };

    public static TableWriter Create(Stream output, ExportFormat format, string sheetName) =>
        format == ExportFormat.Csv ? new CsvTableWriter(output) : new XlsxTableWriter(output, sheetName);

    /// <summary>Text cells are neutralised; numbers are written as numbers.</summary>
    public abstract void WriteRow(IReadOnlyList<object?> cells);
    public abstract void Dispose();

    /// <summary>A cell's text as every writer here puts it: formula-safe, dates ISO, numbers invariant (<see cref="WorkbookWriter"/> shares it).</summary>
    internal static string CellText(object? value) => Text(value);

    protected static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "Yes" : "No",
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => SpreadsheetSafety.Neutralise(value.ToString() ?? ""),
    };
}

internal sealed class CsvTableWriter(Stream output) : TableWriter
{
    // UTF-8 with a byte order mark so Excel reads names such as "Siân" correctly.
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(true), 65536, leaveOpen: true) { NewLine = "\r\n" };

    public override void WriteRow(IReadOnlyList<object?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) _writer.Write(',');
            var text = Text(cells[i]);
            if (text.IndexOfAny([',', '"', '\r', '\n']) >= 0) _writer.Write('"' + text.Replace("\"", "\"\"") + '"');
            else _writer.Write(text);
        }
        _writer.WriteLine();
    }

    public override void Dispose() => _writer.Dispose();
}

/// <summary>Writes with the SAX writer and inline strings, so memory does not grow with the number of rows.</summary>
internal sealed class XlsxTableWriter : TableWriter
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlWriter _writer;

    public XlsxTableWriter(Stream output, string sheetName)
    {
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        _writer = OpenXmlWriter.Create(sheetPart);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetData());
    }

    public override void WriteRow(IReadOnlyList<object?> cells)
    {
        _writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            switch (value)
            {
                case null:
                    _writer.WriteElement(new Cell());
                    break;
                case int or decimal or double or long:
                    _writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) });
                    break;
                default:
                    _writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Text(value)) { Space = SpaceProcessingModeValues.Preserve }) });
                    break;
            }
        }
        _writer.WriteEndElement();
    }

    public override void Dispose()
    {
        _writer.WriteEndElement(); // SheetData
        _writer.WriteEndElement(); // Worksheet
        _writer.Dispose();
        _document.Dispose();
    }
}
