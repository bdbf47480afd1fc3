using System.Buffers;
using System.Runtime.CompilerServices;
using Cadre.Core.Text;

namespace Cadre.Core.Coding.Extract;

/// <summary>
/// Writes CSV fields, quoting only when a field needs it, and formula-safe: text a spreadsheet would run (= + - @ tab CR
/// first) gets the apostrophe of <see cref="SpreadsheetSafety"/>, because every CSV Cadre writes may be opened in Excel.
/// Reads small CSV tables (reference data).
/// </summary>
public static class CsvText
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\n\r");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteField(TextWriter writer, string? value) => WriteRawField(writer, SpreadsheetSafety.Neutralise(value ?? ""));

    /// <summary>
    /// Writes a field exactly as given, formulas and all: only for a file Cadre writes to read back itself and never
    /// hands to a person (an uploaded workbook staged as CSV for the extract reader).
    /// </summary>
    public static void WriteRawField(TextWriter writer, string? value)
    {
        value ??= "";
        if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0) { writer.Write(value); return; }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\""));
        writer.Write('"');
    }

    /// <summary>Writes a field held in a builder, quoting it when needed, without making a string of it.</summary>
    public static void WriteField(TextWriter writer, System.Text.StringBuilder value)
    {
        if (value.Length > 0 && SpreadsheetSafety.NeedsPrefix([value[0]])) { WriteField(writer, value.ToString()); return; }
        var needsQuotes = false;
        foreach (var chunk in value.GetChunks()) needsQuotes |= chunk.Span.IndexOfAny(NeedsQuotes) >= 0;
        if (!needsQuotes)
        {
            foreach (var chunk in value.GetChunks()) writer.Write(chunk.Span);
            return;
        }
        writer.Write('"');
        foreach (var chunk in value.GetChunks())
        {
            var span = chunk.Span;
            for (var q = span.IndexOf('"'); q >= 0; q = span.IndexOf('"'))
            {
                writer.Write(span[..(q + 1)]);
                writer.Write('"');
                span = span[(q + 1)..];
            }
            writer.Write(span);
        }
        writer.Write('"');
    }

    /// <summary>The field as it would be written (neutralised, quoted when needed).</summary>
    public static string Escape(string? value)
    {
        value = SpreadsheetSafety.Neutralise(value ?? "");
        return value.AsSpan().IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields) => WriteRecord(writer, fields, neutralise: true);

    /// <summary>A record written exactly as given: see <see cref="WriteRawField"/> for the one place this is right.</summary>
    public static void WriteRawRecord(TextWriter writer, IEnumerable<string?> fields) => WriteRecord(writer, fields, neutralise: false);

    private static void WriteRecord(TextWriter writer, IEnumerable<string?> fields, bool neutralise)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) writer.Write(',');
            if (neutralise) WriteField(writer, f); else WriteRawField(writer, f);
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
