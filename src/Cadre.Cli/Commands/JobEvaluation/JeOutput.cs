using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cadre.Core.JobEvaluation;

namespace Cadre.Cli.Commands.JobEvaluation;

/// <summary>Shared output for the je verbs: JSON for other programs, plain tables for people, one-line errors.</summary>
internal static class JeOutput
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Titles such as "Receptionist (A&E)" print as written, not as \u0026.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteJson(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>Prints one plain message to stderr and returns the failure status: no stack trace reaches the user.</summary>
    public static int Fail(string verb, string message)
    {
        Console.Error.WriteLine($"cadre je {verb}: {message}");
        return 1;
    }

    public static string Range(int min, int max) => min == max ? $"{min}" : $"{min}-{max}";

    public static string Bands(string low, string high) => low == high ? low : $"{low} to {high}";

    /// <summary>Reads a suite file, or explains why it cannot.</summary>
    public static bool TryReadSuite(string verb, string path, out ProfileSuite suite, out int status)
    {
        suite = null!;
        status = 0;
        if (!File.Exists(path)) { status = Fail(verb, $"file '{path}' not found."); return false; }
        try
        {
            var (text, note) = Decode(File.ReadAllBytes(path));
            suite = JeReference.Default.SuiteReader().Read(text);
            if (note is not null) suite = suite with { Notes = [note, .. suite.Notes] };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            status = Fail(verb, $"cannot read '{path}': {ex.Message}");
            return false;
        }
        if (suite.Profiles.Count == 0)
        {
            status = Fail(verb, $"no profiles found in '{path}' (a profile starts with a line 'Profile Suite and Label').");
            return false;
        }
        return true;
    }

    /// <summary>
    /// UTF-8 (with or without a byte-order mark) as expected; a file that is not valid UTF-8 is read as Windows-1252,
    /// the usual encoding of text saved from Word or Excel on Windows, where an en dash is byte 0x96.
    /// </summary>
    internal static (string Text, string? Note) Decode(byte[] bytes)
    {
        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset), null);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return (Encoding.GetEncoding(1252).GetString(bytes), "The file is not UTF-8; it was read as Windows-1252.");
        }
    }

    /// <summary>A left-aligned text table; the last column may run long.</summary>
    public static void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
        string Line(IReadOnlyList<string> cells) =>
            string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
        Console.Out.WriteLine(Line(headers));
        Console.Out.WriteLine(Line(widths.Select(w => new string('-', w)).ToList()));
        foreach (var row in all) Console.Out.WriteLine(Line(row));
    }
}
