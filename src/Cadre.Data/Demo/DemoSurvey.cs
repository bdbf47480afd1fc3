using Cadre.Core.Register;
using Cadre.Core.Surveys;
using Cadre.Data.Surveys;

namespace Cadre.Data.Demo;

/// <summary>
/// A survey of the demo trust's Medical Physics staff on higher specialist training, in the manner of the IPEM Workforce
/// Intelligence Unit's HSST survey: population counted from the register, responses from a few services (one with too
/// few to show), a withdrawal question compared with the register, and free text with a small codebook, some of it
/// coded and one quote chosen. Fictional, like the rest of the demo.
/// </summary>
public static class DemoSurvey
{
    public const string Title = "Higher specialist training survey 2026";

    private static readonly string[] Answers =
    [
        "Protected time for study was the first thing cut when the department was short.",
        "There was no funded post at the end, so finishing felt pointless.",
        "My supervisor left in year two and nobody replaced them.",
        "Funding for the doctoral part came late and I paid fees myself.",
        "Good supervision, but the service could not release me for study days.",
        "I could not see a consultant post I could apply for afterwards.",
        "Travel to the university on top of clinical work was too much.",
        "More study time and a named supervisor would have kept me on the programme.",
    ];

    private static readonly (string Service, string Band, string Region, int Count)[] Respondents =
    [
        ("Radiotherapy Physics", "7", "North West", 6), ("Radiotherapy Physics", "8a", "North West", 5), ("Radiotherapy Physics", "8b", "Wales", 3),
        ("Nuclear Medicine and Radiopharmacy", "7", "North West", 4), ("Nuclear Medicine and Radiopharmacy", "8a", "North West", 3),
        ("Imaging Physics and Vascular Laboratory", "7", "North West", 5), ("Imaging Physics and Vascular Laboratory", "Not stated", "Wales", 2),
        ("Radiation Protection Service", "8a", "North West", 2),
    ];

    public static async Task AddAsync(CadreDbContext db, Guid organisationId, CancellationToken cancel)
    {
        var (questions, _) = DefinitionText.Questions(
            "Programme | single | Which programme are you on or were you on? | STP; HSST; Neither\n" +
            "Withdrew | single | Have you withdrawn from HSST? | Yes; No\n" +
            "Support | scale 1-5 | How well supported did you feel by your department?\n" +
            "Helped | free text | What would have helped you most?");
        var outcome = await new SurveyDefinitions(db, TimeProvider.System).DefineAsync(new SurveyDefinition(organisationId, Title,
            new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), questions,
            new RegisterPopulationFilter(DemoOrganisations.AsAt, 'H', PayBand.Band6, PayBand.Band9), [], null, "Withdrew", "Yes", TrainingProgramme.Hsst), "Demo", cancel);
        var survey = outcome.Survey!;
        var byHeading = questions.ToDictionary(q => q.Heading);
        var n = 0;
        var freeText = new List<SurveyAnswer>();
        foreach (var (service, band, region, count) in Respondents)
            for (var i = 0; i < count; i++, n++)
            {
                var response = new SurveyResponse { OrganisationId = organisationId, SurveyId = survey.Id, FileName = "hsst-survey-2026.csv", RowNumber = n + 2,
                    Specialism = service, Band = band == "Not stated" ? null : band, Region = region };
                db.SurveyResponses.Add(response);
                void Answer(string heading, string value, List<SurveyAnswer>? keep = null)
                {
                    var a = new SurveyAnswer { OrganisationId = organisationId, SurveyId = survey.Id, ResponseId = response.Id, QuestionId = byHeading[heading].Id, Value = value };
                    db.SurveyAnswers.Add(a);
                    keep?.Add(a);
                }
                var hsst = n % 3 != 0;
                Answer("Programme", hsst ? "HSST" : "STP");
                // 8 of the 20 HSST respondents report withdrawing (40%): far above what the register records, as in the IPEM survey.
                if (hsst) Answer("Withdrew", n % 9 < 4 ? "Yes" : "No");
                Answer("Support", (1 + n % 5).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (n % 2 == 0) Answer("Helped", Answers[n / 2 % Answers.Length], freeText);
            }
        await db.SaveChangesAsync(cancel);

        var definitions = new SurveyDefinitions(db, TimeProvider.System);
        var barriers = (await definitions.AddThemeAsync(survey.Id, "Barriers to completing", "What got in the way of finishing the programme", null, cancel)).Theme!;
        var time = (await definitions.AddThemeAsync(survey.Id, "Study time", "Protected time for study, study days, release from clinical work", barriers.Id, cancel)).Theme!;
        var supervision = (await definitions.AddThemeAsync(survey.Id, "Supervision", "A named supervisor, supervisor support and continuity", barriers.Id, cancel)).Theme!;
        var funding = (await definitions.AddThemeAsync(survey.Id, "Funding and posts", "Funded training, fees, a funded post or consultant post afterwards", null, cancel)).Theme!;
        var themes = new[] { time, supervision, funding };
        // The first five answers coded by the demo analyst, with the themes their words point to.
        foreach (var answer in freeText.Take(5))
            foreach (var theme in KeywordSuggestions.Suggest(answer.Value, themes.Select(t => new ThemeSpec(t.Id, t.Name, t.Definition, t.ParentId))))
                db.SurveyCodings.Add(new SurveyCoding { OrganisationId = organisationId, SurveyId = survey.Id, AnswerId = answer.Id, ThemeId = theme.Theme.Id,
                    Analyst = "Demo analyst", CodedAt = DateTime.UtcNow, Quote = answer == freeText[1] && theme.Theme.Id == funding.Id });
        await db.SaveChangesAsync(cancel);
    }
}
