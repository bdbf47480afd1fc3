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
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            suite = JeReference.Default.SuiteReader().Read(reader);
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
