namespace Cadre.Core.JobEvaluation;

/// <summary>A job described by one level on each of the 16 factors (sub-letters optional), as a panel records it.</summary>
public sealed record Job(string Title, IReadOnlyList<LevelChoice> Levels)
{
    public static Job FromLevels(string title, IEnumerable<int> levels) => new(title, levels.Select(l => new LevelChoice(l, "")).ToList());

    /// <summary>Reads one level per factor from notation such as "4a" or "3"; a range is refused (a job holds one level).</summary>
    public static Job Parse(string title, IReadOnlyList<string> levels, FactorPlan plan)
    {
        if (levels.Count != FactorPlan.FactorCount)
            throw new FormatException($"A job needs one level for each of the {FactorPlan.FactorCount} factors; {levels.Count} given.");
        var choices = new List<LevelChoice>(FactorPlan.FactorCount);
        for (var i = 0; i < levels.Count; i++)
        {
            var factor = plan.Factors[i];
            var set = LevelNotationReader.Read(levels[i], factor);
            if (!set.IsSingleLevel)
                throw new FormatException($"Factor {factor.Number} ({factor.Name}): a job holds one level, not the range '{levels[i].Trim()}'.");
            choices.Add(set.Choices[0]);
        }
        return new Job(title, choices);
    }
}

/// <summary>The points one factor contributes to a job's total.</summary>
public sealed record FactorScore(Factor Factor, LevelChoice Level, int Points);

/// <summary>A job's total and band, with the factor-by-factor working.</summary>
/// <param name="Range">The band range the total falls in; null above band 9.</param>
public sealed record JobScore(Job Job, IReadOnlyList<FactorScore> Factors, int Total, BandRange? Range)
{
    /// <summary>The result: a band, or above band 9 (JE-BAND-02).</summary>
    public JeBand Band => JeBand.Of(Range);

    /// <summary>The band's name, or "none" above band 9 (JE-BAND-02).</summary>
    public string BandName => Band.Name;

    public IReadOnlyList<ExplanationLine> Explain()
    {
        var lines = new List<ExplanationLine>();
        foreach (var f in Factors)
        {
            var level = f.Factor.Level(f.Level.Level);
            var letters = f.Level.SubLetters.Length == 0 ? "" : $" (criteria {string.Join(", ", f.Level.SubLetters.Select(c => $"({c})"))}, same points: {JeRules.SubLettersSamePoints.Id})";
            lines.Add(new(JeRules.PointsPerLevel, $"Factor {f.Factor.Number} {f.Factor.Name}: level {f.Level}{letters} = {f.Points} points ({level.Descriptor})"));
        }
        lines.Add(new(JeRules.TotalIsSum, $"Total of the 16 factors = {Total}"));
        lines.Add(Range is null
            ? new(JeRules.AboveBandNine, $"{Total} is above 765, the top of band 9: not banded under Agenda for Change")
            : new(JeRules.BandFromTotal, $"{Total} falls in band {Range.Name} ({Range.MinScore}-{Range.MaxScore})"));
        return lines;
    }
}

/// <summary>The points range one factor contributes to a profile.</summary>
public sealed record ProfileFactorScore(Factor Factor, LevelSet Levels, int MinPoints, int MaxPoints);

/// <summary>
/// A profile's minimum and maximum totals and the band of each end. For a generic profile whose minimum falls below
/// its band, the minimum keeps the profile's band (JE-GEN-01).
/// </summary>
public sealed record ProfileScore(
    IReadOnlyList<ProfileFactorScore> Factors, int Min, int Max, BandRange? MinBand, BandRange? MaxBand, bool GenericProvisionApplied, BandSpan? PrintedBand)
{
    public string MinBandName => JeBand.Of(MinBand).Name;
    public string MaxBandName => JeBand.Of(MaxBand).Name;

    public IReadOnlyList<ExplanationLine> Explain()
    {
        var lines = new List<ExplanationLine>();
        foreach (var f in Factors)
        {
            var points = f.MinPoints == f.MaxPoints ? $"{f.MinPoints}" : $"{f.MinPoints}-{f.MaxPoints}";
            var rule = f.Levels.IsSingleLevel ? JeRules.PointsPerLevel : JeRules.ProfileRange;
            lines.Add(new(rule, $"Factor {f.Factor.Number} {f.Factor.Name}: {f.Levels.Notation} (levels {f.Levels.Canonical}) = {points} points"));
        }
        lines.Add(new(JeRules.TotalIsSum, Min == Max ? $"Total = {Min}" : $"Total = {Min} (lowest level of every range) to {Max} (highest)"));
        if (GenericProvisionApplied && PrintedBand is not null)
            lines.Add(new(JeRules.GenericProfile, $"Generic profile: the minimum {Min} is below band {PrintedBand.Low.Name} ({PrintedBand.Low.MinScore}) but keeps the profile's band {PrintedBand.Low.Name}"));
        else
            lines.Add(MinBand is null ? new(JeRules.AboveBandNine, $"Minimum {Min} is above 765: not banded") : new(JeRules.BandFromTotal, $"Minimum {Min} falls in band {MinBand.Name}"));
        lines.Add(MaxBand is null ? new(JeRules.AboveBandNine, $"Maximum {Max} is above 765: not banded") : new(JeRules.BandFromTotal, $"Maximum {Max} falls in band {MaxBand.Name}"));
        return lines;
    }
}

/// <summary>Scores jobs and profiles against a factor plan and band ranges.</summary>
public sealed class JobEvaluationScorer(FactorPlan plan, BandRanges bands)
{
    public FactorPlan Plan { get; } = plan;
    public BandRanges Bands { get; } = bands;

    public JobScore Score(Job job)
    {
        if (job.Levels.Count != FactorPlan.FactorCount)
            throw new FormatException($"A job needs one level for each of the {FactorPlan.FactorCount} factors; {job.Levels.Count} given.");
        var factors = new List<FactorScore>(FactorPlan.FactorCount);
        var total = 0;
        for (var i = 0; i < FactorPlan.FactorCount; i++)
        {
            var factor = Plan.Factors[i];
            var points = factor.PointsFor(job.Levels[i].Level);
            factors.Add(new FactorScore(factor, job.Levels[i], points));
            total += points;
        }
        return new JobScore(job, factors, total, Bands.BandFor(total));
    }

    public JobScore Score(IReadOnlyList<int> levels) => Score(Job.FromLevels("", levels));

    /// <summary>Total for 16 levels without building an explanation; throws <see cref="LevelOutOfRangeException"/> naming the factor.</summary>
    public int Total(ReadOnlySpan<int> levels)
    {
        if (levels.Length != FactorPlan.FactorCount)
            throw new FormatException($"A job needs one level for each of the {FactorPlan.FactorCount} factors; {levels.Length} given.");
        var total = 0;
        for (var i = 0; i < levels.Length; i++) total += Plan.Factors[i].PointsFor(levels[i]);
        return total;
    }

    /// <summary>Scores a profile's ranges. Every level must exist in the plan (checked when the levels were read).</summary>
    public ProfileScore Score(IReadOnlyList<LevelSet> ranges, BandSpan? printedBand)
    {
        if (ranges.Count != FactorPlan.FactorCount)
            throw new FormatException($"A profile needs a level or range for each of the {FactorPlan.FactorCount} factors; {ranges.Count} given.");
        var factors = new List<ProfileFactorScore>(FactorPlan.FactorCount);
        int min = 0, max = 0;
        for (var i = 0; i < FactorPlan.FactorCount; i++)
        {
            var factor = Plan.Factors[i];
            var lo = factor.PointsFor(ranges[i].Min);
            var hi = factor.PointsFor(ranges[i].Max);
            factors.Add(new ProfileFactorScore(factor, ranges[i], lo, hi));
            min += lo;
            max += hi;
        }
        var minBand = Bands.BandFor(min);
        var generic = false;
        if (printedBand is { Generic: true } && minBand is not null && minBand.Rank < printedBand.Low.Rank)
        {
            minBand = printedBand.Low;
            generic = true;
        }
        return new ProfileScore(factors, min, max, minBand, Bands.BandFor(max), generic, printedBand);
    }
}
