using Cadre.Core.Intelligence;
using Cadre.Core.Register;
using Cadre.Core.Surveys;
using Cadre.Core.Tests.Intelligence;

namespace Cadre.Core.Tests.Surveys;

/// <summary>A survey's report on figures worked by hand: response rates, the small-number rule with complementary suppression, reported against recorded, themes.</summary>
public sealed class SurveyReportTests
{
    private static readonly QuestionSpec Withdrew = new(Guid.NewGuid(), "Withdrew", "Have you withdrawn from HSST?", QuestionKind.SingleChoice, ["Yes", "No"],
        WithdrawalFrom: TrainingProgramme.Hsst, WithdrawalAnswer: "Yes");
    private static readonly QuestionSpec Why = new(Guid.NewGuid(), "Why", "What would have helped?", QuestionKind.FreeText, []);
    private static readonly ThemeSpec Funding = new(Guid.NewGuid(), "Funding", "Money for posts and places", null);
    private static readonly ThemeSpec Supervision = new(Guid.NewGuid(), "Supervision", "Time with a supervisor", null);

    /// <summary>
    /// 26 respondents: Radiotherapy Physics 17, Nuclear Medicine 6, Clinical Engineering 3; bands 7: 10, 8a: 9, 8b: 7;
    /// England 20, Wales 6. Population: specialisms 40, 20, 12 (72); bands 30, 25, 17.
    /// </summary>
    internal static SurveyFigures Figures()
    {
        var specialisms = Enumerable.Repeat("Radiotherapy Physics", 17).Concat(Enumerable.Repeat("nuclear medicine", 6)).Concat(Enumerable.Repeat("Clinical Engineering", 3)).ToList();
        var bands = Enumerable.Repeat("7", 10).Concat(Enumerable.Repeat("8a", 9)).Concat(Enumerable.Repeat("8b", 7)).ToList();
        var respondents = specialisms.Select((s, i) => new Respondent(Guid.NewGuid(), s, bands[i], i < 20 ? "England" : "Wales")).ToList();
        var answers = new List<AnswerRow>();
        // 19 answered the withdrawal question, 8 of them Yes (42.1%).
        for (var i = 0; i < 19; i++) answers.Add(new(Guid.NewGuid(), respondents[i].ResponseId, Withdrew.Id, i < 8 ? "Yes" : "No"));
        // Free text from every respondent; Funding given to 6 in Radiotherapy Physics (0-5) and 5 in Nuclear Medicine (17-21);
        // Supervision to 7 in Radiotherapy Physics (6-12) and 1 in Nuclear Medicine (22).
        var text = respondents.Select(r => new AnswerRow(Guid.NewGuid(), r.ResponseId, Why.Id, "")).ToList();
        answers.AddRange(text);
        var codings = new List<ThemeCodingRow>();
        foreach (var i in Enumerable.Range(0, 6).Concat(Enumerable.Range(17, 5))) codings.Add(new(text[i].Id, Funding.Id, "ana"));
        foreach (var i in Enumerable.Range(6, 7).Append(22)) codings.Add(new(text[i].Id, Supervision.Id, "ana"));
        // A second analyst coded the first six answers too, as the first did (so counts of respondents do not change).
        foreach (var i in Enumerable.Range(0, 6)) codings.Add(new(text[i].Id, Funding.Id, "ben"));
        // HSST in the register: 30 enrolments, 10 completed, 5 withdrawn (16.7%), 15 active.
        var enrolments = Enumerable.Range(0, 30).Select(i => new EnrolmentRow(Guid.NewGuid(), TrainingProgramme.Hsst, "Medical Physics", new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1),
            i < 10 ? TrainingStatus.Completed : i < 15 ? TrainingStatus.Withdrawn : TrainingStatus.Active, StudyMode.FullTime)).ToList();
        return new SurveyFigures
        {
            Title = "HSST survey", Covers = "Trust A", On = new DateOnly(2026, 12, 1),
            Population =
            [
                new(PopulationDimension.Specialism, "Radiotherapy Physics", 40), new(PopulationDimension.Specialism, "Nuclear Medicine", 20),
                new(PopulationDimension.Specialism, "Clinical Engineering", 12),
                new(PopulationDimension.Band, "7", 30), new(PopulationDimension.Band, "Band 8a", 25), new(PopulationDimension.Band, "8b", 17),
            ],
            Respondents = respondents, Questions = [Withdrew, Why], Answers = answers, Enrolments = enrolments,
            Themes = [Funding, Supervision], Codings = codings, Quotes = [new(Funding.Id, "Fund the training posts properly.")],
        };
    }

    private static IReadOnlyList<object?> RowOf(Report report, string table, string first) => report.Table(table).Rows.Single(r => Equals(r[0], first));

    [Fact]
    public void Response_rates_are_of_the_population_with_small_counts_and_their_complements_hidden()
    {
        var report = SurveyReport.Build(Figures());

        Assert.True(report.DisclosureControlled);
        Assert.Equal(["Radiotherapy Physics", 40, 17, 42.5m], RowOf(report, "INTEL-SUR-01", "Radiotherapy Physics"));
        // "nuclear medicine" as respondents typed it is the population's "Nuclear Medicine": 6 of 20.
        Assert.Equal(["Nuclear Medicine", 20, 6, 30.0m], RowOf(report, "INTEL-SUR-01", "Nuclear Medicine"));
        // 3 respondents: hidden, and so is their rate.
        Assert.Equal(["Clinical Engineering", 12, "*", "*"], RowOf(report, "INTEL-SUR-01", "Clinical Engineering"));
        // The column's one hidden count would come back as the total less the others, so the total is hidden too.
        Assert.Equal([SurveyReport.AllRespondents, 72, "*", "*"], RowOf(report, "INTEL-SUR-01", SurveyReport.AllRespondents));
        Assert.Equal(["Band 8a", 25, 9, 36.0m], RowOf(report, "INTEL-SUR-02", "Band 8a"));
        // No population by region: responses without a rate.
        Assert.Equal("not known", RowOf(report, "INTEL-SUR-03", "Wales")[1]);
        Assert.Equal("n/a", RowOf(report, "INTEL-SUR-03", "Wales")[3]);
        Assert.Empty(RecoveryChecker.Recover(report));
    }

    [Fact]
    public void Without_control_the_figures_are_the_hand_worked_ones()
    {
        var report = SurveyReport.Build(Figures(), control: false);
        Assert.Equal(["Clinical Engineering", 12, 3, 25.0m], RowOf(report, "INTEL-SUR-01", "Clinical Engineering"));
        // 26 of 72 = 36.11… → 36.1%.
        Assert.Equal([SurveyReport.AllRespondents, 72, 26, 36.1m], RowOf(report, "INTEL-SUR-01", SurveyReport.AllRespondents));
        Assert.Equal(["Wales", "not known", 6, "n/a"], RowOf(report, "INTEL-SUR-03", "Wales"));
    }

    [Fact]
    public void A_rate_reported_by_respondents_stands_beside_the_registers_own_figure_with_why_they_differ()
    {
        var f = Figures();
        var report = SurveyReport.Build(f);
        // 8 of 19 = 42.1% reported; the register: 5 withdrawn of 30 = 16.7%.
        Assert.Equal(["Have you withdrawn from HSST?", "Withdrawal from HSST", 19, 8, 42.1m, 30, 5, 16.7m], RowOf(report, "INTEL-SUR-04", "Have you withdrawn from HSST?"));
        Assert.Contains("non-response bias", report.Table("INTEL-SUR-04").Note);
        // One definition: the professional body view gives the same recorded figure from the same register.
        var profession = ProfessionReport.Build(new WorkforceSnapshot { On = f.On, Enrolments = f.Enrolments });
        Assert.Equal(16.7m, RowOf(profession, "INTEL-TRN-02", "HSST")[4]);
    }

    [Fact]
    public void Theme_frequencies_count_respondents_under_the_same_control_and_only_chosen_quotes_are_shown()
    {
        var report = SurveyReport.Build(Figures());
        var themes = report.Table("INTEL-SUR-05");
        Assert.Equal(["Theme", "Nuclear Medicine", "Radiotherapy Physics", "All respondents"], themes.Columns);
        Assert.Equal(["Funding", 5, 6, 11], RowOf(report, "INTEL-SUR-05", "Funding"));
        // Supervision: 1 in Nuclear Medicine is hidden, and the row's total with it (7 + 1 would give it back).
        Assert.Equal(["Supervision", "*", 7, "*"], RowOf(report, "INTEL-SUR-05", "Supervision"));
        Assert.Equal([["Funding", "Fund the training posts properly."]], report.Table("quotes").Rows.Select(r => r.ToArray()));
        Assert.Empty(RecoveryChecker.Recover(report));
    }
}
