using System.Security.Claims;
using System.Text.Encodings.Web;
using Cadre.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadre.Web;

/// <summary>
/// `Authorization: Bearer cadre_…` on /api/v1. The token's principal carries its organisation only, the roles it acts
/// with (a personal token: its administrator's roles as they are now; a service token: Workforce information), and
/// what it may reach; <see cref="ApiTokenRules"/> enforces that and audits each use. See
/// docs/decisions/sessions-and-tokens.md.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, CadreDbContext db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Scheme = "CadreToken";
    /// <summary>Chooses the token scheme for an API request that carries a bearer token, the cookie otherwise.</summary>
    public const string Selector = "Cadre";
    public const string TokenClaim = "cadre:token";
    public const string AccessClaim = "cadre:token-access";
    public const string AreasClaim = "cadre:token-areas";
    private const string RefusedItem = "cadre:token-refused";

    public static bool CarriesToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!CarriesToken(Context)) return AuthenticateResult.NoResult();
        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var token = await ApiTokenStore.FindAsync(db, secret, Context.RequestAborted);
        var now = TimeProvider.GetUtcNow().UtcDateTime;
        if (token is null) return Refuse("This token is not known to Cadre. Check that it was copied whole.", null);
        if (token.RevokedAt is not null) return Refuse("This token has been revoked. Ask an administrator for a new one.", token);
        if (token.ExpiresAt <= now) return Refuse("This token has expired. Ask an administrator for a new one.", token);

        var identity = new ClaimsIdentity(Scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(TokenClaim, token.Id.ToString()));
        identity.AddClaim(new Claim(AccessClaim, token.Access.ToString()));
        identity.AddClaim(new Claim(AreasClaim, token.Areas));
        identity.AddClaim(new Claim(OrganisationScope.OrganisationClaim, token.OrganisationId.ToString()));
        if (token.Kind == ApiTokenKind.Personal)
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
            var member = user is not null && await db.UserOrganisations.AnyAsync(m => m.UserId == user.Id && m.OrganisationId == token.OrganisationId, Context.RequestAborted);
            if (user is null || !member || user.LockoutEnd > now)
                return Refuse("The person this token belongs to can no longer use Cadre in its organisation.", token);
            var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Context.RequestAborted);
            var departments = await db.UserDepartmentScopes.Where(d => d.UserId == user.Id).Select(d => d.DepartmentId).ToListAsync(Context.RequestAborted);
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
            identity.AddClaim(new Claim(CadreClaims.DisplayName, $"{(string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName)} (API token “{token.Name}”)"));
            identity.AddClaims(roles.Select(r => new Claim(ClaimTypes.Role, r)));
            identity.AddClaims(departments.Select(d => new Claim(OrganisationScope.DepartmentClaim, d.ToString())));
        }
        else
        {
            identity.AddClaim(new Claim(CadreClaims.DisplayName, $"API token “{token.Name}”"));
            identity.AddClaim(new Claim(ClaimTypes.Role, CadreRoles.WorkforceInformation));
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme));
    }

    private AuthenticateResult Refuse(string why, ApiToken? token)
    {
        Context.Items[RefusedItem] = why;
        if (token is not null) Context.Items[ApiTokenRules.RefusedTokenItem] = token;
        return AuthenticateResult.Fail(why);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"cadre\"";
        var why = Context.Items[RefusedItem] as string ?? "Send a Cadre API token as `Authorization: Bearer <token>`.";
        await Results.Problem(title: "Sign-in needed", detail: why, statusCode: 401).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(title: "Not allowed", detail: "This token's roles do not allow this request.", statusCode: 403).ExecuteAsync(Context);
    }
}

/// <summary>Registers the token scheme beside Identity's cookie, choosing by request.</summary>
public static class ApiTokenAuthentication
{
    public static void AddCadreApiTokens(this IServiceCollection services)
    {
        services.AddScoped<AuditRecorder>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuthentication(auth =>
            {
                auth.DefaultScheme = ApiTokenAuthenticationHandler.Selector;
                auth.DefaultAuthenticateScheme = ApiTokenAuthenticationHandler.Selector;
                auth.DefaultChallengeScheme = ApiTokenAuthenticationHandler.Selector;
                auth.DefaultForbidScheme = ApiTokenAuthenticationHandler.Selector;
            })
            .AddPolicyScheme(ApiTokenAuthenticationHandler.Selector, null, policy => policy.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.CarriesToken(context) ? ApiTokenAuthenticationHandler.Scheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.Scheme, null);
    }
}
