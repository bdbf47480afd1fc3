using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cadre.Data.Register.Import;

/// <summary>A table read one row at a time, from CSV or from the first sheet of an XLSX workbook.</summary>
public abstract class TableReader : IDisposable
{
    public IReadOnlyList<string> Headers { get; protected set; } = [];
    /// <summary>The current row's number as a spreadsheet shows it (header = 1).</summary>
    public int RowNumber { get; protected set; }
    public abstract bool Read();
    /// <summary>The current row's value in a column, trimmed; null when empty.</summary>
    public abstract string? Get(int column);
    public abstract void Dispose();

    public static bool IsSupported(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    /// <summary>Opens by the file name's extension (.csv or .xlsx).</summary>
    public static TableReader Open(Stream stream, string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => new CsvTableReader(stream),
        ".xlsx" => new XlsxTableReader(stream),
        var other => throw new ImportFormatException($"{Path.GetFileName(fileName)}: files of type '{other}' cannot be imported; use .csv or .xlsx"),
    };
}

/// <summary>The file cannot be read as a table at all (wrong type, not a workbook, no header).</summary>
public sealed class ImportFormatException(string message) : Exception(message);

/// <summary>
/// RFC 4180 CSV, read record by record: quoted fields may hold commas, quotes ("") and line breaks. Written here rather
/// than taken from a library because it is small and its row numbers must match what Excel shows for the same file.
/// </summary>
internal sealed class CsvTableReader : TableReader
{
    private readonly StreamReader _text;
    private List<string> _fields = [];
    private int _record;

    public CsvTableReader(Stream stream)
    {
        _text = new StreamReader(stream, DetectEncoding(stream), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        if (!ReadRecord()) throw new ImportFormatException("the file is empty: expected a header row");
        Headers = _fields.ToArray();
    }

    public override bool Read()
    {
        while (ReadRecord())
        {
            // Blank lines (often left at the end of a hand-edited file) are not rows.
            if (_fields.All(string.IsNullOrWhiteSpace)) continue;
            return true;
        }
        return false;
    }

    private bool ReadRecord()
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var inQuotes = false;
        var any = false;
        int c;
        while ((c = _text.Read()) != -1)
        {
            any = true;
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (_text.Peek() == '"') { _text.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else field.Append(ch);
            }
            else if (ch == '"' && field.Length == 0) inQuotes = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { if (_text.Peek() == '\n') _text.Read(); break; }
            else if (ch == '\n') break;
            else field.Append(ch);
        }
        if (!any) return false;
        fields.Add(field.ToString());
        _fields = fields;
        RowNumber = ++_record;
        return true;
    }

    public override string? Get(int column) =>
        column < _fields.Count && _fields[column].Trim() is { Length: > 0 } t ? t : null;

    public override void Dispose() => _text.Dispose();

    /// <summary>
    /// UTF-8 unless the bytes are not valid UTF-8, in which case Windows-1252: Excel on Windows saves "CSV" in the ANSI code
    /// page, and names such as "Siân" or "Zoë" must survive. Only a seekable stream can be checked first.
    /// </summary>
    private static System.Text.Encoding DetectEncoding(Stream stream)
    {
        if (!stream.CanSeek) return System.Text.Encoding.UTF8;
        var start = stream.Position;
        var strict = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[81920];
        var chars = new char[81921];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
                strict.GetChars(bytes, 0, read, chars, 0, flush: false);
            return System.Text.Encoding.UTF8;
        }
        catch (System.Text.DecoderFallbackException)
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            return System.Text.Encoding.GetEncoding(1252);
        }
        finally
        {
            stream.Position = start;
        }
    }
}

/// <summary>Reads the first worksheet with the SAX reader, so a 100,000-row workbook is never held as a DOM.</summary>
internal sealed class XlsxTableReader : TableReader
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _reader;
    private readonly List<string> _sharedStrings = [];
    private readonly Dictionary<int, string> _row = [];

    public XlsxTableReader(Stream stream)
    {
        try
        {
            _document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new ImportFormatException("the file is not a readable .xlsx workbook");
        }
        var workbook = _document.WorkbookPart ?? throw new ImportFormatException("the workbook has no sheets");
        if (workbook.SharedStringTablePart is { } sst)
        {
            using var sr = OpenXmlReader.Create(sst);
            while (sr.Read())
                if (sr.ElementType == typeof(SharedStringItem) && sr.IsStartElement)
                    _sharedStrings.Add(((SharedStringItem)sr.LoadCurrentElement()!).InnerText);
        }
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new ImportFormatException("the workbook has no sheets");
        var part = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
        _reader = OpenXmlReader.Create(part);
        if (!ReadRow()) throw new ImportFormatException("the first sheet is empty: expected a header row");
        var width = _row.Count == 0 ? 0 : _row.Keys.Max() + 1;
        Headers = Enumerable.Range(0, width).Select(i => _row.GetValueOrDefault(i, "")).ToArray();
    }

    public override bool Read()
    {
        while (ReadRow())
            if (_row.Values.Any(v => !string.IsNullOrWhiteSpace(v))) return true;
        return false;
    }

    private bool ReadRow()
    {
        while (_reader.Read())
        {
            if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement) continue;
            var row = (Row)_reader.LoadCurrentElement()!;
            RowNumber = row.RowIndex?.Value is { } index ? (int)index : RowNumber + 1;
            _row.Clear();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                next = column + 1;
                _row[column] = CellText(cell);
            }
            return true;
        }
        return false;
    }

    private string CellText(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(cell.CellValue?.Text, out var i) && i < _sharedStrings.Count ? _sharedStrings[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.Boolean) return cell.CellValue?.Text == "1" ? "TRUE" : "FALSE";
        return cell.CellValue?.Text ?? "";
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    public override string? Get(int column) => _row.TryGetValue(column, out var v) && v.Trim() is { Length: > 0 } t ? t : null;

    public override void Dispose()
    {
        _reader.Dispose();
        _document.Dispose();
    }
}
