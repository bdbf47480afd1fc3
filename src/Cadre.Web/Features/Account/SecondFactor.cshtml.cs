using System.ComponentModel.DataAnnotations;
using System.Text;
using Cadre.Data.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Account;

/// <summary>
/// Setting up and resetting one's own second factor: Identity's authenticator key (RFC 6238 TOTP, 6 digits, 30 seconds),
/// shown as text in groups of four and as an otpauth:// link, confirmed with a code before it is turned on; ten recovery
/// codes are shown once. Administrators must have one (<see cref="SecondFactorGate"/>).
/// </summary>
[Authorize]
public sealed class SecondFactorModel(UserManager<CadreUser> users, SignInManager<CadreUser> signIn, CadreDbContext db, AuditRecorder audit,
    IUserStore<CadreUser> userStore) : PageModel
{
    public const string Path = "/account/two-factor";

    [BindProperty] public SecondFactorInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string GroupedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage();
        var code = new string(Input.Code?.Where(char.IsAsciiDigit).ToArray() ?? []);
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await AuditAsync(user, AuditAction.SecondFactorRefused, new { Reason = "wrong code while setting up" });
            ModelState.AddModelError("Input.Code", "The code is not right: check the key in your app and enter the 6-digit code it shows now");
        }
        if (!ModelState.IsValid)
        {
            Errors = FormErrors.From(ModelState, ["Input.Code"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await AuditAsync(user, AuditAction.SecondFactorEnrolled, new { Method = "authenticator app" });
        // A new cookie carrying the second factor, so the administrators' gate lets this session through.
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await SecondFactorReset.ResetAsync(users, user);
        await AuditAsync(user, AuditAction.SecondFactorReset, new { By = "the user" });
        // The reset gave a new security stamp (ending other sessions); this one carries on with the new stamp.
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "Your second factor has been reset. Set it up again with your authenticator app.";
        return RedirectToPage();
    }

    public string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith(Path, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/";

    private async Task LoadAsync(CadreUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = SecondFactorGate.IsRequiredFor(User);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key replaces nothing, so, unlike Identity's ResetAuthenticatorKeyAsync, it leaves the security
            // stamp alone: opening this page must not end the user's other sessions.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<CadreUser>)userStore).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        GroupedKey = Group(key);
        var account = user.Email ?? user.UserName ?? user.Id;
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Cadre:" + account)}?secret={key}&issuer=Cadre&digits=6&period=30";
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0) grouped.Append(' ');
            grouped.Append(char.ToLowerInvariant(key[i]));
        }
        return grouped.ToString();
    }

    private async Task AuditAsync(CadreUser user, AuditAction action, object details) =>
        await audit.RecordAsync(action, "User", user.Id, await AuditEvents.OrganisationsOfUserAsync(db, user.Id, HttpContext.RequestAborted), details);
}

public sealed class SecondFactorInput
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [StringLength(64, ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    public string? Code { get; set; }
}

/// <summary>Turning a user's second factor off: a new key (the old app's codes stop working) and no recovery codes.</summary>
public static class SecondFactorReset
{
    public static async Task ResetAsync(UserManager<CadreUser> users, CadreUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        // Identity has no call to remove recovery codes; a new set nobody sees leaves the old ones unusable.
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.ResetAuthenticatorKeyAsync(user);
    }
}
