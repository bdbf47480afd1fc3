using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Cadre.Web;

/// <summary>The signed-in user's organisation scope and audit name, read from the sign-in cookie's claims.</summary>
internal static class WebScope
{
    public static IServiceCollection AddCadreWebScope(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // Registered before AddCadreData so its fail-safe defaults (see nothing, "unknown" author) are not used.
        services.AddScoped<IOrganisationScope, HttpOrganisationScope>();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        return services;
    }

    /// <summary>
    /// Departments the user may put posts in. The query filters already hide other organisations and, for a service lead,
    /// other departments; this is the same set, named for readability at the call sites.
    /// </summary>
    public static IQueryable<Department> VisibleDepartments(CadreDbContext db, ClaimsPrincipal user) => db.Departments.AsQueryable();

    public static bool MaySeePeople(ClaimsPrincipal user) => CadreRoles.MaySeePersonalDetails(
        user.FindAll(ClaimTypes.Role).Select(c => c.Value));
}

/// <summary>
/// The scope of whoever is signed in on this request, read when a query runs rather than when the database context is
/// made: the context can be created during authentication itself (the security-stamp check), before the user is known,
/// and a scope fixed then would wrongly see nothing for the rest of the request.
/// </summary>
internal sealed class HttpOrganisationScope(IHttpContextAccessor accessor) : IOrganisationScope
{
    private ClaimsPrincipal? _for;
    private OrganisationScope _scope = OrganisationScope.None;

    private OrganisationScope Current
    {
        get
        {
            var user = accessor.HttpContext?.User;
            if (!ReferenceEquals(user, _for)) { _scope = OrganisationScope.FromClaims(user); _for = user; }
            return _scope;
        }
    }

    public bool IsUnrestricted => Current.IsUnrestricted;
    public IReadOnlyCollection<Guid> OrganisationIds => Current.OrganisationIds;
    public IReadOnlyCollection<Guid>? DepartmentIds => Current.DepartmentIds;
}

/// <summary>The audit's "who", read at save time for the same reason.</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => AuditActor.FromClaims(accessor.HttpContext?.User).UserId;
    public string Name => AuditActor.FromClaims(accessor.HttpContext?.User).Name;
}
