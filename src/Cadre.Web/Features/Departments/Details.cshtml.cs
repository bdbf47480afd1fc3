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
    public int ToCheck { get; private set; }
    /// <summary>INTEL-COST-01 for this department; null when the role may not see it (fewer than 5 people, no people role).</summary>
    public Cadre.Core.Money.EstablishmentCostResult? Cost { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        var department = await db.Departments.AsNoTracking().Include(d => d.Accreditations).FirstOrDefaultAsync(d => d.Id == id, cancel);
        if (department is null) return NotFound();
        Department = department;
        CanSeePeople = (await authorization.AuthorizeAsync(User, CadrePolicies.SeePeople)).Succeeded;
        CanEdit = (await authorization.AuthorizeAsync(User, CadrePolicies.EditServices)).Succeeded;
        if (CanSeePeople && department.LeadPersonId is { } lead)
            LeadName = await db.People.AsNoTracking().Where(p => p.Id == lead).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefaultAsync(cancel);
        var today = Cadre.Web.Features.Posts.PostQuery.Today;
        var posts = await db.Posts.AsNoTracking().Where(p => p.DepartmentId == id).Select(p => new { p.Id, p.Band, p.FundedWte, p.Status }).ToListAsync(cancel);
        var area = await db.Organisations.AsNoTracking().Where(o => o.Id == department.OrganisationId).Select(o => o.HighCostArea).FirstOrDefaultAsync(cancel);
        // Joined in the database rather than passed as a list of ids: a large department has thousands of posts.
        var filledRows = (await db.Assignments.AsNoTracking().Where(Establishment.CurrentOn(today)).Where(a => a.Post!.DepartmentId == id)
            .Select(a => new { a.PostId, a.PersonId, a.Wte, a.PayPoint }).ToListAsync(cancel));
        var people = filledRows.Select(a => a.PersonId).Distinct().Count();
        var filled = filledRows.GroupBy(a => a.PostId).ToDictionary(g => g.Key, g => g.Sum(a => a.Wte));
        Occupancy Of(PostStatus status, Guid post) => Establishment.OccupancyOf(status, filled.GetValueOrDefault(post));
        Posts = posts.Count;
        FundedWte = posts.Where(p => Establishment.IsFunded(p.Status)).Sum(p => p.FundedWte);
        Vacant = posts.Count(p => Of(p.Status, p.Id) == Occupancy.Vacant);
        Frozen = posts.Count(p => Of(p.Status, p.Id) == Occupancy.Frozen);
        ToCheck = posts.Count(p => Establishment.TypedStatusDisagrees(p.Status, filled.GetValueOrDefault(p.Id)));
        if (Cadre.Core.Intelligence.WorkforceCost.MayShow(people, CanSeePeople))
        {
            var holders = filledRows.ToLookup(a => a.PostId, a => new Cadre.Core.Money.HolderPay(a.Wte, a.PayPoint));
            Cost = Cadre.Core.Money.EstablishmentCost.Of(posts.Select(p => new Cadre.Core.Money.PostCostInput(p.Id, p.Band, p.Status, p.FundedWte,
                filled.GetValueOrDefault(p.Id), holders[p.Id].ToList(), area)), today, Cadre.Core.Intelligence.WorkforceCost.Default);
        }
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
