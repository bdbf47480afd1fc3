using System.Security.Claims;
using Cadre.Data.Auditing;
using Cadre.Web.Features.IdentityProviders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Account;

/// <summary>
/// Where an organisation's identity provider sends the browser back (the one redirect URI an operator registers, see
/// docs/deploy.md). The answer must carry this browser's state; the code is exchanged with the PKCE verifier; the id
/// token must be signed by the provider, for Cadre's client and carry this request's nonce. Then the account is found
/// (<see cref="AccountMatch"/>) and signed in like a password sign-in: locked-out accounts are refused, a second factor
/// is asked for unless the provider says it checked one (docs/decisions/sign-in.md), and every outcome is audited.
/// </summary>
public sealed class SignInReturnModel(CadreDbContext db, OpenIdConnectClient oidc, IDataProtectionProvider protection,
    UserManager<CadreUser> users, SignInManager<CadreUser> signIn, AuditRecorder audit, TimeProvider clock) : PageModel
{
    public const string Path = "/sign-in/return";
    public string Refusal { get; private set; } = "";

    public static string RedirectUri(HttpRequest request) => $"{request.Scheme}://{request.Host}{Path}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        var saved = SignInState.Take(HttpContext, protection);
        if (saved is null)
        {
            await audit.RecordAsync(AuditAction.SignInFailed, "User", "(unknown)", [], new { Reason = "no sign-in was started in this browser, or it expired" }, Anonymous, cancel);
            return Refuse("This sign-in was not started in this browser, or took longer than 10 minutes. Start again from the sign-in page.");
        }
        var provider = await db.OrganisationSignIns.IgnoreQueryFilters([CadreDbContext.OrganisationFilter]).AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == saved.ProviderId, cancel);
        if (provider is null || !provider.Enabled)
            return Refuse("This organisation's sign-in has been turned off. Sign in with your Cadre password.");
        var organisationName = await db.Organisations.IgnoreQueryFilters([CadreDbContext.OrganisationFilter]).Where(o => o.Id == provider.OrganisationId)
            .Select(o => o.Name).FirstAsync(cancel);
        Task Failed(string reason, CadreUser? user = null, string? asserted = null) => AuditFailureAsync(provider, reason, user, asserted, cancel);

        // A forged or replayed answer: its state is not the one this browser sent.
        if (!saved.Matches(Request.Query["state"]))
        {
            await Failed("the answer's state did not match this browser's request");
            return Refuse($"The answer from {provider.DisplayName} did not match the sign-in this browser started, so Cadre ignored it. Start again from the sign-in page.");
        }
        if (Request.Query["error"] is { Count: > 0 } error)
        {
            await Failed($"the identity provider did not sign the user in ({error})");
            return Refuse($"{provider.DisplayName} did not sign you in. Try again, or sign in with your Cadre password.");
        }
        // RFC 9207: a provider that names itself must be the one this browser was sent to (mix-up attacks).
        if (Request.Query["iss"] is { Count: > 0 } iss && !OpenIdConnectClient.SameIssuer(iss, provider.Issuer))
        {
            await Failed("the answer came from another issuer");
            return Refuse($"The answer did not come from {provider.DisplayName}, so Cadre ignored it. Start again from the sign-in page.");
        }
        var secret = provider.ProtectedClientSecret is { } p ? HttpContext.RequestServices.GetRequiredService<OrganisationSignInSecret>().Unprotect(p) : null;
        if (secret is null)
        {
            await Failed("the client secret could not be read");
            return Refuse($"Cadre's settings for {provider.DisplayName} cannot be used: ask your Cadre administrator to enter the client secret again.");
        }

        ClaimsIdentity claims;
        try
        {
            var configuration = await oidc.DiscoverAsync(provider.Issuer, cancel);
            var code = Request.Query["code"].ToString();
            if (code.Length == 0) throw new OpenIdConnectFailure("its answer has no code");
            var idToken = await oidc.RedeemAsync(configuration, provider.ClientId, secret, code, RedirectUri(Request), saved.CodeVerifier, cancel);
            claims = await oidc.ValidateIdTokenAsync(configuration, provider.ClientId, idToken, saved.Nonce);
        }
        catch (OpenIdConnectFailure e)
        {
            await Failed(e.Message);
            return Refuse($"Cadre could not complete the sign-in with {provider.DisplayName}: {e.Message}. Start again, or sign in with your Cadre password.");
        }

        var match = await AccountMatch.FindAsync(users, db, provider, organisationName, claims, cancel);
        if (match.Refused)
        {
            await Failed(match.Reason!, match.Known, claims.FindFirst(provider.UserClaim)?.Value);
            return Refuse(match.Words!);
        }
        var user = match.User!;
        if (await users.IsLockedOutAsync(user))
        {
            await Failed("too many attempts", user);
            return Refuse(SignInThrottle.Message((user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow()));
        }
        if (match.NewLink)
        {
            var linked = await users.AddLoginAsync(user, new UserLoginInfo(provider.LoginProvider, claims.FindFirst("sub")!.Value, provider.DisplayName));
            if (!linked.Succeeded)
            {
                await Failed("the link could not be saved", user);
                return Refuse("Cadre could not link your account. Try again.");
            }
        }

        var organisations = await AuditEvents.OrganisationsOfUserAsync(db, user.Id, cancel);
        var method = $"Sign in with {provider.DisplayName}";
        var secondFactorAtProvider = SecondFactorAtProvider(claims);
        if (!secondFactorAtProvider && await users.GetTwoFactorEnabledAsync(user))
        {
            // Identity's own path: it leaves the short-lived two-factor cookie, and the code page finishes the sign-in.
            var result = await signIn.ExternalLoginSignInAsync(provider.LoginProvider, claims.FindFirst("sub")!.Value, isPersistent: false, bypassTwoFactor: false);
            if (result.RequiresTwoFactor) return RedirectToPage("/Account/SignInCode", new { ReturnUrl = saved.ReturnUrl });
            await Failed("the account may not sign in", user);
            return Refuse("Your account cannot sign in at the moment. Ask your Cadre administrator.");
        }
        List<Claim> session = [new(ClaimTypes.AuthenticationMethod, method)];
        if (secondFactorAtProvider) session.Add(new(CadreClaimsPrincipalFactory.SecondFactorAtProviderClaim, "true"));
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, session);
        await audit.RecordAsync(AuditAction.SignedIn, "User", user.Id, organisations,
            new { Method = method, SecondFactor = secondFactorAtProvider ? $"checked by {provider.DisplayName}" : null, Linked = match.NewLink ? true : (bool?)null },
            Actor(user), cancel);
        return LocalRedirect(Url.IsLocalUrl(saved.ReturnUrl) ? saved.ReturnUrl : "/");
    }

    /// <summary>The provider says the user proved more than one factor (RFC 8176 "mfa" in the id token's amr).</summary>
    public static bool SecondFactorAtProvider(ClaimsIdentity claims) => claims.FindAll("amr").Any(c => c.Value == "mfa");

    private static readonly AuditActor Anonymous = AuditActor.System("anonymous");
    private static AuditActor Actor(CadreUser user) => new(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName);

    /// <summary>
    /// A refusal goes in the provider's organisation's trail (its administrators look after that sign-in), and, when it
    /// concerned a known account, in that account's organisations' trails too, under the account.
    /// </summary>
    private async Task AuditFailureAsync(OrganisationSignIn provider, string reason, CadreUser? user, string? asserted, CancellationToken cancel)
    {
        await audit.RecordAsync(AuditAction.SignInFailed, "User", "(unknown)", [provider.OrganisationId],
            new { Method = $"Sign in with {provider.DisplayName}", Reason = reason, Asserted = asserted }, Anonymous, cancel);
        if (user is null) return;
        var theirs = (await AuditEvents.OrganisationsOfUserAsync(db, user.Id, cancel)).Where(o => o != provider.OrganisationId).ToList();
        if (theirs.Count > 0)
            await audit.RecordAsync(AuditAction.SignInFailed, "User", user.Id, theirs,
                new { Method = $"Sign in with {provider.DisplayName}", Reason = reason }, Actor(user), cancel);
    }

    private PageResult Refuse(string words)
    {
        Refusal = words;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
