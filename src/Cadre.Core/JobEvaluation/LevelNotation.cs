using System.Text;

namespace Cadre.Core.JobEvaluation;

/// <summary>One level a profile accepts on a factor, with the lettered criteria it names at that level (may be none).</summary>
public sealed record LevelChoice(int Level, string SubLetters)
{
    public override string ToString() => SubLetters.Length == 0 ? Level.ToString() : $"{Level}{SubLetters}";
}

/// <summary>
/// The levels a profile (or a job) holds on one factor, read from notation such as <c>2abcd–3ac</c> or
/// <c>3(a) / 4(a)</c>. Levels are in ascending order; a range includes every level between its ends (JE-LEVEL-02).
/// </summary>
public sealed class LevelSet
{
    public IReadOnlyList<LevelChoice> Choices { get; }
    public string Notation { get; }
    public int Min => Choices[0].Level;
    public int Max => Choices[^1].Level;
    public bool IsSingleLevel => Min == Max;

    /// <summary>Bit i set when level i is in the set: lets matching test membership without allocating.</summary>
    public uint Mask { get; }

    public LevelSet(IEnumerable<LevelChoice> choices, string notation)
    {
        Choices = choices.OrderBy(c => c.Level).ToList();
        if (Choices.Count == 0) throw new ArgumentException("A level set needs at least one level.");
        Notation = notation;
        Mask = Choices.Aggregate(0u, (m, c) => m | (1u << c.Level));
    }

    public static LevelSet Of(int level) => new([new LevelChoice(level, "")], level.ToString());

    public static LevelSet Range(int min, int max) =>
        new(Enumerable.Range(min, max - min + 1).Select(l => new LevelChoice(l, "")), min == max ? $"{min}" : $"{min}-{max}");

    public bool Contains(int level) => level is >= 0 and < 32 && (Mask & (1u << level)) != 0;

    /// <summary>Levels from the nearest level in the set: positive when above it, negative when below, 0 inside.</summary>
    public int DistanceFrom(int level)
    {
        if (Contains(level)) return 0;
        if (level > Max) return level - Max;
        if (level < Min) return level - Min;
        // A gap inside a non-contiguous set: the nearest member decides.
        var above = Choices.First(c => c.Level > level).Level;
        var below = Choices.Last(c => c.Level < level).Level;
        return level - below <= above - level ? level - below : level - above;
    }

    /// <summary>The levels in canonical form, e.g. <c>1-2b-3c-4b</c>.</summary>
    public string Canonical => string.Join("-", Choices);

    public override string ToString() => Notation;
}

/// <summary>Notation that is not a level or set of levels Cadre can read.</summary>
public sealed class LevelNotationException(string message) : FormatException(message);

/// <summary>
/// Reads the level notation printed in national profiles and job evaluations. Accepted forms include <c>2</c>,
/// <c>2(a)</c>, <c>2 (a)</c>, <c>2a</c>, <c>3bc</c>, <c>2-3a</c>, <c>2–3a</c>, <c>1-2ac</c>, <c>2abcd–3ac</c>,
/// <c>3(a) (b) / 4(c)</c>, <c>3(a) / 4(a)</c>, <c>2(a) 3(a)(b)</c>, <c>1 / 2 (a)</c>, <c>4ab–5a</c>,
/// <c>3 (a) (b) (d) – 4 (a)</c>, <c>2(b)– 3(c)</c>, <c>1-2b-3c4b</c>, <c>2a-3ab4b</c>, <c>3ab-4b</c>, <c>5(a) (b)</c>.
/// </summary>
/// <remarks>
/// A number starts a level; letters after it (bare or in brackets) are that level's criteria. A dash (any kind) or a
/// slash between two levels makes a range and includes the levels between; levels written side by side
/// (<c>3c4b</c>, <c>2(a) 3(a)(b)</c>) are listed alternatives. The same level written twice merges its letters
/// (<c>2(a) 2(b)</c> is 2ab). See docs/decisions/je-level-notation.md.
/// </remarks>
public static class LevelNotationReader
{
    private enum Join { Adjacent, Range }

    /// <summary>Reads notation without checking it against a factor.</summary>
    public static LevelSet Read(string notation)
    {
        ArgumentNullException.ThrowIfNull(notation);
        var text = Normalise(notation);
        if (text.Length == 0) throw new LevelNotationException("The level is empty.");

        var items = new List<(int Level, StringBuilder Letters, Join JoinBefore)>();
        var pendingJoin = Join.Adjacent;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsDigit(text[i])) i++;
                var level = int.Parse(text.AsSpan(start, i - start));
                items.Add((level, new StringBuilder(), items.Count == 0 ? Join.Adjacent : pendingJoin));
                pendingJoin = Join.Adjacent;
                continue;
            }
            if (c is >= 'a' and <= 'h')
            {
                if (items.Count == 0) throw new LevelNotationException($"Cannot read level notation '{notation}': criterion letter '{c}' comes before any level number.");
                if (pendingJoin == Join.Range) throw new LevelNotationException($"Cannot read level notation '{notation}': a range must end in a level number, not the letter '{c}'.");
                var letters = items[^1].Letters;
                if (!letters.ToString().Contains(c)) letters.Append(c);
                i++;
                continue;
            }
            if (c == '(')
            {
                var close = text.IndexOf(')', i);
                if (close < 0) throw new LevelNotationException($"Cannot read level notation '{notation}': a bracket is not closed.");
                var inner = text[(i + 1)..close].Replace(" ", "");
                if (inner.Length == 0 || !inner.All(ch => ch is >= 'a' and <= 'h'))
                    throw new LevelNotationException($"Cannot read level notation '{notation}': brackets must hold criterion letters, found '({inner})'.");
                text = text[..i] + inner + text[(close + 1)..];
                continue;
            }
            if (c == '-' || c == '/')
            {
                if (items.Count == 0 || pendingJoin == Join.Range) throw new LevelNotationException($"Cannot read level notation '{notation}': a range needs a level on each side.");
                pendingJoin = Join.Range;
                i++;
                continue;
            }
            if (c == ' ' || c == ',' || c == ';')
            {
                i++;
                continue;
            }
            throw new LevelNotationException($"Cannot read level notation '{notation}': unexpected character '{notation.Trim()[Math.Min(i, notation.Trim().Length - 1)]}'.");
        }
        if (items.Count == 0) throw new LevelNotationException($"Cannot read level notation '{notation}': no level number.");
        if (pendingJoin == Join.Range) throw new LevelNotationException($"Cannot read level notation '{notation}': the range has no upper level.");

        var byLevel = new SortedDictionary<int, SortedSet<char>>();
        void Add(int level, IEnumerable<char> letters)
        {
            if (!byLevel.TryGetValue(level, out var set)) byLevel[level] = set = [];
            set.UnionWith(letters);
        }
        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            if (item.JoinBefore == Join.Range)
            {
                var from = items[k - 1].Level;
                if (item.Level <= from) throw new LevelNotationException($"Cannot read level notation '{notation}': the range {from} to {item.Level} does not go upwards.");
                for (var between = from + 1; between < item.Level; between++) Add(between, []);
            }
            Add(item.Level, item.Letters.ToString());
        }
        return new LevelSet(byLevel.Select(kv => new LevelChoice(kv.Key, string.Concat(kv.Value))), notation.Trim());
    }

    /// <summary>Reads notation and checks every level exists on the factor (JE-LEVEL-03).</summary>
    public static LevelSet Read(string notation, Factor factor)
    {
        LevelSet set;
        try { set = Read(notation); }
        catch (LevelNotationException ex) { throw new LevelNotationException($"Factor {factor.Number} ({factor.Name}): {ex.Message}"); }
        foreach (var choice in set.Choices)
            if (!factor.HasLevel(choice.Level)) throw new LevelOutOfRangeException(factor, choice.Level);
        return set;
    }

    public static bool TryRead(string notation, Factor factor, out LevelSet? set, out string? error)
    {
        try { set = Read(notation, factor); error = null; return true; }
        catch (Exception ex) when (ex is LevelNotationException or LevelOutOfRangeException) { set = null; error = ex.Message; return false; }
    }

    private static string Normalise(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.Trim().ToLowerInvariant())
        {
            sb.Append(ch switch
            {
                '–' or '—' or '‑' or '‒' or '−' => '-',
                '\t' or '\u00a0' => ' ',
                _ => ch,
            });
        }
        // "2 to 3" and "2 or 3" read as a range and as alternatives respectively.
        return sb.ToString().Replace(" to ", "-").Replace(" or ", " ").Trim();
    }
}
