using System.ComponentModel.DataAnnotations;
using Cadre.Data;
using Cadre.Data.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Account;

/// <summary>
/// Signing in with a Cadre password. Every attempt is in the audit trail with the caller's address and user agent:
/// a success or failure of a known account in each of its organisations' trails, an unknown name under no organisation.
/// A known and an unknown name get the same words, the same throttle and the same work (a password hash is checked
/// for both), so neither the page nor its timing tells who has an account (docs/decisions/sign-in.md).
/// </summary>
public sealed class SignInModel(SignInManager<CadreUser> signIn, UserManager<CadreUser> users, CadreDbContext db, AuditRecorder audit,
    SignInThrottle throttle) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    /// <summary>Organisations' identity providers that are turned on, offered as "Sign in with …".</summary>
    public IReadOnlyList<(Guid Id, string Name)> Providers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl());
        await LoadProvidersAsync();
        return Page();
    }

    private async Task LoadProvidersAsync() =>
        // Nobody is signed in, so the organisation filter would hide them all; only names and ids leave the database.
        Providers = (await db.OrganisationSignIns.IgnoreQueryFilters([CadreDbContext.OrganisationFilter]).Where(p => p.Enabled)
                    .OrderBy(p => p.DisplayName).Select(p => new { p.Id, p.DisplayName }).ToListAsync(HttpContext.RequestAborted))
            .Select(p => (p.Id, p.DisplayName)).ToList();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadProvidersAsync();
        if (!ModelState.IsValid)
        {
            Errors = FormErrors.From(ModelState, ["Input.UserName", "Input.Password"]);
            return Page();
        }
        var cancel = HttpContext.RequestAborted;
        var typed = Input.UserName.Trim();
        var account = SignInThrottle.AccountKey(typed);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var (_, wait) = await throttle.BeginAsync(account, address, DateTime.UtcNow, cancel);

        var user = await users.FindByNameAsync(typed) ?? await users.FindByEmailAsync(typed);
        var organisations = user is null ? [] : await AuditEvents.OrganisationsOfUserAsync(db, user.Id, cancel);
        var who = user is null ? AuditActor.System("anonymous")
            : new AuditActor(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName);
        async Task Failed(string reason) => await audit.RecordAsync(AuditAction.SignInFailed, "User", user?.Id ?? "(unknown)", organisations,
            user is null ? new { UserName = typed, Reason = reason } : new { Reason = reason }, who, cancel);

        // A known account locked by other means (the change-password form, its second factor, an administrator) waits too.
        if (wait is null && user is not null && await users.IsLockedOutAsync(user) && user.LockoutEnd is { } end)
            wait = end.UtcDateTime - DateTime.UtcNow;
        if (wait is { } throttled)
        {
            await Failed("too many attempts");
            return Refuse(SignInThrottle.Message(throttled));
        }

        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null)
        {
            // The same hashing work as a real account's wrong password, so the answer takes as long.
            UnknownAccount.Verify(users.PasswordHasher, Input.Password);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            // Lockout is the throttle's (below), counted the same way for known and unknown names.
            result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
        }

        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(account, cancel);
            if (result.RequiresTwoFactor) return RedirectToPage("/Account/SignInCode", new { ReturnUrl = SafeReturnUrl() });
            await audit.RecordAsync(AuditAction.SignedIn, "User", user!.Id, organisations, null, who, cancel);
            return LocalRedirect(SafeReturnUrl());
        }

        await Failed(user is null ? "no such account" : "wrong password");
        if (await throttle.WaitAfterFailureAsync(account, address, DateTime.UtcNow, cancel) is { } now)
        {
            // The failure that reaches the limit locks a real account for the same time, which ends its sessions too.
            if (user is not null) await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow + now);
            return Refuse(SignInThrottle.Message(now));
        }
        // The same words whether the user name or the password was wrong, so the page does not reveal who has an account.
        return Refuse("Enter a correct user name and password");
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError("Input.UserName", message);
        Errors = FormErrors.From(ModelState);
        return Page();
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}

/// <summary>A password hash of no account's password, checked when the name is unknown so that the work is the same.</summary>
internal static class UnknownAccount
{
    private static readonly CadreUser Nobody = new() { UserName = "(unknown)" };
    private static string? _hash;

    public static void Verify(IPasswordHasher<CadreUser> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your user name or email address")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
