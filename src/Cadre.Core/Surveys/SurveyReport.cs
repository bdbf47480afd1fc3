using Cadre.Core.Intelligence;
using Cadre.Core.Register;
using static Cadre.Core.Intelligence.ReportTables;

namespace Cadre.Core.Surveys;

/// <summary>One answer to one question (free text is personal data: the report reads only which answers exist and how they were coded).</summary>
public sealed record AnswerRow(Guid Id, Guid ResponseId, Guid QuestionId, string Value);

/// <summary>A quote an analyst chose as an exemplar of a theme: the only free text a report shows.</summary>
public sealed record QuoteRow(Guid ThemeId, string Text);

/// <summary>Everything a survey's report is built from.</summary>
public sealed record SurveyFigures
{
    public required string Title { get; init; }
    public required string Covers { get; init; }
    public required DateOnly On { get; init; }
    public IReadOnlyList<PopulationGroup> Population { get; init; } = [];
    public IReadOnlyList<Respondent> Respondents { get; init; } = [];
    public IReadOnlyList<QuestionSpec> Questions { get; init; } = [];
    public IReadOnlyList<AnswerRow> Answers { get; init; } = [];
    /// <summary>The register's training enrolments the reader may see, for the figures a question is compared with.</summary>
    public IReadOnlyList<EnrolmentRow> Enrolments { get; init; } = [];
    public IReadOnlyList<ThemeSpec> Themes { get; init; } = [];
    public IReadOnlyList<ThemeCodingRow> Codings { get; init; } = [];
    public IReadOnlyList<QuoteRow> Quotes { get; init; } = [];
}

/// <summary>
/// A survey's report: response rates by specialism, band and region against the population it went to, rates reported
/// by respondents beside the register's own, theme frequencies, analysts' agreement and chosen quotes. Always under
/// disclosure control, with complementary suppression over the whole report, because survey results are made to be
/// shared and a count of 1 to 4 respondents in a specialism can point at a person (docs/decisions/surveys.md).
/// </summary>
public static class SurveyReport
{
    public const string Kind = "survey";
    public const string NotKnown = "not known";
    public const string AllRespondents = "All respondents";

    public static Report Build(SurveyFigures f) => Build(f, control: true);

    /// <param name="control">Always true for readers; false only to test what control hid against the true figures.</param>
    public static Report Build(SurveyFigures f, bool control)
    {
        var relations = new List<Relation>();
        var total = new Quantity(f.Respondents.Count);
        var tables = new List<TableDraft>
        {
            Rates(f, PopulationDimension.Specialism, SurveyMeasures.RateBySpecialism, r => r.Specialism, total, relations),
            Rates(f, PopulationDimension.Band, SurveyMeasures.RateByBand, r => r.Band, total, relations),
            Rates(f, PopulationDimension.Region, SurveyMeasures.RateByRegion, r => r.Region, total, relations),
        };
        if (Comparisons(f, relations) is { } compared) tables.Add(compared);
        if (f.Themes.Count > 0)
        {
            var specialism = Spelling(f, PopulationDimension.Specialism, r => r.Specialism);
            var band = Spelling(f, PopulationDimension.Band, r => r.Band);
            tables.Add(Themes(f, SurveyMeasures.ThemesBySpecialism, "Specialism", r => specialism[GroupKey(PopulationDimension.Specialism, r.Specialism)], relations));
            tables.Add(Themes(f, SurveyMeasures.ThemesByBand, "Band", r => band[GroupKey(PopulationDimension.Band, r.Band)], relations));
            if (AgreementTable(f) is { } agreement) tables.Add(agreement);
            tables.Add(Quotes(f));
        }
        return Publish(Kind, f.Title, f.Covers, f.On, control, tables, relations);
    }

    /// <summary>
    /// The label a group is shown and matched by: a band in its written form ("Band 8a") however it was typed, any
    /// other group as first written; nothing stated is "Not stated".
    /// </summary>
    public static string GroupKey(PopulationDimension dimension, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || AnswerCheck.IsNotStated(value)) return SurveyWords.NotStated;
        if (dimension == PopulationDimension.Band && PayBand.TryParse(value, out var band)) return band.Value.Label;
        return value.Trim();
    }

    /// <summary>Each group as the rates table spells it: the population's spelling first, else the first respondent's.</summary>
    private static Dictionary<string, string> Spelling(SurveyFigures f, PopulationDimension dimension, Func<Respondent, string?> of)
    {
        var spelling = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in f.Population.Where(p => p.Dimension == dimension).Select(p => GroupKey(dimension, p.Group)).Concat(f.Respondents.Select(r => GroupKey(dimension, of(r)))))
            spelling.TryAdd(key, key);
        return spelling;
    }

    private static int BandOrder(string key) => PayBand.TryParse(key, out var b) ? b.Value.Rank : int.MaxValue;

    private static TableDraft Rates(SurveyFigures f, PopulationDimension dimension, Measure measure, Func<Respondent, string?> of, Quantity total, List<Relation> relations)
    {
        var comparer = StringComparer.OrdinalIgnoreCase;
        var population = f.Population.Where(p => p.Dimension == dimension)
            .GroupBy(p => GroupKey(dimension, p.Group), comparer).ToDictionary(g => g.Key, g => g.Sum(p => p.Count), comparer);
        var responses = f.Respondents.GroupBy(r => GroupKey(dimension, of(r)), comparer).ToDictionary(g => g.Key, g => g.Count(), comparer);
        var keys = population.Keys.Concat(responses.Keys).Distinct(comparer).ToList();
        keys = keys.OrderBy(k => k == SurveyWords.NotStated)
            .ThenBy(k => dimension == PopulationDimension.Band ? BandOrder(k) : 0)
            .ThenBy(k => k, comparer).ToList();

        var rows = new List<IReadOnlyList<Cell>>();
        var responseParts = new List<Quantity>();
        var populationParts = new List<Quantity>();
        foreach (var key in keys)
        {
            var answered = new Quantity(responses.GetValueOrDefault(key));
            responseParts.Add(answered);
            if (population.TryGetValue(key, out var count))
            {
                var sent = new Quantity(count);
                populationParts.Add(sent);
                rows.Add(Row(key, Figure.Count(sent), Figure.Count(answered), Figure.Share(answered, sent)));
            }
            else rows.Add(Row(key, NotKnown, Figure.Count(answered), Disclosure.NotApplicable));
        }
        relations.Add(Relation.Sum(total, responseParts));
        if (population.Count > 0)
        {
            var sentAll = new Quantity(population.Values.Sum());
            relations.Add(Relation.Sum(sentAll, populationParts));
            // The whole survey's rate is of those whose group is known on both sides; respondents of no listed group are in the count.
            rows.Add(Row(AllRespondents, Figure.Count(sentAll), Figure.Count(total), Figure.Share(total, sentAll)));
        }
        else rows.Add(Row(AllRespondents, NotKnown, Figure.Count(total), Disclosure.NotApplicable));

        var label = SurveyWords.Dimension(dimension);
        return new TableDraft(measure.Id, $"Response rate by {label.ToLowerInvariant()}", [label, "Population", "Responses", "Response rate (%)"], rows,
            population.Count == 0 ? $"The population is not known by {label.ToLowerInvariant()}, so no rate can be given; responses are shown." : null,
            new ReportChart("bar", 0, [3])) { Parts = PartLines.Columns, TotalRow = rows.Count - 1 };
    }

    private static TableDraft? Comparisons(SurveyFigures f, List<Relation> relations)
    {
        var linked = f.Questions.Where(q => q.WithdrawalFrom is not null && !string.IsNullOrWhiteSpace(q.WithdrawalAnswer)).ToList();
        if (linked.Count == 0) return null;
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var q in linked)
        {
            var programme = q.WithdrawalFrom!.Value;
            var answers = f.Answers.Where(a => a.QuestionId == q.Id).ToList();
            var answered = new Quantity(answers.Count);
            var gave = new Quantity(answers.Count(a => Gives(q, a.Value)));
            relations.Add(Relation.Sum(answered, gave, new Quantity(answered.Value - gave.Value)));
            // The register's figure is the profession report's own (INTEL-TRN-02), so the two pages cannot disagree.
            var mine = f.Enrolments.Where(e => e.Programme == programme).ToList();
            var (row, recorded, completed, withdrawn) = ProfessionReport.WithdrawalRow(mine, programme);
            relations.Add(Relation.Sum(recorded, completed, withdrawn, new Quantity(recorded.Value - completed.Value - withdrawn.Value)));
            rows.Add(Row(q.Text, $"Withdrawal from {ReportWords.Programme(programme)}", Figure.Count(answered), Figure.Count(gave), Figure.Share(gave, answered),
                Figure.Count(recorded), Figure.Count(withdrawn), row[4]));
        }
        return new TableDraft(SurveyMeasures.ReportedAgainstRecorded.Id, "Reported by respondents against recorded in the register",
            ["Question", "Compared with", "Answered", "Gave the answer", "Reported (%)", "Enrolments recorded", "Withdrawn", "Recorded (%)"], rows,
            "Why they differ: only those who chose to answer are counted, and people who withdrew may have been more (or less) ready to answer than those who did not (non-response bias); "
            + "the survey may also have reached people beyond the organisations whose register is counted, and the register counts only the enrolments recorded in it. "
            + "Read a reported rate with the response rate beside it.") { Parts = PartLines.None };
    }

    private static bool Gives(QuestionSpec q, string value) => q.Kind == QuestionKind.MultipleChoice
        ? value.Split(AnswerCheck.ChoiceSeparator, StringSplitOptions.TrimEntries).Contains(q.WithdrawalAnswer!.Trim(), StringComparer.OrdinalIgnoreCase)
        : string.Equals(value.Trim(), q.WithdrawalAnswer!.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A theme's name as the tables show it: under its parent, "Parent: Child".</summary>
    public static string ThemeName(ThemeSpec theme, IReadOnlyList<ThemeSpec> all) =>
        theme.ParentId is { } p && all.FirstOrDefault(t => t.Id == p) is { } parent ? $"{parent.Name}: {theme.Name}" : theme.Name;

    private static IEnumerable<ThemeSpec> InOrder(IReadOnlyList<ThemeSpec> themes) =>
        themes.OrderBy(t => ThemeName(t, themes), StringComparer.OrdinalIgnoreCase);

    private static TableDraft Themes(SurveyFigures f, Measure measure, string label, Func<Respondent, string> groupOf, List<Relation> relations)
    {
        var answers = f.Answers.ToDictionary(a => a.Id, a => a.ResponseId);
        var respondents = f.Respondents.ToDictionary(r => r.ResponseId);
        var coded = f.Codings.Where(c => answers.ContainsKey(c.AnswerId)).Select(c => (c.ThemeId, Respondent: respondents[answers[c.AnswerId]])).Distinct().ToList();
        var comparer = StringComparer.OrdinalIgnoreCase;
        var groups = coded.Select(c => groupOf(c.Respondent)).Distinct(comparer)
            .OrderBy(k => k == SurveyWords.NotStated).ThenBy(BandOrder).ThenBy(k => k, comparer).ToList();
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var theme in InOrder(f.Themes))
        {
            var mine = coded.Where(c => c.ThemeId == theme.Id).Select(c => c.Respondent).ToList();
            var parts = groups.Select(g => new Quantity(mine.Count(r => comparer.Equals(groupOf(r), g)))).ToList();
            var all = new Quantity(mine.Count);
            relations.Add(Relation.Sum(all, parts));
            rows.Add(Row([ThemeName(theme, f.Themes), .. parts.Select(p => (Cell)Figure.Count(p)), Figure.Count(all)]));
        }
        return new TableDraft(measure.Id, $"Themes in free-text answers by {label.ToLowerInvariant()}", ["Theme", .. groups, "All respondents"], rows,
            "Respondents whose answers were coded with the theme; a respondent may raise several themes, so a column does not add up to the respondents.",
            new ReportChart("bar", 0, [groups.Count + 1])) { Parts = PartLines.Rows, TotalColumn = groups.Count + 1 };
    }

    private static TableDraft? AgreementTable(SurveyFigures f)
    {
        var agreement = Agreement.PerTheme(InOrder(f.Themes).Select(t => t.Id), f.Codings.ToList());
        if (agreement.Count == 0) return null;
        var names = f.Themes.ToDictionary(t => t.Id, t => ThemeName(t, f.Themes));
        var rows = agreement.Select(a => Row(names[a.ThemeId], $"{a.FirstAnalyst} and {a.SecondAnalyst}", a.Answers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Kappa says how analysts agree, not how many people said what, so it carries no count to protect.
            (Cell)new Figure(FigureKind.Ratio, a.KappaShown, []))).ToList();
        return new TableDraft(SurveyMeasures.Agreement.Id, "Agreement between analysts", ["Theme", "Analysts", "Answers both coded", "Cohen's kappa"], rows,
            "Kappa 1 is full agreement and 0 no more than chance; n/a where both analysts gave the theme to every answer or to none.") { Parts = PartLines.None };
    }

    private static TableDraft Quotes(SurveyFigures f)
    {
        var names = f.Themes.ToDictionary(t => t.Id, t => ThemeName(t, f.Themes));
        var rows = f.Quotes.Where(q => names.ContainsKey(q.ThemeId)).OrderBy(q => names[q.ThemeId], StringComparer.OrdinalIgnoreCase)
            .Select(q => Row(names[q.ThemeId], q.Text)).ToList();
        return new TableDraft("quotes", "Quotes chosen for each theme", ["Theme", "Quote"], rows,
            "Only quotes an analyst chose are shown; other free-text answers stay with the analysts.") { Parts = PartLines.None };
    }
}
