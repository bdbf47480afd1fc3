namespace Cadre.Core.JobEvaluation;

/// <summary>The panel's decision on one factor during a guided evaluation: the level, the criterion letters and why.</summary>
public sealed record FactorDecision(Factor Factor, LevelChoice Level, string Evidence, int Points);

/// <summary>
/// A factor-by-factor local evaluation in progress, in the spirit of the Job Analysis Questionnaire and computer-aided
/// JE: for each factor the panel sees the level descriptors, picks a level (and criterion letters), notes its evidence,
/// and sees the running total and the bands still possible. Pure state; the web app stores and audits it.
/// </summary>
public sealed class EvaluationDraft(JobEvaluationScorer scorer, string title)
{
    public static readonly JeRule EvidenceNeeded = new("JE-EVAL-01", "Each factor level is recorded with the panel's rationale",
        "NHS JE Handbook 7th ed., chapter 12 (local evaluation: the panel records the level and rationale per factor)");

    private readonly FactorDecision?[] _decisions = new FactorDecision?[FactorPlan.FactorCount];

    public string Title { get; } = title;
    public IReadOnlyList<FactorDecision?> Decisions => _decisions;
    public int Decided => _decisions.Count(d => d is not null);
    public bool IsComplete => Decided == FactorPlan.FactorCount;

    /// <summary>The first factor not yet decided, in plan order (the JAQ's order), or null when all are.</summary>
    public Factor? NextFactor => _decisions.Select((d, i) => (d, i)).Where(x => x.d is null).Select(x => scorer.Plan.Factors[x.i]).FirstOrDefault();

    /// <summary>The levels and criteria to choose from on a factor.</summary>
    public IReadOnlyList<FactorLevel> Options(int factor) => scorer.Plan[factor].Levels;

    /// <summary>Records (or changes) the decision on a factor. Refuses a level or letter the factor does not have, or a blank rationale.</summary>
    public FactorDecision Decide(int factor, string level, string evidence)
    {
        var f = scorer.Plan[factor];
        var set = LevelNotationReader.Read(level, f);
        if (!set.IsSingleLevel) throw new FormatException($"Factor {f.Number} ({f.Name}): choose one level, not '{level.Trim()}'.");
        var choice = set.Choices[0];
        var known = f.Level(choice.Level).SubCriteria;
        var unknown = choice.SubLetters.Where(c => known.All(s => s.Letter != c)).ToList();
        if (unknown.Count > 0)
            throw new FormatException($"Factor {f.Number} ({f.Name}) level {choice.Level} has no criterion ({string.Join(")(", unknown)})" +
                (known.Count == 0 ? "; it has no lettered criteria." : $"; choose from {string.Join(", ", known.Select(s => $"({s.Letter})"))}."));
        if (string.IsNullOrWhiteSpace(evidence))
            throw new FormatException($"Factor {f.Number} ({f.Name}): record the evidence for level {choice} [{EvidenceNeeded.Id}].");
        var decision = new FactorDecision(f, choice, evidence.Trim(), f.PointsFor(choice.Level));
        _decisions[factor - 1] = decision;
        return decision;
    }

    public void Clear(int factor) => _decisions[scorer.Plan[factor].Number - 1] = null;

    /// <summary>Points from the factors decided so far.</summary>
    public int RunningTotal => _decisions.Sum(d => d?.Points ?? 0);

    /// <summary>The totals still possible: decided factors as decided, undecided ones anywhere from level 1 to their top.</summary>
    public (int Min, int Max) PossibleTotals
    {
        get
        {
            int min = 0, max = 0;
            for (var i = 0; i < FactorPlan.FactorCount; i++)
            {
                var f = scorer.Plan.Factors[i];
                min += _decisions[i]?.Points ?? f.Levels[0].Points;
                max += _decisions[i]?.Points ?? f.MaxPoints;
            }
            return (min, max);
        }
    }

    /// <summary>The bands still possible, lowest first ("none" when totals above 765 remain possible).</summary>
    public IReadOnlyList<string> PossibleBands
    {
        get
        {
            var (min, max) = PossibleTotals;
            var bands = scorer.Bands.Bands.Where(b => b.MaxScore >= min && b.MinScore <= max).Select(b => b.Name).ToList();
            if (max > scorer.Bands.MaximumBandedTotal) bands.Add(BandRanges.NoBand);
            return bands;
        }
    }

    /// <summary>The finished evaluation as a job and its score; refuses while any factor is undecided.</summary>
    public JobScore Complete()
    {
        if (!IsComplete)
            throw new InvalidOperationException($"Factors not yet decided: {string.Join(", ", _decisions.Select((d, i) => (d, i)).Where(x => x.d is null).Select(x => x.i + 1))}.");
        return scorer.Score(new Job(Title, _decisions.Select(d => d!.Level).ToList()));
    }
}
