using Cadre.Data.Coding;

namespace Cadre.Web.Features.Coding;

/// <summary>
/// Who may do what with occupation coding (docs/decisions/coding-workflow.md): everyone signed in reads proposals;
/// Administrators, Workforce information and Service leads (own departments, by the query filters) accept or override
/// on a post; Administrators and Workforce information upload extracts, accept in bulk and apply changes to the register.
/// </summary>
public static class CodingSetup
{
    public static readonly string[] DecideRoles = [CadreRoles.Administrator, CadreRoles.WorkforceInformation, CadreRoles.ServiceLead];
    public static readonly string[] ApplyRoles = [CadreRoles.Administrator, CadreRoles.WorkforceInformation];
    public const string DecideRoleList = CadreRoles.Administrator + "," + CadreRoles.WorkforceInformation + "," + CadreRoles.ServiceLead;
    public const string ApplyRoleList = CadreRoles.Administrator + "," + CadreRoles.WorkforceInformation;

    public static IServiceCollection AddCadreCoding(this IServiceCollection services)
    {
        services.AddSingleton<CodingRunProgress>();
        services.AddSingleton<Extracts.ExtractRunner>();
        services.AddHostedService<Extracts.InterruptedRunSweeper>();
        services.AddScoped<PostCoding>();
        services.AddScoped<StoredProposals>();
        return services;
    }

    public static bool MayDecide(System.Security.Claims.ClaimsPrincipal user) => DecideRoles.Any(user.IsInRole);
    public static bool MayApply(System.Security.Claims.ClaimsPrincipal user) => ApplyRoles.Any(user.IsInRole);

    public static string StatusLabel(Cadre.Core.Coding.CodingStatus s) => s switch
    {
        Cadre.Core.Coding.CodingStatus.Unchanged => "Unchanged",
        Cadre.Core.Coding.CodingStatus.Recode => "Recode",
        _ => "Needs review",
    };

    public static string StatusTag(Cadre.Core.Coding.CodingStatus s) => s switch
    {
        Cadre.Core.Coding.CodingStatus.Unchanged => "nhsuk-tag nhsuk-tag--green",
        Cadre.Core.Coding.CodingStatus.Recode => "nhsuk-tag nhsuk-tag--blue",
        _ => "nhsuk-tag nhsuk-tag--orange",
    };

    public static string ActionLabel(CodingAction a) => a switch
    {
        CodingAction.Accepted => "Proposal accepted",
        CodingAction.Overridden => "Different code chosen",
        _ => "Applied from an ESR extract re-code",
    };
}
