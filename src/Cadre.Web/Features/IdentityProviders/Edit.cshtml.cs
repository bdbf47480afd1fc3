using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.IdentityProviders;

/// <summary>
/// An administrator sets their organisation's identity provider. The client secret is write-only: the page says whether
/// one is set and takes a new one to replace it, never showing it back. Only administrators of that organisation reach
/// the page (another organisation's answer 403); every save is in the organisation's audit trail, without the secret.
/// </summary>
[Authorize(Policy = CadrePolicies.ManageUsers)]
public sealed class EditModel(CadreDbContext db, OrganisationSignInSecret secrets, TimeProvider clock) : PageModel
{
    [BindProperty] public ProviderInput Input { get; set; } = new();
    public string OrganisationName { get; private set; } = "";
    public bool SecretSet { get; private set; }
    public string RedirectUri => Account.SignInReturnModel.RedirectUri(Request);
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    private static readonly string[] FieldOrder = ["Input.DisplayName", "Input.Issuer", "Input.ClientId", "Input.ClientSecret", "Input.UserClaim", "Input.Enabled"];

    public async Task<IActionResult> OnGetAsync(Guid organisationId, CancellationToken cancel)
    {
        if (await RefusalAsync(organisationId, cancel) is { } refused) return refused;
        var existing = await db.OrganisationSignIns.AsNoTracking().FirstOrDefaultAsync(p => p.OrganisationId == organisationId, cancel);
        if (existing is not null)
            Input = new ProviderInput { DisplayName = existing.DisplayName, Issuer = existing.Issuer, ClientId = existing.ClientId, UserClaim = existing.UserClaim, Enabled = existing.Enabled };
        SecretSet = existing?.ProtectedClientSecret is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid organisationId, CancellationToken cancel)
    {
        if (await RefusalAsync(organisationId, cancel) is { } refused) return refused;
        var existing = await db.OrganisationSignIns.FirstOrDefaultAsync(p => p.OrganisationId == organisationId, cancel);
        SecretSet = existing?.ProtectedClientSecret is not null;
        var request = new OrganisationSignInRequest(Input.DisplayName ?? "", Input.Issuer ?? "", Input.ClientId ?? "", Input.ClientSecret,
            Input.UserClaim ?? "", Input.Enabled);
        foreach (var (field, message) in OrganisationSignInSettings.Check(request, existing))
            ModelState.AddModelError($"Input.{field}", message);
        if (!ModelState.IsValid) return Invalid();
        await OrganisationSignInSettings.ApplyAsync(db, organisationId, existing, request, secrets, AuditActor.FromClaims(User).Name,
            clock.GetUtcNow().UtcDateTime, cancel);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (Cadre.Data.Auditing.OrganisationScopeException e)
        {
            // A link to remove belongs to a user shared with an organisation this administrator does not run.
            ModelState.AddModelError("Input.Issuer", $"The provider cannot be changed by you: {e.Message}");
            return Invalid();
        }
        TempData["Notice"] = Input.Enabled
            ? $"Saved. Staff of {OrganisationName} can now choose “Sign in with {request.DisplayName.Trim()}”."
            : $"Saved. Sign-in with {request.DisplayName.Trim()} is turned off.";
        return Redirect($"/organisations/{organisationId}/sign-in");
    }

    private PageResult Invalid()
    {
        Input.ClientSecret = null; // never echoed back into the page
        Errors = FormErrors.From(ModelState, FieldOrder);
        return Page();
    }

    /// <summary>403 for an organisation the administrator does not belong to (the filter hides it), 404 for none at all.</summary>
    private async Task<IActionResult?> RefusalAsync(Guid organisationId, CancellationToken cancel)
    {
        OrganisationName = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(cancel) ?? "";
        if (OrganisationName.Length > 0) return null;
        return await db.Organisations.IgnoreQueryFilters([CadreDbContext.OrganisationFilter]).AnyAsync(o => o.Id == organisationId, cancel)
            ? Forbid() : NotFound();
    }
}

public sealed class ProviderInput
{
    public string? DisplayName { get; set; }
    public string? Issuer { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? UserClaim { get; set; } = OrganisationSignIn.DefaultUserClaim;
    public bool Enabled { get; set; }
}
