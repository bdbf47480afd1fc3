using System.Text;

namespace Cadre.Core.Coding.Reference;

/// <summary>
/// The names a practitioner may write in a role's activities, resolved to Areas of Work. Matching forgives what a
/// practitioner would (case, "&amp;" for "and", spaces, punctuation) but never guesses: an unknown name is refused with
/// the nearest known names, and a name that could mean two areas is refused as ambiguous.
/// </summary>
public sealed class ServiceCatalogue
{
    private readonly Dictionary<string, List<ActivityTarget>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AreaOfWork> _areas = new(StringComparer.Ordinal);
    private readonly Dictionary<char, AreaOfWork> _broad = new();

    public IEnumerable<AreaOfWork> Areas => _areas.Values;

    /// <summary>Every normalised name Cadre accepts, with what it names (for reading job titles).</summary>
    public IEnumerable<(string Key, ActivityTarget Target)> Keys =>
        _byKey.Where(kv => kv.Value.Count == 1).Select(kv => (kv.Key, kv.Value[0]));

    public AreaOfWork? Broad(char theme) => _broad.GetValueOrDefault(theme);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AreaOfWork?> _areaByText = new(StringComparer.Ordinal);

    /// <summary>The Area of Work with this name or alias-free spelling (case, spaces, "&amp;" forgiven), or null.</summary>
    public AreaOfWork? FindArea(string name)
    {
        if (_areaByText.TryGetValue(name, out var area)) return area;
        area = _areas.GetValueOrDefault(Normalise(name));
        if (_areaByText.Count < 4_096) _areaByText.TryAdd(name, area);
        return area;
    }

    internal void AddArea(AreaOfWork area, IEnumerable<string> aliases)
    {
        _areas[Normalise(area.Name)] = area;
        if (area.Kind == AreaKind.Broad) _broad[area.Theme] = area;
        var target = new ActivityTarget(area.Name, area, null, area.Source, area.SourceRow);
        Add(area.Name, target);
        foreach (var alias in aliases) Add(alias, target);
    }

    internal void AddTarget(ActivityTarget target, IEnumerable<string> aliases)
    {
        Add(target.Name, target);
        foreach (var alias in aliases) Add(alias, target);
    }

    private void Add(string name, ActivityTarget target)
    {
        var key = Normalise(name);
        if (key.Length == 0) return;
        if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
        // The same name for the same place (an area and its own alias) is not an ambiguity.
        if (!list.Any(t => SamePlace(t, target))) list.Add(target);
    }

    private static bool SamePlace(ActivityTarget a, ActivityTarget b) =>
        ReferenceEquals(a.Area, b.Area) && a.OutsideCode == b.OutsideCode;

    // Names repeat across an extract; resolving each spelling once keeps a million-row recode cheap. Capped, so memory stays flat.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ActivityResolution> _cache = new(StringComparer.Ordinal);

    /// <summary>Resolves one activity name: a target, or a problem (unknown, with the nearest names; or ambiguous).</summary>
    public ActivityResolution Resolve(string name)
    {
        if (_cache.TryGetValue(name, out var cached)) return cached;
        var resolution = ResolveUncached(name);
        if (_cache.Count < 10_000) _cache.TryAdd(name, resolution);
        return resolution;
    }

    private ActivityResolution ResolveUncached(string name)
    {
        var key = Normalise(name);
        if (_byKey.TryGetValue(key, out var list))
        {
            if (list.Count == 1) return new ActivityResolution(list[0], null, []);
            return new ActivityResolution(null, $"'{name.Trim()}' could mean {string.Join(" or ", list.Select(Describe))}; write the Area of Work", []);
        }
        return new ActivityResolution(null, $"'{name.Trim()}' is not a service, Area of Work or specialism in the IPEM List of Services or Cadre's specialism list", Nearest(key));
    }

    private static string Describe(ActivityTarget t) => t.Area is not null ? $"{t.Name} ({t.Area.Name})" : $"{t.Name} ({t.OutsideCode})";

    private IReadOnlyList<string> Nearest(string key)
    {
        if (key.Length == 0) return [];
        return _byKey
            .Select(kv => (Name: kv.Value[0].Name, Key: kv.Key, Score: Score(key, kv.Key)))
            .Where(x => x.Score <= Math.Max(2, key.Length / 3))
            .OrderBy(x => x.Score).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name).Distinct().Take(3).ToList();
    }

    // Edit distance, or a small score when one name contains the other (e.g. "ebme" in "ebme support").
    private static int Score(string a, string b)
    {
        if (b.Contains(a, StringComparison.Ordinal) || a.Contains(b, StringComparison.Ordinal)) return 1;
        return Text.EditDistance.Between(a, b);
    }

    /// <summary>
    /// Lower case, "&amp;" read as "and", punctuation as space, runs of spaces collapsed: "UV&amp; Pulsed light sources",
    /// "uv and pulsed light sources" and " UV &amp;  Pulsed Light Sources " are the same name.
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        var space = true;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) { sb.Append(char.ToLowerInvariant(ch)); space = false; continue; }
            if (ch == '&') { if (!space) sb.Append(' '); sb.Append("and "); space = true; continue; }
            if (!space) { sb.Append(' '); space = true; }
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }
}

public sealed record ActivityResolution(ActivityTarget? Target, string? Problem, IReadOnlyList<string> Suggestions);
