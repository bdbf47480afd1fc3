using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Tokens;

/// <summary>
/// Administrators make and revoke API tokens for their organisations' integrations. A new token's secret is shown on
/// this page once and is not kept (only its digest). See docs/decisions/sessions-and-tokens.md.
/// </summary>
[Authorize(Policy = CadrePolicies.ManageUsers)]
public sealed class IndexModel(CadreDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public TokenInput Input { get; set; } = new();
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public IssuedApiToken? Issued { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public IEnumerable<SelectListItem> OrganisationItems => Organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString()));

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Input.ExpiresOn = Today.AddDays(90);
        await LoadAsync(cancel);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        await LoadAsync(cancel);
        if (Organisations.Count == 1) Input.OrganisationId = Organisations[0].Id;
        var request = new ApiTokenRequest(Input.Name ?? "", Input.Kind, Input.Access, Input.Areas, Input.OrganisationId ?? Guid.Empty,
            Input.ExpiresOn ?? Today);
        foreach (var (field, message) in ApiTokenStore.Check(request, Organisations.Select(o => o.Id).ToList(), Today))
            ModelState.AddModelError($"Input.{field}", message);
        if (Input.ExpiresOn is null) ModelState.AddModelError("Input.ExpiresOn", "Enter the date the token stops working");
        if (!ModelState.IsValid)
        {
            Errors = FormErrors.From(ModelState, ["Input.Name", "Input.Kind", "Input.OrganisationId", "Input.Access", "Input.Areas", "Input.ExpiresOn"]);
            return Page();
        }
        Issued = ApiTokenStore.Issue(db, request, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            AuditActor.FromClaims(User).Name, Now);
        await db.SaveChangesAsync(cancel);
        return Page(); // the only time the secret is shown: never in a cookie, redirect or log
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancel)
    {
        // The organisation filter hides other organisations' tokens: one of theirs is simply not found.
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, cancel);
        if (token is null) return NotFound();
        if (token.RevokedAt is null)
        {
            token.RevokedAt = Now;
            token.RevokedBy = AuditActor.FromClaims(User).Name;
            await db.SaveChangesAsync(cancel);
        }
        TempData["Notice"] = $"The token “{token.Name}” has been revoked. Programs using it are refused from now on.";
        return Redirect("/tokens");
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        Organisations = (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancel))
            .Select(o => (o.Id, o.Name)).ToList();
        Tokens = await db.ApiTokens.AsNoTracking().OrderBy(t => t.RevokedAt != null).ThenBy(t => t.Name).ToListAsync(cancel);
    }

    public string OrganisationName(Guid id) => Organisations.FirstOrDefault(o => o.Id == id).Name ?? "";
}

public sealed class TokenInput
{
    public string? Name { get; set; }
    public ApiTokenKind Kind { get; set; } = ApiTokenKind.Service;
    public Guid? OrganisationId { get; set; }
    public ApiTokenAccess Access { get; set; } = ApiTokenAccess.Read;
    public List<string> Areas { get; set; } = [];
    public DateOnly? ExpiresOn { get; set; }
}
