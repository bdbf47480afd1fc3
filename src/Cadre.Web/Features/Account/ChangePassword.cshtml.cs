using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Account;

/// <summary>
/// Any signed-in user changes their own password here; a user holding a one-time password is sent here first
/// (<see cref="PasswordChangeGate"/>) and may go nowhere else until they have. Changing it signs out their other
/// sessions (Identity's security stamp) and keeps this one.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<CadreUser> users, SignInManager<CadreUser> signIn, CadreDbContext db, AuditRecorder audit) : PageModel
{
    [BindProperty] public ChangePasswordInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool MustChange { get; private set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        MustChange = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        MustChange = user.MustChangePassword;
        if (ModelState.IsValid && Input.NewPassword != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", "The new passwords do not match: type the same new password twice");
        if (ModelState.IsValid && Input.NewPassword == Input.CurrentPassword)
            ModelState.AddModelError("Input.NewPassword", "Choose a new password that is different from the current one");
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, Input.CurrentPassword!))
        {
            // A wrong current password counts towards the lockout like a wrong password at sign-in; otherwise a stolen
            // session could guess the password here without limit (issue 12).
            await users.AccessFailedAsync(user);
            var organisations = await Data.Auditing.AuditEvents.OrganisationsOfUserAsync(db, user.Id, HttpContext.RequestAborted);
            await audit.RecordAsync(AuditAction.SignInFailed, "User", user.Id, organisations, new { Reason = "wrong current password on the change-password form" });
            if (await users.IsLockedOutAsync(user))
            {
                // The lockout has ended every session of the user (SessionEnder); this browser's cookie goes too.
                await signIn.SignOutAsync();
                TempData["Notice"] = "You have been signed out after too many wrong passwords. " +
                    SignInThrottle.Message((user.LockoutEnd ?? DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow);
                return LocalRedirect("/sign-in");
            }
            ModelState.AddModelError("Input.CurrentPassword", "Your current password is not right: enter the password you signed in with");
        }
        if (ModelState.IsValid)
        {
            await users.ResetAccessFailedCountAsync(user);
            var changed = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
            if (!changed.Succeeded)
                foreach (var e in changed.Errors)
                    ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                        e.Code == "PasswordMismatch" ? "Your current password is not right: enter the password you signed in with" : e.Description);
        }
        if (!ModelState.IsValid)
        {
            Errors = FormErrors.From(ModelState, ["Input.CurrentPassword", "Input.NewPassword", "Input.ConfirmPassword"]);
            return Page();
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        // A new cookie without the one-time-password claim; other sessions end at their next security stamp check.
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "Your password has been changed.";
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith(PasswordChangeGate.ChangePasswordPath, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/");
    }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password")]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "Enter a new password")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Enter the new password again")]
    public string? ConfirmPassword { get; set; }
}
