using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cadre.Data.Register.Export;

/// <summary>How a column's numbers are shown (its cells are still numbers a spreadsheet can add up).</summary>
public enum ColumnFormat
{
    Text,
    Whole,
    OneDecimal,
    TwoDecimals,
    Percent,
}

/// <summary>One column of a workbook sheet: its header, width in characters and number format.</summary>
public sealed record WorkbookColumn(string Header, double Width, ColumnFormat Format = ColumnFormat.Text);

/// <summary>One sheet: a header row (styled and frozen, so it stays in view) above rows of cells.</summary>
public sealed record WorkbookSheet(string Name, IReadOnlyList<WorkbookColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// A workbook of several sheets for people to work in (a planner's workbook): header styles, column widths, frozen
/// header rows and number formats. Text goes through the same formula-safe rule as every other writer
/// (<see cref="TableWriter"/>'s, <c>SpreadsheetSafety</c>); numbers are written as numbers.
/// </summary>
public static class WorkbookWriter
{
    // Cell formats in the stylesheet below, by index.
    private const uint Plain = 0, Header = 1, Whole = 2, OneDecimal = 3, TwoDecimals = 4, Percent = 5;

    public static void Write(Stream output, IReadOnlyList<WorkbookSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name) });
        }
        workbook.Workbook.Save();
    }

    // Excel refuses sheet names over 31 characters or with []:*?/\.
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length <= 31 ? clean : clean[..31];
    }

    private static Worksheet Worksheet(WorkbookSheet sheet)
    {
        var views = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 });
        var columns = new Columns(sheet.Columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true }));
        var data = new SheetData();
        data.Append(new Row(sheet.Columns.Select(c => TextCell(c.Header, Header))));
        foreach (var row in sheet.Rows)
            data.Append(new Row(row.Select((value, i) => Cell(value, i < sheet.Columns.Count ? sheet.Columns[i].Format : ColumnFormat.Text))));
        return new Worksheet(views, columns, data);
    }

    private static Cell Cell(object? value, ColumnFormat format) => value switch
    {
        null => new Cell(),
        int or long or double or decimal => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
            StyleIndex = format switch
            {
                ColumnFormat.Whole => Whole,
                ColumnFormat.OneDecimal => OneDecimal,
                ColumnFormat.TwoDecimals => TwoDecimals,
                ColumnFormat.Percent => Percent,
                ColumnFormat.Text => Plain,
                _ => throw new System.Diagnostics.UnreachableException($"No style for {format}"),
            },
        },
        _ => TextCell(value, Plain),
    };

    private static Cell TextCell(object value, uint style) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(TableWriter.CellText(value)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0%" }) { Count = 2 },
        new Fonts(new Font(), new Font(new Bold(), new Color { Rgb = "FFFFFFFF" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            // NHS blue behind white bold header text.
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FF005EB8" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 2, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 6 });
}
