using System.Text;

namespace Cadre.Core.JobEvaluation;

/// <summary>
/// Makes plausible synthetic profiles and jobs from a seeded random source: for demos, property tests and benchmarks
/// (a 1,000-profile library). Levels are printed in the many notations real suites use, so the reader is exercised.
/// </summary>
public sealed class SyntheticProfiles(JobEvaluationScorer scorer, int seed)
{
    private readonly Random _random = new(seed);
    private FactorPlan Plan => scorer.Plan;

    public IReadOnlyList<NationalProfile> Profiles(int count, string suite = "Synthetic")
    {
        var list = new List<NationalProfile>(count);
        while (list.Count < count)
        {
            var p = Profile(suite, $"Synthetic Profile {list.Count + 1:D5}");
            if (p is not null) list.Add(p);
        }
        return list;
    }

    /// <summary>A job near a random profile of the list: levels drawn inside its ranges, then a few factors nudged.</summary>
    public int[] JobNear(IReadOnlyList<NationalProfile> profiles, int maxNudges = 4)
    {
        var p = profiles[_random.Next(profiles.Count)];
        var levels = p.Factors.Select(f => _random.Next(f.Levels.Min, f.Levels.Max + 1)).ToArray();
        for (var k = _random.Next(0, maxNudges + 1); k > 0; k--)
        {
            var f = _random.Next(FactorPlan.FactorCount);
            levels[f] = Math.Clamp(levels[f] + (_random.Next(2) == 0 ? -1 : 1), 1, Plan.Factors[f].MaxLevel);
        }
        return levels;
    }

    private NationalProfile? Profile(string suite, string title)
    {
        // A "seniority" keeps factors roughly consistent with each other, as real profiles are.
        var seniority = _random.NextDouble();
        var factors = new List<ProfileFactor>(FactorPlan.FactorCount);
        foreach (var factor in Plan.Factors)
        {
            var centre = Math.Clamp((int)Math.Round(1 + seniority * (factor.MaxLevel - 1) + _random.Next(-1, 2)), 1, factor.MaxLevel);
            var width = _random.Next(10) switch { < 6 => 0, < 9 => 1, _ => 2 };
            var max = Math.Min(factor.MaxLevel, centre + width);
            var choices = Enumerable.Range(centre, max - centre + 1).Select(l => new LevelChoice(l, Letters(factor.Level(l)))).ToList();
            var notation = Print(choices);
            var set = LevelNotationReader.Read(notation, factor);
            var descriptor = string.Join(" / ", choices.Select(c => factor.Level(c.Level).Descriptor)) + ".";
            factors.Add(new ProfileFactor(factor, set, descriptor, null));
        }
        var score = scorer.Score(factors.Select(f => f.Levels).ToList(), null);
        if (score.MaxBand is null || score.MinBand is null) return null;
        var bandText = score.MinBand == score.MaxBand ? score.MinBand.Name : $"{score.MinBand.Name}-{score.MaxBand.Name}";
        // About one profile in ten that straddles two bands is printed as a generic profile of the upper band (JE-GEN-01).
        if (score.MinBand.Rank + 1 == score.MaxBand.Rank && _random.Next(10) == 0) bandText = score.MaxBand.Name + "*";
        var band = BandSpan.Parse(bandText, scorer.Bands);
        return new NationalProfile
        {
            Suite = suite,
            Title = title,
            JobStatement = $"1. Synthetic duties for {title}. 2. Generated for testing.",
            Factors = factors.Select((f, i) => f with { PrintedPoints = new PrintedScore(score.Factors[i].MinPoints, score.Factors[i].MaxPoints, "") }).ToList(),
            PrintedTotal = new PrintedScore(score.Min, score.Max, ""),
            PrintedBand = band,
            PrintedBandText = bandText,
            Version = "synthetic",
        };
    }

    private string Letters(FactorLevel level)
    {
        if (level.SubCriteria.Count == 0 || _random.Next(3) == 0) return "";
        return string.Concat(level.SubCriteria.Where(_ => _random.Next(2) == 0).Select(s => s.Letter));
    }

    private string Print(IReadOnlyList<LevelChoice> choices)
    {
        var style = _random.Next(4);
        string One(LevelChoice c) => style switch
        {
            0 => c.ToString(),
            1 => c.Level + string.Concat(c.SubLetters.Select(l => $"({l})")),
            2 => c.Level + string.Concat(c.SubLetters.Select(l => $" ({l})")),
            _ => c.Level + string.Concat(c.SubLetters.Select(l => $"({l}) ")).TrimEnd(),
        };
        if (choices.Count == 1) return One(choices[0]);
        var join = _random.Next(4) switch { 0 => "-", 1 => "–", 2 => " / ", _ => " – " };
        // Only the ends of a range need printing; inner levels with letters are written out.
        var sb = new StringBuilder(One(choices[0]));
        for (var i = 1; i < choices.Count; i++) sb.Append(join).Append(One(choices[i]));
        return sb.ToString();
    }
}
