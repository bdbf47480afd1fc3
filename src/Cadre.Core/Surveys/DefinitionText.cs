using System.Globalization;

namespace Cadre.Core.Surveys;

/// <summary>
/// Questions and population groups as a person types them, one a line, so a survey can be defined from a form or a
/// file in one go. Each problem names its line and what was expected.
/// </summary>
public static class DefinitionText
{
    public const string QuestionFormat = "Column heading | kind | question | choices separated by ;";
    public const string GroupFormat = "Specialism, band or region | group | number of people";

    /// <summary>Reads "Heading | kind | question | choices": kind is single, multiple, number, scale 1-5 (any range) or free text.</summary>
    public static (List<QuestionSpec> Questions, List<string> Problems) Questions(string? text)
    {
        var questions = new List<QuestionSpec>();
        var problems = new List<string>();
        foreach (var (line, n) in Lines(text))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length < 3 || parts[0].Length == 0 || parts[2].Length == 0) { problems.Add($"Question line {n}: expected '{QuestionFormat}'"); continue; }
            if (!TryKind(parts[1], out var kind, out var from, out var to)) { problems.Add($"Question line {n}: '{parts[1]}' is not a kind of question; expected single, multiple, number, scale 1-5 or free text"); continue; }
            var options = parts.Length > 3 ? parts[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && options.Length < 2) { problems.Add($"Question line {n}: a choice question needs at least two choices, separated by ';'"); continue; }
            if (questions.Any(q => string.Equals(q.Heading, parts[0], StringComparison.OrdinalIgnoreCase))) { problems.Add($"Question line {n}: the column heading '{parts[0]}' is already used by another question"); continue; }
            questions.Add(new QuestionSpec(Guid.CreateVersion7(), parts[0], parts[2], kind, options, from, to));
        }
        if (questions.Count == 0 && problems.Count == 0) problems.Add("Enter at least one question");
        return (questions, problems);
    }

    /// <summary>Reads "dimension | group | count", e.g. "Specialism | Radiotherapy Physics | 40".</summary>
    public static (List<PopulationGroup> Groups, List<string> Problems) Groups(string? text)
    {
        var groups = new List<PopulationGroup>();
        var problems = new List<string>();
        foreach (var (line, n) in Lines(text))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 3) { problems.Add($"Population line {n}: expected '{GroupFormat}'"); continue; }
            PopulationDimension? dimension = parts[0].ToLowerInvariant() switch
            {
                "specialism" or "specialty" => PopulationDimension.Specialism,
                "band" => PopulationDimension.Band,
                "region" or "nation" or "nation or region" => PopulationDimension.Region,
                _ => null,
            };
            if (dimension is null) { problems.Add($"Population line {n}: '{parts[0]}' is not specialism, band or region"); continue; }
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count)) { problems.Add($"Population line {n}: '{parts[2]}' is not a whole number of people"); continue; }
            if (dimension == PopulationDimension.Band && AnswerCheck.Band(parts[1], out var expected) is null) { problems.Add($"Population line {n}: {expected ?? "a band is needed"}"); continue; }
            groups.Add(new PopulationGroup(dimension.Value, parts[1], count));
        }
        if (groups.Count == 0 && problems.Count == 0) problems.Add("Enter at least one population group");
        return (groups, problems);
    }

    private static bool TryKind(string text, out QuestionKind kind, out int? from, out int? to)
    {
        (from, to) = (null, null);
        var t = text.Trim().ToLowerInvariant();
        if (t.StartsWith("scale", StringComparison.Ordinal))
        {
            kind = QuestionKind.Scale;
            var range = t[5..].Trim();
            if (range.Length == 0) { (from, to) = (1, 5); return true; }
            var ends = range.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (ends.Length == 2 && int.TryParse(ends[0], out var a) && int.TryParse(ends[1], out var b) && a < b) { (from, to) = (a, b); return true; }
            return false;
        }
        QuestionKind? found = t switch
        {
            "single" or "single choice" => QuestionKind.SingleChoice,
            "multiple" or "multiple choice" => QuestionKind.MultipleChoice,
            "number" => QuestionKind.Number,
            "free text" or "text" => QuestionKind.FreeText,
            _ => null,
        };
        kind = found ?? QuestionKind.FreeText;
        return found is not null;
    }

    private static IEnumerable<(string Line, int Number)> Lines(string? text) =>
        (text ?? "").Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(x => x.Item1.Length > 0);
}
