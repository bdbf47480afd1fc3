using Cadre.Core.JobEvaluation;

namespace Cadre.Core.Tests.JobEvaluation;

public class MatchingTests
{
    private static readonly JeReference Ref = JeReference.Default;
    private static readonly MatchingPolicy Default = Ref.Policies.Default;
    private static readonly ProfileSuite Seed = SeedSuiteTests.ReadSeed();

    private static NationalProfile Profile(string title) => Seed.Profiles.Single(p => p.Title == title);

    private static int[] MinLevels(NationalProfile p) => p.Factors.Select(f => f.Levels.Min).ToArray();

    private static MatchResult Match(int[] levels, NationalProfile p, MatchingPolicy? policy = null) =>
        new ProfileMatcher(Ref.Scorer, policy ?? Default).Match(Job.FromLevels("test job", levels), p);

    [Fact]
    public void DefaultPolicyIsTheCommonlyCitedOne()
    {
        Assert.Equal("afc-common-5", Default.Id);
        Assert.Equal(5, Default.MaxVariedFactors);
        Assert.Empty(Default.ProtectedFactors);
        Assert.Null(Default.MaxLevelsPerVariation);
        Assert.True(Default.RecalculatedTotalMustStayInBand);
        Assert.Equal(3, Ref.Policies.Policies.Count);
        Assert.Equal([2, 12], Ref.Policies.Get("afc-protect-kte-fta-4").ProtectedFactors.Order().ToArray());
    }

    [Fact]
    public void AJobInsideEveryRangeMatches()
    {
        var p = Profile("Clinical Coding Team Manager");
        var levels = p.Factors.Select(f => f.Levels.Max).ToArray();
        var result = Match(levels, p);
        Assert.Equal(MatchOutcome.Match, result.Outcome);
        Assert.Equal(461, result.RecalculatedTotal);
        Assert.Equal("6", result.BandName);
        Assert.Empty(result.Variations);
        Assert.Contains(result.Reasons, r => r.Rule.Id == "JE-MATCH-01");
        Assert.Same(Default, result.Policy);
    }

    [Fact]
    public void VariationsAreCountedWithLevelsAndDirectionAndReScored()
    {
        var p = Profile("Clinical Coding Team Manager");   // 396-461, band 6
        var levels = MinLevels(p);
        levels[10] = 1;   // R&D: profile 2(a)-3, job 1 -> 1 level below
        levels[8] = 5;    // HR: profile 4(a)(b), job 5 -> 1 level above, 45 points
        var result = Match(levels, p);
        Assert.Equal(MatchOutcome.MatchWithVariations, result.Outcome);
        Assert.Equal(2, result.VariedFactorCount);
        var hr = result.Variations.Single(v => v.Factor.Number == 9);
        Assert.Equal((1, "above", 45, 32), (hr.LevelsVaried, hr.Direction, hr.JobPoints, hr.ProfileMinPoints));
        var rd = result.Variations.Single(v => v.Factor.Number == 11);
        Assert.Equal((1, "below", 5), (rd.LevelsVaried, rd.Direction, rd.JobPoints));
        Assert.Equal(396 + 13 - 7, result.RecalculatedTotal);
        Assert.Equal("6", result.BandName);
        Assert.Contains(result.Reasons, r => r.Rule.Id == "JE-MATCH-02" && r.Text.StartsWith("Factor 9 (Responsibilities for human resources): job level 5 is 1 level above the profile's 4(a)(b); re-scored at 45 points"));
    }

    [Fact]
    public void MoreVariedFactorsThanThePolicyAllowsIsNoMatch()
    {
        var p = Profile("Clinical Coding Team Manager");
        var levels = p.Factors.Select(f => f.Levels.Max).ToArray();
        // Six single-level factors one level down: the count rule fires (the band rule may too).
        int[] factors = [2, 3, 5, 9, 10, 12];
        foreach (var f in factors) levels[f - 1] = Math.Max(1, levels[f - 1] - 1);
        var varied = factors.Count(f => !p.Factors[f - 1].Levels.Contains(levels[f - 1]));
        var result = Match(levels, p);
        Assert.Equal(6, varied);
        Assert.Equal(varied, result.VariedFactorCount);
        Assert.Equal(MatchOutcome.NoMatch, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Rule.Id == "JE-MATCH-03" && r.Text.Contains($"{varied} factors vary; policy afc-common-5 allows at most 5"));
        Assert.Equal("JE-MATCH-07", result.Reasons[^1].Rule.Id);
        Assert.Equal("", result.BandName);
    }

    [Fact]
    public void ARecalculatedTotalOutsideTheBandIsNoMatchAndSuggestsTheBand()
    {
        var p = Profile("Clinical Coding Officer");   // 217, band 3
        var levels = MinLevels(p);
        levels[1] = 5;  // KTE 3 -> 5: +60 points, 277 = band 4
        var result = Match(levels, p);
        Assert.Equal(1, result.VariedFactorCount);
        Assert.Equal(277, result.RecalculatedTotal);
        Assert.Equal(MatchOutcome.NoMatch, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Rule.Id == "JE-MATCH-06" && r.Text.Contains("band 4"));
        Assert.Contains("try a profile in band 4", result.Reasons[^1].Text);

        var lenient = Default with { Id = "no-band-rule", RecalculatedTotalMustStayInBand = false };
        var banded = Match(levels, p, lenient);
        Assert.Equal(MatchOutcome.MatchWithVariations, banded.Outcome);
        Assert.Equal("4", banded.BandName);
        Assert.Equal("no-band-rule", banded.Policy.Id);
    }

    [Fact]
    public void AProtectedFactorMayNotVary()
    {
        var p = Profile("Clinical Coding Team Manager");
        var levels = MinLevels(p);
        levels[1] = 6;    // KTE 5 -> 6, +36: 432, still band 6
        Assert.Equal(MatchOutcome.MatchWithVariations, Match(levels, p).Outcome);
        var protectKte = Ref.Policies.Get("afc-protect-kte");
        var result = Match(levels, p, protectKte);
        Assert.Equal(MatchOutcome.NoMatch, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Rule.Id == "JE-MATCH-04" && r.Text.Contains("Factor 2") && r.Text.Contains("afc-protect-kte"));
    }

    [Fact]
    public void LevelsPerVariationLimitApplies()
    {
        var p = Profile("Clinical Coding Team Manager");
        var levels = MinLevels(p);
        levels[15] = 3;   // working conditions 1 -> 3, two levels up (+9)
        Assert.Equal(MatchOutcome.MatchWithVariations, Match(levels, p).Outcome);
        var oneLevel = Default with { Id = "one-level", MaxLevelsPerVariation = 1 };
        var result = Match(levels, p, oneLevel);
        Assert.Equal(MatchOutcome.NoMatch, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Rule.Id == "JE-MATCH-05");
    }

    private static NationalProfile GenericBand4()
    {
        var ranges = "3|4|3|2-3|2|2|2|2|2|2|1|3|1-2|2|1|1-4".Split('|');
        var band = BandSpan.Parse("4*", Ref.Bands);
        return new NationalProfile
        {
            Suite = "Test",
            Title = "Generic Officer",
            PrintedBand = band,
            PrintedBandText = "4*",
            Factors = Ref.Plan.Factors.Select((f, i) => new ProfileFactor(f, LevelNotationReader.Read(ranges[i], f), "", null)).ToList(),
        };
    }

    [Fact]
    public void GenericProfileKeepsItsBandForAJobBelowTheBoundaryButNotForOneAtEveryMinimum()
    {
        var p = GenericBand4();
        var score = Ref.Scorer.Score(p.Ranges, p.PrintedBand);
        Assert.True(score.Min < 271, $"profile minimum {score.Min}");
        Assert.True(score.Max >= 271);
        var levels = MinLevels(p);
        var atMinimum = Match(levels, p);
        Assert.Equal(MatchOutcome.NoMatch, atMinimum.Outcome);
        Assert.Contains(atMinimum.Reasons, r => r.Rule.Id == "JE-GEN-02");

        levels[15] = 2;   // one factor above its minimum, total still below 216
        var above = Match(levels, p);
        Assert.True(above.RecalculatedTotal < 271);
        Assert.Equal(MatchOutcome.Match, above.Outcome);
        Assert.Equal("4", above.BandName);
        Assert.Contains(above.Reasons, r => r.Rule.Id == "JE-GEN-01");
    }

    [Fact]
    public void RankingPutsTheProfileTheJobWasTakenFromFirst()
    {
        var library = Ref.LoadLibrary();
        var ranker = new ProfileRanker(Ref.Scorer, Default, library.OfferedForMatching);
        Assert.Equal(17, ranker.Profiles.Count);
        foreach (var p in ranker.Profiles.Where(p => p.Factors.All(f => f.Levels.IsSingleLevel)))
        {
            var ranked = ranker.Rank(Job.FromLevels(p.Title, MinLevels(p)));
            Assert.Equal(MatchOutcome.Match, ranked[0].Outcome);
            Assert.Equal(p.Title, ranked[0].Profile.Title);
            Assert.Equal(17, ranked.Count);
        }
    }

    [Fact]
    public void PropertyRankerAgreesWithTheMatcherOnRandomJobs()
    {
        var library = Ref.LoadLibrary();
        foreach (var policy in Ref.Policies.Policies)
        {
            var ranker = new ProfileRanker(Ref.Scorer, policy, library.OfferedForMatching);
            var matcher = new ProfileMatcher(Ref.Scorer, policy);
            var random = new Random(42);
            var best = new RankedCandidate[ranker.Profiles.Count];
            for (var i = 0; i < 500; i++)
            {
                // Start from a random profile's range and jitter a few factors, so all three outcomes occur.
                var source = ranker.Profiles[random.Next(ranker.Profiles.Count)];
                var levels = source.Factors.Select(f => random.Next(f.Levels.Min, f.Levels.Max + 1)).ToArray();
                for (var k = random.Next(0, 8); k > 0; k--)
                {
                    var f = random.Next(16);
                    levels[f] = Math.Clamp(levels[f] + random.Next(-2, 3), 1, Ref.Plan.Factors[f].MaxLevel);
                }
                var n = ranker.RankTop(levels, best);
                Assert.Equal(ranker.Profiles.Count, n);
                var job = Job.FromLevels("random", levels);
                var previous = (Outcome: MatchOutcome.Match, Varied: 0, Levels: 0);
                for (var r = 0; r < n; r++)
                {
                    var full = matcher.Match(job, ranker.Profiles[best[r].ProfileIndex]);
                    Assert.Equal(full.Outcome, best[r].Outcome);
                    Assert.Equal(full.VariedFactorCount, best[r].VariedFactors);
                    Assert.Equal(full.LevelsVaried, best[r].LevelsVaried);
                    var current = (full.Outcome, full.VariedFactorCount, full.LevelsVaried);
                    Assert.True(current.CompareTo(previous) >= 0, "ranking out of order");
                    previous = current;
                }
            }
        }
    }

    [Fact]
    public void PropertyRankerAgreesWithTheMatcherOnAGeneratedLibrary()
    {
        // 301 profiles: not a whole number of vectors, and some generic ones, so padding and JE-GEN rules are exercised.
        var generator = new SyntheticProfiles(Ref.Scorer, seed: 5);
        var profiles = generator.Profiles(301);
        Assert.Contains(profiles, p => p.PrintedBand!.Generic);
        foreach (var policy in Ref.Policies.Policies.Append(Default with { Id = "one-level", MaxLevelsPerVariation = 1 }))
        {
            var ranker = new ProfileRanker(Ref.Scorer, policy, profiles);
            var matcher = new ProfileMatcher(Ref.Scorer, policy);
            var best = new RankedCandidate[301];
            var seen = new HashSet<MatchOutcome>();
            for (var i = 0; i < 40; i++)
            {
                var levels = generator.JobNear(profiles, maxNudges: 6);
                Assert.Equal(301, ranker.RankTop(levels, best));
                var job = Job.FromLevels("generated", levels);
                Assert.Equal(Enumerable.Range(0, 301), best.Select(b => b.ProfileIndex).Order());
                foreach (var candidate in best)
                {
                    var full = matcher.Match(job, ranker.Profiles[candidate.ProfileIndex]);
                    Assert.Equal((full.Outcome, full.VariedFactorCount, full.LevelsVaried), (candidate.Outcome, candidate.VariedFactors, candidate.LevelsVaried));
                    seen.Add(full.Outcome);
                }
            }
            Assert.Equal(3, seen.Count);
        }
    }

    [Fact]
    public void RankTopKeepsOnlyTheBest()
    {
        var library = Ref.LoadLibrary();
        var ranker = new ProfileRanker(Ref.Scorer, Default, library.OfferedForMatching);
        var p = Profile("Voluntary Services Manager");
        var all = new RankedCandidate[17];
        var top3 = new RankedCandidate[3];
        var levels = MinLevels(p);
        ranker.RankTop(levels, all);
        Assert.Equal(3, ranker.RankTop(levels, top3));
        Assert.Equal(all.Take(3).ToArray(), top3);
    }
}
