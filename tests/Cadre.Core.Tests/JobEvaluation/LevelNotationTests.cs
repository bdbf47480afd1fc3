using Cadre.Core.JobEvaluation;

namespace Cadre.Core.Tests.JobEvaluation;

public class LevelNotationTests
{
    private static readonly FactorPlan Plan = JeReference.Default.Plan;

    // Every notation the issue lists, with the levels and criteria it means (canonical form: level then letters,
    // levels joined by '-'). Where the seed prints it, the factor is the one it appears on.
    [Theory]
    [InlineData("2", "2")]
    [InlineData("2(a)", "2a")]
    [InlineData("2 (a)", "2a")]
    [InlineData("2a", "2a")]
    [InlineData("3bc", "3bc")]
    [InlineData("2-3a", "2-3a")]
    [InlineData("2–3a", "2-3a")]
    [InlineData("1-2ac", "1-2ac")]
    [InlineData("2abcd–3ac", "2abcd-3ac")]
    [InlineData("3(a) (b) / 4(c)", "3ab-4c")]
    [InlineData("3(a) / 4(a)", "3a-4a")]
    [InlineData("2(a) 3(a)(b)", "2a-3ab")]
    [InlineData("1 / 2 (a)", "1-2a")]
    [InlineData("4ab–5a", "4ab-5a")]
    [InlineData("3 (a) (b) (d) – 4 (a)", "3abd-4a")]
    [InlineData("2(b)– 3(c)", "2b-3c")]
    [InlineData("1-2b-3c4b", "1-2b-3c-4b")]
    [InlineData("2a-3ab4b", "2a-3ab-4b")]
    [InlineData("3ab-4b", "3ab-4b")]
    [InlineData("5(a) (b)", "5ab")]
    // Further forms seed 003 prints.
    [InlineData("2(a) 2(b)", "2ab")]
    [InlineData("2(b) 3(a)", "2b-3a")]
    [InlineData("4–5(b)", "4-5b")]
    [InlineData("2(a)–3", "2a-3")]
    [InlineData("3(b)– 4(b)", "3b-4b")]
    [InlineData("4(a)(b)", "4ab")]
    [InlineData("2abcd– 3ac", "2abcd-3ac")]
    [InlineData("1–2abcd", "1-2abcd")]
    [InlineData("<p>3c</p>", "3c")]
    public void ReadsNotation(string notation, string canonical)
    {
        var set = LevelNotationReader.Read(notation.Replace("<p>", "").Replace("</p>", ""));
        Assert.Equal(canonical, set.Canonical);
        Assert.Equal(notation.Replace("<p>", "").Replace("</p>", "").Trim(), set.Notation);
    }

    [Fact]
    public void RangeIncludesTheLevelsBetweenItsEnds()
    {
        var set = LevelNotationReader.Read("2-5a");
        Assert.Equal([2, 3, 4, 5], set.Choices.Select(c => c.Level).ToArray());
        Assert.Equal("", set.Choices[1].SubLetters);
        Assert.Equal((2, 5), (set.Min, set.Max));
        Assert.True(set.Contains(3));
        Assert.False(set.Contains(6));
    }

    [Fact]
    public void DistanceCountsLevelsOutsideTheRangeWithDirection()
    {
        var set = LevelNotationReader.Read("3ac-4a");
        Assert.Equal(0, set.DistanceFrom(3));
        Assert.Equal(0, set.DistanceFrom(4));
        Assert.Equal(2, set.DistanceFrom(6));
        Assert.Equal(-2, set.DistanceFrom(1));
    }

    [Theory]
    [InlineData(9, "7", "Factor 9 (Responsibilities for human resources) has levels 1 to 6; level 7 is above its maximum.")]
    [InlineData(15, "3a-5", "Factor 15 (Emotional effort) has levels 1 to 4; level 5 is above its maximum.")]
    [InlineData(2, "9", "Factor 2 (Knowledge, training and experience) has levels 1 to 8; level 9 is above its maximum.")]
    [InlineData(3, "0", "Factor 3 (Analytical and judgemental skills): level 0 does not exist; levels start at 1.")]
    public void RefusesALevelTheFactorDoesNotHave(int factor, string notation, string message)
    {
        var ex = Assert.Throws<LevelOutOfRangeException>(() => LevelNotationReader.Read(notation, Plan[factor]));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void EveryFactorAcceptsItsTopLevelAndRefusesTheNext()
    {
        foreach (var factor in Plan.Factors)
        {
            Assert.Equal(factor.MaxLevel, LevelNotationReader.Read(factor.MaxLevel.ToString(), factor).Max);
            var ex = Assert.Throws<LevelOutOfRangeException>(() => LevelNotationReader.Read($"{factor.MaxLevel}-{factor.MaxLevel + 1}a", factor));
            Assert.Contains($"Factor {factor.Number} ({factor.Name})", ex.Message);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("2-")]
    [InlineData("-2")]
    [InlineData("3-2")]
    [InlineData("2(x)")]
    [InlineData("2(a")]
    [InlineData("two")]
    [InlineData("2--3")]
    [InlineData("2-a")]
    public void RefusesWhatIsNotNotation(string notation)
    {
        var ex = Assert.Throws<LevelNotationException>(() => LevelNotationReader.Read(notation, Plan[1]));
        Assert.StartsWith("Factor 1 (Communication and relationship skills):", ex.Message);
    }

    [Fact]
    public void SubLettersDoNotChangeThePoints()
    {
        var scorer = JeReference.Default.Scorer;
        var plain = scorer.Score([.. Enumerable.Repeat(LevelSet.Of(2), 16)], null);
        var lettered = scorer.Score([.. Enumerable.Repeat(LevelNotationReader.Read("2(a)(b)"), 16)], null);
        Assert.Equal(plain.Min, lettered.Min);
        Assert.Equal(plain.Max, lettered.Max);
    }
}
