using System.Net;
using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Audit;

/// <summary>The trail records access as well as change: sign-ins and their failures, sign-outs, exports and reads.</summary>
[Collection(WebCollection.Name)]
public sealed class AuditEventTests(CadreWebFixture app)
{
    private async Task<List<AuditEntry>> EventsAsync(AuditAction action, DateTime since)
    {
        await using var db = app.SystemContext();
        return await db.AuditEntries.Where(e => e.Action == action && e.When >= since).ToListAsync();
    }

    [Fact]
    public async Task Sign_ins_failed_sign_ins_and_sign_outs_are_recorded_with_address_and_browser()
    {
        var since = DateTime.UtcNow.AddSeconds(-1);
        using var client = await app.ClientAsync();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("AuditTestBrowser/1.0");
        await CadreWebFixture.SignInAsync(client, CadreWebFixture.Users.Panel, "not-the-password");
        var unknown = await CadreWebFixture.SignInAsync(client, "nobody-here@a.test", "whatever-it-is");
        Assert.Contains("Enter a correct user name and password", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.SignInAsync(client, CadreWebFixture.Users.Panel, CadreWebFixture.Password)).StatusCode);
        await CadreWebFixture.PostFormAsync(client, "/", [], postUrl: "/sign-out");

        var failed = await EventsAsync(AuditAction.SignInFailed, since);
        Assert.Contains(failed, e => e.Who == "Pat Panel" && e.OrganisationId == app.DemoOrganisation && e.After!.Contains("wrong password")
            && e.Address == "127.0.0.1" && e.UserAgent == "AuditTestBrowser/1.0");
        Assert.Contains(failed, e => e.Who == "anonymous" && e.OrganisationId == Guid.Empty && e.After!.Contains("nobody-here@a.test"));
        Assert.Contains(await EventsAsync(AuditAction.SignedIn, since), e => e.Who == "Pat Panel" && e.UserAgent == "AuditTestBrowser/1.0");
        Assert.Contains(await EventsAsync(AuditAction.SignedOut, since), e => e.Who == "Pat Panel" && e.OrganisationId == app.DemoOrganisation);
    }

    [Fact]
    public async Task Exporting_people_and_opening_a_persons_record_are_recorded()
    {
        var since = DateTime.UtcNow.AddSeconds(-1);
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/export/people.csv")).StatusCode);
        Guid person;
        await using (var db = app.SystemContext()) person = await db.People.Where(p => p.OrganisationId == app.DemoOrganisation).Select(p => p.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/people/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{person}")).StatusCode);

        Assert.Contains(await EventsAsync(AuditAction.Exported, since), e => e.Who == "Wendy Workforce" && e.EntityId == "people.csv" && e.After!.Contains("\"Rows\":"));
        Assert.Equal(2, (await EventsAsync(AuditAction.Viewed, since)).Count(e => e.EntityId == person.ToString() && e.Who == "Wendy Workforce"));
        // The organisation's trail shows them in words.
        Assert.Contains("Person opened", await client.GetStringAsync("/audit?type=Person"));
    }

    [Fact]
    public async Task An_administrator_checks_the_chain_on_a_page_and_other_roles_cannot()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var checkedPage = await CadreWebFixture.PostFormAsync(admin, "/audit/verify", []);
        var html = await checkedPage.Content.ReadAsStringAsync();
        Assert.Contains("The audit trail is intact:", html);
        using var workforce = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        Assert.NotEqual(HttpStatusCode.OK, (await workforce.GetAsync("/audit/verify")).StatusCode);
    }
}
