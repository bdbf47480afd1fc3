using System.Security.Claims;
using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>
/// Who may do what in job evaluation (docs/decisions/je-web-roles.md): job evaluation panel members and administrators
/// run panels, record outcomes, reviews and notifications and import suites; every signed-in role reads the library and
/// outcomes. Panel members' names are shown to panel members and to the roles that may see people; a Viewer sees sides only.
/// </summary>
public static class JeAccess
{
    public const string PanelRoles = CadreRoles.Administrator + "," + CadreRoles.JobEvaluationPanel;

    /// <summary>
    /// Importing a suite changes the national library every organisation matches against: only the national library
    /// role may (docs/decisions/je-library-access.md), never an organisation's panel member or administrator.
    /// </summary>
    public const string ImportRoles = CadreRoles.NationalLibrary;

    public static bool MayImportSuites(ClaimsPrincipal user) => user.IsInRole(CadreRoles.NationalLibrary);

    public static bool MayRunPanels(ClaimsPrincipal user) => user.IsInRole(CadreRoles.Administrator) || user.IsInRole(CadreRoles.JobEvaluationPanel);

    /// <summary>The name a session or outcome is recorded by.</summary>
    public static string UserName(ClaimsPrincipal user) => user.FindFirst(CadreClaims.DisplayName)?.Value ?? user.Identity?.Name ?? "unknown user";

    public static bool MaySeePanelNames(ClaimsPrincipal user) => MayRunPanels(user) || WebScope.MaySeePeople(user);

    public static string Side(PartnershipSide side) => side == PartnershipSide.Management ? "Management side" : "Staff side";

    public static string Result(JeResult result) => result switch
    {
        JeResult.Matched => "Matched",
        JeResult.MatchedWithVariations => "Matched with variations",
        JeResult.ReferredToLocalEvaluation => "Referred to local evaluation",
        _ => "Evaluated locally",
    };

    public static string Process(JeProcess process) => process switch
    {
        JeProcess.Matching => "Matching panel",
        JeProcess.Review => "Review panel",
        _ => "Local evaluation panel",
    };

    public static string Status(ProfileStatus status) => status switch
    {
        ProfileStatus.Current => "Current",
        ProfileStatus.Superseded => "Superseded",
        _ => "Archived",
    };

    /// <summary>What an audit entry is about, in users' words.</summary>
    public static string Thing(string entityType) => entityType switch
    {
        nameof(JeOutcome) => "Outcome",
        nameof(JePanelMember) => "Panel member or job adviser",
        nameof(JeJobDocument) => "Job information",
        nameof(JeOutcomeFactor) => "Factor level",
        nameof(JeReviewRequest) => "Review request",
        nameof(JePanelSession) => "Panel session",
        nameof(JeSessionMember) => "Panel session member or job adviser",
        _ => Cadre.Web.Features.Audit.AuditDiff.Humanise(entityType),
    };

    public static string Range(int? min, int? max) => min is null ? "–" : min == max ? $"{min}" : $"{min}–{max}";

    public static string Bands(string? low, string? high) => low is null ? "–" : low == high ? low : $"{low} to {high}";
}
