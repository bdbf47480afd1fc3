using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Users;

/// <summary>
/// Adding a user (/users/new: a one-time password is generated and shown once, on the page that confirms it; the user
/// chooses their own at first sign-in) and changing one (/users/{id}: organisations, roles, a service lead's departments,
/// unlocking, a new one-time password). An administrator gives access only to their own organisations and never touches
/// a user's membership of others. Users outside the administrator's organisations are not found; a user who also
/// belongs to an organisation the administrator does not run can only have their access withdrawn
/// (<see cref="UserAdministration"/>). Each save is one transaction; the data layer writes the audit rows.
/// </summary>
[Authorize(Policy = CadrePolicies.ManageUsers)]
public sealed class EditModel(CadreDbContext db, UserManager<CadreUser> users) : PageModel
{
    [BindProperty] public UserInput Input { get; set; } = new();
    public string? Id { get; private set; }
    public bool IsNew => Id is null;
    public bool LockedOut { get; private set; }
    /// <summary>For an existing user: whether this administrator may change everything or only withdraw access.</summary>
    public UserAdministration.Reach Reach { get; private set; } = UserAdministration.Reach.Full;
    public bool Shared => Reach == UserAdministration.Reach.WithdrawOnly;
    public string? GeneratedPassword { get; private set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, Guid OrganisationId)> Departments { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, string OdsCode)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancel)
    {
        Id = id;
        await LoadDepartmentsAsync(cancel);
        if (id is null)
        {
            if (Organisations.Count == 1) Input.OrganisationIds = [Organisations[0].Id];
            return Page();
        }
        var user = await FindAsync(id, cancel);
        if (user is null) return NotFound();
        Reach = await UserAdministration.ReachOfAsync(db, id, cancel);
        await FillInputAsync(user, cancel);
        return Page();
    }

    public const string EmailInUse = "This email address cannot be used for a new user. If the person is in your organisation, find them in the list of users; if they already use Cadre for another organisation, ask a system administrator to give them access to yours";

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancel)
    {
        Id = id;
        await LoadDepartmentsAsync(cancel);
        CadreUser? user = null;
        if (id is not null)
        {
            user = await FindAsync(id, cancel);
            if (user is null) return NotFound();
            LockedOut = await users.IsLockedOutAsync(user);
            if (await RefuseSharedAsync(user, cancel) is { } refused) return refused;
        }

        var roles = Input.Roles.Select(CadreRoles.Find).ToList();
        if (roles.Count == 0) ModelState.AddModelError("Input.Roles", "Select at least one role");
        else if (roles.Any(r => r is null)) ModelState.AddModelError("Input.Roles", "Select roles from the list");
        // An administrator of one organisation has nothing to choose: the form shows it as fixed.
        var organisations = Organisations.Count == 1 ? [Organisations[0].Id] : Input.OrganisationIds.Distinct().ToList();
        if (organisations.Count == 0) ModelState.AddModelError("Input.OrganisationIds", "Select the organisation whose register they may see");
        else if (organisations.Any(o => Organisations.All(x => x.Id != o))) ModelState.AddModelError("Input.OrganisationIds", "Select organisations from the list");
        var departments = Input.DepartmentIds.Distinct().ToList();
        if (departments.Any(d => !Departments.Any(x => x.Id == d))) ModelState.AddModelError("Input.DepartmentIds", "Select departments from the list");
        else if (departments.Any(d => !organisations.Contains(Departments.First(x => x.Id == d).OrganisationId)))
            ModelState.AddModelError("Input.DepartmentIds", "Select departments of the organisations they may see, or add that organisation");
        if (roles.Contains(CadreRoles.ServiceLead) && departments.Count == 0)
            ModelState.AddModelError("Input.DepartmentIds", "Select the departments this service lead leads; without one they would see nothing");
        // An administrator removing their own Administrator role would lock everyone out of this page.
        if (user is not null && user.Id == users.GetUserId(User) && !roles.Contains(CadreRoles.Administrator))
            ModelState.AddModelError("Input.Roles", "You cannot remove your own Administrator role; ask another administrator");
        // One message whoever holds the address, so the form never tells an administrator which organisation an email
        // belongs to, or that it belongs to one they cannot see (docs/decisions/user-access.md).
        if (IsNew && ModelState.IsValid && await users.FindByEmailAsync(Input.Email!.Trim()) is not null)
            ModelState.AddModelError("Input.Email", EmailInUse);
        if (!ModelState.IsValid) return Invalid();

        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        if (user is null)
        {
            var email = Input.Email!.Trim();
            user = new CadreUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Input.DisplayName!.Trim(), MustChangePassword = true };
            foreach (var organisation in organisations) user.Organisations.Add(new UserOrganisation { OrganisationId = organisation });
            GeneratedPassword = PasswordGenerator.Generate();
            var created = await users.CreateAsync(user, GeneratedPassword);
            if (!created.Succeeded)
            {
                GeneratedPassword = null;
                foreach (var e in created.Errors) ModelState.AddModelError(e.Code.Contains("Email") || e.Code.Contains("UserName") ? "Input.Email" : "", e.Description);
                return Invalid();
            }
        }
        else
        {
            user.DisplayName = Input.DisplayName!.Trim();
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded) { ModelState.AddModelError("Input.DisplayName", string.Join(" ", updated.Errors.Select(e => e.Description))); return Invalid(); }
        }

        var current = await users.GetRolesAsync(user);
        var wanted = roles.OfType<string>().ToList();
        if (current.Except(wanted).ToList() is { Count: > 0 } remove) await users.RemoveFromRolesAsync(user, remove);
        if (wanted.Except(current).ToList() is { Count: > 0 } add) await users.AddToRolesAsync(user, add);

        // Memberships of the administrator's own organisations follow the form; any others the user has are not theirs to change.
        if (!IsNew)
        {
            var mine = MyOrganisationIds();
            var held = await db.UserOrganisations.Where(m => m.UserId == user.Id && mine.Contains(m.OrganisationId)).ToListAsync(cancel);
            db.UserOrganisations.RemoveRange(held.Where(m => !organisations.Contains(m.OrganisationId)));
            db.UserOrganisations.AddRange(organisations.Where(o => held.All(m => m.OrganisationId != o)).Select(o => new UserOrganisation { UserId = user.Id, OrganisationId = o }));
        }

        // Department scopes only mean something for a service lead; other roles see every department anyway.
        var keep = wanted.Contains(CadreRoles.ServiceLead) ? departments : [];
        // Only grants of the administrator's own departments are theirs to change (a grant elsewhere would be refused).
        var mineDepartments = MyDepartmentIds();
        var existing = await db.UserDepartmentScopes.Where(s => s.UserId == user.Id && mineDepartments.Contains(s.DepartmentId)).ToListAsync(cancel);
        db.UserDepartmentScopes.RemoveRange(existing.Where(s => !keep.Contains(s.DepartmentId)));
        db.UserDepartmentScopes.AddRange(keep.Where(d => existing.All(s => s.DepartmentId != d)).Select(d => new UserDepartmentScope { UserId = user.Id, DepartmentId = d }));
        await db.SaveChangesAsync(cancel);
        // Roles and departments travel in the sign-in cookie; a new security stamp makes Identity's periodic check (every
        // 30 minutes by default) reject the old cookie, so the user signs in again and gets the new reach.
        if (!IsNew) await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancel);

        if (IsNew) return Page(); // The only time the password is shown: not put in a cookie or a redirect.
        TempData["Saved"] = $"{user.DisplayName}'s access updated";
        return Redirect("/users");
    }

    /// <summary>A new one-time password, shown once: for someone who has forgotten theirs. They choose their own at next sign-in.</summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken cancel)
    {
        Id = id;
        await LoadDepartmentsAsync(cancel);
        var user = await FindAsync(id, cancel);
        if (user is null) return NotFound();
        if (await RefuseSharedAsync(user, cancel) is { } refused) return refused;
        if (user.Id == users.GetUserId(User))
        {
            TempData["Notice"] = "To change your own password, use this page.";
            return Redirect("/account/password");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var password = PasswordGenerator.Generate();
        user.MustChangePassword = true;
        var removed = await users.RemovePasswordAsync(user);
        var added = removed.Succeeded ? await users.AddPasswordAsync(user, password) : removed;
        if (!added.Succeeded)
        {
            ModelState.AddModelError("", string.Join(" ", added.Errors.Select(e => e.Description)));
            return Invalid();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await transaction.CommitAsync(cancel);
        Input = new UserInput { Email = user.Email, DisplayName = user.DisplayName };
        GeneratedPassword = password;
        PasswordReset = true;
        return Page(); // shown once, never put in a cookie or a redirect
    }

    /// <summary>True when <see cref="GeneratedPassword"/> replaces an existing user's password (not a new user's first).</summary>
    public bool PasswordReset { get; private set; }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancel)
    {
        Id = id;
        await LoadDepartmentsAsync(cancel);
        var user = await FindAsync(id, cancel);
        if (user is null) return NotFound();
        if (await RefuseSharedAsync(user, cancel) is { } refused) return refused;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Saved"] = $"{user.DisplayName} can sign in again";
        return Redirect("/users");
    }

    /// <summary>
    /// Takes away the user's access to the administrator's own organisations and the departments in them; what they hold
    /// elsewhere stays. The only change an administrator may make to a user shared with another organisation, and open
    /// to any user they can see. Their sessions end, so the withdrawal takes effect on their next request.
    /// </summary>
    public async Task<IActionResult> OnPostWithdrawAccessAsync(string id, CancellationToken cancel)
    {
        Id = id;
        await LoadDepartmentsAsync(cancel);
        var user = await FindAsync(id, cancel);
        if (user is null) return NotFound();
        if (user.Id == users.GetUserId(User))
        {
            Reach = await UserAdministration.ReachOfAsync(db, id, cancel);
            await FillInputAsync(user, cancel);
            ModelState.AddModelError("", "You cannot remove your own access; ask another administrator");
            return Invalid();
        }
        var mine = MyOrganisationIds();
        var mineDepartments = MyDepartmentIds();
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        db.UserOrganisations.RemoveRange(await db.UserOrganisations.Where(m => m.UserId == id && mine.Contains(m.OrganisationId)).ToListAsync(cancel));
        db.UserDepartmentScopes.RemoveRange(await db.UserDepartmentScopes.Where(s => s.UserId == id && mineDepartments.Contains(s.DepartmentId)).ToListAsync(cancel));
        await db.SaveChangesAsync(cancel);
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancel);
        TempData["Saved"] = $"{user.DisplayName} no longer has access to {string.Join(" or ", Organisations.Select(o => o.Name))}";
        return Redirect("/users");
    }

    /// <summary>
    /// The refusal for any change but withdrawing access to a user shared with an organisation this administrator does
    /// not run: the page again, with the reason, answered 403 (the save guard would refuse the write anyway).
    /// </summary>
    private async Task<IActionResult?> RefuseSharedAsync(CadreUser user, CancellationToken cancel)
    {
        Reach = await UserAdministration.ReachOfAsync(db, user.Id, cancel);
        if (!Shared) return null;
        await FillInputAsync(user, cancel);
        Errors = [new FormError("withdraw-access", UserAdministration.SharedUserRefusal)];
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    private async Task FillInputAsync(CadreUser user, CancellationToken cancel)
    {
        var mineDepartments = MyDepartmentIds();
        Input = new UserInput
        {
            Email = user.Email, DisplayName = user.DisplayName,
            Roles = [.. await users.GetRolesAsync(user)],
            DepartmentIds = await db.UserDepartmentScopes.Where(s => s.UserId == user.Id && mineDepartments.Contains(s.DepartmentId)).Select(s => s.DepartmentId).ToListAsync(cancel),
            OrganisationIds = await MembershipsAsync(user.Id, cancel),
        };
        LockedOut = await users.IsLockedOutAsync(user);
    }

    // The administrator's own organisations and departments, as loaded by LoadDepartmentsAsync: the only ones whose
    // memberships and grants this page reads or changes.
    private List<Guid> MyOrganisationIds() => Organisations.Select(o => o.Id).ToList();
    private List<Guid> MyDepartmentIds() => Departments.Select(d => d.Id).ToList();

    private IActionResult Invalid()
    {
        Errors = FormErrors.From(ModelState, ["Input.Email", "Input.DisplayName", "Input.OrganisationIds", "Input.Roles", "Input.DepartmentIds"]);
        return Page();
    }

    private Task<CadreUser?> FindAsync(string id, CancellationToken cancel) => UserDirectory.Visible(db).FirstOrDefaultAsync(u => u.Id == id, cancel);

    private async Task LoadDepartmentsAsync(CancellationToken cancel)
    {
        // The administrator's organisations and their departments (the query filters limit both to the administrator's reach).
        Organisations = (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.OdsCode }).ToListAsync(cancel))
            .Select(o => (o.Id, o.Name, o.OdsCode)).ToList();
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name, d.OrganisationId }).ToListAsync(cancel))
            .Select(d => (d.Id, d.Name, d.OrganisationId)).ToList();
    }

    private async Task<List<Guid>> MembershipsAsync(string userId, CancellationToken cancel)
    {
        var mine = MyOrganisationIds();
        return await db.UserOrganisations.Where(m => m.UserId == userId && mine.Contains(m.OrganisationId)).Select(m => m.OrganisationId).ToListAsync(cancel);
    }
}

public sealed class UserInput
{
    [Required(ErrorMessage = "Enter the email address they sign in with")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@nhs.net")]
    [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter their name as other users will see it")]
    [StringLength(100, ErrorMessage = "Name must be 100 characters or fewer")]
    public string? DisplayName { get; set; }

    public List<Guid> OrganisationIds { get; set; } = [];
    public List<string> Roles { get; set; } = [];
    public List<Guid> DepartmentIds { get; set; } = [];
}
