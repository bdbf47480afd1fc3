using Cadre.Core.JobEvaluation;

namespace Cadre.Core.Tests.JobEvaluation;

public class EvaluationDraftTests
{
    private static readonly JeReference Ref = JeReference.Default;

    [Fact]
    public void AFreshDraftSpansEveryPossibleTotal()
    {
        var draft = new EvaluationDraft(Ref.Scorer, "Clinical Scientist");
        Assert.Equal((86, 1000), draft.PossibleTotals);
        Assert.Equal(0, draft.RunningTotal);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9", "none"], draft.PossibleBands);
        Assert.Equal(1, draft.NextFactor!.Number);
        Assert.Equal(6, draft.Options(1).Count);
    }

    [Fact]
    public void DecisionsNarrowTheRangeAndCompleteToTheSameScoreAsTheScorer()
    {
        var draft = new EvaluationDraft(Ref.Scorer, "Nurse");
        string[] levels = ["4a", "5", "3", "2", "3", "5ac", "1", "2", "2", "1", "2", "3", "4", "3", "4", "4"];
        var previous = draft.PossibleTotals;
        for (var f = 1; f <= 16; f++)
        {
            draft.Decide(f, levels[f - 1], $"evidence for factor {f}");
            var now = draft.PossibleTotals;
            Assert.True(now.Min >= previous.Min && now.Max <= previous.Max, $"range widened at factor {f}");
            previous = now;
        }
        Assert.True(draft.IsComplete);
        Assert.Null(draft.NextFactor);
        Assert.Equal((390, 390), draft.PossibleTotals);
        Assert.Equal(["5"], draft.PossibleBands);
        var score = draft.Complete();
        Assert.Equal(Ref.Scorer.Score(Job.Parse("Nurse", levels, Ref.Plan)).Total, score.Total);
        Assert.Equal("5", score.BandName);
        Assert.Equal("5ac", draft.Decisions[5]!.Level.ToString());
    }

    [Fact]
    public void RefusesUnknownLettersRangesBlankEvidenceAndIncompleteDrafts()
    {
        var draft = new EvaluationDraft(Ref.Scorer, "x");
        Assert.Contains("choose from (a), (b), (c)", Assert.Throws<FormatException>(() => draft.Decide(1, "3d", "e")).Message);
        Assert.Contains("no lettered criteria", Assert.Throws<FormatException>(() => draft.Decide(3, "2a", "e")).Message);
        Assert.Contains("choose one level", Assert.Throws<FormatException>(() => draft.Decide(4, "2-3", "e")).Message);
        Assert.Contains("JE-EVAL-01", Assert.Throws<FormatException>(() => draft.Decide(4, "2", " ")).Message);
        Assert.Throws<LevelOutOfRangeException>(() => draft.Decide(15, "5", "e"));
        draft.Decide(2, "6", "post-graduate diploma");
        Assert.Contains("1, 3, 4", Assert.Throws<InvalidOperationException>(() => draft.Complete()).Message);
        draft.Clear(2);
        Assert.Equal(0, draft.Decided);
    }
}
