using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.People;

/// <summary>Adding a person (/people/new, with the post they start in) and changing one (/people/{id}/edit).</summary>
[Authorize(Policy = CadrePolicies.EditPeople)]
public sealed class EditModel(CadreDbContext db) : PageModel
{
    [BindProperty] public PersonInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public string? PersonLabel { get; private set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancel)
    {
        Id = id;
        if (id is { } existing)
        {
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == existing, cancel);
            if (person is null) return NotFound();
            Input = PersonInput.From(person);
            PersonLabel = person.DisplayName;
        }
        else
        {
            Input.PostNumber = Request.Query["post"];
            Input.StartDate = FormValues.Date(Today);
        }
        return Page();
    }

    private DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancel)
    {
        Id = id;
        Person? person;
        if (id is { } existing)
        {
            person = await db.People.FirstOrDefaultAsync(p => p.Id == existing, cancel);
            if (person is null) return NotFound();
            PersonLabel = person.DisplayName;
        }
        else
        {
            person = new Person();
        }

        var valid = ModelState.IsValid;
        valid &= Input.ApplyTo(person, ModelState, Today.Year);

        Assignment? first = null;
        Post? post = null;
        if (IsNew)
        {
            // A new starter is added with the post they start in; a service lead must name one of their own posts, since
            // that is how they reach the person at all (see docs/decisions/spine-web-roles.md).
            var number = FormValues.Blank(Input.PostNumber);
            if (number is not null)
            {
                post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.PostNumber == number, cancel);
                if (post is null) ModelState.AddModelError("Input.PostNumber", $"There is no post {number} that you can assign people to; check the post number");
            }
            else if (User.IsInRole(CadreRoles.ServiceLead) && db.Scope.DepartmentIds is not null)
            {
                ModelState.AddModelError("Input.PostNumber", "Enter the number of the post in your department this person starts in");
            }
            else if (db.Scope.OrganisationIds.Count() > 1)
            {
                // The post says which organisation employs them; without one, a member of several cannot be placed.
                ModelState.AddModelError("Input.PostNumber", "Enter the number of the post this person starts in: you belong to several organisations, and the post says which one employs them");
            }
            if (number is not null)
            {
                first = new Assignment { PersonId = person.Id };
                AssignmentForm.Read(first, Input.Wte, Input.StartDate, null, ModelState, "Input.Wte", "Input.StartDate", null);
                if (post is not null) first.PostId = post.Id;
            }
            person.OrganisationId = post?.OrganisationId ?? db.Scope.OrganisationIds.FirstOrDefault();
            valid = ModelState.IsValid;
        }
        if (valid)
        {
            var staff = person.StaffNumber;
            var organisation = person.OrganisationId;
            var personId = person.Id;
            // Checked across the whole organisation, not only what a service lead sees: staff numbers are unique in ESR.
            if (await db.People.IgnoreQueryFilters([CadreDbContext.DepartmentFilter]).AnyAsync(p => p.StaffNumber == staff && p.OrganisationId == organisation && p.Id != personId, cancel))
            {
                ModelState.AddModelError("Input.StaffNumber", $"Staff number {staff} is already used by another person in this organisation");
                valid = false;
            }
        }
        if (!valid)
        {
            Errors = FormErrors.From(ModelState, PersonInput.FieldOrder);
            return Page();
        }

        if (IsNew)
        {
            if (first is not null) { first.OrganisationId = person.OrganisationId; person.Assignments.Add(first); }
            db.People.Add(person);
        }
        else
        {
            db.Entry(person).Property(p => p.Version).OriginalValue = Input.Version;
        }
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("Input.StaffNumber", "Someone else changed this person's details while you were editing them. Open the record again to see their change, then make yours.");
            Errors = FormErrors.From(ModelState);
            return Page();
        }
        TempData["Saved"] = IsNew ? $"{person.DisplayName} added" : $"{person.DisplayName}'s details updated";
        if (post is not null && await AssignmentForm.OverFundedAsync(db, post.Id, Today, cancel) is { } warning) TempData["Warning"] = warning;
        return Redirect($"/people/{person.Id}");
    }
}
