using Cadre.Data.Auditing;
using Cadre.Web.Features.People;
using Cadre.Web.Features.Posts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Api;

/// <summary>
/// /api/v1: the register for programs. Same cookie as the pages; 401 when not signed in, 403 when the role may not,
/// 404 for anything outside the user's organisation (the query filters make it not exist, so nothing leaks).
/// Unsafe methods take JSON bodies only, which a cross-site form cannot send; see docs/decisions/spine-web-api.md.
/// </summary>
public static class ApiEndpoints
{
    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapCadreApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("Cadre").RequireVersionOnPut();

        api.MapGet("/departments", ListDepartments).WithName("ListDepartments").WithSummary("Departments the user can see, with their post counts.");
        api.MapGet("/posts", ListPosts).WithName("ListPosts").WithSummary("Posts, filtered, sorted and paged.");
        api.MapGet("/posts/{id:guid}", GetPost).WithName("GetPost").WithSummary("One post with its time split and roles.");
        api.MapPost("/posts", CreatePost).RequireAuthorization(CadrePolicies.EditPosts).WithName("CreatePost").WithSummary("Add a post.");
        api.MapPut("/posts/{id:guid}", UpdatePost).RequireAuthorization(CadrePolicies.EditPosts).WithName("UpdatePost").WithSummary("Change a post (send the version you read to avoid overwriting someone else's change).");
        api.MapDelete("/posts/{id:guid}", DeletePost).RequireAuthorization(CadrePolicies.EditPosts).WithName("DeletePost").WithSummary("Remove a post that nobody holds.");
        api.MapGet("/people", ListPeople).RequireAuthorization(CadrePolicies.SeePeople).WithName("ListPeople").WithSummary("People (staff), paged; only for roles that may see personal details.");
        api.MapGet("/people/{id:guid}", GetPerson).RequireAuthorization(CadrePolicies.SeePeople).WithName("GetPerson").WithSummary("One person with assignments, registrations, certificates and training.");
        api.MapRegisterWrites();
        return app;
    }

    private static async Task<Ok<List<DepartmentDto>>> ListDepartments(CadreDbContext db, CancellationToken cancel)
    {
        var rows = await db.Departments.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new { d.Id, d.Name, d.ScienceTheme, d.Site, Posts = d.Posts.Count })
            .ToListAsync(cancel);
        return TypedResults.Ok(rows.Select(d => new DepartmentDto(d.Id, d.Name, d.ScienceTheme.ToString(), d.Site, d.Posts)).ToList());
    }

    private static async Task<Ok<PagedList<PostSummaryDto>>> ListPosts(CadreDbContext db, [AsParameters] PostListQuery query, CancellationToken cancel)
    {
        var filter = new PostFilter { Q = query.Q, Department = query.Department, Band = query.Band, Status = query.Status, Code = query.Code, Sort = query.Sort, Dir = query.Dir };
        var page = Shared.Paging.Bound(query.Page);
        var size = Math.Clamp(query.PageSize ?? 50, 1, MaxPageSize);
        var (rows, total) = await PostQuery.PageAsync(db, filter, page, size, cancel);
        var departments = await db.Posts.AsNoTracking().Where(p => rows.Select(r => r.Id).Contains(p.Id)).Select(p => new { p.Id, p.DepartmentId }).ToDictionaryAsync(p => p.Id, p => p.DepartmentId, cancel);
        return TypedResults.Ok(new PagedList<PostSummaryDto>(rows.Select(r => new PostSummaryDto(r.Id, r.PostNumber, r.Title, departments.GetValueOrDefault(r.Id), r.Department,
            r.Band.Code, r.FundedWte, r.FilledWte, r.Status, r.OccupationCode, r.Occupancy, r.StatusDisagrees)).ToList(), page, size, total));
    }

    public sealed record PostListQuery(string? Q, Guid? Department, string? Band, PostShown? Status, string? Code, string? Sort, string? Dir, int? Page, int? PageSize);

    private static async Task<Results<Ok<PostDto>, NotFound>> GetPost(Guid id, CadreDbContext db, CancellationToken cancel)
    {
        var post = await LoadPost(db, id, tracked: false, cancel);
        return post is null ? TypedResults.NotFound() : TypedResults.Ok(PostDto.From(post));
    }

    private static async Task<Results<Created<PostDto>, ValidationProblem>> CreatePost(PostWriteDto body, CadreDbContext db, CancellationToken cancel)
    {
        var post = new Post();
        var errors = await ApplyAsync(body, post, db, cancel);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The post was not saved");
        db.Posts.Add(post);
        await db.SaveChangesAsync(cancel);
        var saved = await LoadPost(db, post.Id, tracked: false, cancel);
        return TypedResults.Created($"/api/v1/posts/{post.Id}", PostDto.From(saved!));
    }

    private static async Task<Results<Ok<PostDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> UpdatePost(Guid id, PostWriteDto body, CadreDbContext db, CancellationToken cancel)
    {
        var post = await LoadPost(db, id, tracked: true, cancel);
        if (post is null) return TypedResults.NotFound();
        var errors = await ApplyAsync(body, post, db, cancel);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The post was not saved");
        if (body.Version is { } version) db.Entry(post).Property(p => p.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Conflict(new ProblemDetails { Title = "Changed by someone else", Detail = "The post changed after you read it. Read it again and reapply your change.", Status = 409 });
        }
        var saved = await LoadPost(db, id, tracked: false, cancel);
        return TypedResults.Ok(PostDto.From(saved!));
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> DeletePost(Guid id, CadreDbContext db, CancellationToken cancel)
    {
        var post = await LoadPost(db, id, tracked: true, cancel);
        if (post is null) return TypedResults.NotFound();
        if (await db.Assignments.AnyAsync(a => a.PostId == id, cancel))
            return TypedResults.Conflict(new ProblemDetails { Title = "The post has post holders", Detail = "End or move the assignments first; the post's history is kept.", Status = 409 });
        db.RemoveRange(post.Activities);
        db.RemoveRange(post.Roles);
        db.Posts.Remove(post);
        await db.SaveChangesAsync(cancel);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedList<PersonSummaryDto>>> ListPeople(CadreDbContext db, string? q, int? page, int? pageSize, CancellationToken cancel)
    {
        var p = Shared.Paging.Bound(page);
        var size = Math.Clamp(pageSize ?? 50, 1, MaxPageSize);
        var people = PeopleQuery.Search(db.People.AsNoTracking(), q);
        var total = await people.CountAsync(cancel);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var rows = await people.OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName).ThenBy(x => x.StaffNumber).Skip((p - 1) * size).Take(size)
            .Select(x => new { x.Id, x.StaffNumber, x.GivenName, x.FamilyName, x.YearOfBirth,
                Current = x.Assignments.Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today)).Select(a => a.Wte).ToList() })
            .ToListAsync(cancel);
        return TypedResults.Ok(new PagedList<PersonSummaryDto>(rows.Select(x => new PersonSummaryDto(x.Id, x.StaffNumber, x.GivenName, x.FamilyName, x.YearOfBirth, x.Current.Count, x.Current.Sum())).ToList(), p, size, total));
    }

    private static async Task<Results<Ok<PersonDto>, NotFound>> GetPerson(Guid id, CadreDbContext db, AuditRecorder audit, CancellationToken cancel)
    {
        if (await LoadPersonAsync(db, id, cancel) is not { } person) return TypedResults.NotFound();
        // A read of a person's record is audited as on the person's page.
        await audit.RecordAsync(AuditAction.Viewed, nameof(Person), id.ToString(), audit.CurrentOrganisations(), cancel: cancel);
        return TypedResults.Ok(person);
    }

    internal static async Task<PersonDto?> LoadPersonAsync(CadreDbContext db, Guid id, CancellationToken cancel)
    {
        var person = await db.People.AsNoTracking()
            .Include(x => x.Assignments).ThenInclude(a => a.Post)
            .Include(x => x.Registrations).Include(x => x.Certificates).Include(x => x.TrainingEnrolments)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, cancel);
        if (person is null) return null;
        return new PersonDto(person.Id, person.StaffNumber, person.GivenName, person.FamilyName, person.YearOfBirth,
            person.Assignments.OrderByDescending(a => a.StartDate).Select(a => new AssignmentDto(a.PostId, a.Post?.PostNumber ?? "", a.Post?.Title ?? "", a.Wte, a.StartDate, a.EndDate,
                a.Id, Features.Shared.RecordToken.Of(a), a.PayPoint is { } point ? Cadre.Core.Money.PayPoints.Words(point) : null, a.PayPointSince)).ToList(),
            person.Registrations.Select(RegistrationDto.From).ToList(),
            person.Certificates.Select(CertificateDto.From).ToList(),
            person.TrainingEnrolments.Select(TrainingDto.From).ToList(),
            person.Version);
    }

    private static Task<Post?> LoadPost(CadreDbContext db, Guid id, bool tracked, CancellationToken cancel)
    {
        var query = db.Posts.Include(p => p.Department).Include(p => p.Activities).Include(p => p.Roles).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, cancel);
    }

    /// <summary>Copies a request body onto a post and checks it with the register's rules; field names as the client sent them.</summary>
    private static async Task<Dictionary<string, string[]>> ApplyAsync(PostWriteDto body, Post post, CadreDbContext db, CancellationToken cancel)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            var key = char.ToLowerInvariant(field[0]) + field[1..];
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.Add(message);
        }

        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == body.DepartmentId, cancel);
        if (department is null) Add("DepartmentId", "No department with this id is open to you; use one from /api/v1/departments");
        else { post.DepartmentId = department.Id; post.OrganisationId = department.OrganisationId; }

        if (PayBand.TryParse(body.Band, out var band)) post.Band = band.Value;
        else Add("Band", PayBand.ExpectedText(body.Band));

        post.PostNumber = (body.PostNumber ?? "").Trim();
        post.Title = (body.Title ?? "").Trim();
        post.FundedWte = body.FundedWte;
        post.CostCentre = string.IsNullOrWhiteSpace(body.CostCentre) ? null : body.CostCentre.Trim();
        post.Status = body.Status;
        post.OccupationCode = string.IsNullOrWhiteSpace(body.OccupationCode) ? null : body.OccupationCode.Trim().ToUpperInvariant();
        post.AreaOfWork = string.IsNullOrWhiteSpace(body.AreaOfWork) ? null : body.AreaOfWork.Trim();
        post.EntryRequirement = body.EntryRequirement;
        post.ManagesDepartment = body.ManagesDepartment;
        post.DirectHcsPercent = body.DirectHcsPercent;
        post.ManagerRequiresHcsQualification = body.ManagerRequiresHcsQualification;
        post.ConsultantAppointment = body.ConsultantAppointment;

        if (body.Activities is { } activities)
        {
            var proposed = activities.Select(a => new PostActivity
            {
                PostId = post.Id, OrganisationId = post.OrganisationId, Service = (a.Service ?? "").Trim(), AreaOfWork = a.AreaOfWork,
                ScienceTheme = string.IsNullOrEmpty(a.ScienceTheme) ? '\0' : char.ToUpperInvariant(a.ScienceTheme[0]), Percent = a.Percent,
            }).ToList();
            foreach (var problem in RegisterRules.CheckActivities(proposed)) Add(problem.Field, problem.Message);
            if (errors.Count == 0)
            {
                // Replace the split: the old rows deleted, the new ones added explicitly (their ids are already set, so
                // reaching them only through the navigation would make EF take them for existing rows).
                if (db.Entry(post).State == EntityState.Detached) post.Activities = proposed;
                else
                {
                    db.PostActivities.RemoveRange(post.Activities);
                    db.PostActivities.AddRange(proposed);
                }
            }
        }
        foreach (var problem in RegisterRules.Check(post).Where(p => !p.Field.StartsWith("Activities", StringComparison.Ordinal))) Add(problem.Field, problem.Message);

        if (post.PostNumber.Length > 0)
        {
            var number = post.PostNumber; var org = post.OrganisationId; var id = post.Id;
            if (await db.Posts.AnyAsync(p => p.PostNumber == number && p.OrganisationId == org && p.Id != id, cancel))
                Add("PostNumber", $"Post number {number} is already used by another post in this organisation");
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
