using Cadre.Core.Register;
using Cadre.Core.Surveys;

namespace Cadre.Data.Surveys;

/// <summary>What a person gives to define a survey; the population is from the register or entered by group.</summary>
public sealed record SurveyDefinition(Guid OrganisationId, string Title, DateOnly OpenedOn, DateOnly ClosedOn, IReadOnlyList<QuestionSpec> Questions,
    RegisterPopulationFilter? FromRegister, IReadOnlyList<PopulationGroup> Entered, string? EnteredDescription,
    string? CompareHeading = null, string? CompareAnswer = null, TrainingProgramme? CompareProgramme = null);

/// <summary>Saves a new survey, its questions and population in one save (audited); refuses with field-named problems.</summary>
public sealed class SurveyDefinitions(CadreDbContext db, TimeProvider clock)
{
    public sealed record Outcome(Survey? Survey, IReadOnlyList<(string Field, string Message)> Problems);

    public async Task<Outcome> DefineAsync(SurveyDefinition d, string who, CancellationToken cancel = default)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(d.Title)) problems.Add(("Title", "Enter the survey's title"));
        else if (d.Title.Trim().Length > Survey.TitleLength) problems.Add(("Title", $"The title must be {Survey.TitleLength} characters or fewer"));
        if (d.ClosedOn < d.OpenedOn) problems.Add(("ClosedOn", "The closing date must be the same as or after the opening date"));
        if (d.Questions.Any(q => q.Heading.Length > SurveyQuestion.HeadingLength)) problems.Add(("Questions", $"Column headings must be {SurveyQuestion.HeadingLength} characters or fewer"));
        var questions = d.Questions.ToList();
        if (!string.IsNullOrWhiteSpace(d.CompareHeading))
        {
            var i = questions.FindIndex(q => string.Equals(q.Heading, d.CompareHeading.Trim(), StringComparison.OrdinalIgnoreCase));
            if (i < 0) problems.Add(("CompareHeading", $"No question has the column heading '{d.CompareHeading.Trim()}'"));
            else if (questions[i].Kind is not (QuestionKind.SingleChoice or QuestionKind.MultipleChoice)) problems.Add(("CompareHeading", "Only a choice question can be compared with the register"));
            else if (d.CompareProgramme is null) problems.Add(("CompareProgramme", "Select the training programme whose withdrawal the question asks about"));
            else if (!questions[i].Options.Contains(d.CompareAnswer?.Trim() ?? "", StringComparer.OrdinalIgnoreCase)) problems.Add(("CompareAnswer", $"Enter one of the question's choices: {string.Join(", ", questions[i].Options)}"));
            else questions[i] = questions[i] with { WithdrawalFrom = d.CompareProgramme, WithdrawalAnswer = questions[i].Options.First(o => string.Equals(o, d.CompareAnswer!.Trim(), StringComparison.OrdinalIgnoreCase)) };
        }
        if (problems.Count > 0) return new(null, problems);

        IReadOnlyList<PopulationGroup> groups;
        string description;
        if (d.FromRegister is { } filter) (groups, description) = await SurveyPopulation.FromRegisterAsync(db, d.OrganisationId, filter, cancel);
        else (groups, description) = (d.Entered, string.IsNullOrWhiteSpace(d.EnteredDescription) ? "Population entered by group" : d.EnteredDescription.Trim());

        var survey = new Survey
        {
            OrganisationId = d.OrganisationId, Title = d.Title.Trim(), OpenedOn = d.OpenedOn, ClosedOn = d.ClosedOn,
            PopulationSource = d.FromRegister is null ? PopulationSource.Entered : PopulationSource.Register,
            PopulationDescription = description.Length > 500 ? description[..500] : description, PopulationOn = d.FromRegister?.On,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = who,
        };
        db.Surveys.Add(survey);
        for (var n = 0; n < questions.Count; n++)
        {
            var q = questions[n];
            db.SurveyQuestions.Add(new SurveyQuestion
            {
                Id = q.Id, OrganisationId = d.OrganisationId, SurveyId = survey.Id, Number = n + 1, Heading = q.Heading, Text = q.Text, Kind = q.Kind,
                Options = string.Join('\n', q.Options), ScaleFrom = q.ScaleFrom, ScaleTo = q.ScaleTo, WithdrawalFrom = q.WithdrawalFrom, WithdrawalAnswer = q.WithdrawalAnswer,
            });
        }
        foreach (var g in groups)
            db.SurveyPopulationGroups.Add(new SurveyPopulationGroup { OrganisationId = d.OrganisationId, SurveyId = survey.Id, Dimension = g.Dimension, Group = g.Group, Count = g.Count });
        await db.SaveChangesAsync(cancel);
        return new(survey, []);
    }

    /// <summary>Adds a theme to a survey's codebook (a parent must be a theme of the same survey).</summary>
    public async Task<(SurveyTheme? Theme, string? Problem)> AddThemeAsync(Guid surveyId, string name, string? definition, Guid? parentId, CancellationToken cancel = default)
    {
        var survey = await db.Surveys.FindAsync([surveyId], cancel);
        if (survey is null) return (null, "The survey was not found");
        if (string.IsNullOrWhiteSpace(name)) return (null, "Enter the theme's name");
        if (name.Trim().Length > SurveyTheme.NameLength) return (null, $"The name must be {SurveyTheme.NameLength} characters or fewer");
        var existing = db.SurveyThemes.Where(t => t.SurveyId == surveyId).Select(t => new { t.Id, t.Name }).ToList();
        if (existing.Any(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))) return (null, $"The codebook already has a theme called '{name.Trim()}'");
        if (parentId is { } p && existing.All(t => t.Id != p)) return (null, "The parent theme is not in this survey's codebook");
        var theme = new SurveyTheme { OrganisationId = survey.OrganisationId, SurveyId = surveyId, Name = name.Trim(), Definition = definition?.Trim() ?? "", ParentId = parentId };
        db.SurveyThemes.Add(theme);
        await db.SaveChangesAsync(cancel);
        return (theme, null);
    }
}
