using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Cadre.Data.Auditing;
using Cadre.Web.Features.Departments;
using Cadre.Web.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Api;

/// <summary>
/// /api/v1 writes for people (with their registrations, certificates and training) and services (with accreditation).
/// Each one runs the very form code the pages run (<see cref="PersonForm"/>, <see cref="RecordInput"/>,
/// <see cref="ServiceForm"/>), so a client gets the page's sentence for the page's mistake, keyed by its own field name.
/// Scope, audit and the service lead's write guard come from the data layer, as for every other write.
/// See docs/decisions/spine-web-api-writes.md.
/// </summary>
public static class RegisterWriteEndpoints
{
    private static readonly (string Segment, string Kind)[] RecordKinds =
        [("assignments", RecordModel.Assignment), ("registrations", RecordModel.Registration), ("certificates", RecordModel.Certificate), ("training", RecordModel.Training)];

    public static RouteGroupBuilder MapRegisterWrites(this RouteGroupBuilder api)
    {
        api.MapPost("/people", CreatePerson).RequireAuthorization(CadrePolicies.EditPeople).WithName("CreatePerson")
            .WithSummary("Add a person with the post they start in (a service lead must name a post in their departments).");
        api.MapPut("/people/{id:guid}", UpdatePerson).RequireAuthorization(CadrePolicies.EditPeople).WithName("UpdatePerson")
            .WithSummary("Change a person's name, staff number or year of birth (send the version you read).");
        api.MapDelete("/people/{id:guid}", DeletePerson).RequireAuthorization(CadrePolicies.EditPeople).WithName("DeletePerson")
            .WithSummary("Remove a person who holds no post and leads no service, with their registrations, certificates and training.");
        foreach (var (segment, kind) in RecordKinds)
        {
            var noun = Noun(kind);
            var name = char.ToUpperInvariant(segment[0]) + segment[1..];
            api.MapPost($"/people/{{id:guid}}/{segment}", (Guid id, PersonRecordWriteDto body, CadreDbContext db, CancellationToken cancel) => AddRecord(kind, id, body, db, cancel))
                .RequireAuthorization(CadrePolicies.EditPeople).WithName($"Add{name}").WithSummary($"Add a {noun} to a person.");
            api.MapPut($"/people/{{id:guid}}/{segment}/{{recordId:guid}}", (Guid id, Guid recordId, PersonRecordWriteDto body, CadreDbContext db, CancellationToken cancel) => ChangeRecord(kind, id, recordId, body, db, cancel))
                .RequireAuthorization(CadrePolicies.EditPeople).WithName($"Update{name}").WithSummary($"Change a person's {noun} (send the version you read).");
            api.MapDelete($"/people/{{id:guid}}/{segment}/{{recordId:guid}}", (Guid id, Guid recordId, string? version, CadreDbContext db, CancellationToken cancel) => RemoveRecord(kind, id, recordId, version, db, cancel))
                .RequireAuthorization(CadrePolicies.EditPeople).WithName($"Remove{name}").WithSummary($"Remove a person's {noun} (?version= the version you read, optional).");
        }

        api.MapGet("/departments/{id:guid}", GetDepartment).WithName("GetDepartment").WithSummary("One service with its lead (named only to roles that see people) and accreditation.");
        api.MapPost("/departments", CreateDepartment).RequireAuthorization(CadrePolicies.EditServices).WithName("CreateDepartment").WithSummary("Add a service.");
        api.MapPut("/departments/{id:guid}", UpdateDepartment).RequireAuthorization(CadrePolicies.EditServices).WithName("UpdateDepartment")
            .WithSummary("Change a service's name, theme, site or lead (send the version you read).");
        api.MapPost("/departments/{id:guid}/accreditations", AddAccreditation).RequireAuthorization(CadrePolicies.EditServices).WithName("AddAccreditation")
            .WithSummary("Add an accreditation to a service.");
        api.MapPut("/departments/{id:guid}/accreditations/{accreditationId:guid}", ChangeAccreditation).RequireAuthorization(CadrePolicies.EditServices)
            .WithName("UpdateAccreditation").WithSummary("Change a service's accreditation (send the version you read).");
        api.MapDelete("/departments/{id:guid}/accreditations/{accreditationId:guid}", RemoveAccreditation).RequireAuthorization(CadrePolicies.EditServices)
            .WithName("RemoveAccreditation").WithSummary("Remove a service's accreditation.");
        return api;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static ProblemDetails Stale(string what) => new()
    {
        Title = "Changed by someone else", Status = 409,
        Detail = $"The {what} changed after you read it. Read it again and reapply your change.",
    };

    // ---- People -------------------------------------------------------------------------------------------------

    private static async Task<Results<Created<PersonDto>, ValidationProblem, NotFound>> CreatePerson(PersonWriteDto body, CadreDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        var person = new Person();
        var input = body.ToInput();
        var state = Annotated(input);
        var (valid, first, _) = await PersonForm.ApplyAsync(input, person, isNew: true, db, user, state, Today, cancel);
        if (!valid) return TypedResults.ValidationProblem(ApiFields.Errors(state), title: "The person was not saved");
        if (first is not null) { first.OrganisationId = person.OrganisationId; person.Assignments.Add(first); }
        db.People.Add(person);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (OrganisationScopeException)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Created($"/api/v1/people/{person.Id}", (await ApiEndpoints.LoadPersonAsync(db, person.Id, cancel))!);
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> UpdatePerson(Guid id, PersonWriteDto body, CadreDbContext db,
        ClaimsPrincipal user, CancellationToken cancel)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancel);
        if (person is null) return TypedResults.NotFound();
        var input = body.ToInput();
        var state = Annotated(input);
        var (valid, _, _) = await PersonForm.ApplyAsync(input, person, isNew: false, db, user, state, Today, cancel);
        if (!valid) return TypedResults.ValidationProblem(ApiFields.Errors(state), title: "The person was not saved");
        if (body.Version is { } version) db.Entry(person).Property(p => p.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Conflict(Stale("person's record"));
        }
        catch (OrganisationScopeException)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok((await ApiEndpoints.LoadPersonAsync(db, id, cancel))!);
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> DeletePerson(Guid id, CadreDbContext db, CancellationToken cancel)
    {
        var person = await db.People.Include(p => p.Registrations).Include(p => p.Certificates).Include(p => p.TrainingEnrolments)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancel);
        if (person is null) return TypedResults.NotFound();
        // Assignments are the post's history as much as the person's, so they are ended, not erased with the person.
        if (await db.Assignments.IgnoreQueryFilters([CadreDbContext.DepartmentFilter]).AnyAsync(a => a.PersonId == id, cancel))
            return TypedResults.Conflict(new ProblemDetails { Title = "The person holds or held posts", Status = 409,
                Detail = "Their assignments are part of the posts' history; end the current ones instead of removing the person." });
        if (await db.Departments.AnyAsync(d => d.LeadPersonId == id, cancel))
            return TypedResults.Conflict(new ProblemDetails { Title = "The person leads a service", Status = 409,
                Detail = "Name another lead for the service first (PUT /api/v1/departments/{id})." });
        db.RemoveRange(person.Registrations);
        db.RemoveRange(person.Certificates);
        db.RemoveRange(person.TrainingEnrolments);
        db.People.Remove(person);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (OrganisationScopeException)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<PersonRecordDto>, NotFound, ValidationProblem>> AddRecord(string kind, Guid personId, PersonRecordWriteDto body, CadreDbContext db, CancellationToken cancel)
    {
        var owner = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => (Guid?)p.OrganisationId).FirstOrDefaultAsync(cancel);
        if (owner is not { } organisation) return TypedResults.NotFound();
        object record = kind switch
        {
            RecordModel.Assignment => new Assignment { PersonId = personId, OrganisationId = organisation },
            RecordModel.Registration => new ProfessionalRegistration { PersonId = personId, OrganisationId = organisation },
            RecordModel.Certificate => new Certificate { PersonId = personId, OrganisationId = organisation },
            _ => new TrainingEnrolment { PersonId = personId, OrganisationId = organisation },
        };
        var state = new ModelStateDictionary();
        var postId = await ApplyAsync(record, personId, body, db, state, cancel);
        if (!state.IsValid) return TypedResults.ValidationProblem(ApiFields.Errors(state), title: $"The {Noun(kind)} was not saved");
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (OrganisationScopeException)
        {
            // The post is visible but the person may not be given it (a service lead's other department): not found.
            return TypedResults.NotFound();
        }
        var dto = await RecordDtoAsync(record, postId, db, cancel);
        return TypedResults.Created($"/api/v1/people/{personId}/{Segment(kind)}/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<PersonRecordDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> ChangeRecord(string kind, Guid personId, Guid recordId,
        PersonRecordWriteDto body, CadreDbContext db, CancellationToken cancel)
    {
        var record = await FindRecordAsync(kind, personId, recordId, db, cancel);
        if (record is null) return TypedResults.NotFound();
        // Registrations and the like have no version column; the version is a digest of the values as read (as on the pages).
        if (body.Version is not null && !RecordToken.Matches(record, body.Version)) return TypedResults.Conflict(Stale(Noun(kind)));
        var state = new ModelStateDictionary();
        var postId = await ApplyAsync(record, personId, body, db, state, cancel);
        if (!state.IsValid) return TypedResults.ValidationProblem(ApiFields.Errors(state), title: $"The {Noun(kind)} was not saved");
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (OrganisationScopeException)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await RecordDtoAsync(record, postId, db, cancel));
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> RemoveRecord(string kind, Guid personId, Guid recordId, string? version, CadreDbContext db, CancellationToken cancel)
    {
        var record = await FindRecordAsync(kind, personId, recordId, db, cancel);
        if (record is null) return TypedResults.NotFound();
        if (version is not null && !RecordToken.Matches(record, version)) return TypedResults.Conflict(Stale(Noun(kind)));
        db.Remove(record);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (OrganisationScopeException)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.NoContent();
    }

    private static string? Words(Cadre.Core.Money.PayPoint? point) => point is { } p ? Cadre.Core.Money.PayPoints.Words(p) : null;

    /// <summary>The record form's checks: an assignment's post, dates and the person's total WTE; the other kinds' fields.</summary>
    private static async Task<Guid?> ApplyAsync(object record, Guid personId, PersonRecordWriteDto body, CadreDbContext db, ModelStateDictionary state, CancellationToken cancel)
    {
        var input = body.ToInput();
        if (record is Assignment assignment)
        {
            var postId = await AssignmentForm.ApplyAsync(assignment, personId, input.PostNumber, input.Wte, input.StartDate, input.EndDate, db, state, Today, cancel);
            if (postId is { } held) await AssignmentForm.ReadPayPointAsync(assignment, held, input.PayPoint, input.PayPointSince, db, state, "Input.PayPoint", "Input.PayPointSince", cancel);
            return postId;
        }
        input.ApplyTo(record, state);
        return null;
    }

    /// <summary>The saved record; for an assignment, its post and the page's warning when the post is now over-filled.</summary>
    private static async Task<PersonRecordDto> RecordDtoAsync(object record, Guid? postId, CadreDbContext db, CancellationToken cancel)
    {
        if (record is not Assignment a || postId is not { } post) return PersonRecordDto.From(record);
        var p = await db.Posts.AsNoTracking().Where(x => x.Id == post).Select(x => new { x.PostNumber, x.Title }).FirstAsync(cancel);
        return PersonRecordDto.From(record, new AssignmentDto(a.PostId, p.PostNumber, p.Title, a.Wte, a.StartDate, a.EndDate, a.Id, RecordToken.Of(a), Words(a.PayPoint), a.PayPointSince),
            await AssignmentForm.OverFundedAsync(db, post, Today, cancel));
    }

    private static async Task<object?> FindRecordAsync(string kind, Guid personId, Guid recordId, CadreDbContext db, CancellationToken cancel) => kind switch
    {
        RecordModel.Assignment => await db.Assignments.FirstOrDefaultAsync(a => a.Id == recordId && a.PersonId == personId, cancel),
        RecordModel.Registration => await db.Registrations.FirstOrDefaultAsync(r => r.Id == recordId && r.PersonId == personId, cancel),
        RecordModel.Certificate => await db.Certificates.FirstOrDefaultAsync(c => c.Id == recordId && c.PersonId == personId, cancel),
        _ => await db.TrainingEnrolments.FirstOrDefaultAsync(t => t.Id == recordId && t.PersonId == personId, cancel),
    };

    private static string Noun(string kind) => kind switch
    {
        RecordModel.Assignment => "assignment",
        RecordModel.Registration => "registration",
        RecordModel.Certificate => "certificate",
        _ => "training programme",
    };

    private static string Segment(string kind) => RecordKinds.First(k => k.Kind == kind).Segment;

    // ---- Services ------------------------------------------------------------------------------------------------

    private static async Task<Results<Ok<DepartmentDetailDto>, NotFound>> GetDepartment(Guid id, CadreDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        var dto = await LoadDepartmentAsync(db, id, user, cancel);
        return dto is null ? TypedResults.NotFound() : TypedResults.Ok(dto);
    }

    private static async Task<Results<Created<DepartmentDetailDto>, ValidationProblem>> CreateDepartment(DepartmentWriteDto body, CadreDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        var input = body.ToInput();
        var state = Annotated(input);
        // As on the form: a member of one organisation is not asked; a member of several names it.
        var organisations = await db.Organisations.AsNoTracking().Select(o => o.Id).ToListAsync(cancel);
        var organisationId = organisations.Count == 1 ? organisations[0] : input.OrganisationId ?? Guid.Empty;
        if (!organisations.Contains(organisationId))
            state.AddModelError("Input.OrganisationId", "Give the organisationId of the organisation the service belongs to: you belong to several");
        var department = new Department { OrganisationId = organisationId };
        await ServiceForm.ApplyAsync(input, department, db, state, cancel);
        if (!state.IsValid) return TypedResults.ValidationProblem(ApiFields.Errors(state, DepartmentWriteDto.Fields), title: "The service was not saved");
        db.Departments.Add(department);
        await db.SaveChangesAsync(cancel);
        return TypedResults.Created($"/api/v1/departments/{department.Id}", (await LoadDepartmentAsync(db, department.Id, user, cancel))!);
    }

    private static async Task<Results<Ok<DepartmentDetailDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> UpdateDepartment(Guid id, DepartmentWriteDto body,
        CadreDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, cancel);
        if (department is null) return TypedResults.NotFound();
        if (body.Version is not null && !RecordToken.Matches(department, body.Version)) return TypedResults.Conflict(Stale("service"));
        var input = body.ToInput();
        var state = Annotated(input);
        await ServiceForm.ApplyAsync(input, department, db, state, cancel);
        if (!state.IsValid) return TypedResults.ValidationProblem(ApiFields.Errors(state, DepartmentWriteDto.Fields), title: "The service was not saved");
        await db.SaveChangesAsync(cancel);
        return TypedResults.Ok((await LoadDepartmentAsync(db, id, user, cancel))!);
    }

    private static async Task<Results<Created<AccreditationDto>, NotFound, ValidationProblem>> AddAccreditation(Guid id, AccreditationWriteDto body, CadreDbContext db, CancellationToken cancel)
    {
        var organisation = await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => (Guid?)d.OrganisationId).FirstOrDefaultAsync(cancel);
        if (organisation is null) return TypedResults.NotFound();
        var accreditation = new Accreditation { DepartmentId = id, OrganisationId = organisation.Value };
        var input = body.ToInput();
        var state = Annotated(input);
        ServiceForm.Apply(input, accreditation, state);
        if (!state.IsValid) return TypedResults.ValidationProblem(ApiFields.Errors(state), title: "The accreditation was not saved");
        db.Accreditations.Add(accreditation);
        await db.SaveChangesAsync(cancel);
        return TypedResults.Created($"/api/v1/departments/{id}/accreditations/{accreditation.Id}", AccreditationDto.From(accreditation));
    }

    private static async Task<Results<Ok<AccreditationDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> ChangeAccreditation(Guid id, Guid accreditationId,
        AccreditationWriteDto body, CadreDbContext db, CancellationToken cancel)
    {
        var accreditation = await db.Accreditations.FirstOrDefaultAsync(a => a.Id == accreditationId && a.DepartmentId == id, cancel);
        if (accreditation is null) return TypedResults.NotFound();
        if (body.Version is not null && !RecordToken.Matches(accreditation, body.Version)) return TypedResults.Conflict(Stale("accreditation"));
        var input = body.ToInput();
        var state = Annotated(input);
        ServiceForm.Apply(input, accreditation, state);
        if (!state.IsValid) return TypedResults.ValidationProblem(ApiFields.Errors(state), title: "The accreditation was not saved");
        await db.SaveChangesAsync(cancel);
        return TypedResults.Ok(AccreditationDto.From(accreditation));
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> RemoveAccreditation(Guid id, Guid accreditationId, string? version, CadreDbContext db, CancellationToken cancel)
    {
        var accreditation = await db.Accreditations.FirstOrDefaultAsync(a => a.Id == accreditationId && a.DepartmentId == id, cancel);
        if (accreditation is null) return TypedResults.NotFound();
        if (version is not null && !RecordToken.Matches(accreditation, version)) return TypedResults.Conflict(Stale("accreditation"));
        db.Accreditations.Remove(accreditation);
        await db.SaveChangesAsync(cancel);
        return TypedResults.NoContent();
    }

    private static async Task<DepartmentDetailDto?> LoadDepartmentAsync(CadreDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancel)
    {
        var d = await db.Departments.AsNoTracking().Include(x => x.Accreditations).FirstOrDefaultAsync(x => x.Id == id, cancel);
        if (d is null) return null;
        // Viewers and panel members learn only that a lead is recorded, as on the service pages.
        var seesPeople = CadrePolicies.PeopleRoles.Any(user.IsInRole);
        var lead = d.LeadPersonId is { } leadId && seesPeople
            ? await db.People.AsNoTracking().Where(p => p.Id == leadId).Select(p => new { p.StaffNumber, Name = p.GivenName + " " + p.FamilyName }).FirstOrDefaultAsync(cancel)
            : null;
        return new DepartmentDetailDto(d.Id, d.Name, d.ScienceTheme?.ToString(), d.Site, d.LeadPersonId is not null, lead?.StaffNumber, lead?.Name,
            d.Accreditations.OrderBy(a => a.Scheme).Select(AccreditationDto.From).ToList(), RecordToken.Of(d));
    }

    /// <summary>The form's length and required-field checks (which model binding runs for the pages), as "Input.Field" errors.</summary>
    private static ModelStateDictionary Annotated(object input)
    {
        var state = new ModelStateDictionary();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        foreach (var result in results)
            foreach (var member in result.MemberNames)
                state.AddModelError($"Input.{member}", result.ErrorMessage ?? "Enter a valid value");
        return state;
    }
}

/// <summary>Turns the forms' "Input.Field" errors into the request's own field names (camelCase).</summary>
public static class ApiFields
{
    public static Dictionary<string, string[]> Errors(ModelStateDictionary state, IReadOnlyDictionary<string, string>? renames = null)
    {
        var errors = new Dictionary<string, List<string>>();
        foreach (var (key, entry) in state)
        {
            if (entry.Errors.Count == 0) continue;
            var field = key.StartsWith("Input.", StringComparison.Ordinal) ? key["Input.".Length..] : key;
            if (renames is not null && renames.TryGetValue(field, out var renamed)) field = renamed;
            field = field.Length == 0 ? "version" : char.ToLowerInvariant(field[0]) + field[1..];
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.AddRange(entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "Enter a valid value" : e.ErrorMessage));
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
