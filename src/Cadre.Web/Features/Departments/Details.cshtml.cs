using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Departments;

/// <summary>A department or service: its theme, site, lead and accreditation, and its establishment at a glance.</summary>
public sealed class DetailsModel(CadreDbContext db, IAuthorizationService authorization) : PageModel
{
    public Department Department { get; private set; } = default!;
    public string? LeadName { get; private set; }
    public bool CanSeePeople { get; private set; }
    public bool CanEdit { get; private set; }
    public int Posts { get; private set; }
    public decimal FundedWte { get; private set; }
    public int Vacant { get; private set; }
    public int Frozen { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        var department = await db.Departments.AsNoTracking().Include(d => d.Accreditations).FirstOrDefaultAsync(d => d.Id == id, cancel);
        if (department is null) return NotFound();
        Department = department;
        CanSeePeople = (await authorization.AuthorizeAsync(User, CadrePolicies.SeePeople)).Succeeded;
        CanEdit = (await authorization.AuthorizeAsync(User, CadrePolicies.EditServices)).Succeeded;
        if (CanSeePeople && department.LeadPersonId is { } lead)
            LeadName = await db.People.AsNoTracking().Where(p => p.Id == lead).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefaultAsync(cancel);
        var posts = await db.Posts.AsNoTracking().Where(p => p.DepartmentId == id).Select(p => new { p.Id, p.FundedWte, p.Status }).ToListAsync(cancel);
        var ids = posts.Select(p => p.Id).ToList();
        var filled = await Cadre.Web.Features.Posts.PostQuery.FilledWteAsync(db, ids, cancel);
        Posts = posts.Count;
        FundedWte = posts.Where(p => p.Status != PostStatus.Frozen).Sum(p => p.FundedWte);
        Vacant = posts.Count(p => p.Status != PostStatus.Frozen && filled.GetValueOrDefault(p.Id) == 0);
        Frozen = posts.Count(p => p.Status == PostStatus.Frozen);
        return Page();
    }

    public static string AccreditationTag(AccreditationStatus s) => s switch
    {
        AccreditationStatus.Accredited => "nhsuk-tag nhsuk-tag--green",
        AccreditationStatus.Applied or AccreditationStatus.Planned => "nhsuk-tag nhsuk-tag--blue",
        AccreditationStatus.Suspended => "nhsuk-tag nhsuk-tag--orange",
        _ => "nhsuk-tag nhsuk-tag--red",
    };
}
