using Cadre.Web.Features.IdentityProviders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Account;

/// <summary>
/// "Sign in with …": sends the browser to the organisation's identity provider with a fresh state, nonce and PKCE
/// challenge, remembered in this browser's short-lived sign-in cookie (<see cref="SignInState"/>). The answer comes back
/// to <see cref="SignInReturnModel"/>.
/// </summary>
public sealed class SignInWithModel(CadreDbContext db, OpenIdConnectClient oidc, IDataProtectionProvider protection) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string Problem { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        // Nobody is signed in yet, so the organisation filter would hide every provider; this reads one by its id only.
        var provider = await db.OrganisationSignIns.IgnoreQueryFilters([CadreDbContext.OrganisationFilter]).AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == id && p.Enabled, cancel);
        if (provider is null) return NotFound();
        Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await oidc.DiscoverAsync(provider.Issuer, cancel);
        }
        catch (OpenIdConnectFailure e)
        {
            Problem = $"Cadre could not reach {provider.DisplayName}: {e.Message}. Try again later, or sign in with your Cadre password.";
            Response.StatusCode = StatusCodes.Status502BadGateway;
            return Page();
        }
        var state = SignInState.New(provider.Id, !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        state.Write(HttpContext, protection);
        return Redirect(OpenIdConnectClient.AuthorizationUrl(configuration, provider.ClientId, SignInReturnModel.RedirectUri(Request), state));
    }
}
