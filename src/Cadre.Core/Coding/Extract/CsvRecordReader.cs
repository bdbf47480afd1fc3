using System.Text;

namespace Cadre.Core.Coding.Extract;

/// <summary>
/// Reads RFC 4180 CSV records one at a time from a <see cref="TextReader"/>, so a million-row ESR extract never has to
/// sit in memory. Quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF both end a record.
/// </summary>
public sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;
    private readonly StringBuilder _field = new();

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>The 1-based number of the record last read, counting the header as record 1 (as a spreadsheet shows it).</summary>
    public int RecordNumber { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool Read(List<string> fields)
    {
        fields.Clear();
        if (!EnsureData()) return false;
        RecordNumber++;
        while (true)
        {
            var endOfRecord = ReadField(out var value);
            fields.Add(value);
            if (endOfRecord) return true;
        }
    }

    private bool EnsureData()
    {
        if (_position < _length) return true;
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }

    // Returns true when the field just read ended its record (line break or end of input).
    private bool ReadField(out string value)
    {
        if (!EnsureData()) { value = ""; return true; }
        if (_buffer[_position] == '"') { _position++; return ReadQuoted(out value); }

        // Fast path: the field lies wholly inside the buffer.
        var start = _position;
        for (var i = _position; i < _length; i++)
        {
            var c = _buffer[i];
            if (c == ',' || c == '\n' || c == '\r')
            {
                value = new string(_buffer, start, i - start);
                _position = i + 1;
                if (c == ',') return false;
                if (c == '\r') SkipLineFeed();
                return true;
            }
        }

        _field.Clear();
        _field.Append(_buffer, start, _length - start);
        _position = _length;
        while (EnsureData())
        {
            var c = _buffer[_position++];
            if (c == ',') { value = _field.ToString(); return false; }
            if (c == '\n') { value = _field.ToString(); return true; }
            if (c == '\r') { SkipLineFeed(); value = _field.ToString(); return true; }
            _field.Append(c);
        }
        value = _field.ToString();
        return true;
    }

    private bool ReadQuoted(out string value)
    {
        _field.Clear();
        while (EnsureData())
        {
            var c = _buffer[_position++];
            if (c != '"') { _field.Append(c); continue; }
            if (EnsureData() && _buffer[_position] == '"') { _field.Append('"'); _position++; continue; }
            // Closing quote: whatever follows up to the separator is kept, as spreadsheets do.
            while (EnsureData())
            {
                var d = _buffer[_position++];
                if (d == ',') { value = _field.ToString(); return false; }
                if (d == '\n') { value = _field.ToString(); return true; }
                if (d == '\r') { SkipLineFeed(); value = _field.ToString(); return true; }
                _field.Append(d);
            }
            break;
        }
        value = _field.ToString();
        return true;
    }

    private void SkipLineFeed()
    {
        if (EnsureData() && _buffer[_position] == '\n') _position++;
    }
}

/// <summary>Writes CSV fields, quoting only when a field needs it.</summary>
public static class CsvText
{
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    public static void WriteField(TextWriter writer, string? value)
    {
        value ??= "";
        if (value.IndexOfAny(NeedsQuotes) < 0) { writer.Write(value); return; }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\""));
        writer.Write('"');
    }

    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) writer.Write(',');
            WriteField(writer, f);
            first = false;
        }
        writer.Write('\n');
    }

    /// <summary>Reads a whole small CSV (reference data) into dictionaries keyed by header name.</summary>
    public static List<Dictionary<string, string>> ReadTable(TextReader reader)
    {
        var csv = new CsvRecordReader(reader);
        var header = new List<string>();
        var rows = new List<Dictionary<string, string>>();
        if (!csv.Read(header)) return rows;
        var fields = new List<string>();
        while (csv.Read(fields))
        {
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++) row[header[i].Trim()] = i < fields.Count ? fields[i].Trim() : "";
            rows.Add(row);
        }
        return rows;
    }
}
