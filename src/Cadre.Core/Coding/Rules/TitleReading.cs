using Cadre.Core.Coding.Reference;

namespace Cadre.Core.Coding.Rules;

/// <summary>
/// What a job title says about theme and Area of Work. Used only to break an exact 50:50 split, as the guidance asks;
/// a title that points both ways, or nowhere, decides nothing.
/// </summary>
internal static class TitleReading
{
    public static string Words(string text)
    {
        // Titles, departments and registrations repeat across an extract and each row reads its title several times
        // (protected titles, consultant, theme keywords): normalise each spelling once. Capped, so memory stays flat.
        if (WordsByText.TryGetValue(text, out var words)) return words;
        words = " " + ServiceCatalogue.Normalise(text) + " ";
        if (WordsByText.Count < 4_096) WordsByText.TryAdd(text, words);
        return words;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> WordsByText = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="words"/> (padded with spaces by <see cref="Words"/>) holds the phrase as whole words.</summary>
    public static bool Contains(string words, string phrase)
    {
        if (phrase.Length == 0) return false;
        var span = words.AsSpan();
        for (var from = 0; ;)
        {
            var i = span[from..].IndexOf(phrase.AsSpan(), StringComparison.Ordinal);
            if (i < 0) return false;
            var at = from + i;
            if (at > 0 && span[at - 1] == ' ' && at + phrase.Length < span.Length && span[at + phrase.Length] == ' ') return true;
            from = at + 1;
        }
    }

    /// <summary>The one theme the keywords in a text point to (e.g. a department name), or null.</summary>
    public static char? KeywordTheme(string text, CodingReference reference)
    {
        var words = Words(text);
        char? found = null;
        foreach (var (keyword, theme) in reference.TitleKeywords)
        {
            if (theme is null || !Contains(words, keyword)) continue;
            if (found is not null && found != theme) return null;
            found = theme;
        }
        return found;
    }

    /// <summary>The one candidate theme key the title points to, or null.</summary>
    public static string? PickTheme(string title, IReadOnlyCollection<string> candidates, CodingReference reference)
    {
        // The words before a bracket name the job ("Clinical Engineer (Equipment and Radiation Safety)"); the bracket only
        // narrows it. Read the job first, the whole title only when the job alone does not decide (coding-workflow.md).
        var bracket = title.IndexOf('(');
        if (bracket > 0 && PickThemeIn(title[..bracket], candidates, reference) is { } job) return job;
        return PickThemeIn(title, candidates, reference);
    }

    private static string? PickThemeIn(string title, IReadOnlyCollection<string> candidates, CodingReference reference)
    {
        var words = Words(title);
        // Names of areas, services and specialisms are more telling than single words; try them first.
        var byName = candidates.Where(c => NamesFor(c, reference).Any(n => Contains(words, n))).ToList();
        if (byName.Count == 1) return byName[0];
        if (byName.Count > 1) return null;
        var byKeyword = candidates.Where(c => c.Length == 1 &&
            reference.TitleKeywords.Any(k => k.Value == c[0] && Contains(words, k.Key))).ToList();
        return byKeyword.Count == 1 ? byKeyword[0] : null;
    }

    /// <summary>The one candidate area the title names (directly or through one of its services), or null.</summary>
    public static AreaOfWork? PickArea(string title, IReadOnlyCollection<AreaOfWork> candidates, CodingReference reference)
    {
        var words = Words(title);
        var hits = candidates.Where(a => AreaNames(a, reference).Any(n => Contains(words, n))).ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    // Names per theme and per area never change for a reference; work them out once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CodingReference, Dictionary<object, string[]>> Names = new();

    private static string[] Cached(CodingReference reference, object key, Func<string[]> make)
    {
        var table = Names.GetValue(reference, _ => new Dictionary<object, string[]>());
        lock (table)
        {
            if (!table.TryGetValue(key, out var names)) table[key] = names = make();
            return names;
        }
    }

    private static string[] NamesFor(string themeKey, CodingReference reference) => Cached(reference, themeKey, () =>
        reference.Services.Keys.Where(k => k.Target.Area is not null ? k.Target.Area.Theme.ToString() == themeKey : k.Target.OutsideCode!.Value.Value == themeKey)
            .Select(k => k.Key).ToArray());

    private static string[] AreaNames(AreaOfWork area, CodingReference reference) => Cached(reference, area, () =>
        reference.Services.Keys.Where(k => k.Target.Area is not null && k.Target.Area.SelfAndAncestors().Contains(area)).Select(k => k.Key).ToArray());
}
