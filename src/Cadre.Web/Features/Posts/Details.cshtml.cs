using Cadre.Core.Register;
using Cadre.Data;
using Cadre.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Posts;

public sealed class DetailsModel(CadreDbContext db, IAuthorizationService authorization) : PageModel
{
    public Post Post { get; private set; } = default!;
    public bool CanSeePeople { get; private set; }
    public bool CanEdit { get; private set; }
    public IReadOnlyList<Holder> Holders { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    public sealed record Holder(Guid PersonId, string Name, decimal Wte, DateOnly Start, DateOnly? End);
    public sealed record HistoryItem(DateTime When, string Who, string What, IReadOnlyList<FieldChange> Changes);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        // The organisation scope's filters make another organisation's post simply not found: 404, never 403.
        var post = await db.Posts.AsNoTracking()
            .Include(p => p.Department)
            .Include(p => p.Activities)
            .Include(p => p.Roles)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, cancel);
        if (post is null) return NotFound();
        Post = post;
        CanSeePeople = (await authorization.AuthorizeAsync(User, CadrePolicies.SeePeople)).Succeeded;
        CanEdit = (await authorization.AuthorizeAsync(User, CadrePolicies.EditPosts)).Succeeded;

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.PostId == id)
            .OrderByDescending(a => a.StartDate)
            .Select(a => new { a.PersonId, a.Person!.GivenName, a.Person.FamilyName, a.Wte, a.StartDate, a.EndDate })
            .ToListAsync(cancel);
        Holders = assignments.Select(a => new Holder(a.PersonId, CanSeePeople ? $"{a.GivenName} {a.FamilyName}".Trim() : "", a.Wte, a.StartDate, a.EndDate)).ToList();

        var keys = new List<string> { id.ToString() };
        keys.AddRange(post.Activities.Select(a => a.Id.ToString()));
        keys.AddRange(post.Roles.Select(r => r.Id.ToString()));
        // Rows removed from the post (a dropped job description or time split) are no longer in its lists; their
        // deletions are found by the post id in the row as it was. Deletions are few, so this stays a small scan.
        var postKey = $"\"PostId\":\"{id}\"";
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => keys.Contains(e.EntityId)
                || (e.Action == AuditAction.Deleted && (e.EntityType == "PostRole" || e.EntityType == "PostActivity") && e.Before!.Contains(postKey)))
            .OrderByDescending(e => e.When).Take(200)
            .ToListAsync(cancel);
        var changes = await AuditDiff.NameDepartmentsAsync(db, entries.Select(e => AuditDiff.Changes(e)).ToList(), cancel);
        History = entries.Select((e, i) => new HistoryItem(e.When, e.Who, Describe(e), changes[i])).ToList();
        return Page();
    }

    public bool IsCurrent(Holder h) => h.Start <= DateOnly.FromDateTime(DateTime.UtcNow) && (h.End is null || h.End >= DateOnly.FromDateTime(DateTime.UtcNow));

    private static string Describe(AuditEntry e)
    {
        var thing = e.EntityType switch
        {
            "Post" => "Post",
            "PostActivity" => "Time split",
            "PostRole" => "Role (job description)",
            _ => AuditDiff.Humanise(e.EntityType),
        };
        return $"{thing} {e.Action.ToString().ToLowerInvariant()}";
    }
}
