using System.Buffers;
using System.Runtime.CompilerServices;

namespace Cadre.Core.Coding.Extract;

/// <summary>Writes CSV fields, quoting only when a field needs it; reads small CSV tables (reference data).</summary>
public static class CsvText
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\n\r");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteField(TextWriter writer, string? value)
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

    /// <summary>The field as it would be written (quoted when needed).</summary>
    public static string Escape(string? value)
    {
        value ??= "";
        return value.AsSpan().IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
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
