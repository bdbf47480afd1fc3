using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Users;

/// <summary>The accounts of the administrator's own organisation(s): who can sign in, with which roles, and who is locked out.</summary>
[Authorize(Policy = CadrePolicies.ManageUsers)]
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    /// <param name="Shared">Also a user of an organisation the administrator does not run: only access can be withdrawn.</param>
    public sealed record UserRow(string Id, string Name, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments, bool LockedOut, bool Shared);

    public async Task OnGetAsync(CancellationToken cancel) => Rows = await UserDirectory.ListAsync(db, cancel);
}

/// <summary>Users visible to an administrator: those who belong to one of the administrator's organisations.</summary>
public static class UserDirectory
{
    public static IQueryable<CadreUser> Visible(CadreDbContext db)
    {
        var organisations = db.Scope.OrganisationIds.ToArray();
        return db.Users.Where(u => db.UserOrganisations.Any(o => o.UserId == u.Id && organisations.Contains(o.OrganisationId)));
    }

    public static async Task<IReadOnlyList<IndexModel.UserRow>> ListAsync(CadreDbContext db, CancellationToken cancel)
    {
        var users = await Visible(db).AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd }).ToListAsync(cancel);
        var ids = users.Select(u => u.Id).ToArray();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(cancel);
        var departments = await (from s in db.UserDepartmentScopes join d in db.Departments on s.DepartmentId equals d.Id where ids.Contains(s.UserId) select new { s.UserId, d.Name })
            .ToListAsync(cancel);
        var mine = db.Scope.OrganisationIds.ToArray();
        var shared = (await db.UserOrganisations.Where(m => ids.Contains(m.UserId) && !mine.Contains(m.OrganisationId)).Select(m => m.UserId).Distinct().ToListAsync(cancel)).ToHashSet();
        var now = DateTimeOffset.UtcNow;
        return users.Select(u => new IndexModel.UserRow(u.Id, u.DisplayName, u.Email ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => RoleLabel(r.Name)).Order().ToList(),
            departments.Where(d => d.UserId == u.Id).Select(d => d.Name).Order().ToList(),
            u.LockoutEnd is { } end && end > now, shared.Contains(u.Id))).ToList();
    }

    public static string RoleLabel(string? role) => role switch
    {
        CadreRoles.Administrator => "Administrator",
        CadreRoles.WorkforceInformation => "Workforce information",
        CadreRoles.ServiceLead => "Service lead",
        CadreRoles.JobEvaluationPanel => "Job evaluation panel member",
        CadreRoles.Viewer => "Viewer",
        _ => role ?? "",
    };
}
