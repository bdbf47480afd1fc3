using Cadre.Core.Intelligence;

namespace Cadre.Core.Surveys;

/// <summary>
/// The survey measures (INTEL-SUR-), registered in <see cref="Measures.All"/> with the rest so pages, downloads and
/// docs/workforce-intelligence.md use the same words. The model is the IPEM Workforce Intelligence Unit's HSST survey
/// report (response rates by specialism; a withdrawal rate reported by respondents against the one NSHCS records;
/// free-text answers analysed by theme, with quotes).
/// </summary>
public static class SurveyMeasures
{
    private const string Source = "IPEM Workforce Intelligence Unit, Is HSST meeting the needs of the Medical Physics profession?";

    public static readonly Measure RateBySpecialism = new("INTEL-SUR-01", "Survey response rate by specialism",
        "Responses as a percentage of the people the survey was sent to, for each specialism the population or the respondents name (matched whatever their case); a group whose population is not known has no rate, and respondents who did not state a specialism are counted apart.",
        Source + ": response rates by specialism");
    public static readonly Measure RateByBand = new("INTEL-SUR-02", "Survey response rate by band",
        "INTEL-SUR-01 for each Agenda for Change band the population or the respondents give.",
        Source);
    public static readonly Measure RateByRegion = new("INTEL-SUR-03", "Survey response rate by nation or region",
        "INTEL-SUR-01 for each nation or region; a population counted from the register has no region, so its regions show responses without a rate.",
        Source);
    public static readonly Measure ReportedAgainstRecorded = new("INTEL-SUR-04", "Reported against recorded",
        "For a question linked to a register figure: the share of those answering it who gave the linked answer (e.g. that they withdrew from HSST), beside the register's own figure for the same thing (training withdrawal, INTEL-TRN-02, over the organisations the reader may see). The two differ when those who answered are not like those who did not (non-response bias), and when the survey reached people the register does not hold.",
        Source + ": 42% withdrawal reported by respondents against about 17% in NSHCS records");
    public static readonly Measure ThemesBySpecialism = new("INTEL-SUR-05", "Themes in free-text answers by specialism",
        "Respondents with at least one free-text answer coded with the theme (by any analyst), by the respondent's specialism, and in all; a respondent is counted once per theme however many answers or analysts coded it.",
        Source + ": free-text answers analysed by theme");
    public static readonly Measure ThemesByBand = new("INTEL-SUR-06", "Themes in free-text answers by band",
        "INTEL-SUR-05 by the respondent's band.",
        Source);
    public static readonly Measure Agreement = new("INTEL-SUR-07", "Agreement between analysts (Cohen's kappa)",
        "For each pair of analysts and each theme, over the free-text answers both coded: Cohen's kappa = (observed agreement − agreement expected by chance) ÷ (1 − agreement expected by chance), where chance agreement is from each analyst's own share of answers given the theme; two decimal places; not given when chance agreement is 1 (both gave the theme to every answer, or to none).",
        "Cohen J. A coefficient of agreement for nominal scales. Educational and Psychological Measurement, 1960");

    public static IReadOnlyList<Measure> All { get; } =
        [RateBySpecialism, RateByBand, RateByRegion, ReportedAgainstRecorded, ThemesBySpecialism, ThemesByBand, Agreement];
}
