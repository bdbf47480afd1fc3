namespace Cadre.Core.JobEvaluation;

/// <summary>The three outcomes of matching a job to a profile.</summary>
public enum MatchOutcome { Match, MatchWithVariations, NoMatch }

public static class MatchOutcomeText
{
    /// <summary>The words a panel uses, also the JSON values.</summary>
    public static string ToText(this MatchOutcome outcome) => outcome switch
    {
        MatchOutcome.Match => "match",
        MatchOutcome.MatchWithVariations => "match with variations",
        _ => "no match",
    };
}

/// <summary>How a job compares with a profile on one factor.</summary>
/// <param name="Variation">Levels outside the profile's range: positive above, negative below, 0 within (JE-MATCH-01/02).</param>
public sealed record FactorComparison(Factor Factor, LevelChoice JobLevel, LevelSet ProfileLevels, int Variation, int JobPoints, int ProfileMinPoints, int ProfileMaxPoints)
{
    public bool IsVariation => Variation != 0;
    public int LevelsVaried => Math.Abs(Variation);
    public string Direction => Variation > 0 ? "above" : Variation < 0 ? "below" : "within";
}

/// <summary>The outcome of matching a job to one profile under one policy, with the reason for each step.</summary>
public sealed record MatchResult(
    Job Job, NationalProfile Profile, MatchingPolicy Policy, MatchOutcome Outcome, IReadOnlyList<FactorComparison> Factors,
    int RecalculatedTotal, JeBand RecalculatedBand, JeBand? Band, IReadOnlyList<ExplanationLine> Reasons)
{
    public IReadOnlyList<FactorComparison> Variations => Factors.Where(f => f.IsVariation).ToList();
    public int VariedFactorCount => Factors.Count(f => f.IsVariation);
    public int LevelsVaried => Factors.Sum(f => f.LevelsVaried);
    /// <summary>The band the match gives, or null when there is no match.</summary>
    public string BandName => Band?.Name ?? "";
}

/// <summary>
/// Matches a job to a profile factor by factor under a <see cref="MatchingPolicy"/>. Cadre holds the job's level on
/// every factor, so the recalculated total scores every factor at the job's level: the in-range factors as they are
/// and the varied ones re-scored (JE-MATCH-02). See docs/decisions/je-matching-policy.md.
/// </summary>
public sealed class ProfileMatcher(JobEvaluationScorer scorer, MatchingPolicy policy)
{
    public MatchingPolicy Policy { get; } = policy;

    public MatchResult Match(Job job, NationalProfile profile)
    {
        if (!profile.IsScorable) throw new ArgumentException($"Profile '{profile.Title}' cannot be matched: {string.Join(" ", profile.Errors)}");
        var jobScore = scorer.Score(job);
        var profileScore = scorer.Score(profile.Ranges, profile.PrintedBand);
        var comparisons = new List<FactorComparison>(FactorPlan.FactorCount);
        var reasons = new List<ExplanationLine>();
        var failed = false;

        for (var i = 0; i < FactorPlan.FactorCount; i++)
        {
            var pf = profileScore.Factors[i];
            var level = job.Levels[i];
            var c = new FactorComparison(pf.Factor, level, pf.Levels, pf.Levels.DistanceFrom(level.Level), jobScore.Factors[i].Points, pf.MinPoints, pf.MaxPoints);
            comparisons.Add(c);
            if (!c.IsVariation) continue;
            var name = $"Factor {c.Factor.Number} ({c.Factor.Name})";
            reasons.Add(new(JeRules.Variation,
                $"{name}: job level {c.JobLevel} is {c.LevelsVaried} level{(c.LevelsVaried == 1 ? "" : "s")} {c.Direction} the profile's {c.ProfileLevels.Notation}; re-scored at {c.JobPoints} points (profile {Points(c.ProfileMinPoints, c.ProfileMaxPoints)})"));
            if (Policy.ProtectedFactors.Contains(c.Factor.Number))
            {
                failed = true;
                reasons.Add(new(JeRules.ProtectedFactor, $"{name} is protected under policy {Policy.Id} and may not vary"));
            }
            if (Policy.MaxLevelsPerVariation is { } maxLevels && c.LevelsVaried > maxLevels)
            {
                failed = true;
                reasons.Add(new(JeRules.MaxLevelsPerVariation, $"{name} varies by {c.LevelsVaried} levels; policy {Policy.Id} allows {maxLevels}"));
            }
        }

        var varied = comparisons.Count(c => c.IsVariation);
        if (varied == 0) reasons.Add(new(JeRules.FactorWithinRange, "Every factor is within the profile's level or range"));
        if (varied > Policy.MaxVariedFactors)
        {
            failed = true;
            reasons.Add(new(JeRules.MaxVariedFactors, $"{varied} factors vary; policy {Policy.Id} allows at most {Policy.MaxVariedFactors}"));
        }

        var total = jobScore.Total;
        var totalBand = jobScore.Range;
        var span = profile.PrintedBand ?? SpanOf(profileScore);
        BandRange? band = null;
        var genericBelowBand = profile.PrintedBand is { Generic: true } && profileScore.Min < span.Low.MinScore;
        if (totalBand is not null && span.Contains(totalBand)) band = totalBand;
        else if (genericBelowBand && totalBand is not null && total >= profileScore.Min && total < span.Low.MinScore)
        {
            band = span.Low;
            reasons.Add(new(JeRules.GenericProfile, $"Generic profile: the total {total} is below band {span.Low.Name} ({span.Low.MinScore}) but within the profile's range, so the band stays {span.Low.Name}"));
        }

        if (genericBelowBand && comparisons.All(c => c.JobLevel.Level == c.ProfileLevels.Min))
        {
            failed = true;
            reasons.Add(new(JeRules.GenericAtMinimum, $"The job sits at the minimum of every range of this generic profile: try a profile one band lower than {span.Low.Name}, else evaluate locally"));
        }

        var totalBandName = totalBand?.Name ?? BandRanges.NoBand;
        if (band is null)
        {
            if (Policy.RecalculatedTotalMustStayInBand)
            {
                failed = true;
                reasons.Add(totalBand is null
                    ? new(JeRules.AboveBandNine, $"The recalculated total {total} is above 765 and cannot be banded")
                    : new(JeRules.RecalculatedBand, $"The recalculated total {total} falls in band {totalBandName}, outside the profile's band {span.Printed} (policy {Policy.Id})"));
            }
            else band = totalBand;
        }
        else reasons.Add(new(JeRules.BandFromTotal, $"The recalculated total {total} gives band {band.Name}"));

        var outcome = failed ? MatchOutcome.NoMatch : varied == 0 ? MatchOutcome.Match : MatchOutcome.MatchWithVariations;
        if (failed)
        {
            var hint = totalBand is null ? "evaluate locally" : $"try a profile in band {totalBandName}, else evaluate locally";
            reasons.Add(new(JeRules.NoMatchNextStep, $"No match with '{profile.Title}': {hint}"));
        }
        return new MatchResult(job, profile, Policy, outcome, comparisons, total, jobScore.Band, failed ? null : JeBand.Of(band), reasons);
    }

    internal static BandSpan SpanOf(ProfileScore score)
    {
        var low = score.MinBand;
        var high = score.MaxBand ?? low;
        if (low is null || high is null) throw new ArgumentException("A profile above band 9 has no band span.");
        return new BandSpan(low, high, false, low == high ? low.Name : $"{low.Name}-{high.Name}");
    }

    private static string Points(int min, int max) => min == max ? $"{min}" : $"{min}-{max}";
}
