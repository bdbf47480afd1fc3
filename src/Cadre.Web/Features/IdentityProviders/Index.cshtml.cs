using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.IdentityProviders;

/// <summary>How the staff of each of the administrator's organisations sign in: a Cadre password, or also the organisation's own identity provider.</summary>
[Authorize(Policy = CadrePolicies.ManageUsers)]
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    public sealed record Row(Guid OrganisationId, string Organisation, OrganisationSignIn? Provider);
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel)
    {
        // Both queries are narrowed to the administrator's organisations by the organisation filter.
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancel);
        var providers = await db.OrganisationSignIns.AsNoTracking().ToDictionaryAsync(p => p.OrganisationId, cancel);
        Rows = organisations.Select(o => new Row(o.Id, o.Name, providers.GetValueOrDefault(o.Id))).ToList();
    }
}
