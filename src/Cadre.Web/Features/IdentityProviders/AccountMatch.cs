using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.IdentityProviders;

/// <summary>Who an identity provider's answer signs in, or why nobody: <see cref="Reason"/> for the audit trail, <see cref="Words"/> for the page.</summary>
public sealed record AccountMatch(CadreUser? User, bool NewLink, string? Reason, string? Words)
{
    public bool Refused => User is null;

    /// <summary>
    /// Just-in-time linking (docs/decisions/sign-in.md). A subject the provider linked before signs in that account.
    /// Otherwise the configured claim must name the email of an <i>existing</i> Cadre account (no account is ever made
    /// here), which is then linked. Either way the account must belong to the provider's organisation and to no other: a
    /// provider is set by its organisation's administrators, and vouching for a user shared with another organisation
    /// would let them sign in with access they do not administer (the takeover of docs/decisions/user-access.md).
    /// </summary>
    public static async Task<AccountMatch> FindAsync(UserManager<CadreUser> users, CadreDbContext db, OrganisationSignIn provider,
        string organisationName, ClaimsIdentity claims, CancellationToken cancel)
    {
        var subject = claims.FindFirst("sub")!.Value;
        var user = await users.FindByLoginAsync(provider.LoginProvider, subject);
        var newLink = false;
        if (user is null)
        {
            var asserted = claims.FindFirst(provider.UserClaim)?.Value?.Trim();
            if (string.IsNullOrEmpty(asserted))
                return Refuse($"the answer has no ‘{provider.UserClaim}’ claim",
                    $"{provider.DisplayName} did not say who you are (its answer has no ‘{provider.UserClaim}’). Ask your Cadre administrator to check the sign-in settings.");
            if (provider.UserClaim == "email" && claims.FindFirst("email_verified")?.Value == "false")
                return Refuse("the email address is not verified",
                    $"{provider.DisplayName} says your email address {asserted} is not verified, so Cadre cannot tell whose account it is. Verify it there, then sign in again.");
            user = await users.FindByEmailAsync(asserted);
            if (user is null)
                return Refuse("no such account",
                    $"There is no Cadre account for {asserted}. Cadre does not create accounts when people sign in: ask your Cadre administrator to add you, then sign in again.");
            var earlier = await users.GetLoginsAsync(user);
            if (earlier.Any(l => l.LoginProvider == provider.LoginProvider))
                return Refuse("the account is linked to another identity at this provider",
                    $"Your Cadre account is already linked to a different {provider.DisplayName} identity. Ask your Cadre administrator to check it.", user);
            newLink = true;
        }

        var organisations = await db.UserOrganisations.Where(m => m.UserId == user.Id).Select(m => m.OrganisationId).ToListAsync(cancel);
        if (!organisations.Contains(provider.OrganisationId))
            return Refuse("not a user of the provider's organisation",
                $"{provider.DisplayName} signs in staff of {organisationName} only, and your Cadre account is not one of theirs. Sign in with your own organisation's sign-in or your Cadre password.", user);
        if (organisations.Count > 1)
            return Refuse("the account belongs to other organisations too",
                $"Your Cadre account gives access to more than one organisation, so it signs in with its Cadre password: {organisationName}'s sign-in cannot vouch for access to the others.", user);
        return new AccountMatch(user, newLink, null, null);
    }

    /// <summary>A refusal; <paramref name="known"/> is the account it concerned, for that account's own trail.</summary>
    private static AccountMatch Refuse(string reason, string words, CadreUser? known = null) => new(null, false, reason, words) { Known = known };

    /// <summary>The account a refusal concerned, if the answer named one.</summary>
    public CadreUser? Known { get; init; }
}
