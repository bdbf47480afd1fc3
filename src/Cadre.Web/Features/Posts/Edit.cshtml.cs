using Cadre.Core.Register;
using Cadre.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Posts;

/// <summary>Adding a post (/posts/new) and changing one (/posts/{id}/edit): one form, validated field by field.</summary>
[Authorize(Policy = CadrePolicies.EditPosts)]
public sealed class EditModel(CadreDbContext db) : PageModel
{
    [BindProperty] public PostInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public string? PostLabel { get; private set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public List<SelectListItem> Departments { get; private set; } = [];
    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancel)
    {
        Id = id;
        if (id is { } existing)
        {
            var post = await LoadAsync(existing, tracked: false, cancel);
            if (post is null) return NotFound();
            Input = PostInput.From(post);
            PostLabel = $"{post.PostNumber} {post.Title}";
        }
        else
        {
            Input.PadActivities();
            if (Guid.TryParse(Request.Query["department"], out var department)) Input.DepartmentId = department;
        }
        await LoadDepartmentsAsync(cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancel)
    {
        Id = id;
        await LoadDepartmentsAsync(cancel);
        Post? post;
        if (id is { } existing)
        {
            post = await LoadAsync(existing, tracked: true, cancel);
            if (post is null) return NotFound();
            PostLabel = $"{post.PostNumber} {post.Title}";
        }
        else
        {
            post = new Post();
        }

        // The department must be one the user may work in; anything else reads as "not found" in their list.
        var department = Input.DepartmentId is { } d ? await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d, cancel) : null;
        if (Input.DepartmentId is not null && (department is null || !Departments.Any(x => x.Value == department.Id.ToString())))
        {
            ModelState.AddModelError("Input.DepartmentId", "Select a department from the list");
        }
        if (department is not null) post.OrganisationId = department.OrganisationId;

        var valid = ModelState.IsValid;
        valid &= Input.ApplyTo(post, ModelState);
        if (valid)
        {
            var number = post.PostNumber;
            var organisation = post.OrganisationId;
            var postId = post.Id;
            if (await db.Posts.AnyAsync(p => p.PostNumber == number && p.OrganisationId == organisation && p.Id != postId, cancel))
            {
                ModelState.AddModelError("Input.PostNumber", $"Post number {number} is already used by another post in this organisation");
                valid = false;
            }
        }
        if (!valid)
        {
            Errors = FormErrors.From(ModelState, PostInput.FieldOrder);
            Input.PadActivities();
            return Page();
        }

        if (id is null)
        {
            foreach (var a in Input.PendingActivities) { a.PostId = post.Id; a.OrganisationId = post.OrganisationId; }
            post.Activities = Input.PendingActivities;
            foreach (var r in Input.PendingRoles) { r.PostId = post.Id; r.OrganisationId = post.OrganisationId; }
            post.Roles = Input.PendingRoles;
            db.Posts.Add(post);
        }
        else
        {
            // Refuse a save made on a stale copy: someone else changed the post after this form was opened.
            db.Entry(post).Property(p => p.Version).OriginalValue = Input.Version;
            if (!SameActivities(post.Activities, Input.PendingActivities))
            {
                db.RemoveRange(post.Activities);
                foreach (var a in Input.PendingActivities) { a.PostId = post.Id; a.OrganisationId = post.OrganisationId; db.Add(a); }
            }
            // Replaced only when changed, so an unchanged post writes no audit rows for its job descriptions.
            if (!SameRoles(post.Roles, Input.PendingRoles))
            {
                db.RemoveRange(post.Roles);
                foreach (var r in Input.PendingRoles) { r.PostId = post.Id; r.OrganisationId = post.OrganisationId; db.Add(r); }
            }
        }
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("Input.PostNumber", "Someone else changed this post while you were editing it. Open it again to see their change, then make yours.");
            Errors = FormErrors.From(ModelState);
            Input.PadActivities();
            return Page();
        }
        TempData["Saved"] = id is null ? $"Post {post.PostNumber} added" : $"Post {post.PostNumber} updated";
        return Redirect($"/posts/{post.Id}");
    }

    private Task<Post?> LoadAsync(Guid id, bool tracked, CancellationToken cancel)
    {
        var query = db.Posts.Include(p => p.Activities).Include(p => p.Roles).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, cancel);
    }

    private async Task LoadDepartmentsAsync(CancellationToken cancel)
    {
        var departments = await WebScope.VisibleDepartments(db, User).OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(cancel);
        Departments = [new SelectListItem("Select a department", ""), .. departments.Select(x => new SelectListItem(x.Name, x.Id.ToString()))];
    }

    private static bool SameRoles(IReadOnlyCollection<PostRole> current, IReadOnlyCollection<PostRole> proposed)
    {
        static string Key(PostRole r) => $"{r.Title}|{r.JobDescriptionReference}|{r.Wte:0.00}|{r.OccupationCode}|{r.AreaOfWork}";
        return current.Select(Key).Order().SequenceEqual(proposed.Select(Key).Order());
    }

    private static bool SameActivities(IReadOnlyCollection<PostActivity> current, IReadOnlyCollection<PostActivity> proposed) =>
        current.Count == proposed.Count && current.OrderBy(a => a.Service).ThenBy(a => a.Percent)
            .Zip(proposed.OrderBy(a => a.Service).ThenBy(a => a.Percent))
            .All(p => p.First.Service == p.Second.Service && p.First.AreaOfWork == p.Second.AreaOfWork
                && p.First.ScienceTheme == p.Second.ScienceTheme && p.First.Percent == p.Second.Percent);
}
