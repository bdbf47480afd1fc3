using Cadre.Core.JobEvaluation;

namespace Cadre.Core.Tests.JobEvaluation;

public class ScoringTests
{
    private static readonly JeReference Ref = JeReference.Default;
    private static readonly FactorPlan Plan = Ref.Plan;

    internal static int[] RandomLevels(Random random) => Plan.Factors.Select(f => random.Next(1, f.MaxLevel + 1)).ToArray();

    [Fact]
    public void NurseProfileFromTheHandbookDigestScoresAsPrinted()
    {
        // Digest section 1.1: F1 4a=32, F2 5=120, F3 3=27, F4 2=15, F5 3=27, F6 5=30, F7 1=5, F8 2=12, F9 2=12,
        // F10 1=4, F11 2=12, F12 3=21, F13 4=18, F14 3=12, F15 4=25, F16 4=18.
        var job = Job.Parse("Nurse", ["4a", "5", "3", "2", "3", "5ac", "1", "2", "2", "1", "2", "3", "4", "3", "4", "4"], Plan);
        var score = Ref.Scorer.Score(job);
        Assert.Equal(new[] { 32, 120, 27, 15, 27, 30, 5, 12, 12, 4, 12, 21, 18, 12, 25, 18 }, score.Factors.Select(f => f.Points).ToArray());
        Assert.Equal(390, score.Total);
        Assert.Equal("5", score.BandName);
    }

    [Fact]
    public void ExplanationNamesEveryFactorLevelPointsAndRule()
    {
        var score = Ref.Scorer.Score([4, 5, 3, 2, 3, 5, 1, 2, 2, 1, 2, 3, 4, 3, 4, 4]);
        var lines = score.Explain();
        Assert.Equal(18, lines.Count);
        Assert.Equal("JE-SCORE-01", lines[0].Rule.Id);
        Assert.StartsWith("Factor 1 Communication and relationship skills: level 4 = 32 points", lines[0].Text);
        Assert.Contains("JE-SCORE-01: NHS JE Handbook 7th ed., chapter 5 (factor plan) and chapter 7 (scoring chart)", lines[0].ToString());
        Assert.Equal("JE-BAND-01", lines[^1].Rule.Id);
        Assert.Equal("390 falls in band 5 (326-395)", lines[^1].Text);
        Assert.Contains("NHS Terms and Conditions of Service handbook, table 1", lines[^1].Rule.Citation);
    }

    [Fact]
    public void TotalsAbove765AreFlaggedNotBanded()
    {
        var top = Plan.Factors.Select(f => f.MaxLevel).ToArray();
        var score = Ref.Scorer.Score(top);
        Assert.Equal(1000, score.Total);
        Assert.Null(score.Range);
        Assert.IsType<JeBand.AboveBandNine>(score.Band);
        Assert.Equal("none", score.BandName);
        Assert.Equal("JE-BAND-02", score.Explain()[^1].Rule.Id);
    }

    [Fact]
    public void AJobLevelAboveTheFactorMaximumIsRefusedNamingTheFactor()
    {
        var levels = Enumerable.Repeat(1, 16).ToArray();
        levels[14] = 5;
        var ex = Assert.Throws<LevelOutOfRangeException>(() => Ref.Scorer.Score(levels));
        Assert.Equal("Factor 15 (Emotional effort) has levels 1 to 4; level 5 is above its maximum.", ex.Message);
    }

    [Fact]
    public void AJobNeedsSixteenLevels()
    {
        var ex = Assert.Throws<FormatException>(() => Ref.Scorer.Score([1, 2, 3]));
        Assert.Contains("16 factors; 3 given", ex.Message);
    }

    [Fact]
    public void AJobHoldsOneLevelPerFactorNotARange()
    {
        var levels = Enumerable.Repeat("1", 16).ToArray();
        levels[3] = "2-3";
        var ex = Assert.Throws<FormatException>(() => Job.Parse("x", levels, Plan));
        Assert.Contains("Factor 4", ex.Message);
    }

    [Fact]
    public void PropertyEveryTotalLiesWithin86And1000AndMatchesItsBand()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 50_000; i++)
        {
            var levels = RandomLevels(random);
            var score = Ref.Scorer.Score(levels);
            Assert.InRange(score.Total, 86, 1000);
            Assert.Equal(score.Total, score.Factors.Sum(f => f.Points));
            if (score.Total <= 765) Assert.True(score.Range!.Contains(score.Total));
            else Assert.Null(score.Range);
        }
    }

    [Fact]
    public void PropertyRaisingAnyLevelNeverLowersTheTotal()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var levels = RandomLevels(random);
            var total = Ref.Scorer.Total(levels);
            var band = Ref.Bands.BandFor(total);
            for (var f = 0; f < 16; f++)
            {
                if (levels[f] == Plan.Factors[f].MaxLevel) continue;
                levels[f]++;
                var raised = Ref.Scorer.Total(levels);
                Assert.True(raised > total, $"raising factor {f + 1} to {levels[f]} took {total} to {raised}");
                var raisedBand = Ref.Bands.BandFor(raised);
                Assert.True(raisedBand is null || (band is not null && raisedBand.Rank >= band.Rank), "band fell");
                levels[f]--;
            }
        }
    }

    [Fact]
    public void PropertyEveryFactorLevelPairScoresItsPlanPoints()
    {
        // Exhaustive over all 98 factor levels: a job at level 1 everywhere except one factor.
        foreach (var factor in Plan.Factors)
            foreach (var level in factor.Levels)
            {
                var levels = Enumerable.Repeat(1, 16).ToArray();
                levels[factor.Number - 1] = level.Level;
                Assert.Equal(86 - factor.Levels[0].Points + level.Points, Ref.Scorer.Total(levels));
            }
    }

    [Fact]
    public void GenericProfileKeepsItsBandWhenItsMinimumFallsBelow()
    {
        // A band 5 generic profile whose lowest levels sum below 326.
        var ranges = "3|4|3|2-3|2|2|2|2|2|2|1|3|1-2|2|1|1".Split('|').Select(LevelNotationReader.Read).ToList();
        var generic = Ref.Scorer.Score(ranges, BandSpan.Parse("5*", Ref.Bands));
        Assert.True(generic.Min < 326);
        Assert.True(generic.GenericProvisionApplied);
        Assert.Equal("5", generic.MinBandName);
        Assert.Contains(generic.Explain(), l => l.Rule.Id == "JE-GEN-01");

        var plain = Ref.Scorer.Score(ranges, BandSpan.Parse("5", Ref.Bands));
        Assert.False(plain.GenericProvisionApplied);
        Assert.Equal(Ref.Bands.BandNameFor(plain.Min), plain.MinBandName);
        Assert.NotEqual("5", plain.MinBandName);
    }
}
