using System.Net;
using System.Text.RegularExpressions;
using Cadre.Core.Money;
using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Money;

/// <summary>
/// /people/pay-progression (PAY-PROG-01): who is due in the next quarter, past their date, or recorded without a date;
/// for roles that see people, a service lead only their own departments, downloads audited.
/// </summary>
public sealed class PayProgressionPageTests(CadreWebFixture app) : IClassFixture<CadreWebFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Three holders of band 5 to 7 posts in the service lead's department: one due in ten days, one ten days past, one undated.</summary>
    private async Task<(Assignment Due, Assignment Overdue, Assignment Undated, int ElsewhereWithPoints)> ArrangeAsync()
    {
        await using var db = app.SystemContext();
        var mid = db.Assignments.Include(a => a.Person).Include(a => a.Post)
            .Where(a => a.OrganisationId == app.DemoOrganisation && a.EndDate == null && a.StartDate <= Today
                && a.Post!.Band >= PayBand.Band5 && a.Post.Band <= PayBand.Band7);
        var ours = await mid.Where(a => a.Post!.DepartmentId == app.LeadDepartment).OrderBy(a => a.Id).Take(3).ToListAsync();
        Assert.Equal(3, ours.Count);
        var elsewhere = await mid.Where(a => a.Post!.DepartmentId != app.LeadDepartment).OrderBy(a => a.Id).Take(2).ToListAsync();
        // Entry → intermediate after 2 years in bands 5 to 7.
        (ours[0].PayPoint, ours[0].PayPointSince) = (PayPoint.Entry, Today.AddYears(-2).AddDays(10));
        (ours[1].PayPoint, ours[1].PayPointSince) = (PayPoint.Entry, Today.AddYears(-2).AddDays(-10));
        (ours[2].PayPoint, ours[2].PayPointSince) = (PayPoint.Intermediate, null);
        foreach (var a in elsewhere) (a.PayPoint, a.PayPointSince) = (PayPoint.Entry, Today.AddYears(-2).AddDays(5));
        await db.SaveChangesAsync();
        return (ours[0], ours[1], ours[2], elsewhere.Count);
    }

    [Fact]
    public async Task Each_list_holds_who_it_says_with_the_date_and_the_reason_and_a_service_lead_sees_only_their_department()
    {
        var (due, overdue, undated, elsewhere) = await ArrangeAsync();
        using var workforce = await app.ClientAsync(CadreWebFixture.Users.Workforce);

        var duePage = await workforce.GetStringAsync("/people/pay-progression");
        Assert.Contains(due.Person!.StaffNumber, duePage);
        Assert.DoesNotContain(overdue.Person!.StaffNumber, duePage);
        Assert.Contains(Today.AddYears(-2).AddDays(10).AddYears(2).ToString("d MMM yyyy"), duePage);
        Assert.Contains("hold the progression review before then", duePage);
        Assert.Contains($"Due in the next quarter ({1 + elsewhere})", duePage);

        var overduePage = await workforce.GetStringAsync("/people/pay-progression?show=overdue");
        Assert.Contains(overdue.Person!.StaffNumber, overduePage);
        Assert.Contains("still recorded at entry", overduePage);
        var undatedPage = await workforce.GetStringAsync("/people/pay-progression?show=undated");
        Assert.Contains(undated.Person!.StaffNumber, undatedPage);

        // Filtered to one department the others' people are not counted.
        var filtered = await workforce.GetStringAsync($"/people/pay-progression?department={app.LeadDepartment}");
        Assert.Contains("Due in the next quarter (1)", filtered);

        // A service lead's scope is their department: the same three, none of the others.
        using var lead = await app.ClientAsync(CadreWebFixture.Users.Lead);
        var leadAll = await lead.GetStringAsync("/people/pay-progression?show=all");
        Assert.Contains("Everyone with a recorded point (3)", WebUtility.HtmlDecode(leadAll));
    }

    [Fact]
    public async Task The_download_is_the_list_on_screen_and_is_recorded_as_an_export_of_personal_data()
    {
        var (due, _, _, _) = await ArrangeAsync();
        using var workforce = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var response = await workforce.GetAsync($"/people/pay-progression?department={app.LeadDepartment}&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Staff number,Name,Post number,Department,Band,Pay point,Reached on,Next point,Eligible on,Status,Rule,Reason", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(due.Person!.StaffNumber + ",", lines[1]);
        Assert.Contains(",PAY-PROG-01,", lines[1]);
        await using var db = app.SystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Exported && e.EntityId == "pay-progression.csv"));
    }

    [Theory]
    [InlineData(CadreWebFixture.Users.Viewer)]
    [InlineData(CadreWebFixture.Users.Panel)]
    public async Task Roles_that_do_not_see_people_are_refused(string user)
    {
        using var client = await app.ClientAsync(user);
        await CadreWebFixture.AssertRoleRefusedAsync(await client.GetAsync("/people/pay-progression"));
    }
}
