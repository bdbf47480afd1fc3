using System.Security.Claims;

namespace Cadre.Data.Security;

/// <summary>
/// What the current user may see: their organisations and, for a service lead, their departments. The data layer's
/// query filters and write guard read this on every query and save.
/// </summary>
public interface IOrganisationScope
{
    /// <summary>True only for system work (migrations, the command line, the initialiser): every organisation.</summary>
    bool IsUnrestricted { get; }
    IReadOnlyCollection<Guid> OrganisationIds { get; }
    /// <summary>Null when the user sees every department of their organisations; otherwise the departments they lead.</summary>
    IReadOnlyCollection<Guid>? DepartmentIds { get; }
}

/// <summary>A fixed scope. <see cref="None"/> is the default registration, so a forgotten scope shows nothing rather than everything.</summary>
public sealed class OrganisationScope : IOrganisationScope
{
    /// <summary>Claim types written at sign-in so a request's scope needs no database round trip.</summary>
    public const string OrganisationClaim = "cadre:organisation";
    public const string DepartmentClaim = "cadre:department";

    public bool IsUnrestricted { get; }
    public IReadOnlyCollection<Guid> OrganisationIds { get; }
    public IReadOnlyCollection<Guid>? DepartmentIds { get; }

    private OrganisationScope(bool unrestricted, IReadOnlyCollection<Guid> organisations, IReadOnlyCollection<Guid>? departments)
    {
        IsUnrestricted = unrestricted;
        OrganisationIds = organisations;
        DepartmentIds = departments;
    }

    public static OrganisationScope System { get; } = new(true, [], null);
    public static OrganisationScope None { get; } = new(false, [], null);

    public static OrganisationScope For(IEnumerable<Guid> organisations, IEnumerable<Guid>? departments = null) =>
        new(false, organisations.Distinct().ToArray(), departments?.Distinct().ToArray());

    /// <summary>
    /// Reads the scope from a signed-in user's claims (see <see cref="CadreClaimsPrincipalFactory"/>). A service lead with
    /// no department claims sees no departments, not all of them.
    /// </summary>
    public static OrganisationScope FromClaims(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return None;
        var orgs = user.FindAll(OrganisationClaim).Select(c => Guid.TryParse(c.Value, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty);
        var restrictedToDepartments = user.IsInRole(CadreRoles.ServiceLead)
            && !user.IsInRole(CadreRoles.Administrator) && !user.IsInRole(CadreRoles.WorkforceInformation);
        var depts = restrictedToDepartments
            ? user.FindAll(DepartmentClaim).Select(c => Guid.TryParse(c.Value, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)
            : null;
        return For(orgs, depts);
    }
}

/// <summary>Who is making a change, as the audit trail records it.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string Name { get; }
}

public sealed record AuditActor(string? UserId, string Name) : IAuditActor
{
    /// <summary>A system job such as an import run from the command line: no user id, a name saying what ran.</summary>
    public static AuditActor System(string what) => new(null, what);

    public static AuditActor FromClaims(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue("name") ?? user.Identity.Name ?? "unknown user")
            : new(null, "anonymous");
}
