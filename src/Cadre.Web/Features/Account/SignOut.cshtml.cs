using Cadre.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Account;

/// <summary>
/// Signing out is a POST with an anti-forgery token, so another site cannot sign a user out. It gives the user a new
/// security stamp before removing the cookie: a copy of the cookie (another browser, a stolen one) stops working on its
/// next request, because every request checks the stamp (docs/decisions/sessions-and-tokens.md).
/// </summary>
public sealed class SignOutModel(SignInManager<CadreUser> signIn, UserManager<CadreUser> users, AuditRecorder audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(AuditAction.SignedOut, "User", user.Id, audit.CurrentOrganisations());
        }
        await signIn.SignOutAsync();
        return Redirect("/sign-in");
    }
}
