using System.Text;
using Cadre.Core.Text;

namespace Cadre.Data.Register.Import;

/// <summary>A table read one row at a time, from CSV or from the first sheet of an XLSX workbook.</summary>
public abstract class TableReader : IDisposable
{
    public IReadOnlyList<string> Headers { get; protected set; } = [];
    /// <summary>The current row's number as a spreadsheet shows it (header = 1).</summary>
    public int RowNumber { get; protected set; }
    public abstract bool Read();
    /// <summary>
    /// The current row's value in a column, trimmed; null when empty. The apostrophe Cadre's exports put before a
    /// formula is taken off again (<see cref="SpreadsheetSafety.Restore"/>), so an export imports back as it was.
    /// </summary>
    public string? Get(int column) => GetAsWritten(column) is { } t ? SpreadsheetSafety.Restore(t) : null;

    /// <summary>The current row's value in a column exactly as the file holds it, trimmed; null when empty.</summary>
    public abstract string? GetAsWritten(int column);
    public abstract void Dispose();

    public static bool IsSupported(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    /// <summary>
    /// Opens by the file name's extension (.csv or .xlsx). A CSV is UTF-8 (or UTF-16 with its byte order mark) unless
    /// <paramref name="declared"/> names another encoding; see docs/decisions/input-encoding.md.
    /// </summary>
    public static TableReader Open(Stream stream, string fileName, Encoding? declared = null) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => new CsvTableReader(stream, Path.GetFileName(fileName), declared),
        ".xlsx" => new XlsxTableReader(stream, fileName),
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
    private readonly string _file;
    private List<string> _fields = [];
    private int _record;

    public CsvTableReader(Stream stream, string file, Encoding? declared)
    {
        _file = file;
        // A byte order mark decides; otherwise UTF-8, whose replacement character marks a byte that is not UTF-8 so
        // the record holding it is refused by row and column (never re-read as Windows-1252: one bad byte would then
        // corrupt every accented name in the file without a word).
        _text = new StreamReader(stream, declared ?? TextEncodings.Utf8Marked, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        _checkUtf8 = declared is null;
        if (!ReadRecord()) throw new ImportFormatException($"{_file}: the file is empty: expected a header row");
        Headers = _fields.ToArray();
    }

    private readonly bool _checkUtf8;

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
        var field = new StringBuilder();
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
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count >= InputLimits.Columns) throw new ImportFormatException($"{_file}: row {_record + 1} has more than {InputLimits.Describe(InputLimits.Columns)} columns, the most Excel holds; nothing was imported");
            }
            else if (ch == '\r') { if (_text.Peek() == '\n') _text.Read(); break; }
            else if (ch == '\n') break;
            else field.Append(ch);
            if (field.Length > InputLimits.CellCharacters) throw CellTooLong(fields.Count);
        }
        if (!any) return false;
        fields.Add(field.ToString());
        _fields = fields;
        RowNumber = ++_record;
        if (_checkUtf8 && _text.CurrentEncoding.CodePage == Encoding.UTF8.CodePage) CheckUtf8();
        return true;
    }

    private ImportFormatException CellTooLong(int column) => new(
        $"{_file}: row {_record + 1}, column {column + 1} holds more than {InputLimits.Describe(InputLimits.CellCharacters)} characters, more than a spreadsheet cell can; nothing was imported");

    private void CheckUtf8()
    {
        for (var i = 0; i < _fields.Count; i++)
        {
            var at = _fields[i].IndexOf(TextEncodings.NotUtf8);
            if (at < 0) continue;
            var name = i < Headers.Count && Headers[i].Trim().Length > 0 ? $"'{Headers[i].Trim()}'" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new ImportFormatException(TextEncodings.NotUtf8Message(_file, RowNumber, name, _fields[i], at));
        }
    }

    public override string? GetAsWritten(int column) => column < _fields.Count && _fields[column].Trim() is { Length: > 0 } t ? t : null;

    public override void Dispose() => _text.Dispose();
}
