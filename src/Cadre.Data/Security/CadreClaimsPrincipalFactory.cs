using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadre.Data.Security;

/// <summary>
/// Adds the user's organisations, departments and display name to the sign-in cookie, so each request can build its
/// <see cref="IOrganisationScope"/> from claims (<see cref="OrganisationScope.FromClaims"/>). Register with
/// <c>.AddClaimsPrincipalFactory&lt;CadreClaimsPrincipalFactory&gt;()</c>.
/// </summary>
public sealed class CadreClaimsPrincipalFactory(UserManager<CadreUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, CadreDbContext db)
    : UserClaimsPrincipalFactory<CadreUser, IdentityRole>(users, roles, options)
{
    /// <summary>Present while the user still has a password someone else chose (<see cref="CadreUser.MustChangePassword"/>).</summary>
    public const string MustChangePasswordClaim = "cadre:must-change-password";
    /// <summary>Present when the account has a second factor, so every sign-in to it asked for a code (administrators must).</summary>
    public const string SecondFactorClaim = "cadre:second-factor";
    /// <summary>
    /// Present for the session when the organisation's identity provider said it checked a second factor (amr "mfa"),
    /// which stands in for Cadre's own (docs/decisions/sign-in.md). It belongs to the session, not the account, so the
    /// security stamp check carries it over (<see cref="KeepSessionClaims"/>).
    /// </summary>
    public const string SecondFactorAtProviderClaim = "cadre:second-factor-at-provider";

    /// <summary>
    /// Claims of how this session signed in, which the account cannot rebuild: copied from the old principal when the
    /// security stamp check rebuilds it on each request (SecurityStampValidatorOptions.OnRefreshingPrincipal).
    /// </summary>
    public static Task KeepSessionClaims(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is not ClaimsIdentity renewed || context.CurrentPrincipal is null) return Task.CompletedTask;
        foreach (var type in new[] { SecondFactorAtProviderClaim, ClaimTypes.AuthenticationMethod })
            if (context.CurrentPrincipal.FindFirst(type) is { } kept && !renewed.HasClaim(c => c.Type == type))
                renewed.AddClaim(new Claim(type, kept.Value));
        return Task.CompletedTask;
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CadreUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Memberships are not organisation-filtered (they are what the filter is built from), so any scope can read them.
        var orgs = await db.UserOrganisations.Where(m => m.UserId == user.Id).Select(m => m.OrganisationId).ToListAsync();
        var depts = await db.UserDepartmentScopes.Where(m => m.UserId == user.Id).Select(m => m.DepartmentId).ToListAsync();
        identity.AddClaims(orgs.Select(o => new Claim(OrganisationScope.OrganisationClaim, o.ToString())));
        identity.AddClaims(depts.Select(d => new Claim(OrganisationScope.DepartmentClaim, d.ToString())));
        identity.AddClaim(new Claim("name", string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.UserName ?? "" : user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(SecondFactorClaim, "true"));
        return identity;
    }
}
