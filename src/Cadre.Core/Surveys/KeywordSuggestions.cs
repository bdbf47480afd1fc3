namespace Cadre.Core.Surveys;

/// <summary>A theme of a survey's codebook (a parent theme groups others).</summary>
public sealed record ThemeSpec(Guid Id, string Name, string Definition, Guid? ParentId);

/// <summary>A theme the words of an answer point to, and the words that did.</summary>
public sealed record ThemeSuggestion(ThemeSpec Theme, IReadOnlyList<string> Words);

/// <summary>
/// Keyword suggestions to speed up coding: a theme is suggested for an answer when a word of the answer shares its
/// first letters with a word of the theme's name or definition ("funding" and "funded", "supervisor" and
/// "supervision"). A suggestion only: the analyst decides, and nothing is coded until they do.
/// </summary>
public static class KeywordSuggestions
{
    /// <summary>Letters two words must share from the start to count as the same word: enough to join "funded" and "funding", "supervisor" and "supervision".</summary>
    public const int StemLength = 4;

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "after", "answer", "answers", "because", "being", "could", "every", "from", "have", "into", "more", "other",
        "over", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "through",
        "very", "were", "what", "when", "where", "which", "while", "with", "would", "your", "theme", "mentions", "respondent",
        "respondents", "including", "includes",
    };

    public static IReadOnlyList<ThemeSuggestion> Suggest(string answer, IEnumerable<ThemeSpec> themes)
    {
        var words = Words(answer).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var suggestions = new List<ThemeSuggestion>();
        foreach (var theme in themes)
        {
            var stems = Words(theme.Name + " " + theme.Definition).Select(Stem).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var matched = words.Where(w => stems.Contains(Stem(w))).ToList();
            if (matched.Count > 0) suggestions.Add(new(theme, matched));
        }
        return suggestions.OrderByDescending(s => s.Words.Count).ThenBy(s => s.Theme.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string Stem(string word) => word.Length <= StemLength ? word.ToLowerInvariant() : word[..StemLength].ToLowerInvariant();

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                var word = text[start..i];
                start = -1;
                if (word.Length >= 4 && !Ignored.Contains(word)) yield return word;
            }
        }
    }
}
