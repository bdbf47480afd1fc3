using Microsoft.AspNetCore.Authorization;

namespace Cadre.Web;

/// <summary>
/// Who may do what. Personal details (names, staff numbers, registrations, training) are for the roles that manage
/// people: Administrator, Workforce information and Service lead (the organisation scope narrows a service lead to their
/// own departments). Job evaluation panel members and Viewers work with posts, never with named people.
/// See docs/decisions/spine-web-roles.md.
/// </summary>
public static class CadrePolicies
{
    public const string SeePeople = nameof(SeePeople);
    public const string EditPosts = nameof(EditPosts);
    public const string EditPeople = nameof(EditPeople);
    public const string Import = nameof(Import);
    public const string ReadAudit = nameof(ReadAudit);
    public const string ManageUsers = nameof(ManageUsers);
    public const string EditServices = nameof(EditServices);
    public const string EditPlanning = nameof(EditPlanning);

    public static readonly string[] PeopleRoles = [CadreRoles.Administrator, CadreRoles.WorkforceInformation, CadreRoles.ServiceLead];
    public static readonly string[] PostEditorRoles = [CadreRoles.Administrator, CadreRoles.WorkforceInformation, CadreRoles.ServiceLead];
    public static readonly string[] ImportRoles = [CadreRoles.Administrator, CadreRoles.WorkforceInformation];
    public static readonly string[] AuditRoles = [CadreRoles.Administrator, CadreRoles.WorkforceInformation];
    public static readonly string[] ServiceEditorRoles = [CadreRoles.Administrator, CadreRoles.WorkforceInformation];
    // Service leads plan for their own departments only (the data layer's guard and query filter see to that).
    public static readonly string[] PlanningEditorRoles = [CadreRoles.Administrator, CadreRoles.WorkforceInformation, CadreRoles.ServiceLead];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SeePeople, p => p.RequireRole(PeopleRoles));
        options.AddPolicy(EditPosts, p => p.RequireRole(PostEditorRoles));
        options.AddPolicy(EditPeople, p => p.RequireRole(PeopleRoles));
        options.AddPolicy(Import, p => p.RequireRole(ImportRoles));
        options.AddPolicy(ReadAudit, p => p.RequireRole(AuditRoles));
        // Who may sign in, and with what reach, is for administrators alone.
        options.AddPolicy(ManageUsers, p => p.RequireRole(CadreRoles.Administrator));
        options.AddPolicy(EditServices, p => p.RequireRole(ServiceEditorRoles));
        options.AddPolicy(EditPlanning, p => p.RequireRole(PlanningEditorRoles));
        // Everything needs a signed-in user unless it says otherwise (health, sign-in, static files).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}

/// <summary>Claims read by the pages (the data layer's claims factory writes them at sign-in).</summary>
public static class CadreClaims
{
    public const string DisplayName = "name";

    /// <summary>The user's role in the words the header shows.</summary>
    public static string RoleLabel(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(CadreRoles.Administrator) ? "Administrator"
        : user.IsInRole(CadreRoles.WorkforceInformation) ? "Workforce information"
        : user.IsInRole(CadreRoles.ServiceLead) ? "Service lead"
        : user.IsInRole(CadreRoles.JobEvaluationPanel) ? "Job evaluation panel member"
        : user.IsInRole(CadreRoles.Viewer) ? "Viewer" : "No role";
}
