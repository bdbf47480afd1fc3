using Cadre.Data.Auditing;
using Cadre.Web.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Account;

/// <summary>
/// An administrator resets another user's second factor (a lost phone). The same reach rule as every other change to an
/// account (<see cref="UserAdministration"/>): only an administrator of every organisation the user belongs to may do it,
/// since the second factor guards the account in all of them; the save guard refuses it otherwise too.
/// </summary>
[Authorize(Policy = CadrePolicies.ManageUsers)]
public sealed class ResetUserSecondFactorModel(CadreDbContext db, UserManager<CadreUser> users, AuditRecorder audit) : PageModel
{
    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public bool Enabled { get; private set; }
    public bool IsAdministrator { get; private set; }
    public bool MayReset { get; private set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancel)
    {
        var user = await LoadAsync(id, cancel);
        if (user is null) return NotFound();
        return MayReset || !Enabled ? Page() : Refused();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancel)
    {
        var user = await LoadAsync(id, cancel);
        if (user is null) return NotFound();
        if (!Enabled) return Page();
        if (!MayReset) return Refused();
        await SecondFactorReset.ResetAsync(users, user);
        await audit.RecordAsync(AuditAction.SecondFactorReset, "User", user.Id,
            await AuditEvents.OrganisationsOfUserAsync(db, user.Id, cancel), new { By = "an administrator" }, cancel: cancel);
        TempData["Notice"] = $"{Name}'s second factor has been reset.";
        return Redirect($"/users/{user.Id}");
    }

    private async Task<CadreUser?> LoadAsync(string id, CancellationToken cancel)
    {
        var user = await UserDirectory.Visible(db).FirstOrDefaultAsync(u => u.Id == id, cancel);
        if (user is null) return null;
        Id = user.Id;
        Name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName;
        Enabled = user.TwoFactorEnabled;
        IsAdministrator = await users.IsInRoleAsync(user, CadreRoles.Administrator);
        MayReset = await UserAdministration.ReachOfAsync(db, user.Id, cancel) == UserAdministration.Reach.Full;
        return user;
    }

    private PageResult Refused()
    {
        Errors = [new FormError("", UserAdministration.SharedUserRefusal)];
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }
}
