using System.Text.RegularExpressions;

namespace Cadre.Core.JobEvaluation;

/// <summary>Where a profile stands in the library: only current profiles are offered for matching.</summary>
public enum ProfileStatus { Current, Superseded, Archived }

/// <summary>A score as printed: one figure ("217") or a range ("166 - 183", "27–42").</summary>
public sealed partial record PrintedScore(int Min, int Max, string Printed)
{
    [GeneratedRegex(@"(\d+)\s*(?:(?:-|–|—|to)\s*(\d+))?")]
    private static partial Regex Pattern();

    public static PrintedScore? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = Pattern().Match(text);
        if (!m.Success) return null;
        var min = int.Parse(m.Groups[1].Value);
        var max = m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : min;
        return new PrintedScore(min, max, text.Trim());
    }

    public bool Agrees(int min, int max) => Min == min && Max == max;
    public override string ToString() => Min == Max ? $"{Min}" : $"{Min}-{Max}";
}

/// <summary>One factor row of a national profile: the levels it accepts, its descriptor text and what was printed.</summary>
public sealed record ProfileFactor(Factor Factor, LevelSet Levels, string Descriptor, PrintedScore? PrintedPoints);

/// <summary>
/// A national job evaluation profile: a label, a job statement and a level or range on each of the 16 factors.
/// Printed totals and bands are kept as printed; the computed figures come from the levels (JE-PRINT-01).
/// </summary>
public sealed record NationalProfile
{
    public required string Suite { get; init; }
    public required string Title { get; init; }
    public string JobStatement { get; init; } = "";
    /// <summary>The 16 factor rows, or empty for an archived profile known only from a suite's version history.</summary>
    public IReadOnlyList<ProfileFactor> Factors { get; init; } = [];
    public PrintedScore? PrintedTotal { get; init; }
    public BandSpan? PrintedBand { get; init; }
    public string? PrintedBandText { get; init; }
    public string Version { get; init; } = "";
    public int Revision { get; init; } = 1;
    public ProfileStatus Status { get; init; } = ProfileStatus.Current;
    public string? StatusNote { get; init; }
    /// <summary>Disagreements between the print and the levels, and other things a JE lead should look at.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Problems that stop the profile being scored (a missing or unreadable factor row).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
    public int? SourceLine { get; init; }

    public bool IsScorable => Errors.Count == 0 && Factors.Count == FactorPlan.FactorCount;
    public bool IsOfferedForMatching => Status == ProfileStatus.Current && IsScorable;
    public IReadOnlyList<LevelSet> Ranges => Factors.Select(f => f.Levels).ToList();

    /// <summary>Suite and title in a form that survives spacing and dash differences: "Officer/Team" = "Officer / Team".</summary>
    public string Key => KeyFor(Suite, Title);

    public static string KeyFor(string suite, string title) => Normalise(suite) + "|" + Normalise(title);

    internal static string Normalise(string s) =>
        Regex.Replace(Regex.Replace(s.Trim().ToLowerInvariant(), @"\s*([/–—-])\s*", "$1"), @"\s+", " ");
}
