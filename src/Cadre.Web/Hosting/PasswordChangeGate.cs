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
            await SendTo(context, ChangePasswordPath, "Choose your own password first",
                $"This account still has a one-time password. Sign in to Cadre in a browser and choose your own at {ChangePasswordPath}.");
            return;
        }
        await next();
    });

    /// <summary>
    /// What a gate does with a request it holds back: a page is sent to <paramref name="path"/> (coming back afterwards),
    /// the API answers 403 with the reason, since a program cannot follow a redirect to a form. Shared by this gate and
    /// the second-factor gate.
    /// </summary>
    internal static async Task SendTo(HttpContext context, string path, string title, string detail)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { title, detail, status = 403 });
            return;
        }
        var here = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{path}?returnUrl={Uri.EscapeDataString(here)}");
    }

    /// <summary>Where a held-back user may still go: the way out, the way in, health checks and the error page, and this gate's own page.</summary>
    internal static bool Allowed(PathString path) =>
        path.StartsWithSegments(ChangePasswordPath) || path.StartsWithSegments("/sign-out") || path.StartsWithSegments("/sign-in") ||
        path.StartsWithSegments("/health") || path.StartsWithSegments("/error");
}
