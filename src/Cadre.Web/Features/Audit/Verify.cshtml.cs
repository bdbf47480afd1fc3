using Cadre.Data.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Audit;

/// <summary>
/// Administrators check the audit trail's hash chain, as `cadre audit verify` does. The chain runs through every
/// organisation's entries, so the page reports only where it breaks and why, never another organisation's entry.
/// </summary>
[Authorize(Policy = CadrePolicies.ManageUsers)]
public sealed class VerifyModel(CadreDbContext db, DatabaseOptions database) : PageModel
{
    public AuditChainReport? Report { get; private set; }
    public IReadOnlyList<string> Lines { get; private set; } = [];

    public void OnGet() { }

    public async Task OnPostAsync(CancellationToken cancel)
    {
        Report = await AuditChain.VerifyAsync(db, AuditChainInterceptor.For(database.KeyDirectory).Key, cancel);
        Lines = AuditChainWords.Describe(Report);
    }
}
