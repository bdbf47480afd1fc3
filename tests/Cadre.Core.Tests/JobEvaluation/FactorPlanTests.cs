using Cadre.Core.JobEvaluation;

namespace Cadre.Core.Tests.JobEvaluation;

public class FactorPlanTests
{
    private static readonly FactorPlan Plan = JeReference.Default.Plan;
    private static readonly BandRanges Bands = JeReference.Default.Bands;

    [Fact]
    public void HasSixteenFactorsWithTheHandbooksLevelCounts()
    {
        // Level counts per the handbook digest section 1.1 (7th edition factor pages).
        int[] expected = [6, 8, 5, 5, 5, 8, 6, 6, 6, 7, 6, 6, 5, 5, 4, 5];
        Assert.Equal(expected, Plan.Factors.Select(f => f.MaxLevel).ToArray());
        Assert.Equal("afc-je-7th-2018.1", Plan.Version);
    }

    [Fact]
    public void EveryLevelHasADescriptor()
    {
        foreach (var level in Plan.Factors.SelectMany(f => f.Levels))
        {
            Assert.False(string.IsNullOrWhiteSpace(level.Descriptor), $"factor {level.Factor} level {level.Level}");
            Assert.NotEqual("(no descriptor recorded)", level.Descriptor);
            Assert.Contains(level.Confidence, new[] { "V", "P", "M" });
        }
    }

    [Fact]
    public void SubLetterDescriptorsCoverTheLettersTheSeedPrints()
    {
        // Every letter seed 003 uses must have a descriptor, so a panel can see what it means.
        var suite = SeedSuiteTests.ReadSeed();
        foreach (var p in suite.Profiles)
            foreach (var f in p.Factors)
                foreach (var c in f.Levels.Choices)
                    foreach (var letter in c.SubLetters)
                        Assert.True(f.Factor.Level(c.Level).SubCriterion(letter) is not null, $"{p.Title}: factor {f.Factor.Number} level {c.Level}({letter}) has no descriptor");
    }

    [Fact]
    public void LowestAndHighestPossibleTotalsAre86And1000()
    {
        // The handbook digest derives 86 (all level 1) and 1000 (all top levels); the data must agree.
        Assert.Equal(86, Plan.MinimumTotal);
        Assert.Equal(1000, Plan.MaximumTotal);
    }

    [Fact]
    public void WeightsSplitAsTheHandbookDescribes()
    {
        int Max(int from, int to) => Plan.Factors.Where(f => f.Number >= from && f.Number <= to).Sum(f => f.MaxPoints);
        Assert.Equal(480, Max(1, 5));
        Assert.Equal(360, Max(6, 11));
        Assert.Equal(60, Max(12, 12));
        Assert.Equal(100, Max(13, 16));
        Assert.Equal(240, Plan[2].MaxPoints);
    }

    [Fact]
    public void CorrectedPointsFromTheSeedAreUsed()
    {
        // handbook-notes correction: F10 level 5 = 34 (only 34 reproduces Health Records Services Manager 556-635).
        Assert.Equal([4, 9, 16, 24, 34, 46, 60], Plan[10].Levels.Select(l => l.Points).ToArray());
        Assert.Equal([4, 9, 15, 22, 30, 39, 49, 60], Plan[6].Levels.Select(l => l.Points).ToArray());
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(160, "1")]
    [InlineData(161, "2")]
    [InlineData(215, "2")]
    [InlineData(216, "3")]
    [InlineData(325, "4")]
    [InlineData(326, "5")]
    [InlineData(395, "5")]
    [InlineData(396, "6")]
    [InlineData(465, "6")]
    [InlineData(466, "7")]
    [InlineData(539, "7")]
    [InlineData(540, "8a")]
    [InlineData(584, "8a")]
    [InlineData(585, "8b")]
    [InlineData(629, "8b")]
    [InlineData(630, "8c")]
    [InlineData(674, "8c")]
    [InlineData(675, "8d")]
    [InlineData(720, "8d")]
    [InlineData(721, "9")]
    [InlineData(765, "9")]
    [InlineData(766, "none")]
    [InlineData(1000, "none")]
    public void BandBoundariesAreInclusive(int total, string band) => Assert.Equal(band, Bands.BandNameFor(total));

    [Theory]
    [InlineData("5", "5", "5", false)]
    [InlineData("8a-c", "8a", "8c", false)]
    [InlineData("8a*-8b", "8a", "8b", true)]
    [InlineData("6*", "6", "6", true)]
    [InlineData("8a-b", "8a", "8b", false)]
    [InlineData("7 – 8a", "7", "8a", false)]
    public void ReadsPrintedBands(string printed, string low, string high, bool generic)
    {
        var span = BandSpan.Parse(printed, Bands);
        Assert.Equal((low, high, generic), (span.Low.Name, span.High.Name, span.Generic));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("8e")]
    [InlineData("8c-a")]
    [InlineData("band")]
    public void RefusesWhatIsNotABand(string printed) => Assert.Throws<FormatException>(() => BandSpan.Parse(printed, Bands));

    [Fact]
    public void APlanWhosePointsFallWithTheLevelIsRefused()
    {
        var csv = "factor,name,level,points\n" + string.Join("\n", Enumerable.Range(1, 16).SelectMany(f => new[] { $"{f},F{f},1,10", $"{f},F{f},2,{(f == 7 ? 5 : 20)}" }));
        var ex = Assert.Throws<FormatException>(() => FactorPlan.Parse(new StringReader(csv), new StringReader("factor,level,sub,confidence,descriptor\n"), "test"));
        Assert.Contains("Factor 7", ex.Message);
    }
}
