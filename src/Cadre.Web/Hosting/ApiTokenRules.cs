using System.Security.Claims;
using Cadre.Data.Security;

namespace Cadre.Web;

/// <summary>
/// What a token may reach, checked after authentication and before the endpoint's own role checks: only the parts of
/// the API it was given, and only reading for a read-only token. Every use, allowed or refused, goes in the
/// organisation's audit trail with the method, path, answer, address and user agent.
/// </summary>
public static class ApiTokenRules
{
    /// <summary>A known token that authentication refused (revoked, expired, or its person gone), so its use is audited.</summary>
    public const string RefusedTokenItem = "cadre:refused-token";

    public static IApplicationBuilder UseCadreApiTokenRules(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var tokenId = context.User.FindFirstValue(ApiTokenAuthenticationHandler.TokenClaim);
        if (tokenId is null)
        {
            await next();
            if (context.Items[RefusedTokenItem] is ApiToken refused)
                await RecordAsync(context, AuditAction.TokenRefused, refused.Id.ToString(), refused.OrganisationId,
                    AuditActor.System($"API token “{refused.Name}”"));
            return;
        }

        var refusal = Refusal(context.User, context.Request);
        if (refusal is null) await next();
        else await Results.Problem(title: "Not allowed with this token", detail: refusal, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
        var organisation = OrganisationScope.FromClaims(context.User).OrganisationIds.Single();
        await RecordAsync(context, refusal is null ? AuditAction.TokenUsed : AuditAction.TokenRefused, tokenId, organisation, null);
    });

    private static string? Refusal(ClaimsPrincipal user, HttpRequest request)
    {
        var areas = (user.FindFirstValue(ApiTokenAuthenticationHandler.AreasClaim) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var area = ApiAreas.OfPath(request.Path);
        if (area is null)
            return request.Path.StartsWithSegments("/api/v1/openapi.json") ? null : "API tokens work only on the parts of /api/v1 they were given.";
        if (!areas.Contains(area))
            return $"This token may not use {Label(area)}. It may use: {string.Join(", ", areas.Select(Label))}.";
        var readOnly = user.FindFirstValue(ApiTokenAuthenticationHandler.AccessClaim) == nameof(ApiTokenAccess.Read);
        if (readOnly && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            return "This token may only read. Ask an administrator for a read-write token to make changes.";
        return null;
    }

    private static string Label(string area) => ApiAreas.All.First(a => a.Area == area).Label.ToLowerInvariant();

    private static Task RecordAsync(HttpContext context, AuditAction action, string tokenId, Guid organisation, IAuditActor? who) =>
        context.RequestServices.GetRequiredService<AuditRecorder>().RecordAsync(action, "ApiToken", tokenId, [organisation],
            new { Method = context.Request.Method, Path = context.Request.Path.Value, Status = context.Response.StatusCode }, who,
            CancellationToken.None);
}
