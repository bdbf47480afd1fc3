namespace Cadre.Core.JobEvaluation;

/// <summary>A local JE outcome as held on the organisation's record: the job, its levels, the profile used (if matched) and its band.</summary>
public sealed record JobOutcome(string JobId, string Title, IReadOnlyList<int> Levels, string Band, NationalProfile? Profile = null);

/// <summary>How far an outcome may sit from its profile before it is flagged for a consistency check.</summary>
public sealed record ConsistencyThresholds(int MaxVariedFactors = 3, int MaxLevelsOnOneFactor = 1)
{
    public static ConsistencyThresholds Default { get; } = new();
}

/// <summary>
/// Consistency checking across an organisation's outcomes (NHS JE Handbook 7th ed. chapter 14; digest section 3.3):
/// checkers compare outcomes factor by factor with each other and with their profiles, and refer queries back to the
/// panel. Cadre flags; it never changes an outcome.
/// </summary>
public sealed class ConsistencyChecker(FactorPlan plan, BandRanges bands, ConsistencyThresholds? thresholds = null)
{
    public static readonly JeRule SameJobDifferentLevels = new("JE-CONS-01", "Jobs matched to the same profile, or with the same title, should not differ on a factor without reason",
        "NHS JE Handbook 7th ed., chapter 14 (achieving quality and consistent outcomes)");
    public static readonly JeRule FarFromProfile = new("JE-CONS-02", "An outcome far from its profile is referred back to the panel",
        "NHS Job Evaluation Handbook 7th ed., chapter 14; the thresholds are Cadre's own, where the Handbook sets none");
    public static readonly JeRule PostBand = new("JE-CONS-03", "A post's recorded pay band should be the band its JE outcome gives",
        "NHS Terms and Conditions of Service handbook, section 1 (pay band follows job weight)");

    private readonly ConsistencyThresholds _thresholds = thresholds ?? ConsistencyThresholds.Default;

    public IReadOnlyList<ProcessFinding> Check(IReadOnlyList<JobOutcome> outcomes)
    {
        var findings = new List<ProcessFinding>();
        foreach (var o in outcomes)
            if (o.Levels.Count != FactorPlan.FactorCount) throw new FormatException($"Outcome {o.JobId}: {o.Levels.Count} levels; 16 needed.");

        // Groups: the same profile, then the same title (normalised) among jobs not already grouped by profile.
        var groups = outcomes.Where(o => o.Profile is not null).GroupBy(o => o.Profile!.Key)
            .Select(g => (Label: $"profile '{g.First().Profile!.Title}'", Jobs: g.ToList()))
            .Concat(outcomes.GroupBy(o => NationalProfile.Normalise(o.Title)).Select(g => (Label: $"title '{g.First().Title}'", Jobs: g.ToList())))
            .Where(g => g.Jobs.Count > 1);
        var reported = new HashSet<string>();
        foreach (var (label, jobs) in groups)
        {
            for (var f = 0; f < FactorPlan.FactorCount; f++)
            {
                var distinct = jobs.Select(j => j.Levels[f]).Distinct().Count();
                if (distinct < 2) continue;
                var ids = string.Join(",", jobs.Select(j => j.JobId).Order());
                if (!reported.Add($"{ids}|{f}")) continue;
                var detail = string.Join("; ", jobs.GroupBy(j => j.Levels[f]).OrderBy(g => g.Key).Select(g => $"level {g.Key}: {string.Join(", ", g.Select(j => j.JobId))}"));
                findings.Add(new(SameJobDifferentLevels, FindingSeverity.Warning, $"Jobs with the same {label} differ on factor {f + 1} ({plan.Factors[f].Name}): {detail}."));
            }
        }

        foreach (var o in outcomes.Where(o => o.Profile is { IsScorable: true }))
        {
            var varied = new List<string>();
            var far = false;
            for (var f = 0; f < FactorPlan.FactorCount; f++)
            {
                var d = o.Profile!.Factors[f].Levels.DistanceFrom(o.Levels[f]);
                if (d == 0) continue;
                varied.Add($"factor {f + 1} {(d > 0 ? "+" : "")}{d}");
                if (Math.Abs(d) > _thresholds.MaxLevelsOnOneFactor) far = true;
            }
            if (varied.Count > _thresholds.MaxVariedFactors) far = true;
            var profileBand = o.Profile!.PrintedBand;
            var outcomeBand = bands.Find(o.Band);
            if (profileBand is not null && (outcomeBand is null || !profileBand.Contains(outcomeBand))) far = true;
            if (far)
                findings.Add(new(FarFromProfile, FindingSeverity.Warning,
                    $"Job {o.JobId} ('{o.Title}', band {o.Band}) is far from profile '{o.Profile.Title}' (band {profileBand?.Printed ?? "?"}): {(varied.Count == 0 ? "band differs" : string.Join(", ", varied))}. Refer to the panel."));
        }
        return findings;
    }

    /// <summary>JE-CONS-03: flags a post whose recorded pay band differs from its JE outcome.</summary>
    public static ProcessFinding? CheckPostBand(string postId, string recordedBand, string jeBand) =>
        string.Equals(recordedBand.Trim(), jeBand.Trim(), StringComparison.OrdinalIgnoreCase)
            ? null
            : new(PostBand, FindingSeverity.Warning, $"Post {postId} is recorded at band {recordedBand.Trim()} but its job evaluation gives band {jeBand.Trim()}.");
}
