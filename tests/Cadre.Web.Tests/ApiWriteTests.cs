using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests;

/// <summary>/api/v1 writes for people (and their registrations, certificates, training) and services (and accreditation).</summary>
[Collection(WebCollection.Name)]
public sealed class ApiWriteTests(CadreWebFixture app)
{
    private async Task<string> VacantPostAsync()
    {
        await using var db = app.SystemContext();
        return await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation && p.Status == PostStatus.Vacant && !p.Assignments.Any() && p.FundedWte == 1.0m)
            .OrderBy(p => p.PostNumber).Select(p => p.PostNumber).FirstAsync();
    }

    private static object Person(string staff, string? post, string family = "Okafor", Guid? version = null, int? year = 1988) => new
    {
        staffNumber = staff, givenName = "Ngozi", familyName = family, yearOfBirth = year, postNumber = post, wte = 1.0m,
        startDate = "2026-09-01", version,
    };

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string[] Messages(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task Workforce_adds_changes_and_removes_a_person_and_each_change_is_audited_with_the_api_user()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var post = await VacantPostAsync();
        var created = await client.PostAsJsonAsync("/api/v1/people", Person("API-P-1", post));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await Json(created);
        var id = person.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/people/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("Okafor", person.GetProperty("familyName").GetString());
        Assert.Equal(post, person.GetProperty("assignments")[0].GetProperty("postNumber").GetString());
        Assert.Equal("2026-09-01", person.GetProperty("assignments")[0].GetProperty("startDate").GetString());
        var version = person.GetProperty("version").GetGuid();

        var changed = await client.PutAsJsonAsync($"/api/v1/people/{id}", Person("API-P-1", null, family: "Okafor-Reid", version: version));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Okafor-Reid", (await Json(changed)).GetProperty("familyName").GetString());

        // The version read before the change is stale now: refused, not overwritten.
        var stale = await client.PutAsJsonAsync($"/api/v1/people/{id}", Person("API-P-1", null, family: "Okafor-Stale", version: version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed after you read it", (await Json(stale)).GetProperty("detail").GetString());

        await using (var db = app.SystemContext())
        {
            Assert.Equal("Okafor-Reid", (await db.People.SingleAsync(p => p.Id == id)).FamilyName);
            var entries = await db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.When).ToListAsync();
            Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
            Assert.All(entries, e => Assert.Equal("Wendy Workforce", e.Who));
            Assert.Contains("Okafor-Reid", entries[1].After);
        }

        // Someone who holds a post is not removed (the post's history); once they hold none, they can be.
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/people/{id}")).StatusCode);
        await using (var db = app.SystemContext())
        {
            db.Assignments.RemoveRange(db.Assignments.Where(a => a.PersonId == id));
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/people/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/people/{id}")).StatusCode);
        await using (var db = app.SystemContext())
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == id.ToString() && e.Action == AuditAction.Deleted && e.Who == "Wendy Workforce"));
    }

    [Fact]
    public async Task A_bad_person_gets_the_forms_sentences_on_each_field()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        string taken;
        await using (var db = app.SystemContext())
            taken = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation).Select(p => p.StaffNumber).FirstAsync();

        var response = await client.PostAsJsonAsync("/api/v1/people", new { staffNumber = "", givenName = "", familyName = "Okafor", yearOfBirth = 1850, postNumber = "NO-SUCH-POST", startDate = "2026-09-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal("The person was not saved", problem.GetProperty("title").GetString());
        Assert.Equal(["Enter the staff number"], Messages(problem, "staffNumber"));
        Assert.Equal(["Enter the given name"], Messages(problem, "givenName"));
        Assert.Single(Messages(problem, "yearOfBirth"));
        Assert.Equal(["There is no post NO-SUCH-POST that you can assign people to; check the post number"], Messages(problem, "postNumber"));

        var duplicate = await Json(await client.PostAsJsonAsync("/api/v1/people", Person(taken, await VacantPostAsync())));
        Assert.Equal([$"Staff number {taken} is already used by another person in this organisation"], Messages(duplicate, "staffNumber"));
        await using (var db = app.SystemContext())
            Assert.Equal(1, await db.People.CountAsync(p => p.StaffNumber == taken && p.OrganisationId == app.DemoOrganisation));
    }

    [Fact]
    public async Task Viewers_and_panel_members_may_not_write_people_and_only_services_editors_write_services()
    {
        foreach (var user in new[] { CadreWebFixture.Users.Viewer, CadreWebFixture.Users.Panel })
        {
            using var client = await app.ClientAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/people", Person("API-NO-1", null))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/people/{Guid.NewGuid()}", Person("API-NO-1", null))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/people/{Guid.NewGuid()}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/departments", new { name = "Nope" })).StatusCode);
        }
        using var lead = await app.ClientAsync(CadreWebFixture.Users.Lead);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/v1/departments", new { name = "Nope" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PutAsJsonAsync($"/api/v1/departments/{app.LeadDepartment}", new { name = "Nope" })).StatusCode);
        await using var db = app.SystemContext();
        Assert.False(await db.People.AnyAsync(p => p.StaffNumber == "API-NO-1"));
        Assert.False(await db.Departments.AnyAsync(d => d.Name == "Nope"));
    }

    [Fact]
    public async Task A_service_lead_writes_people_only_through_posts_in_their_departments()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Lead);
        var none = await Json(await client.PostAsJsonAsync("/api/v1/people", Person("API-LEAD-1", null)));
        Assert.Equal(["Enter the number of the post in your department this person starts in"], Messages(none, "postNumber"));

        string elsewhere;
        Guid outsider;
        await using (var db = app.SystemContext())
        {
            elsewhere = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation && p.DepartmentId != app.LeadDepartment).Select(p => p.PostNumber).FirstAsync();
            outsider = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation && p.Assignments.Any() && p.Assignments.All(a => a.Post!.DepartmentId != app.LeadDepartment)).Select(p => p.Id).FirstAsync();
        }
        var other = await Json(await client.PostAsJsonAsync("/api/v1/people", Person("API-LEAD-1", elsewhere)));
        Assert.Equal([$"There is no post {elsewhere} that you can assign people to; check the post number"], Messages(other, "postNumber"));

        string own;
        await using (var db = app.SystemContext())
            own = await db.Posts.Where(p => p.DepartmentId == app.LeadDepartment).OrderBy(p => p.PostNumber).Select(p => p.PostNumber).FirstAsync();
        // Any post of theirs will do (a post funded for fewer than its holders is a warning on the page, not a refusal).
        var created = await client.PostAsJsonAsync("/api/v1/people", Person("API-LEAD-1", own));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Someone holding posts only in other departments does not exist for the lead.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/people/{outsider}", Person("X-1", null, version: Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/people/{outsider}/registrations",
            new { registrationType = "HcpcClinicalScientist", number = "CS777777" })).StatusCode);
        await using (var db = app.SystemContext())
            Assert.False(await db.Registrations.AnyAsync(r => r.Number == "CS777777"));
    }

    [Fact]
    public async Task Another_organisations_people_posts_and_services_are_not_found()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Guid theirPerson, theirDepartment;
        string theirPost;
        await using (var db = app.SystemContext())
        {
            theirPerson = await db.People.Where(p => p.OrganisationId == app.SecondOrganisation).Select(p => p.Id).FirstAsync();
            theirDepartment = await db.Departments.Where(d => d.OrganisationId == app.SecondOrganisation).Select(d => d.Id).FirstAsync();
            var ours = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation).Select(p => p.PostNumber).ToListAsync();
            theirPost = (await db.Posts.Where(p => p.OrganisationId == app.SecondOrganisation).Select(p => p.PostNumber).ToListAsync()).First(n => !ours.Contains(n));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/people/{theirPerson}", Person("API-X-1", null, version: Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/people/{theirPerson}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/people/{theirPerson}/training",
            new { programme = "Stp", specialism = "Radiotherapy Physics", startDate = "2026-09-01", expectedEndDate = "2029-08-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/departments/{theirDepartment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/departments/{theirDepartment}", new { name = "Taken over", version = "guessed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/departments/{theirDepartment}/accreditations",
            new { scheme = "UKAS MPACE", standard = "BS 70000", status = "Accredited" })).StatusCode);

        // A body naming another organisation's department or post is refused on the field, and nothing is written.
        var post = await Json(await client.PostAsJsonAsync("/api/v1/posts", new { postNumber = "API-X-POST", title = "Clinical Scientist", departmentId = theirDepartment, band = "7", fundedWte = 1.0 }));
        Assert.Equal(["No department with this id is open to you; use one from /api/v1/departments"], Messages(post, "departmentId"));
        var problem = await Json(await client.PostAsJsonAsync("/api/v1/people", Person("API-X-2", theirPost)));
        Assert.Equal([$"There is no post {theirPost} that you can assign people to; check the post number"], Messages(problem, "postNumber"));
        await using (var db = app.SystemContext())
        {
            Assert.False(await db.People.AnyAsync(p => p.StaffNumber == "API-X-2" || p.StaffNumber == "API-X-1"));
            Assert.False(await db.Departments.AnyAsync(d => d.Name == "Taken over"));
            Assert.False(await db.Posts.AnyAsync(p => p.PostNumber == "API-X-POST"));
        }
    }

    [Fact]
    public async Task Registrations_certificates_and_training_are_added_changed_and_removed_with_stale_refusal()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var person = await Json(await client.PostAsJsonAsync("/api/v1/people", Person("API-R-1", await VacantPostAsync())));
        var id = person.GetProperty("id").GetGuid();

        var bad = await Json(await client.PostAsJsonAsync($"/api/v1/people/{id}/registrations", new { registrationType = "Nonsense", number = "" }));
        Assert.Equal(["Select the register"], Messages(bad, "registrationType"));
        Assert.Equal(["Enter the registration number, for example CS012345"], Messages(bad, "number"));

        var added = await client.PostAsJsonAsync($"/api/v1/people/{id}/registrations", new { registrationType = "HcpcClinicalScientist", number = "CS012345", expiresOn = "2027-03-31" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var registration = await Json(added);
        var registrationId = registration.GetProperty("id").GetGuid();
        var version = registration.GetProperty("version").GetString();
        Assert.Equal("CS012345", registration.GetProperty("registration").GetProperty("number").GetString());

        var changed = await client.PutAsJsonAsync($"/api/v1/people/{id}/registrations/{registrationId}", new { registrationType = "HcpcClinicalScientist", number = "CS054321", expiresOn = "2029-03-31", version });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/v1/people/{id}/registrations/{registrationId}", new { registrationType = "HcpcClinicalScientist", number = "CS000000", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var training = await client.PostAsJsonAsync($"/api/v1/people/{id}/training",
            new { programme = "Stp", specialism = "Radiotherapy Physics", startDate = "2026-09-01", expectedEndDate = "2025-08-31" });
        Assert.Equal(HttpStatusCode.BadRequest, training.StatusCode);
        Assert.True((await Json(training)).GetProperty("errors").TryGetProperty("expectedEndDate", out _));

        var certificate = await Json(await client.PostAsJsonAsync($"/api/v1/people/{id}/certificates", new { certificateType = "Mpe", scope = "Radiotherapy" }));
        var certificateId = certificate.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/people/{id}/certificates/{certificateId}")).StatusCode);

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}");
        Assert.Equal("CS054321", read.GetProperty("registrations")[0].GetProperty("number").GetString());
        Assert.Equal("2029-03-31", read.GetProperty("registrations")[0].GetProperty("expiresOn").GetString());
        Assert.Equal(0, read.GetProperty("certificates").GetArrayLength());
        Assert.Equal(0, read.GetProperty("training").GetArrayLength());
        await using var db = app.SystemContext();
        Assert.Equal([AuditAction.Created, AuditAction.Updated],
            await db.AuditEntries.Where(e => e.EntityId == registrationId.ToString()).OrderBy(e => e.When).Select(e => e.Action).ToListAsync());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == certificateId.ToString() && e.Action == AuditAction.Deleted && e.Who == "Ada Admin"));
    }

    [Fact]
    public async Task Assignments_are_added_changed_and_removed_with_the_pages_checks()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var first = await VacantPostAsync();
        var person = await Json(await client.PostAsJsonAsync("/api/v1/people", Person("API-A-1", first)));
        var id = person.GetProperty("id").GetGuid();
        string second;
        await using (var db = app.SystemContext())
            second = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation && p.PostNumber != first).OrderByDescending(p => p.PostNumber).Select(p => p.PostNumber).FirstAsync();

        // Already whole-time in the first post: a second current post is refused on the WTE, as on the page.
        var over = await Json(await client.PostAsJsonAsync($"/api/v1/people/{id}/assignments", new { postNumber = second, wte = 0.4, startDate = "2026-10-01" }));
        Assert.EndsWith(". Reduce this WTE or end another of their posts first.", Messages(over, "wte").Single());
        var bad = await Json(await client.PostAsJsonAsync($"/api/v1/people/{id}/assignments", new { postNumber = "", startDate = "2026-10-01", endDate = "2026-09-01" }));
        Assert.Equal(["Enter the post number"], Messages(bad, "postNumber"));

        // End the first post, then the second is accepted.
        var firstAssignment = person.GetProperty("assignments")[0];
        var ended = await client.PutAsJsonAsync($"/api/v1/people/{id}/assignments/{firstAssignment.GetProperty("id").GetGuid()}",
            new { postNumber = first, wte = 1.0, startDate = "2026-09-01", endDate = "2026-09-30", version = firstAssignment.GetProperty("version").GetString() });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal("2026-09-30", (await Json(ended)).GetProperty("assignment").GetProperty("endDate").GetString());
        var stale = await client.PutAsJsonAsync($"/api/v1/people/{id}/assignments/{firstAssignment.GetProperty("id").GetGuid()}",
            new { postNumber = first, wte = 0.5, startDate = "2026-09-01", version = firstAssignment.GetProperty("version").GetString() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var added = await client.PostAsJsonAsync($"/api/v1/people/{id}/assignments", new { postNumber = second, wte = 0.4, startDate = "2026-10-01" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var assignment = await Json(added);
        Assert.Equal(second, assignment.GetProperty("assignment").GetProperty("postNumber").GetString());
        Assert.Equal(0.4m, assignment.GetProperty("assignment").GetProperty("wte").GetDecimal());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/people/{id}/assignments/{assignment.GetProperty("id").GetGuid()}")).StatusCode);

        await using (var db = app.SystemContext())
        {
            var held = await db.Assignments.Where(a => a.PersonId == id).ToListAsync();
            Assert.Equal([(new DateOnly(2026, 9, 1), (DateOnly?)new DateOnly(2026, 9, 30))], held.Select(a => (a.StartDate, a.EndDate)));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Assignment) && e.Action == AuditAction.Deleted && e.Who == "Wendy Workforce" && e.EntityId == assignment.GetProperty("id").GetGuid().ToString()));
        }
    }

    [Fact]
    public async Task Services_with_lead_and_accreditation_are_written_checked_and_audited()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        string leadStaff;
        await using (var db = app.SystemContext())
            leadStaff = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation).OrderBy(p => p.StaffNumber).Select(p => p.StaffNumber).FirstAsync();

        var bad = await Json(await client.PostAsJsonAsync("/api/v1/departments", new { name = "", scienceTheme = "J", leadStaffNumber = "NOBODY-9" }));
        Assert.Equal(["Enter the name of the service"], Messages(bad, "name"));
        Assert.Equal(["There is nobody with staff number NOBODY-9 in your organisation; check the number or add them under People first"], Messages(bad, "leadStaffNumber"));

        var created = await client.PostAsJsonAsync("/api/v1/departments", new { name = "API Vascular Science", scienceTheme = "e", site = "North", leadStaffNumber = leadStaff });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var service = await Json(created);
        var id = service.GetProperty("id").GetGuid();
        Assert.Equal("E", service.GetProperty("scienceTheme").GetString());
        Assert.Equal(leadStaff, service.GetProperty("leadStaffNumber").GetString());
        var version = service.GetProperty("version").GetString();

        var duplicate = await Json(await client.PostAsJsonAsync("/api/v1/departments", new { name = "API Vascular Science" }));
        Assert.Equal(["There is already a service called API Vascular Science in your organisation"], Messages(duplicate, "name"));

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/departments/{id}", new { name = "API Vascular Science", scienceTheme = "E", site = "South", leadStaffNumber = leadStaff, version })).StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/v1/departments/{id}", new { name = "API Vascular Science", site = "West", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var accreditation = await client.PostAsJsonAsync($"/api/v1/departments/{id}/accreditations",
            new { scheme = "UKAS IQIPS", standard = "IQIPS", status = "Accredited", awardedOn = "2025-04-01", expiresOn = "2029-03-31" });
        Assert.Equal(HttpStatusCode.Created, accreditation.StatusCode);
        var badAccreditation = await Json(await client.PostAsJsonAsync($"/api/v1/departments/{id}/accreditations", new { scheme = "UKAS IQIPS", standard = "IQIPS", status = "7" }));
        Assert.Equal(["Select the status of the accreditation"], Messages(badAccreditation, "status"));

        // A viewer reads the service but learns only that a lead is recorded.
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var seen = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/departments/{id}");
        Assert.Equal("South", seen.GetProperty("site").GetString());
        Assert.True(seen.GetProperty("leadRecorded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("leadStaffNumber").ValueKind);
        Assert.Equal("UKAS IQIPS", seen.GetProperty("accreditations")[0].GetProperty("scheme").GetString());

        await using (var db = app.SystemContext())
        {
            Assert.NotNull((await db.Departments.SingleAsync(d => d.Id == id)).LeadPersonId);
            Assert.Equal([AuditAction.Created, AuditAction.Updated],
                await db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.When).Select(e => e.Action).ToListAsync());
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "Accreditation" && e.Who == "Wendy Workforce" && e.After!.Contains("UKAS IQIPS")));
        }
    }

    [Fact]
    public async Task The_openapi_document_lists_the_people_and_services_writes()
    {
        using var client = await app.ClientAsync();
        var document = await client.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/people").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/people/{id}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/people/{id}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/v1/people/{id}/registrations/{recordId}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/people/{id}/assignments").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/people/{id}/training/{recordId}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/v1/departments").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/departments/{id}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/departments/{id}/accreditations").TryGetProperty("post", out _));
        Assert.Equal("Add a service.", paths.GetProperty("/api/v1/departments").GetProperty("post").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_member_of_two_organisations_names_the_organisation_of_a_new_service()
    {
        await app.AddUserOfBothOrganisationsAsync("api.both@a.test", "Ari Both", "WorkforceInformation");
        using var client = await app.ClientAsync("api.both@a.test");
        var unnamed = await client.PostAsJsonAsync("/api/v1/departments", new { name = "API Two-trust Physics", scienceTheme = "H" });
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(["Give the organisationId of the organisation the service belongs to: you belong to several"], Messages(await Json(unnamed), "organisationId"));
        var named = await client.PostAsJsonAsync("/api/v1/departments", new { name = "API Two-trust Physics", scienceTheme = "H", organisationId = app.SecondOrganisation });
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        await using var db = app.SystemContext();
        Assert.Equal(app.SecondOrganisation, await db.Departments.Where(d => d.Name == "API Two-trust Physics").Select(d => d.OrganisationId).SingleAsync());
    }
}
