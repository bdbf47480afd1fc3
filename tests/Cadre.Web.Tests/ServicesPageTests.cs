using System.Net;
using System.Globalization;
using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests;

/// <summary>Services (departments): theme, site, lead and accreditation, kept by Administrators and Workforce information.</summary>
[Collection(WebCollection.Name)]
public sealed class ServicesPageTests(CadreWebFixture app)
{
    [Fact]
    public async Task A_member_of_two_organisations_says_which_one_a_new_service_belongs_to()
    {
        await app.AddUserOfBothOrganisationsAsync("services.both@a.test", "Sam Services", "WorkforceInformation");
        using var client = await app.ClientAsync("services.both@a.test");
        Assert.Contains("Input_OrganisationId", await client.GetStringAsync("/departments/new"));
        var unchosen = await (await CadreWebFixture.PostFormAsync(client, "/departments/new", new() { ["Input.Name"] = "Two-trust Physics", ["Input.Theme"] = "H" })).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_OrganisationId\">Select the organisation the service belongs to</a>", unchosen);

        var added = await CadreWebFixture.PostFormAsync(client, "/departments/new", new()
            { ["Input.Name"] = "Two-trust Physics", ["Input.Theme"] = "H", ["Input.OrganisationId"] = app.SecondOrganisation.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var db = app.SystemContext();
        Assert.Equal(app.SecondOrganisation, await db.Departments.Where(d => d.Name == "Two-trust Physics").Select(d => d.OrganisationId).SingleAsync());

        // One organisation: nothing to choose, and a forged choice of another is ignored.
        using var single = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Assert.DoesNotContain("Input_OrganisationId", await single.GetStringAsync("/departments/new"));
        await CadreWebFixture.PostFormAsync(single, "/departments/new", new() { ["Input.Name"] = "One-trust Physics", ["Input.Theme"] = "H", ["Input.OrganisationId"] = app.SecondOrganisation.ToString() });
        Assert.Equal(app.DemoOrganisation, await db.Departments.Where(d => d.Name == "One-trust Physics").Select(d => d.OrganisationId).SingleAsync());
    }

    [Fact]
    public async Task A_service_is_added_with_its_lead_and_an_accreditation_expiring_soon_is_flagged()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var bad = await CadreWebFixture.PostFormAsync(client, "/departments/new", new() { ["Input.Name"] = "", ["Input.Theme"] = "H", ["Input.LeadStaffNumber"] = "NOBODY-1" });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_Name\">Enter the name of the service</a>", html);
        Assert.Contains("<a href=\"#Input_LeadStaffNumber\">There is nobody with staff number NOBODY-1", html);

        string existing, leadStaff, leadName;
        await using (var db = app.SystemContext())
        {
            existing = await db.Departments.Where(d => d.OrganisationId == app.DemoOrganisation).Select(d => d.Name).FirstAsync();
            var lead = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation).OrderBy(p => p.StaffNumber).FirstAsync();
            (leadStaff, leadName) = (lead.StaffNumber, lead.DisplayName);
        }
        html = await (await CadreWebFixture.PostFormAsync(client, "/departments/new", new() { ["Input.Name"] = existing, ["Input.Theme"] = "H" })).Content.ReadAsStringAsync();
        Assert.Contains($"There is already a service called {existing}", html);

        var created = await CadreWebFixture.PostFormAsync(client, "/departments/new", new()
        {
            ["Input.Name"] = "Vascular Science", ["Input.Theme"] = "E", ["Input.Site"] = "Riverside Hospital", ["Input.LeadStaffNumber"] = leadStaff,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        var detail = await client.GetStringAsync(location);
        Assert.Contains("Vascular Science added", detail);
        Assert.Contains("Riverside Hospital", detail);
        Assert.Contains(leadName, detail);

        var accreditation = new Dictionary<string, string> { ["Input.Scheme"] = "", ["Input.Standard"] = "ISO 15189", ["Input.Status"] = "Accredited", ["Input.AwardedOn"] = "", ["Input.ExpiresOn"] = "32/1/2026" };
        html = await (await CadreWebFixture.PostFormAsync(client, location + "/accreditation", accreditation)).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_Scheme\">Scheme is required", html);
        Assert.Contains("<a href=\"#Input_AwardedOn\">An accredited service needs the date accreditation was awarded", html);
        Assert.Contains("<a href=\"#Input_ExpiresOn\">Expiry date must be a real date", html);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        accreditation["Input.Scheme"] = "UKAS IQIPS";
        accreditation["Input.AwardedOn"] = today.AddYears(-4).ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        accreditation["Input.ExpiresOn"] = today.AddDays(60).ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, location + "/accreditation", accreditation)).StatusCode);
        detail = await client.GetStringAsync(location);
        Assert.Contains("UKAS IQIPS", detail);
        Assert.Contains("nhsuk-tag--orange\">Expires soon", detail);
        // Renaming from a copy opened before someone else's change is refused.
        var editPage = await client.GetStringAsync(location + "/edit");
        var token = System.Text.RegularExpressions.Regex.Match(editPage, "name=\"Input.Token\" value=\"([^\"]+)\"").Groups[1].Value;
        var rename = new Dictionary<string, string> { ["Input.Name"] = "Vascular Science Service", ["Input.Theme"] = "E", ["Input.Site"] = "Riverside Hospital", ["Input.LeadStaffNumber"] = leadStaff, ["Input.Token"] = token };
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, location + "/edit", rename)).StatusCode);
        rename["Input.Site"] = "Hillside Hospital";
        var stale = await CadreWebFixture.PostFormAsync(client, location + "/edit", rename);
        Assert.Contains("Someone else changed this record", await stale.Content.ReadAsStringAsync());
        Assert.Contains("Vascular Science Service updated", await client.GetStringAsync(location));

        var list = await client.GetStringAsync("/departments");
        Assert.Contains("UKAS IQIPS (ISO 15189): Accredited", list);
        Assert.Contains("Expires soon", list);

        await using (var db = app.SystemContext())
        {
            var id = Guid.Parse(location["/departments/".Length..]);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "Department" && e.EntityId == id.ToString() && e.Action == AuditAction.Created && e.Who == "Wendy Workforce"));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "Accreditation" && e.After!.Contains("UKAS IQIPS")));
        }
    }

    [Theory]
    [InlineData(CadreWebFixture.Users.Lead)]
    [InlineData(CadreWebFixture.Users.Viewer)]
    [InlineData(CadreWebFixture.Users.Panel)]
    public async Task Only_administrators_and_workforce_information_change_services(string user)
    {
        using var client = await app.ClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/departments")).StatusCode);
        foreach (var url in new[] { "/departments/new", $"/departments/{app.LeadDepartment}/edit", $"/departments/{app.LeadDepartment}/accreditation" })
        {
            var response = await client.GetAsync(url);
            await CadreWebFixture.AssertRoleRefusedAsync(response);
        }
        Assert.DoesNotContain("Change service details", await client.GetStringAsync($"/departments/{app.LeadDepartment}"));
    }

    [Fact]
    public async Task Another_organisations_service_is_not_found_and_cannot_be_changed()
    {
        using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/departments/{app.LeadDepartment}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/departments/{app.LeadDepartment}/accreditation")).StatusCode);
        Assert.DoesNotContain($"/departments/{app.LeadDepartment}", await other.GetStringAsync("/departments"));
        var forged = await CadreWebFixture.PostFormAsync(other, "/departments/new", new() { ["Input.Name"] = "Taken over", ["Input.Theme"] = "H" }, $"/departments/{app.LeadDepartment}/edit");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var accreditation = await CadreWebFixture.PostFormAsync(other, "/departments/new", new()
        {
            ["Input.Scheme"] = "Forged", ["Input.Standard"] = "BS 70000", ["Input.Status"] = "Planned",
        }, $"/departments/{app.LeadDepartment}/accreditation");
        Assert.Equal(HttpStatusCode.NotFound, accreditation.StatusCode);
        await using var db = app.SystemContext();
        Assert.NotEqual("Taken over", await db.Departments.Where(d => d.Id == app.LeadDepartment).Select(d => d.Name).SingleAsync());
        Assert.False(await db.Accreditations.AnyAsync(a => a.Scheme == "Forged"));
    }
}
