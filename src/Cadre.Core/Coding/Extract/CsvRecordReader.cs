using System.Buffers;
using System.Runtime.CompilerServices;
using Cadre.Core.Text;

namespace Cadre.Core.Coding.Extract;

/// <summary>
/// Reads RFC 4180 CSV records one at a time from a <see cref="TextReader"/>, so a million-row ESR extract never has to
/// sit in memory. Quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF both end a record.
/// Fields are exposed as spans over one reused buffer, so reading a record allocates nothing unless a string is asked for.
/// </summary>
public sealed class CsvRecordReader
{
    private static readonly SearchValues<char> Specials = SearchValues.Create(",\r\n\"");
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;
    private char[] _record = new char[1024];
    private int _recordLength;
    private int[] _starts = new int[32];
    private int[] _ends = new int[32];

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>The 1-based number of the record last read, counting the header as record 1 (as a spreadsheet shows it).</summary>
    public int RecordNumber { get; private set; }

    public int FieldCount { get; private set; }

    /// <summary>The first field of the record holding a byte that was not UTF-8 (<see cref="TextEncodings.NotUtf8"/>); -1 when none.</summary>
    public int NotUtf8Field { get; private set; } = -1;

    /// <summary>
    /// The first field of the record longer than <see cref="InputLimits.CellCharacters"/>; -1 when none. Only the
    /// first characters of such a field are kept, so a 20 MB "cell" costs no more memory than a spreadsheet's largest.
    /// </summary>
    public int TooLongField { get; private set; } = -1;

    public ReadOnlySpan<char> Field(int i) => i < FieldCount ? _record.AsSpan(_starts[i], _ends[i] - _starts[i]) : default;

    public string FieldString(int i) => i < FieldCount ? new string(_record, _starts[i], _ends[i] - _starts[i]) : "";

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool Read(List<string> fields)
    {
        fields.Clear();
        if (!Read()) return false;
        for (var i = 0; i < FieldCount; i++) fields.Add(FieldString(i));
        return true;
    }

    /// <summary>Reads the next record; false at the end of the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        FieldCount = 0;
        _recordLength = 0;
        TooLongField = -1;
        NotUtf8Field = -1;
        if (!EnsureData()) return false;
        RecordNumber++;
        while (true)
        {
            if (FieldCount == _starts.Length)
            {
                Array.Resize(ref _starts, _starts.Length * 2);
                Array.Resize(ref _ends, _ends.Length * 2);
            }
            _starts[FieldCount] = _recordLength;
            var endOfRecord = ReadField();
            _ends[FieldCount] = _recordLength;
            FieldCount++;
            if (endOfRecord)
            {
                var bad = _record.AsSpan(0, _recordLength).IndexOf(TextEncodings.NotUtf8);
                if (bad >= 0) NotUtf8Field = FieldAt(bad);
                return true;
            }
        }
    }

    private bool EnsureData()
    {
        if (_position < _length) return true;
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }

    private int FieldAt(int offset)
    {
        var i = 0;
        while (i < FieldCount - 1 && offset >= _ends[i]) i++;
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(ReadOnlySpan<char> chars)
    {
        var room = InputLimits.CellCharacters - (_recordLength - _starts[FieldCount]);
        if (chars.Length > room)
        {
            if (TooLongField < 0) TooLongField = FieldCount;
            chars = chars[..Math.Max(0, room)];
        }
        if (_recordLength + chars.Length > _record.Length) Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + chars.Length));
        chars.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += chars.Length;
    }

    private void Append(char c)
    {
        if (_recordLength - _starts[FieldCount] >= InputLimits.CellCharacters) { if (TooLongField < 0) TooLongField = FieldCount; return; }
        if (_recordLength == _record.Length) Array.Resize(ref _record, _record.Length * 2);
        _record[_recordLength++] = c;
    }

    // Returns true when the field just read ended its record (line break or end of input).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadField()
    {
        var quoted = false;
        while (EnsureData())
        {
            if (quoted)
            {
                var span = _buffer.AsSpan(_position, _length - _position);
                var q = span.IndexOf('"');
                if (q < 0) { Append(span); _position = _length; continue; }
                Append(span[..q]);
                _position += q + 1;
                if (EnsureData() && _buffer[_position] == '"') { Append('"'); _position++; continue; }
                quoted = false; // closing quote; anything after it up to the separator is kept, as spreadsheets do
                continue;
            }
            var rest = _buffer.AsSpan(_position, _length - _position);
            var i = rest.IndexOfAny(Specials);
            if (i < 0) { Append(rest); _position = _length; continue; }
            Append(rest[..i]);
            var c = rest[i];
            _position += i + 1;
            switch (c)
            {
                case '"': quoted = true; continue;
                case ',': return false;
                case '\r': if (EnsureData() && _buffer[_position] == '\n') _position++; return true;
                default: return true;
            }
        }
        return true;
    }
}
