using System.Security.Claims;

namespace Cadre.Web.Features.Surveys;

/// <summary>
/// Who does what with surveys (docs/decisions/surveys.md). Results (response rates, theme frequencies, chosen quotes) are
/// for the roles that read workforce reports, always under disclosure control. Defining a survey, importing responses,
/// keeping the codebook, coding free text and exporting the coded project are for the roles that own workforce
/// intelligence and may see people: respondents' free text is personal data. Job evaluation panel members have no access.
/// </summary>
public static class SurveyAccess
{
    public const string ReadRoles = Reports.ReportAccess.Roles;
    public const string AnalystRoles = CadreRoles.Administrator + "," + CadreRoles.WorkforceInformation;

    public static bool IsAnalyst(ClaimsPrincipal user) => AnalystRoles.Split(',').Any(user.IsInRole);

    /// <summary>The analyst's name on their coding: their sign-in name.</summary>
    public static string Analyst(ClaimsPrincipal user) => user.Identity?.Name ?? "";
}
