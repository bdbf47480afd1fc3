using System.Globalization;
using Cadre.Core.Register;

namespace Cadre.Core.Surveys;

/// <summary>
/// Checks one cell of a response file against its question, as a survey tool exports it: a choice must be one of the
/// question's options (several, separated by ';', for multiple choice), a number a number, a scale a whole number in its
/// range; free text is taken as written. The result is the value to keep, or what was expected (for the refusal that
/// names file, row, column and value).
/// </summary>
public static class AnswerCheck
{
    /// <summary>How survey tools (Microsoft Forms, SmartSurvey, Qualtrics' text export) separate the choices of a multiple-choice answer.</summary>
    public const char ChoiceSeparator = ';';

    public sealed record Outcome(string? Value, string? Expected)
    {
        public bool Accepted => Expected is null;
    }

    public static Outcome Check(QuestionSpec question, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return new(null, null); // not answered
        var text = raw.Trim();
        switch (question.Kind)
        {
            case QuestionKind.FreeText:
                return new(text, null);
            case QuestionKind.SingleChoice:
                return Option(question, text) is { } one ? new(one, null) : new(null, ExpectedOptions(question, "one of"));
            case QuestionKind.MultipleChoice:
                var chosen = new List<string>();
                foreach (var part in text.Split(ChoiceSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (Option(question, part) is not { } option) return new(null, ExpectedOptions(question, $"'{ChoiceSeparator}'-separated choices from"));
                    if (!chosen.Contains(option)) chosen.Add(option);
                }
                return new(string.Join(ChoiceSeparator + " ", chosen), null);
            case QuestionKind.Number:
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                    ? new(n.ToString(CultureInfo.InvariantCulture), null) : new(null, "expected a number, e.g. 3 or 2.5");
            case QuestionKind.Scale:
                var (from, to) = (question.ScaleFrom ?? 1, question.ScaleTo ?? 5);
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s >= from && s <= to
                    ? new(s.ToString(CultureInfo.InvariantCulture), null) : new(null, $"expected a whole number from {from} to {to}");
            default:
                throw new System.Diagnostics.UnreachableException($"No check for {question.Kind}");
        }
    }

    /// <summary>
    /// The respondent's band as survey tools collect it: an Agenda for Change band ("7", "Band 8a"), or nothing for
    /// "not stated" and "prefer not to say". Null <paramref name="expected"/> means it was read.
    /// </summary>
    public static PayBand? Band(string? raw, out string? expected)
    {
        expected = null;
        if (string.IsNullOrWhiteSpace(raw) || IsNotStated(raw)) return null;
        if (PayBand.TryParse(raw, out var band)) return band;
        expected = PayBand.ExpectedText(raw.Trim()) + ", or 'Not stated'";
        return null;
    }

    public static bool IsNotStated(string raw) => raw.Trim().ToLowerInvariant() is "not stated" or "prefer not to say" or "n/a" or "-";

    private static string? Option(QuestionSpec question, string text) =>
        question.Options.FirstOrDefault(o => string.Equals(o.Trim(), text, StringComparison.OrdinalIgnoreCase))?.Trim();

    private static string ExpectedOptions(QuestionSpec question, string how) =>
        $"expected {how}: {string.Join(", ", question.Options.Select(o => $"'{o.Trim()}'"))}";
}
