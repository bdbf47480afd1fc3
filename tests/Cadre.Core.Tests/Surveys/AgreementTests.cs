using Cadre.Core.Surveys;

namespace Cadre.Core.Tests.Surveys;

/// <summary>Cohen's kappa per theme, against examples worked by hand.</summary>
public sealed class AgreementTests
{
    private static readonly Guid Funding = Guid.NewGuid();
    private static readonly Guid Supervision = Guid.NewGuid();

    /// <summary>Answers 0..n-1; each analyst's themes per answer given as (answer index, theme).</summary>
    private static List<ThemeCodingRow> Coded(Guid[] answers, string analyst, Func<int, IEnumerable<Guid>> themes) =>
        answers.SelectMany((a, i) => themes(i).Select(t => new ThemeCodingRow(a, t, analyst))).ToList();

    [Fact]
    public void Kappa_is_worked_from_the_two_by_two_table_of_each_theme()
    {
        // 20 answers both analysts coded (every answer also has "Other", so each analyst gave each answer a theme).
        // Funding: both 6 (0-5), first only 2 (6-7), second only 4 (8-11), neither 8 (12-19).
        //   observed = (6 + 8) / 20 = 0.70; first gives it 8/20 = 0.4, second 10/20 = 0.5;
        //   chance = 0.4 × 0.5 + 0.6 × 0.5 = 0.50; kappa = (0.70 − 0.50) / (1 − 0.50) = 0.40.
        // Supervision: both 4 (0-3), first only 1 (4), second only 1 (5), neither 14.
        //   observed = 18/20 = 0.90; each gives it 5/20 = 0.25; chance = 0.0625 + 0.5625 = 0.625;
        //   kappa = (0.90 − 0.625) / 0.375 = 0.7333… → 0.73.
        var other = Guid.NewGuid();
        var answers = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        var first = Coded(answers, "ana@a.test", i => new[] { other }
            .Concat(i <= 7 ? [Funding] : []).Concat(i <= 4 ? [Supervision] : []));
        var second = Coded(answers, "ben@a.test", i => new[] { other }
            .Concat(i <= 5 || (i >= 8 && i <= 11) ? [Funding] : []).Concat(i <= 3 || i == 5 ? [Supervision] : []));

        var result = Agreement.PerTheme([Funding, Supervision, other], [.. first, .. second]);

        var funding = Assert.Single(result, r => r.ThemeId == Funding);
        Assert.Equal((20, 6, 2, 4, 8), (funding.Answers, funding.Both, funding.FirstOnly, funding.SecondOnly, funding.Neither));
        Assert.Equal(0.70m, funding.Observed);
        Assert.Equal(0.50m, funding.Chance);
        Assert.Equal(0.40m, funding.KappaShown);
        var supervision = Assert.Single(result, r => r.ThemeId == Supervision);
        Assert.Equal(0.625m, supervision.Chance);
        Assert.Equal(0.73m, supervision.KappaShown);
        // Both gave "Other" to every answer: chance agreement is 1, so kappa has nothing to say.
        Assert.Null(Assert.Single(result, r => r.ThemeId == other).Kappa);
    }

    [Fact]
    public void Full_agreement_is_one_and_only_answers_both_coded_count()
    {
        var answers = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var other = Guid.NewGuid();
        // Both give Funding to answers 0 and 1 and Other to 2 and 3; the second analyst also coded a fifth answer alone.
        var first = Coded(answers, "ana", i => [i < 2 ? Funding : other]);
        var second = Coded(answers, "ben", i => [i < 2 ? Funding : other]).Append(new ThemeCodingRow(Guid.NewGuid(), Funding, "ben")).ToList();

        var funding = Assert.Single(Agreement.PerTheme([Funding], [.. first, .. second]));

        Assert.Equal(4, funding.Answers);
        Assert.Equal(1m, funding.Kappa);
    }

    [Fact]
    public void Analysts_who_coded_no_answer_in_common_have_no_agreement()
    {
        var first = new ThemeCodingRow(Guid.NewGuid(), Funding, "ana");
        var second = new ThemeCodingRow(Guid.NewGuid(), Funding, "ben");
        Assert.Empty(Agreement.PerTheme([Funding], [first, second]));
    }
}
