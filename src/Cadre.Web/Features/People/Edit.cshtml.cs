using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

        var (valid, first, post) = await PersonForm.ApplyAsync(Input, person, IsNew, db, User, ModelState, Today, cancel);
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

/// <summary>Reading the person form onto a person (and a new starter's first post); shared by the page and the API.</summary>
public static class PersonForm
{
    /// <summary>Copies and checks the form; every problem lands on its field ("Input.StaffNumber"...).</summary>
    public static async Task<(bool Valid, Assignment? First, Post? Post)> ApplyAsync(PersonInput input, Person person, bool isNew, CadreDbContext db,
        ClaimsPrincipal user, ModelStateDictionary state, DateOnly today, CancellationToken cancel)
    {
        var valid = state.IsValid;
        valid &= input.ApplyTo(person, state, today.Year);

        Assignment? first = null;
        Post? post = null;
        if (isNew)
        {
            // A new starter is added with the post they start in; a service lead must name one of their own posts, since
            // that is how they reach the person at all (see docs/decisions/spine-web-roles.md).
            var number = FormValues.Blank(input.PostNumber);
            if (number is not null)
            {
                post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.PostNumber == number, cancel);
                if (post is null) state.AddModelError("Input.PostNumber", $"There is no post {number} that you can assign people to; check the post number");
            }
            else if (user.IsInRole(CadreRoles.ServiceLead) && db.Scope.DepartmentIds is not null)
            {
                state.AddModelError("Input.PostNumber", "Enter the number of the post in your department this person starts in");
            }
            else if (db.Scope.OrganisationIds.Count() > 1)
            {
                // The post says which organisation employs them; without one, a member of several cannot be placed.
                state.AddModelError("Input.PostNumber", "Enter the number of the post this person starts in: you belong to several organisations, and the post says which one employs them");
            }
            if (number is not null)
            {
                first = new Assignment { PersonId = person.Id };
                AssignmentForm.Read(first, input.Wte, input.StartDate, null, state, "Input.Wte", "Input.StartDate", null);
                if (post is not null) first.PostId = post.Id;
            }
            person.OrganisationId = post?.OrganisationId ?? db.Scope.OrganisationIds.FirstOrDefault();
            valid = state.IsValid;
        }
        if (valid)
        {
            var staff = person.StaffNumber;
            var organisation = person.OrganisationId;
            var personId = person.Id;
            // Checked across the whole organisation, not only what a service lead sees: staff numbers are unique in ESR.
            if (await db.People.IgnoreQueryFilters([CadreDbContext.DepartmentFilter]).AnyAsync(p => p.StaffNumber == staff && p.OrganisationId == organisation && p.Id != personId, cancel))
            {
                state.AddModelError("Input.StaffNumber", $"Staff number {staff} is already used by another person in this organisation");
                valid = false;
            }
        }
        return (valid, first, post);
    }
}
