namespace Cadre.Core.JobEvaluation;

/// <summary>A profile's place in a ranking, without the full explanation (see <see cref="ProfileRanker.Rank"/> for that).</summary>
public readonly record struct RankedCandidate(int ProfileIndex, MatchOutcome Outcome, int VariedFactors, int LevelsVaried);

/// <summary>
/// Ranks the profiles offered for matching against a job: matches first, then matches with the fewest and smallest
/// variations, then no-matches, ties broken by how close the job's total is to the middle of the profile's range.
/// The profiles are compiled once into flat tables so a library of thousands can rank many jobs quickly; the order
/// agrees with <see cref="ProfileMatcher"/> outcome for outcome (a test holds them together).
/// </summary>
public sealed class ProfileRanker
{
    private const int Stride = 9;                 // levels 0..8 per factor in the distance table
    private const int Row = FactorPlan.FactorCount * Stride;

    private readonly JobEvaluationScorer _scorer;
    private readonly ProfileMatcher _matcher;
    private readonly NationalProfile[] _profiles;
    private readonly sbyte[] _distance;           // [profile][factor][level] -> signed levels outside the range
    private readonly byte[] _minLevel;            // [profile][factor]
    private readonly int[] _allowedLow, _allowedHigh, _midTwice;
    private readonly bool[] _genericBelowBand;
    private readonly uint _protectedMask;

    public MatchingPolicy Policy { get; }
    public IReadOnlyList<NationalProfile> Profiles => _profiles;

    public ProfileRanker(JobEvaluationScorer scorer, MatchingPolicy policy, IEnumerable<NationalProfile> profiles)
    {
        _scorer = scorer;
        Policy = policy;
        _matcher = new ProfileMatcher(scorer, policy);
        var maxLevel = scorer.Plan.Factors.Max(f => f.MaxLevel);
        if (maxLevel >= Stride) throw new NotSupportedException($"The ranker's tables hold levels up to {Stride - 1}.");

        var usable = new List<(NationalProfile P, ProfileScore S, BandSpan Span)>();
        foreach (var p in profiles.Where(p => p.IsOfferedForMatching))
        {
            var s = scorer.Score(p.Ranges, p.PrintedBand);
            if (p.PrintedBand is null && (s.MinBand is null || s.MaxBand is null)) continue;   // above band 9: nothing to match into
            usable.Add((p, s, p.PrintedBand ?? ProfileMatcher.SpanOf(s)));
        }
        _profiles = usable.Select(u => u.P).ToArray();
        var n = _profiles.Length;
        _distance = new sbyte[n * Row];
        _minLevel = new byte[n * FactorPlan.FactorCount];
        _allowedLow = new int[n];
        _allowedHigh = new int[n];
        _midTwice = new int[n];
        _genericBelowBand = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var (p, s, span) = usable[i];
            for (var f = 0; f < FactorPlan.FactorCount; f++)
            {
                var set = p.Factors[f].Levels;
                _minLevel[i * FactorPlan.FactorCount + f] = (byte)set.Min;
                for (var level = 1; level < Stride; level++) _distance[i * Row + f * Stride + level] = (sbyte)set.DistanceFrom(level);
            }
            _genericBelowBand[i] = p.PrintedBand is { Generic: true } && s.Min < span.Low.MinScore;
            _allowedLow[i] = _genericBelowBand[i] ? s.Min : span.Low.MinScore;
            _allowedHigh[i] = span.High.MaxScore;
            _midTwice[i] = s.Min + s.Max;
        }
        foreach (var f in policy.ProtectedFactors) _protectedMask |= 1u << (f - 1);
    }

    /// <summary>The full, explained matching result for every profile, best first.</summary>
    public IReadOnlyList<MatchResult> Rank(Job job, int? top = null)
    {
        var levels = job.Levels.Select(l => l.Level).ToArray();
        var ranked = new RankedCandidate[top is { } t ? Math.Min(t, _profiles.Length) : _profiles.Length];
        var count = RankTop(levels, ranked);
        var results = new List<MatchResult>(count);
        for (var i = 0; i < count; i++) results.Add(_matcher.Match(job, _profiles[ranked[i].ProfileIndex]));
        return results;
    }

    /// <summary>
    /// Fills <paramref name="best"/> with the best candidates for a job given as 16 levels, best first, and returns how
    /// many were written. Allocation-free: this is the loop the benchmark measures.
    /// </summary>
    public int RankTop(ReadOnlySpan<int> levels, Span<RankedCandidate> best)
    {
        var total = _scorer.Total(levels);   // checks every level against the plan
        Span<long> keys = best.Length <= 64 ? stackalloc long[best.Length] : new long[best.Length];
        var filled = 0;
        var maxLevels = Policy.MaxLevelsPerVariation ?? int.MaxValue;
        var mustStayInBand = Policy.RecalculatedTotalMustStayInBand;
        for (var p = 0; p < _profiles.Length; p++)
        {
            int varied = 0, levelsVaried = 0, atMin = 0;
            var fail = false;
            var baseIndex = p * Row;
            var minBase = p * FactorPlan.FactorCount;
            for (var f = 0; f < FactorPlan.FactorCount; f++)
            {
                var level = levels[f];
                int d = _distance[baseIndex + f * Stride + level];
                if (level == _minLevel[minBase + f]) atMin++;
                if (d == 0) continue;
                var magnitude = d < 0 ? -d : d;
                varied++;
                levelsVaried += magnitude;
                if (((_protectedMask >> f) & 1) != 0 || magnitude > maxLevels) fail = true;
            }
            if (varied > Policy.MaxVariedFactors) fail = true;
            if (mustStayInBand && (total < _allowedLow[p] || total > _allowedHigh[p])) fail = true;
            if (_genericBelowBand[p] && atMin == FactorPlan.FactorCount) fail = true;
            var outcome = fail ? MatchOutcome.NoMatch : varied == 0 ? MatchOutcome.Match : MatchOutcome.MatchWithVariations;
            var closeness = Math.Abs(2 * total - _midTwice[p]);
            var key = ((long)outcome << 52) | ((long)varied << 46) | ((long)levelsVaried << 37) | ((long)Math.Min(closeness, 0xFFFF) << 21) | (long)p;
            if (filled == best.Length && key >= keys[filled - 1]) continue;
            var at = filled < best.Length ? filled++ : filled - 1;
            while (at > 0 && keys[at - 1] > key) { keys[at] = keys[at - 1]; best[at] = best[at - 1]; at--; }
            keys[at] = key;
            best[at] = new RankedCandidate(p, outcome, varied, levelsVaried);
        }
        return filled;
    }
}
