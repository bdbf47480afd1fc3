using Cadre.Core.Register;
using System.Net;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class PostPageTests(CadreWebFixture app)
{
    private async Task<Dictionary<string, string>> ValidPostAsync(string number) => new()
    {
        ["Input.PostNumber"] = number,
        ["Input.Title"] = "Clinical Scientist (Nuclear Medicine)",
        ["Input.DepartmentId"] = app.LeadDepartment.ToString(),
        ["Input.Band"] = "7",
        ["Input.FundedWte"] = "1.00",
        ["Input.Status"] = "Vacant",
        ["Input.OccupationCode"] = "U2H",
        ["Input.EntryRequirement"] = "ClinicalScientist",
        ["Input.ManagesDepartment"] = "false",
        ["Input.DirectHcsPercent"] = "100",
        ["Input.ManagerRequiresHcsQualification"] = "false",
        ["Input.ConsultantAppointment"] = "None",
        ["Input.Activities[0].Service"] = "Nuclear medicine",
        ["Input.Activities[0].AreaOfWork"] = "Nuclear Medicine",
        ["Input.Activities[0].Theme"] = "H",
        ["Input.Activities[0].Percent"] = "60",
        ["Input.Activities[1].Service"] = "Vascular ultrasound",
        ["Input.Activities[1].AreaOfWork"] = "Vascular Science",
        ["Input.Activities[1].Theme"] = "E",
        ["Input.Activities[1].Percent"] = "40",
    };

    [Fact]
    public async Task Creating_a_post_with_mistakes_lists_each_problem_against_its_field_and_saves_nothing()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var form = await ValidPostAsync("WEB-BAD-1");
        form["Input.Title"] = "";
        form["Input.FundedWte"] = "one";
        form["Input.Activities[1].Percent"] = "30";
        var response = await CadreWebFixture.PostFormAsync(client, "/posts/new", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        Assert.Contains("<a href=\"#Input_Title\">Enter the post title</a>", html);
        Assert.Contains("<a href=\"#Input_FundedWte\">Funded WTE must be a number", html);
        Assert.Contains("adds up to 90%", html);
        Assert.Contains("nhsuk-input--error", html);
        Assert.Contains("<title>Error: Add a post", html);
        await using var db = app.SystemContext();
        Assert.False(await db.Posts.AnyAsync(p => p.PostNumber == "WEB-BAD-1"));
    }

    [Fact]
    public async Task Creating_then_changing_a_post_shows_it_and_its_change_history()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var created = await CadreWebFixture.PostFormAsync(client, "/posts/new", await ValidPostAsync("WEB-NEW-1"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Matches("^/posts/[0-9a-f-]{36}$", location);

        var detail = await client.GetStringAsync(location);
        Assert.Contains("Post WEB-NEW-1 added", detail);
        Assert.Contains("Clinical Scientist (Nuclear Medicine)", detail);
        Assert.Contains("Vascular ultrasound", detail);
        Assert.Contains("Post created", detail);
        Assert.Contains("Wendy Workforce", detail);

        var edit = await ValidPostAsync("WEB-NEW-1");
        edit["Input.Band"] = "8a";
        var editPage = await client.GetStringAsync(location + "/edit");
        var version = System.Text.RegularExpressions.Regex.Match(editPage, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value;
        edit["Input.Version"] = version;
        var changed = await CadreWebFixture.PostFormAsync(client, location + "/edit", edit);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        detail = await client.GetStringAsync(location);
        Assert.Contains("Band 8a", detail);
        Assert.Contains("Post updated", detail);
        Assert.Contains("<del>7</del>", detail);
        Assert.Contains("<ins>8a</ins>", detail);

        // A save on the copy opened before that change is refused, not silently merged.
        var stale = await ValidPostAsync("WEB-NEW-1");
        stale["Input.Version"] = version;
        stale["Input.Band"] = "6";
        var refused = await CadreWebFixture.PostFormAsync(client, location + "/edit", stale);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Someone else changed this post", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Job_descriptions_are_saved_with_the_post_and_their_wte_checked_against_funding()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var form = await ValidPostAsync("WEB-JD-1");
        form["Input.Title"] = "Clinical Scientist and Radiation Protection Adviser";
        form["Input.Roles[0].Title"] = "Clinical Scientist (Nuclear Medicine)";
        form["Input.Roles[0].JobDescriptionReference"] = "JD-NM-014";
        form["Input.Roles[0].Wte"] = "0.60";
        form["Input.Roles[0].OccupationCode"] = "U2H";
        form["Input.Roles[1].Title"] = "Radiation Protection Adviser";
        form["Input.Roles[1].Wte"] = "half";
        form["Input.Roles[2].Wte"] = "0.30";
        var response = await CadreWebFixture.PostFormAsync(client, "/posts/new", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#Input_Roles_1__Wte\">WTE of job description 2 must be a number", html);
        Assert.Contains("<a href=\"#Input_Roles_2__Title\">Role 3 needs a title", html);

        // 0.60 + 0.50 is more than the 1.00 funded: said on the first role's WTE.
        form["Input.Roles[1].Wte"] = "0.50";
        form.Remove("Input.Roles[2].Wte");
        html = await (await CadreWebFixture.PostFormAsync(client, "/posts/new", form)).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_Roles_0__Wte\">The roles add up to 1.10 WTE, more than the post&#x27;s funded 1.00 WTE", html);
        await using (var db = app.SystemContext())
            Assert.False(await db.Posts.AnyAsync(p => p.PostNumber == "WEB-JD-1"));

        form["Input.Roles[1].Wte"] = "0.40";
        var created = await CadreWebFixture.PostFormAsync(client, "/posts/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        var detail = await client.GetStringAsync(location);
        Assert.Contains("Radiation Protection Adviser", detail);
        Assert.Contains("JD-NM-014", detail);
        Assert.Contains("Role (job description) created", detail);

        // Dropping a job description on edit removes it and leaves the change in the trail.
        var editPage = await client.GetStringAsync(location + "/edit");
        Assert.Contains("value=\"JD-NM-014\"", editPage);
        form["Input.Version"] = System.Text.RegularExpressions.Regex.Match(editPage, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value;
        form["Input.Roles[1].Title"] = "";
        form["Input.Roles[1].Wte"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, location + "/edit", form)).StatusCode);
        Assert.Contains("Role (job description) deleted", await client.GetStringAsync(location));
        await using (var db = app.SystemContext())
        {
            var post = await db.Posts.Include(p => p.Roles).SingleAsync(p => p.PostNumber == "WEB-JD-1");
            Assert.Equal(["Clinical Scientist (Nuclear Medicine)"], post.Roles.Select(r => r.Title));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "PostRole" && e.Action == Cadre.Core.Register.AuditAction.Deleted && e.Before!.Contains("Radiation Protection Adviser")));
        }
    }

    [Fact]
    public async Task A_duplicate_post_number_is_refused_on_the_field()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var (_, existing) = await app.AnyPostAsync(app.DemoOrganisation);
        var response = await CadreWebFixture.PostFormAsync(client, "/posts/new", await ValidPostAsync(existing));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Post number {existing} is already used", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Posts_list_filters_sorts_and_pages_in_the_database()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var all = await client.GetStringAsync("/posts");
        Assert.Contains("Showing 1 to 50 of", all);
        Assert.Contains("aria-label=\"Page 2\"", all);
        var page2 = await client.GetStringAsync("/posts?page=2");
        Assert.Contains("Showing 51 to 100 of", page2);
        var vacant = await client.GetStringAsync("/posts?status=Vacant&sort=band&dir=desc");
        Assert.Contains("nhsuk-tag--orange", vacant);
        Assert.DoesNotContain("nhsuk-tag--green\">Funded", vacant);
        var search = await client.GetStringAsync("/posts?q=zzz-nothing-matches");
        Assert.Contains("No posts match these filters", search);
    }

    [Fact]
    public async Task Dashboard_shows_headcount_wte_vacancies_and_the_band_and_theme_mix()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var html = await client.GetStringAsync("/");
        Assert.Contains("people in post (headcount)", html);
        Assert.Contains("posts vacant", html);
        Assert.Contains("data-chart=", html);
        Assert.Contains("Posts by pay band", html);
        Assert.Contains("Medical Physics (H)", html);
        Assert.Contains("Clinical Engineering (J)", html);
    }

    [Fact]
    public async Task Dashboard_lists_registrations_to_renew_and_trainees_finishing_to_people_roles_only()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Guid personId;
        string name;
        await using (var db = app.SystemContext())
        {
            var person = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation && p.Assignments.Any())
                .OrderBy(p => p.StaffNumber).Skip(3).FirstAsync();
            (personId, name) = (person.Id, person.DisplayName);
            db.Registrations.Add(new ProfessionalRegistration { OrganisationId = app.DemoOrganisation, PersonId = personId, Type = RegistrationType.Hssr, Number = "HSSR-DASH-1", ExpiresOn = today.AddDays(45) });
            db.TrainingEnrolments.Add(new TrainingEnrolment { OrganisationId = app.DemoOrganisation, PersonId = personId, Programme = TrainingProgramme.Hsst,
                Specialism = "Medical Physics (DASH)", StartDate = today.AddYears(-5), ExpectedEndDate = today.AddDays(100) });
            await db.SaveChangesAsync();
        }
        using var workforce = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var html = await workforce.GetStringAsync("/");
        Assert.Contains("Registrations to renew", html);
        Assert.Contains("HSSR-DASH-1", html);
        Assert.Contains($"<a href=\"/people/{personId}\">{name}</a>", html);
        Assert.Contains("Medical Physics (DASH)", html);
        Assert.Matches("data-testid=\"registrations-due\">[1-9][0-9]*<", html);

        // A viewer sees the counts but nobody's name.
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        html = await viewer.GetStringAsync("/");
        Assert.Matches("data-testid=\"trainees-finishing\">[1-9][0-9]*<", html);
        Assert.DoesNotContain("HSSR-DASH-1", html);
        Assert.DoesNotContain(name, html);

        // Another trust's dashboard counts none of it.
        using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.DoesNotContain("HSSR-DASH-1", await other.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_post_nobody_holds_can_be_removed_and_a_held_one_cannot()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var created = await CadreWebFixture.PostFormAsync(client, "/posts/new", await ValidPostAsync("WEB-DEL-1"));
        var location = created.Headers.Location!.OriginalString;
        var removed = await CadreWebFixture.PostFormAsync(client, location + "/remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("Post WEB-DEL-1", await client.GetStringAsync("/posts"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(location)).StatusCode);
        await using (var db = app.SystemContext())
        {
            Assert.False(await db.Posts.AnyAsync(p => p.PostNumber == "WEB-DEL-1"));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == location.Substring(7) && e.Action == Cadre.Core.Register.AuditAction.Deleted));
        }

        Guid held;
        await using (var db = app.SystemContext())
            held = await db.Assignments.Where(a => a.OrganisationId == app.DemoOrganisation).Select(a => a.PostId).FirstAsync();
        var refused = await CadreWebFixture.PostFormAsync(client, $"/posts/{held}/remove", []);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This post cannot be removed", await refused.Content.ReadAsStringAsync());
        await using (var db = app.SystemContext())
            Assert.True(await db.Posts.AnyAsync(p => p.Id == held));
    }

    [Fact]
    public async Task Recording_the_trainee_programme_on_a_post_makes_the_proposal_a_trainee_code()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        // The title does not say trainee: unrecorded, the coding reads none from it.
        var form = await ValidPostAsync("WEB-STP-1");
        form["Input.Band"] = "6";
        form["Input.Specialist"] = "";
        form["Input.TraineeProgramme"] = "";
        var created = await CadreWebFixture.PostFormAsync(client, "/posts/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        var detail = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains("Not recorded (read from the title)", detail);
        Assert.DoesNotMatch("data-testid=\"proposed-code\">U6", detail);
        Assert.DoesNotContain("ESR-TRAIN-01", detail);

        // A value the form does not offer is refused against its field.
        var editPage = await client.GetStringAsync(location + "/edit");
        Assert.Contains("<input class=\"nhsuk-radios__input\" id=\"Input_Specialist\" name=\"Input.Specialist\" type=\"radio\" value=\"\" checked>", editPage);
        form["Input.Version"] = System.Text.RegularExpressions.Regex.Match(editPage, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value;
        form["Input.TraineeProgramme"] = "Msc";
        form["Input.Specialist"] = "maybe";
        var refused = await (await CadreWebFixture.PostFormAsync(client, location + "/edit", form)).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_Specialist\">Select whether the post needs specialist expertise", refused);
        Assert.Contains("<a href=\"#Input_TraineeProgramme\">Select the trainee programme from the list", refused);

        form["Input.TraineeProgramme"] = "Stp";
        form["Input.Specialist"] = "false";
        var changed = await CadreWebFixture.PostFormAsync(client, location + "/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        detail = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains("STP: Scientist Training Programme", detail);
        Assert.Matches("data-testid=\"proposed-code\">U6H", detail);
        Assert.Contains("ESR-TRAIN-01", detail);
        // Audited like the other fields, with their labels.
        Assert.Contains("Trainee programme", detail);
        Assert.Contains("<ins>Stp</ins>", detail);
        Assert.Contains("Needs specialist expertise", detail);

        await using var db = app.SystemContext();
        var post = await db.Posts.SingleAsync(p => p.PostNumber == "WEB-STP-1");
        Assert.Equal(TraineeProgramme.Stp, post.TraineeProgramme);
        Assert.False(post.Specialist);
    }
}
