using System.Net;
using System.Text.RegularExpressions;
using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests;

/// <summary>Adding and changing people, their posts, registrations, certificates and training in the browser's forms.</summary>
[Collection(WebCollection.Name)]
public sealed class PeoplePageTests(CadreWebFixture app)
{
    private static Dictionary<string, string> NewPerson(string staffNumber, string postNumber, string wte = "0.60") => new()
    {
        ["Input.StaffNumber"] = staffNumber,
        ["Input.GivenName"] = "Priya",
        ["Input.FamilyName"] = "Raman",
        ["Input.YearOfBirth"] = "1991",
        ["Input.PostNumber"] = postNumber,
        ["Input.Wte"] = wte,
        ["Input.StartDate"] = "1/9/2025",
    };

    private async Task<(Guid Id, string Number, decimal Funded)> VacantPostAsync(Guid? department = null)
    {
        await using var db = app.SystemContext();
        var post = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation && p.Status == PostStatus.Vacant && !p.Assignments.Any()
                && p.FundedWte == 1.0m && (department == null || p.DepartmentId == department))
            .OrderBy(p => p.PostNumber).Select(p => new { p.Id, p.PostNumber, p.FundedWte }).FirstAsync();
        return (post.Id, post.PostNumber, post.FundedWte);
    }

    private static string VersionOf(string html) => Regex.Match(html, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value;
    private static string TokenOf(string html) => Regex.Match(html, "name=\"Input.Token\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task Adding_a_person_with_mistakes_names_each_field_and_saves_nothing()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var (_, number, _) = await VacantPostAsync();
        var form = NewPerson("WEB-P-BAD", number, wte: "1.2");
        form["Input.FamilyName"] = "";
        form["Input.YearOfBirth"] = "12/03/1985";
        form["Input.StartDate"] = "31/02/2025";
        var response = await CadreWebFixture.PostFormAsync(client, "/people/new", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Error: Add a person", html);
        Assert.Contains("<a href=\"#Input_FamilyName\">Enter the family name</a>", html);
        Assert.Contains("<a href=\"#Input_YearOfBirth\">Year of birth must be a 4-digit year", html);
        Assert.Contains("<a href=\"#Input_Wte\">WTE must be more than 0 up to 1.00", html);
        Assert.Contains("<a href=\"#Input_StartDate\">Start date must be a real date", html);

        form = NewPerson("WEB-P-BAD", "NO-SUCH-POST");
        html = await (await CadreWebFixture.PostFormAsync(client, "/people/new", form)).Content.ReadAsStringAsync();
        Assert.Contains("There is no post NO-SUCH-POST", html);
        await using var db = app.SystemContext();
        Assert.False(await db.People.AnyAsync(p => p.StaffNumber == "WEB-P-BAD"));
    }

    [Fact]
    public async Task Adding_then_changing_a_person_is_shown_with_history_and_a_stale_save_is_refused()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var (postId, number, _) = await VacantPostAsync();
        var created = await CadreWebFixture.PostFormAsync(client, "/people/new", NewPerson("WEB-P-1", number));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Matches("^/people/[0-9a-f-]{36}$", location);
        var detail = await client.GetStringAsync(location);
        Assert.Contains("Priya Raman added", detail);
        Assert.Contains(number, detail);
        Assert.Contains("0.60", detail);
        Assert.Contains("Person created", detail);
        Assert.Contains("Assignment created", detail);
        Assert.Contains("Wendy Workforce", detail);
        Assert.Contains("Priya Raman", await client.GetStringAsync($"/posts/{postId}"));

        var editPage = await client.GetStringAsync(location + "/edit");
        var version = VersionOf(editPage);
        var edit = new Dictionary<string, string>
        {
            ["Input.StaffNumber"] = "WEB-P-1", ["Input.GivenName"] = "Priya", ["Input.FamilyName"] = "Raman-Shah", ["Input.YearOfBirth"] = "1991", ["Input.Version"] = version,
        };
        var changed = await CadreWebFixture.PostFormAsync(client, location + "/edit", edit);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        detail = await client.GetStringAsync(location);
        Assert.Contains("<del>Raman</del>", detail);
        Assert.Contains("<ins>Raman-Shah</ins>", detail);

        edit["Input.FamilyName"] = "Shah";
        var stale = await CadreWebFixture.PostFormAsync(client, location + "/edit", edit);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this person", await stale.Content.ReadAsStringAsync());
        await using var db = app.SystemContext();
        Assert.Equal("Raman-Shah", (await db.People.SingleAsync(p => p.StaffNumber == "WEB-P-1")).FamilyName);
    }

    [Fact]
    public async Task A_member_of_two_organisations_adds_a_person_through_the_post_that_says_which_employs_them()
    {
        await app.AddUserOfBothOrganisationsAsync("people.both@a.test", "Pat Both", "WorkforceInformation");
        using var client = await app.ClientAsync("people.both@a.test");
        var unplaced = await (await CadreWebFixture.PostFormAsync(client, "/people/new", NewPerson("WEB-BOTH-1", ""))).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_PostNumber\">Enter the number of the post this person starts in: you belong to several organisations", unplaced);

        string number;
        await using (var db = app.SystemContext())
            number = await db.Posts.Where(p => p.OrganisationId == app.SecondOrganisation).OrderBy(p => p.PostNumber).Select(p => p.PostNumber).FirstAsync();
        var added = await CadreWebFixture.PostFormAsync(client, "/people/new", NewPerson("WEB-BOTH-1", number, "0.10"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.StartsWith("/people/", added.Headers.Location!.OriginalString);
        await using var check = app.SystemContext();
        Assert.Equal(app.SecondOrganisation, await check.People.Where(p => p.StaffNumber == "WEB-BOTH-1").Select(p => p.OrganisationId).SingleAsync());
    }

    [Fact]
    public async Task A_duplicate_staff_number_is_refused_on_the_field()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        string existing;
        await using (var db = app.SystemContext())
            existing = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation).OrderBy(p => p.StaffNumber).Select(p => p.StaffNumber).FirstAsync();
        var (_, number, _) = await VacantPostAsync();
        var html = await (await CadreWebFixture.PostFormAsync(client, "/people/new", NewPerson(existing, number))).Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"#Input_StaffNumber\">Staff number {existing} is already used", html);
    }

    [Fact]
    public async Task Assignments_over_one_wte_are_refused_and_a_post_over_its_funding_is_flagged()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var (postId, number, _) = await VacantPostAsync();
        var first = (await CadreWebFixture.PostFormAsync(client, "/people/new", NewPerson("WEB-P-2", number, "0.80"))).Headers.Location!.OriginalString;
        var second = await CadreWebFixture.PostFormAsync(client, "/people/new", NewPerson("WEB-P-3", number, "0.40"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var secondPage = await client.GetStringAsync(second.Headers.Location!.OriginalString);
        Assert.Contains($"Post {number} now has 1.20 WTE assigned, more than its funded 1.00 WTE", secondPage);
        Assert.Contains("The current post holders add up to 1.20 WTE against 1.00 WTE funded", await client.GetStringAsync($"/posts/{postId}"));

        // A second post for the first person that would take them past one whole-time equivalent.
        var (_, other, _) = await VacantPostAsync();
        var refused = await CadreWebFixture.PostFormAsync(client, first + "/assignment", new()
        {
            ["Input.PostNumber"] = other, ["Input.Wte"] = "0.40", ["Input.StartDate"] = "1/10/2025",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_Wte\">Current assignments add up to 1.20 WTE, more than 1.00", html);
        var backwards = await CadreWebFixture.PostFormAsync(client, first + "/assignment", new()
        {
            ["Input.PostNumber"] = other, ["Input.Wte"] = "0.20", ["Input.StartDate"] = "1/10/2025", ["Input.EndDate"] = "1/9/2025",
        });
        Assert.Contains("<a href=\"#Input_EndDate\">End date 2025-09-01 is before the start date 2025-10-01", await backwards.Content.ReadAsStringAsync());
        await using var db = app.SystemContext();
        var personId = Guid.Parse(first[8..]);
        Assert.Equal(1, await db.Assignments.CountAsync(a => a.PersonId == personId));
    }

    [Fact]
    public async Task Registrations_certificates_and_training_are_added_changed_and_removed_with_audit()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var (_, number, _) = await VacantPostAsync();
        var person = (await CadreWebFixture.PostFormAsync(client, "/people/new", NewPerson("WEB-P-4", number))).Headers.Location!.OriginalString;
        var personId = Guid.Parse(person[8..]);

        var bad = await CadreWebFixture.PostFormAsync(client, person + "/registration", new() { ["Input.RegistrationType"] = "", ["Input.Number"] = "", ["Input.ExpiresOn"] = "soon" });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_RegistrationType\">Select the register</a>", html);
        Assert.Contains("<a href=\"#Input_Number\">Enter the registration number", html);
        Assert.Contains("<a href=\"#Input_ExpiresOn\">Renewal date must be a real date", html);

        var soon = DateTime.UtcNow.AddDays(30).ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, person + "/registration",
            new() { ["Input.RegistrationType"] = "HcpcClinicalScientist", ["Input.Number"] = "CS123456", ["Input.ExpiresOn"] = soon })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, person + "/certificate",
            new() { ["Input.CertificateType"] = "Mpe", ["Input.Scope"] = "Nuclear Medicine", ["Input.Number"] = "", ["Input.ExpiresOn"] = "" })).StatusCode);

        var training = new Dictionary<string, string>
        {
            ["Input.Programme"] = "Stp", ["Input.Specialism"] = "", ["Input.StartDate"] = "1/9/2025", ["Input.ExpectedEndDate"] = "1/9/2024",
            ["Input.Mode"] = "FullTime", ["Input.Status"] = "Active",
        };
        html = await (await CadreWebFixture.PostFormAsync(client, person + "/training", training)).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_Specialism\">Specialism is required", html);
        Assert.Contains("<a href=\"#Input_ExpectedEndDate\">Expected end 2024-09-01 must be after the start 2025-09-01", html);
        training["Input.Specialism"] = "Nuclear Medicine";
        training["Input.ExpectedEndDate"] = "31/8/2028";
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, person + "/training", training)).StatusCode);

        var detail = await client.GetStringAsync(person);
        Assert.Contains("CS123456", detail);
        Assert.Contains("Renew within 90 days", detail);
        Assert.Contains("Medical Physics Expert (MPE)", detail);
        Assert.Contains("Scientist Training Programme (STP)", detail);
        Assert.Contains("Professional registration created", detail);

        // Withdrawn from training, then the certificate removed: both kept in the trail.
        Guid enrolmentId, certificateId;
        await using (var db = app.SystemContext())
        {
            enrolmentId = await db.TrainingEnrolments.Where(t => t.PersonId == personId).Select(t => t.Id).SingleAsync();
            certificateId = await db.Certificates.Where(c => c.PersonId == personId).Select(c => c.Id).SingleAsync();
        }
        var trainingToken = TokenOf(await client.GetStringAsync($"{person}/training/{enrolmentId}"));
        training["Input.Status"] = "Withdrawn";
        training["Input.Token"] = trainingToken;
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, $"{person}/training/{enrolmentId}", training)).StatusCode);
        // A second save from the copy opened before that change is refused, not silently overwriting it.
        training["Input.Status"] = "Interrupted";
        var stale = await CadreWebFixture.PostFormAsync(client, $"{person}/training/{enrolmentId}", training);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record", await stale.Content.ReadAsStringAsync());
        var certificateToken = TokenOf(await client.GetStringAsync($"{person}/certificate/{certificateId}"));
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, $"{person}/certificate/{certificateId}",
            new() { ["Input.Token"] = certificateToken }, $"{person}/certificate/{certificateId}?handler=Remove")).StatusCode);
        detail = await client.GetStringAsync(person);
        Assert.Contains("nhsuk-tag--red\">Withdrawn", detail);
        Assert.DoesNotContain("Medical Physics Expert (MPE)</dt>", detail);
        Assert.Contains("Certificate deleted", detail);
        await using (var db = app.SystemContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == certificateId.ToString() && e.Action == AuditAction.Deleted && e.Who == "Wendy Workforce"));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == enrolmentId.ToString() && e.Action == AuditAction.Updated && e.After!.Contains("Withdrawn")));
        }
    }

    [Theory]
    [InlineData(CadreWebFixture.Users.Viewer)]
    [InlineData(CadreWebFixture.Users.Panel)]
    public async Task Roles_without_personal_details_cannot_add_or_change_people(string user)
    {
        Guid personId;
        await using (var db = app.SystemContext())
            personId = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation).Select(p => p.Id).FirstAsync();
        using var client = await app.ClientAsync(user);
        foreach (var url in new[] { "/people/new", $"/people/{personId}/edit", $"/people/{personId}/registration" })
        {
            var response = await client.GetAsync(url);
            await CadreWebFixture.AssertRoleRefusedAsync(response);
        }
        // A forged post (no form to take a token from) is refused before anything is read.
        var post = await client.PostAsync($"/people/{personId}/edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.FamilyName"] = "Forged" }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        await using (var db = app.SystemContext())
            Assert.NotEqual("Forged", (await db.People.SingleAsync(p => p.Id == personId)).FamilyName);
    }

    [Fact]
    public async Task Another_organisations_person_is_not_found_and_cannot_be_changed()
    {
        Guid theirs;
        string family;
        await using (var db = app.SystemContext())
        {
            var p = await db.People.Where(p => p.OrganisationId == app.SecondOrganisation).Select(p => new { p.Id, p.FamilyName }).FirstAsync();
            (theirs, family) = (p.Id, p.FamilyName);
        }
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{theirs}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{theirs}/registration")).StatusCode);
        // Post with a token taken from an own form, aimed at their person.
        var own = await CadreWebFixture.PostFormAsync(client, "/people/new", new()
        {
            ["Input.StaffNumber"] = "X", ["Input.GivenName"] = "Forged", ["Input.FamilyName"] = "Forged", ["Input.Version"] = Guid.Empty.ToString(),
        }, $"/people/{theirs}/edit");
        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        var registration = await CadreWebFixture.PostFormAsync(client, "/people/new", new()
        {
            ["Input.RegistrationType"] = "Hssr", ["Input.Number"] = "H999",
        }, $"/people/{theirs}/registration");
        Assert.Equal(HttpStatusCode.NotFound, registration.StatusCode);
        await using (var db = app.SystemContext())
        {
            Assert.Equal(family, (await db.People.SingleAsync(p => p.Id == theirs)).FamilyName);
            Assert.False(await db.Registrations.AnyAsync(r => r.Number == "H999"));
        }
    }

    [Fact]
    public async Task A_service_lead_adds_people_only_to_their_own_departments_posts()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Lead);
        // With no post, and with a post of another department (invisible to them), refused on the field.
        var form = NewPerson("WEB-LEAD-1", "");
        var html = await (await CadreWebFixture.PostFormAsync(client, "/people/new", form)).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_PostNumber\">Enter the number of the post in your department", html);
        string elsewhere;
        await using (var db = app.SystemContext())
            elsewhere = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation && p.DepartmentId != app.LeadDepartment).Select(p => p.PostNumber).FirstAsync();
        html = await (await CadreWebFixture.PostFormAsync(client, "/people/new", NewPerson("WEB-LEAD-1", elsewhere))).Content.ReadAsStringAsync();
        Assert.Contains($"There is no post {elsewhere} that you can assign people to", html);

        var (_, own, _) = await VacantPostAsync(app.LeadDepartment);
        var created = await CadreWebFixture.PostFormAsync(client, "/people/new", NewPerson("WEB-LEAD-1", own));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Lee Lead", await client.GetStringAsync(created.Headers.Location!.OriginalString));

        // Someone who holds posts only in other departments is not found for the lead.
        Guid outsider;
        await using (var db = app.SystemContext())
            outsider = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation && p.Assignments.Any() && p.Assignments.All(a => a.Post!.DepartmentId != app.LeadDepartment)).Select(p => p.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{outsider}/edit")).StatusCode);
    }
}
