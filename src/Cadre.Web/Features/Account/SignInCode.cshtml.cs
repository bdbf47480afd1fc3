using System.ComponentModel.DataAnnotations;
using Cadre.Data.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Account;

/// <summary>
/// The second step of signing in for an account with a second factor: a TOTP code (RFC 6238) from the user's
/// authenticator app, or one of their recovery codes. The password step left Identity's short-lived two-factor cookie;
/// without it this page sends the user back to sign in. Wrong codes count towards Identity's lockout, so the code
/// cannot be guessed (docs/decisions/sign-in.md).
/// </summary>
public sealed class SignInCodeModel(SignInManager<CadreUser> signIn, UserManager<CadreUser> users, CadreDbContext db, AuditRecorder audit) : PageModel
{
    [BindProperty] public SignInCodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/SignIn", new { ReturnUrl });
        if (!ModelState.IsValid)
        {
            Errors = FormErrors.From(ModelState, ["Input.Code"]);
            return Page();
        }
        var cancel = HttpContext.RequestAborted;
        var code = new string(Input.Code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        // Six digits is the app's code; anything else is tried as a recovery code (which are letters and digits).
        var recovery = !(code.Length == 6 && code.All(char.IsAsciiDigit));
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var organisations = await AuditEvents.OrganisationsOfUserAsync(db, user.Id, cancel);
        var who = new AuditActor(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditAction.SignedIn, "User", user.Id, organisations,
                new { SecondFactor = recovery ? "recovery code" : "authenticator app" }, who, cancel);
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        // The wrong code that reaches Identity's limit locks the account; say so on that very answer.
        var locked = result.IsLockedOut || await users.IsLockedOutAsync(user);
        await audit.RecordAsync(AuditAction.SecondFactorRefused, "User", user.Id, organisations,
            new { Reason = result.IsLockedOut ? "account locked" : recovery ? "wrong recovery code" : "wrong code" }, who, cancel);
        if (locked)
        {
            var wait = (user.LockoutEnd ?? DateTimeOffset.UtcNow.AddMinutes(15)) - DateTimeOffset.UtcNow;
            ModelState.AddModelError("Input.Code", SignInThrottle.Message(wait));
        }
        else
        {
            ModelState.AddModelError("Input.Code", recovery
                ? "That recovery code is not right or has been used: enter the 6-digit code from your app, or an unused recovery code"
                : "The code is not right: enter the 6-digit code your authenticator app shows now");
        }
        Errors = FormErrors.From(ModelState);
        return Page();
    }
}

public sealed class SignInCodeInput
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [StringLength(64, ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    public string Code { get; set; } = "";
}
