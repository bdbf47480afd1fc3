using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Departments;

/// <summary>The services (departments) the user can see, with theme, site, lead and accreditation at a glance.</summary>
public sealed class IndexModel(CadreDbContext db, IAuthorizationService authorization) : PageModel
{
    /// <summary>
    /// Accreditation expiring within this many days is flagged: a UKAS reassessment is booked and prepared for months
    /// ahead, so a head of service needs to see it coming well before the date.
    /// </summary>
    public const int ExpiringSoonDays = 180;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanSeePeople { get; private set; }

    public sealed record Row(Guid Id, string Name, char? Theme, string? Site, string? Lead, bool HasLead, IReadOnlyList<Accreditation> Accreditations);

    public async Task OnGetAsync(CancellationToken cancel)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, CadrePolicies.EditServices)).Succeeded;
        CanSeePeople = (await authorization.AuthorizeAsync(User, CadrePolicies.SeePeople)).Succeeded;
        var departments = await db.Departments.AsNoTracking().Include(d => d.Accreditations).OrderBy(d => d.Name).ToListAsync(cancel);
        var leadIds = departments.Where(d => d.LeadPersonId != null).Select(d => d.LeadPersonId!.Value).ToList();
        var leads = CanSeePeople
            ? await db.People.AsNoTracking().Where(p => leadIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancel)
            : [];
        Rows = departments.Select(d => new Row(d.Id, d.Name, d.ScienceTheme, d.Site,
            d.LeadPersonId is { } l ? leads.GetValueOrDefault(l) : null, d.LeadPersonId is not null, d.Accreditations)).ToList();
    }

    /// <summary>"Expired" or "Expires soon" for an accreditation that is (or was) in force; null when nothing to flag.</summary>
    public static string? ExpiryFlag(Accreditation a, DateOnly today) =>
        a.ExpiresOn is not { } e || a.Status is AccreditationStatus.Withdrawn or AccreditationStatus.Planned ? null
        : e < today ? "Expired"
        : e <= today.AddDays(ExpiringSoonDays) ? "Expires soon"
        : null;
}
