using Cadre.Core.Surveys;

namespace Cadre.Core.Tests.Surveys;

public sealed class AnswerCheckTests
{
    private static QuestionSpec Q(QuestionKind kind, params string[] options) => new(Guid.NewGuid(), "Q", "Question?", kind, options, 1, 5);

    [Theory]
    [InlineData(QuestionKind.SingleChoice, "yes", "Yes")]
    [InlineData(QuestionKind.MultipleChoice, "no ; Yes", "No; Yes")]
    [InlineData(QuestionKind.Number, "2.50", "2.50")]
    [InlineData(QuestionKind.Scale, "5", "5")]
    [InlineData(QuestionKind.FreeText, "  Too little supervision  ", "Too little supervision")]
    [InlineData(QuestionKind.Scale, "", null)]
    public void A_good_answer_is_kept_as_the_question_words_it(QuestionKind kind, string raw, string? kept)
    {
        var outcome = AnswerCheck.Check(Q(kind, "Yes", "No"), raw);
        Assert.True(outcome.Accepted);
        Assert.Equal(kept, outcome.Value);
    }

    [Theory]
    [InlineData(QuestionKind.SingleChoice, "Maybe", "expected one of: 'Yes', 'No'")]
    [InlineData(QuestionKind.MultipleChoice, "Yes; Maybe", "expected ';'-separated choices from: 'Yes', 'No'")]
    [InlineData(QuestionKind.Number, "three", "expected a number, e.g. 3 or 2.5")]
    [InlineData(QuestionKind.Scale, "6", "expected a whole number from 1 to 5")]
    [InlineData(QuestionKind.Scale, "0", "expected a whole number from 1 to 5")]
    public void A_bad_answer_says_what_was_expected(QuestionKind kind, string raw, string expected) =>
        Assert.Equal(expected, AnswerCheck.Check(Q(kind, "Yes", "No"), raw).Expected);

    [Theory]
    [InlineData("Band 8a", "8a")]
    [InlineData("7", "7")]
    [InlineData("Prefer not to say", null)]
    [InlineData("", null)]
    public void A_band_is_read_as_people_write_it(string raw, string? code)
    {
        Assert.Equal(code, AnswerCheck.Band(raw, out var expected)?.Code);
        Assert.Null(expected);
    }

    [Fact]
    public void A_band_that_is_not_one_is_refused() =>
        Assert.Equal("'Band 10' is not an Agenda for Change pay band; expected one of 1, 2, 3, 4, 5, 6, 7, 8a, 8b, 8c, 8d, 9, or 'Not stated'",
            (AnswerCheck.Band("Band 10", out var expected), expected).expected);

    [Fact]
    public void Questions_and_groups_are_read_one_a_line_naming_the_bad_line()
    {
        var (questions, problems) = DefinitionText.Questions("Specialism pick | single | Which? | A; B\nWhy | free text | Why did you leave?\nHow | scale 0-10 | How likely?\nOops | colour | What?");
        Assert.Equal(["Specialism pick", "Why", "How"], questions.Select(q => q.Heading));
        Assert.Equal((0, 10), (questions[2].ScaleFrom!.Value, questions[2].ScaleTo!.Value));
        Assert.Equal(["Question line 4: 'colour' is not a kind of question; expected single, multiple, number, scale 1-5 or free text"], problems);
        var (groups, groupProblems) = DefinitionText.Groups("Specialism | Radiotherapy Physics | 40\nBand | 8a | 12\nRegion | Wales | many");
        Assert.Equal(2, groups.Count);
        Assert.Equal(["Population line 3: 'many' is not a whole number of people"], groupProblems);
    }

    [Fact]
    public void Keyword_suggestions_match_words_that_share_their_first_letters()
    {
        var funding = new ThemeSpec(Guid.NewGuid(), "Funding", "Salary support and funded places", null);
        var supervision = new ThemeSpec(Guid.NewGuid(), "Supervision", "Time with a supervisor", null);
        var suggested = KeywordSuggestions.Suggest("My post was never funded and my supervisor left", [funding, supervision]);
        Assert.Equal(["Funding", "Supervision"], suggested.Select(s => s.Theme.Name).Order());
        Assert.Equal(["funded"], suggested.Single(s => s.Theme == funding).Words);
        Assert.Empty(KeywordSuggestions.Suggest("Nothing to add", [funding, supervision]));
    }
}
