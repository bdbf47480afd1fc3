using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Surveys;

/// <summary>
/// An analyst's coding of free-text answers: set the themes of one answer (replacing that analyst's earlier choice, so
/// two analysts code independently for their agreement to mean anything), and choose or drop a quote. Each change is a
/// saved record, audited by the save interceptor.
/// </summary>
public sealed class ThematicCoding(CadreDbContext db, TimeProvider clock)
{
    public async Task<bool> SetThemesAsync(Guid surveyId, Guid answerId, string analyst, IReadOnlyCollection<Guid> themeIds, CancellationToken cancel = default)
    {
        var answer = await db.SurveyAnswers.FirstOrDefaultAsync(a => a.Id == answerId && a.SurveyId == surveyId, cancel);
        if (answer is null) return false;
        var themes = await db.SurveyThemes.Where(t => t.SurveyId == surveyId && themeIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancel);
        var mine = await db.SurveyCodings.Where(c => c.AnswerId == answerId && c.Analyst == analyst).ToListAsync(cancel);
        db.SurveyCodings.RemoveRange(mine.Where(c => !themes.Contains(c.ThemeId)));
        foreach (var theme in themes.Where(t => mine.All(c => c.ThemeId != t)))
            db.SurveyCodings.Add(new SurveyCoding
            {
                OrganisationId = answer.OrganisationId, SurveyId = surveyId, AnswerId = answerId, ThemeId = theme, Analyst = analyst,
                CodedAt = clock.GetUtcNow().UtcDateTime,
            });
        await db.SaveChangesAsync(cancel);
        return true;
    }

    /// <summary>Choose (or stop choosing) an answer as a quote for a theme the analyst coded it with.</summary>
    public async Task<bool> SetQuoteAsync(Guid surveyId, Guid answerId, Guid themeId, string analyst, bool quote, CancellationToken cancel = default)
    {
        var coding = await db.SurveyCodings.FirstOrDefaultAsync(c => c.SurveyId == surveyId && c.AnswerId == answerId && c.ThemeId == themeId && c.Analyst == analyst, cancel);
        if (coding is null) return false;
        coding.Quote = quote;
        await db.SaveChangesAsync(cancel);
        return true;
    }
}
