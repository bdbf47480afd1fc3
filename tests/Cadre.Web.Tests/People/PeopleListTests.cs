using System.Net;
using System.Text.RegularExpressions;
using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.People;

/// <summary>The people list: found as people type names, filtered and sorted in the database, on both kinds of change.</summary>
public sealed class PeopleListTests(CadreWebFixture app) : IClassFixture<CadreWebFixture>, IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task InitializeAsync()
    {
        await using var db = app.SystemContext();
        if (await db.People.AnyAsync(p => p.StaffNumber == "PL000001")) return;
        var post = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation && p.DepartmentId == app.LeadDepartment).OrderBy(p => p.PostNumber).FirstAsync();
        var siobhan = new Person { OrganisationId = app.DemoOrganisation, StaffNumber = "PL000001", GivenName = "Siobhán", FamilyName = "Ní Bhriain" };
        siobhan.Registrations.Add(new ProfessionalRegistration { OrganisationId = app.DemoOrganisation, Type = RegistrationType.HcpcClinicalScientist, Number = "CS900001", ExpiresOn = Today.AddDays(30) });
        siobhan.Assignments.Add(new Assignment { OrganisationId = app.DemoOrganisation, PostId = post.Id, Wte = 0.2m, StartDate = Today.AddYears(-1) });
        var sophie = new Person { OrganisationId = app.DemoOrganisation, StaffNumber = "PL000002", GivenName = "Sophie", FamilyName = "Nowak" };
        sophie.Registrations.Add(new ProfessionalRegistration { OrganisationId = app.DemoOrganisation, Type = RegistrationType.Ahcs, Number = "AHCS900002", ExpiresOn = Today.AddDays(-3) });
        sophie.TrainingEnrolments.Add(new TrainingEnrolment { OrganisationId = app.DemoOrganisation, Programme = TrainingProgramme.Hsst, Specialism = "Radiotherapy Physics",
            StartDate = Today.AddYears(-2), ExpectedEndDate = Today.AddYears(3), Status = TrainingStatus.Interrupted });
        db.People.AddRange(siobhan, sophie);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> ListAsync(string query)
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        return WebUtility.HtmlDecode(await client.GetStringAsync("/people?" + query));
    }

    private static IReadOnlyList<string> StaffNumbers(string html) =>
        Regex.Matches(html, "<td class=\"nhsuk-table__cell\">(PL\\d{6})</td>").Select(m => m.Groups[1].Value).ToList();

    [Theory]
    [InlineData("q=Siobhan", "PL000001")]
    [InlineData("q=ni+bhriain", "PL000001")]
    [InlineData("q=nowak+sophie", "PL000002")]
    [InlineData("q=SOPH+NOW", "PL000002")]
    [InlineData("q=PL000002", "PL000002")]
    public async Task A_person_is_found_whatever_the_accents_or_the_order_of_words(string query, string staff)
    {
        // The demo register has its own Sophie Nowak, so only the people added here are compared.
        Assert.Equal([staff], StaffNumbers(await ListAsync(query)));
    }

    [Fact]
    public async Task One_match_is_counted_in_words() =>
        Assert.Contains("Showing 1 to 1 of 1 person.", await ListAsync("q=siobhan+ni"));

    [Fact]
    public async Task Filters_narrow_the_list_in_step_with_the_dashboards_renewal_window()
    {
        Assert.Contains("PL000001", StaffNumbers(await ListAsync("q=PL&renewal=due")));
        Assert.DoesNotContain("PL000002", StaffNumbers(await ListAsync("q=PL&renewal=due")));
        Assert.Equal(["PL000002"], StaffNumbers(await ListAsync("q=PL&renewal=lapsed")));
        Assert.Equal(["PL000002"], StaffNumbers(await ListAsync("q=PL&registration=Ahcs")));
        Assert.Equal(["PL000002"], StaffNumbers(await ListAsync("q=PL&programme=Hsst&training=Interrupted")));
        Assert.Empty(StaffNumbers(await ListAsync("q=PL&programme=Hsst&training=Active")));
        Assert.Equal(["PL000001"], StaffNumbers(await ListAsync($"q=PL&department={app.LeadDepartment}")));
        Assert.Contains("Clear search and filters", await ListAsync("q=PL"));
    }

    [Fact]
    public async Task Columns_sort_both_ways_and_say_which_way()
    {
        // Family names in the database's order (an accented letter may sort after the plain ones); descending reverses it.
        var byName = await ListAsync("q=PL");
        Assert.Contains("aria-sort=\"ascending\"><a href=\"/people?q=PL&dir=desc\">Name</a>", byName);
        Assert.Equal(StaffNumbers(byName).Reverse(), StaffNumbers(await ListAsync("q=PL&dir=desc")));
        Assert.Equal(["PL000001", "PL000002"], StaffNumbers(await ListAsync("q=PL&sort=staff")));
        Assert.Equal(["PL000002", "PL000001"], StaffNumbers(await ListAsync("q=PL&sort=staff&dir=desc")));
        // Sophie holds no post (0 WTE), Siobhán 0.20.
        var byWte = await ListAsync("q=PL&sort=wte");
        Assert.Equal(["PL000002", "PL000001"], StaffNumbers(byWte));
        Assert.Contains("aria-sort=\"ascending\"><a href=\"/people?q=PL&sort=wte&dir=desc\">WTE</a>", byWte);
    }
}
