using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Cadre.Web.Features.Account;

/// <summary>
/// Administrators must sign in with a second factor (issue 12): one signed in without it (an administrator from before
/// this rule, a user just given the role, or one who reset theirs) is sent to set it up before anything else, as a
/// one-time password sends a user to choose their own (<see cref="PasswordChangeGate"/>, which comes first). The API
/// answers 403 saying so. API tokens are not sessions and are not affected. A session signed in through the
/// organisation's identity provider that said it checked a second factor needs none of Cadre's (docs/decisions/sign-in.md).
/// </summary>
public static class SecondFactorGate
{
    public static bool IsRequiredFor(ClaimsPrincipal user) => user.IsInRole(CadreRoles.Administrator);

    public static IApplicationBuilder UseCadreSecondFactorGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme
            && IsRequiredFor(user) && !user.HasClaim(CadreClaimsPrincipalFactory.SecondFactorClaim, "true")
            && !user.HasClaim(CadreClaimsPrincipalFactory.SecondFactorAtProviderClaim, "true") && !Allowed(context.Request.Path))
        {
            await PasswordChangeGate.SendTo(context, SecondFactorModel.Path, "Set up a second factor first",
                $"Administrators must sign in with a second factor. Sign in to Cadre in a browser and set it up at {SecondFactorModel.Path}.");
            return;
        }
        await next();
    });

    // Everywhere the password gate lets a held-back user go (choosing their own password comes first), and the set-up page.
    private static bool Allowed(PathString path) => path.StartsWithSegments(SecondFactorModel.Path) || PasswordChangeGate.Allowed(path);
}
