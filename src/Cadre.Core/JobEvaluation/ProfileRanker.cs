using System.Numerics;

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
    private const int Stride = 9;                 // levels 0..8 per factor in the tables

    private readonly JobEvaluationScorer _scorer;
    private readonly ProfileMatcher _matcher;
    private readonly NationalProfile[] _profiles;
    private readonly int _padded;                 // profile count rounded up to whole vectors
    // Column-major tables, one row per (factor, job level) holding a byte per profile, so a job's 16 rows are summed
    // across all profiles with vector instructions instead of looping profile by profile.
    private readonly byte[][] _variation;         // levels outside the profile's range, either direction
    private readonly byte[][] _atMinimum;         // 1 when the job level is the profile's lowest level on the factor
    private readonly int[] _allowedLow, _allowedHigh, _midTwice;
    private readonly bool[] _genericBelowBand;
    private readonly bool[] _protected;

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
        _padded = (n + Vector<byte>.Count - 1) / Vector<byte>.Count * Vector<byte>.Count;
        _variation = new byte[FactorPlan.FactorCount * Stride][];
        _atMinimum = new byte[FactorPlan.FactorCount * Stride][];
        for (var r = 0; r < _variation.Length; r++) { _variation[r] = new byte[_padded]; _atMinimum[r] = new byte[_padded]; }
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
                for (var level = 1; level < Stride; level++)
                {
                    _variation[f * Stride + level][i] = (byte)Math.Abs(set.DistanceFrom(level));
                    _atMinimum[f * Stride + level][i] = (byte)(level == set.Min ? 1 : 0);
                }
            }
            _genericBelowBand[i] = p.PrintedBand is { Generic: true } && s.Min < span.Low.MinScore;
            _allowedLow[i] = _genericBelowBand[i] ? s.Min : span.Low.MinScore;
            _allowedHigh[i] = span.High.MaxScore;
            _midTwice[i] = s.Min + s.Max;
        }
        _protected = Enumerable.Range(1, FactorPlan.FactorCount).Select(policy.ProtectedFactors.Contains).ToArray();
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
        if (best.Length == 0 || _profiles.Length == 0) return 0;
        var scratch = _padded * 5 <= 16_384 ? stackalloc byte[_padded * 5] : new byte[_padded * 5];
        var varied = scratch[.._padded];
        var levelsVaried = scratch.Slice(_padded, _padded);
        var maxVariation = scratch.Slice(2 * _padded, _padded);
        var atMinimum = scratch.Slice(3 * _padded, _padded);
        var protectedHit = scratch.Slice(4 * _padded, _padded);

        // Sum the job's 16 rows across every profile, a vector of profiles at a time.
        var one = Vector<byte>.One;
        for (var c = 0; c < _padded; c += Vector<byte>.Count)
        {
            Vector<byte> vVaried = default, vLevels = default, vMax = default, vMin = default, vProtected = default;
            for (var f = 0; f < FactorPlan.FactorCount; f++)
            {
                var row = new Vector<byte>(_variation[f * Stride + levels[f]], c);
                vVaried += Vector.Min(row, one);
                vLevels += row;
                vMax = Vector.Max(vMax, row);
                vMin += new Vector<byte>(_atMinimum[f * Stride + levels[f]], c);
                if (_protected[f]) vProtected |= row;
            }
            vVaried.CopyTo(varied[c..]);
            vLevels.CopyTo(levelsVaried[c..]);
            vMax.CopyTo(maxVariation[c..]);
            vMin.CopyTo(atMinimum[c..]);
            vProtected.CopyTo(protectedHit[c..]);
        }

        Span<long> keys = best.Length <= 64 ? stackalloc long[best.Length] : new long[best.Length];
        var filled = 0;
        var maxLevels = Policy.MaxLevelsPerVariation ?? int.MaxValue;
        var maxVaried = Policy.MaxVariedFactors;
        var mustStayInBand = Policy.RecalculatedTotalMustStayInBand;
        for (var p = 0; p < _profiles.Length; p++)
        {
            var fail = varied[p] > maxVaried
                       || maxVariation[p] > maxLevels
                       || protectedHit[p] != 0
                       || (mustStayInBand && (total < _allowedLow[p] || total > _allowedHigh[p]))
                       || (_genericBelowBand[p] && atMinimum[p] == FactorPlan.FactorCount);
            var outcome = fail ? MatchOutcome.NoMatch : varied[p] == 0 ? MatchOutcome.Match : MatchOutcome.MatchWithVariations;
            var closeness = Math.Abs(2 * total - _midTwice[p]);
            var key = ((long)outcome << 52) | ((long)varied[p] << 46) | ((long)levelsVaried[p] << 37) | ((long)Math.Min(closeness, 0xFFFF) << 21) | (long)p;
            if (filled == best.Length && key >= keys[filled - 1]) continue;
            var at = filled < best.Length ? filled++ : filled - 1;
            while (at > 0 && keys[at - 1] > key) { keys[at] = keys[at - 1]; best[at] = best[at - 1]; at--; }
            keys[at] = key;
            best[at] = new RankedCandidate(p, outcome, varied[p], levelsVaried[p]);
        }
        return filled;
    }
}
