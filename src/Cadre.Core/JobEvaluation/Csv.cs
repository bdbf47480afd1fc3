using System.Text;

namespace Cadre.Core.JobEvaluation;

/// <summary>Just enough CSV for the reference files: commas, double-quoted fields, doubled quotes inside them.</summary>
internal static class Csv
{
    public static IEnumerable<string[]> ReadRows(TextReader reader, bool skipHeader = true)
    {
        string? line;
        var first = true;
        while ((line = reader.ReadLine()) is not null)
        {
            if (first && skipHeader) { first = false; continue; }
            first = false;
            if (line.Trim().Length == 0) continue;
            yield return Split(line);
        }
    }

    public static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells.ToArray();
    }
}
