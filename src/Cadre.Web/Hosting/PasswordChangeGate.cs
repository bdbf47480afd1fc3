using Cadre.Data.Security;

namespace Cadre.Web;

/// <summary>
/// A user still holding a password someone else chose (an administrator's one-time password) may do nothing but choose
/// their own or sign out: pages redirect to "Change your password", the API answers 403 saying so.
/// </summary>
public static class PasswordChangeGate
{
    public const string ChangePasswordPath = "/account/password";

    public static IApplicationBuilder UseCadrePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(CadreClaimsPrincipalFactory.MustChangePasswordClaim, "true") && !Allowed(context.Request.Path))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new
                {
                    title = "Choose your own password first",
                    detail = $"This account still has a one-time password. Sign in to Cadre in a browser and choose your own at {ChangePasswordPath}.",
                    status = 403,
                });
                return;
            }
            var here = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{ChangePasswordPath}?returnUrl={Uri.EscapeDataString(here)}");
            return;
        }
        await next();
    });

    private static bool Allowed(PathString path) =>
        path.StartsWithSegments(ChangePasswordPath) || path.StartsWithSegments("/sign-out") || path.StartsWithSegments("/sign-in") ||
        path.StartsWithSegments("/health") || path.StartsWithSegments("/error");
}
