using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Posts;

/// <summary>
/// Removing a post that was added in error or has been disestablished. A post somebody holds cannot be removed: its
/// assignments must end first. The audit trail keeps the removed post's last values.
/// </summary>
[Authorize(Policy = CadrePolicies.EditPosts)]
public sealed class RemoveModel(CadreDbContext db) : PageModel
{
    public Post Post { get; private set; } = default!;
    public int Holders { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel)) return NotFound();
        if (Holders > 0) return Page();
        db.PostActivities.RemoveRange(Post.Activities);
        db.PostRoles.RemoveRange(Post.Roles);
        db.Posts.Remove(Post);
        await db.SaveChangesAsync(cancel);
        TempData["Removed"] = $"Post {Post.PostNumber} {Post.Title} removed. Its history stays in the audit trail.";
        return Redirect("/posts");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancel)
    {
        var post = await db.Posts.Include(p => p.Activities).Include(p => p.Roles).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancel);
        if (post is null) return false;
        Post = post;
        Holders = await db.Assignments.CountAsync(a => a.PostId == id, cancel);
        return true;
    }
}
