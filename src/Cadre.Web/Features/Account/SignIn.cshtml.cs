using System.ComponentModel.DataAnnotations;
using Cadre.Data;
using Cadre.Data.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Account;

/// <summary>
/// Signing in with a Cadre password. Every attempt is in the audit trail with the caller's address and user agent:
/// a success or failure of a known account in each of its organisations' trails, an unknown name under no organisation.
/// </summary>
public sealed class SignInModel(SignInManager<CadreUser> signIn, UserManager<CadreUser> users, CadreDbContext db, AuditRecorder audit) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Errors = FormErrors.From(ModelState, ["Input.UserName", "Input.Password"]);
            return Page();
        }
        var user = await users.FindByNameAsync(Input.UserName.Trim()) ?? await users.FindByEmailAsync(Input.UserName.Trim());
        if (user is not null)
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
            var organisations = await AuditEvents.OrganisationsOfUserAsync(db, user.Id, HttpContext.RequestAborted);
            var who = new AuditActor(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName);
            await audit.RecordAsync(result.Succeeded ? AuditAction.SignedIn : AuditAction.SignInFailed, "User", user.Id, organisations,
                result.Succeeded ? null : new { Reason = result.IsLockedOut ? "account locked" : "wrong password" }, who);
            if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
            if (result.IsLockedOut)
            {
                ModelState.AddModelError("Input.UserName", "Your account is locked after too many wrong passwords. Try again in 15 minutes, or ask an administrator to unlock it.");
                Errors = FormErrors.From(ModelState);
                return Page();
            }
        }
        else
        {
            await audit.RecordAsync(AuditAction.SignInFailed, "User", "(unknown)", [], new { UserName = Input.UserName.Trim(), Reason = "no such account" },
                AuditActor.System("anonymous"));
        }
        // The same words whether the user name or the password was wrong, so the page does not reveal who has an account.
        ModelState.AddModelError("Input.UserName", "Enter a correct user name and password");
        Errors = FormErrors.From(ModelState);
        return Page();
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your user name or email address")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
