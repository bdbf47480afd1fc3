using Cadre.Core.Intelligence;
using Cadre.Core.Surveys;
using Cadre.Data.Intelligence;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Surveys;

/// <summary>Reads a survey's figures through the reader's context, so the organisation filters decide what it holds.</summary>
public static class SurveyQueries
{
    public static Task<Survey?> FindAsync(CadreDbContext db, Guid id, CancellationToken cancel = default) =>
        db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancel);

    public static async Task<IReadOnlyList<ThemeSpec>> ThemesAsync(CadreDbContext db, Guid surveyId, CancellationToken cancel = default) =>
        (await db.SurveyThemes.AsNoTracking().Where(t => t.SurveyId == surveyId).ToListAsync(cancel))
            .Select(t => new ThemeSpec(t.Id, t.Name, t.Definition, t.ParentId)).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// Everything the report needs. Free-text answers are read without their words (only which answers exist), and the
    /// only free text read is the quotes analysts chose.
    /// </summary>
    public static async Task<SurveyFigures> FiguresAsync(CadreDbContext db, Survey survey, DateOnly today, CancellationToken cancel = default)
    {
        var questions = (await db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == survey.Id).OrderBy(q => q.Number).ToListAsync(cancel)).Select(q => q.Spec).ToList();
        var freeText = questions.Where(q => q.Kind == QuestionKind.FreeText).Select(q => q.Id).ToList();
        var linked = questions.Where(q => q.WithdrawalFrom is not null).Select(q => q.Id).ToList();
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.SurveyId == survey.Id && (freeText.Contains(a.QuestionId) || linked.Contains(a.QuestionId)))
            .Select(a => new AnswerRow(a.Id, a.ResponseId, a.QuestionId, linked.Contains(a.QuestionId) ? a.Value : "")).ToListAsync(cancel);
        var codings = await db.SurveyCodings.AsNoTracking().Where(c => c.SurveyId == survey.Id).Select(c => new { c.AnswerId, c.ThemeId, c.Analyst, c.Quote }).ToListAsync(cancel);
        var quoteIds = codings.Where(c => c.Quote).Select(c => c.AnswerId).Distinct().ToList();
        var quoteText = await db.SurveyAnswers.AsNoTracking().Where(a => quoteIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Value, cancel);
        var enrolments = linked.Count == 0 ? []
            : (await WorkforceSnapshotQuery.BuildAsync(db, today, survey.OrganisationId, checkCoding: false, cancel: cancel)).Enrolments;
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == survey.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancel) ?? "";
        return new SurveyFigures
        {
            Title = survey.Title,
            Covers = $"{organisation}; {survey.PopulationDescription}; open {survey.OpenedOn:d MMMM yyyy} to {survey.ClosedOn:d MMMM yyyy}",
            On = today,
            Population = await db.SurveyPopulationGroups.AsNoTracking().Where(g => g.SurveyId == survey.Id).Select(g => new PopulationGroup(g.Dimension, g.Group, g.Count)).ToListAsync(cancel),
            Respondents = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).OrderBy(r => r.FileName).ThenBy(r => r.RowNumber)
                .Select(r => new Respondent(r.Id, r.Specialism, r.Band, r.Region)).ToListAsync(cancel),
            Questions = questions,
            Answers = answers,
            Enrolments = enrolments,
            Themes = await ThemesAsync(db, survey.Id, cancel),
            Codings = codings.Select(c => new ThemeCodingRow(c.AnswerId, c.ThemeId, c.Analyst)).ToList(),
            Quotes = codings.Where(c => c.Quote).Select(c => new QuoteRow(c.ThemeId, quoteText[c.AnswerId])).Distinct().ToList(),
        };
    }

    /// <summary>A free-text answer as analysts see it (never shown to roles that may not see people).</summary>
    public sealed record FreeTextAnswer(Guid Id, Guid ResponseId, int Row, string File, string Question, string Text, string? Specialism, string? Band, string? Region);

    public static async Task<(IReadOnlyList<FreeTextAnswer> Page, int Total)> FreeTextAsync(CadreDbContext db, Guid surveyId, int skip, int take, CancellationToken cancel = default)
    {
        var query = FreeText(db, surveyId);
        return (await query.Skip(skip).Take(take).ToListAsync(cancel), await query.CountAsync(cancel));
    }

    public static Task<List<FreeTextAnswer>> AllFreeTextAsync(CadreDbContext db, Guid surveyId, CancellationToken cancel = default) =>
        FreeText(db, surveyId).ToListAsync(cancel);

    private static IQueryable<FreeTextAnswer> FreeText(CadreDbContext db, Guid surveyId) =>
        from a in db.SurveyAnswers.AsNoTracking()
        join q in db.SurveyQuestions.AsNoTracking() on a.QuestionId equals q.Id
        join r in db.SurveyResponses.AsNoTracking() on a.ResponseId equals r.Id
        where a.SurveyId == surveyId && q.Kind == QuestionKind.FreeText
        orderby r.FileName, r.RowNumber, q.Number
        select new FreeTextAnswer(a.Id, r.Id, r.RowNumber, r.FileName, q.Heading, a.Value, r.Specialism, r.Band, r.Region);
}
