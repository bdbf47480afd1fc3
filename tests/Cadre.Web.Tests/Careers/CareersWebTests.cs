using System.Net;
using System.Text.RegularExpressions;
using Cadre.Core.Careers;
using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Careers;

/// <summary>
/// The careers pages against the real app and the demo register: its own app instance, because one test makes a
/// trainee overdue and another counts trainees.
/// </summary>
public sealed class CareersWebTests(CadreWebFixture app) : IClassFixture<CadreWebFixture>
{
    [Fact]
    public async Task The_framework_page_shows_what_each_programme_costs_the_employer_by_the_plans_own_computation()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/careers"));
        // Worked by hand on the 2025/26 scale (the latest Cadre holds): an STP trainee-year costs the employer the
        // placement, 10,000, less 20% of band 6 entry with on-costs (49,490.1816): 101.96; the STP is 3 years: 305.89.
        Assert.Matches("data-testid=\"employer-year-STP\">£102<", html);
        Assert.Matches("data-testid=\"employer-total-STP\">£306<", html);
        // HSSE has no set length, so no whole-programme figure; a placeholder says local input is needed.
        Assert.Matches("data-testid=\"employer-total-HSSE\">–<", html);
        Assert.Matches("data-testid=\"cost-STP\">[\\s\\S]*?Local input needed", html);
        Assert.Contains("NHS Employers: Agenda for Change pay scales 2025/26", html);
        Assert.Contains("PLAN-COST-STP-PLACEMENT", html);
    }

    [Theory]
    [InlineData(CadreWebFixture.Users.Viewer)]
    [InlineData(CadreWebFixture.Users.Workforce)]
    public async Task The_framework_page_shows_roles_programmes_and_routes_with_their_rules_and_sources(string user)
    {
        using var client = await app.ClientAsync(user);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/careers"));
        var reference = CareerReference.Default;
        Assert.Equal(reference.Roles.Count, Regex.Matches(html, "data-testid=\"role-").Count);
        Assert.Contains("Consultant Clinical Scientist", html);
        Assert.Contains("8c-9", html);
        foreach (var programme in new[] { "PTP", "STP", "HSST", "HSSE", "STP-equivalence", "assistant", "associate" })
            Assert.Contains($"data-testid=\"programme-{programme}\"", html);
        Assert.Equal(reference.Steps.Count, Regex.Matches(html, "data-testid=\"step-CAREER-").Count);
        Assert.Matches("data-testid=\"equivalence-routes\"[\\s\\S]*CAREER-EQUIV-HSSE[\\s\\S]*HSSR registration", html);
        Assert.Contains("AHCS practitioner registration", html);
        Assert.Contains("HCPC Clinical Scientist registration", html);
        Assert.Contains("Modernising Scientific Careers: The England Action Plan (DH 2010) ch.4 para 44", html);
        Assert.DoesNotContain("seed 0", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("anchors", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CAREER-CONS-01", html);
        Assert.Contains("CAREER-PIPE-OVERDUE", html);
        Assert.Contains("href=\"/careers\"", html); // the header link
        Assert.Contains("href=\"/planning\"", html);
        Assert.Equal(user != CadreWebFixture.Users.Viewer, html.Contains("/careers/pipeline"));
    }

    [Fact]
    public async Task The_route_finder_answers_from_the_route_finder_with_steps_durations_and_registrations()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/careers/routes?has=HcpcClinicalScientist&to=Consultant"));
        var expected = new RouteFinder().Find([Credential.HcpcClinicalScientist], EntryRequirement.Consultant);
        Assert.Equal(expected.Routes.Count, Regex.Matches(html, "data-testid=\"route\"").Count);
        Assert.Contains(expected.Reason, html);
        Assert.Contains("CAREER-ROUTE-HSST", html);
        Assert.Contains("CAREER-EQUIV-HSSE", html);
        Assert.Contains("(5 years)", html);
        Assert.Contains("CAREER-CONS-01", html);
        Assert.Contains("Registrations gained: HSSR registration", html);

        var school = WebUtility.HtmlDecode(await client.GetStringAsync("/careers/routes?to=ClinicalScientist&training=Stp"));
        Assert.Contains("CAREER-ROUTE-DEGREE", school);
        Assert.Contains("CAREER-ROUTE-STP", school);

        var bad = WebUtility.HtmlDecode(await client.GetStringAsync("/careers/routes?has=Wizard&to=Astronaut"));
        Assert.Contains("<title>Error:", bad);
        Assert.Contains("<a href=\"#has\">'Wizard' is not a qualification or registration Cadre knows</a>", bad);
        Assert.Contains("<a href=\"#to\">'Astronaut' is not a post's entry requirement</a>", bad);
        Assert.DoesNotContain("data-testid=\"route\"", bad);
        Assert.Contains("<a href=\"#to\">Choose the post you want to reach</a>", WebUtility.HtmlDecode(await client.GetStringAsync("/careers/routes?has=Hssr")));
    }

    private async Task<(Guid Person, Guid Enrolment, string StaffNumber)> TraineeAsync(TrainingProgramme programme)
    {
        await using var db = app.SystemContext();
        var e = await db.TrainingEnrolments.Where(t => t.OrganisationId == app.DemoOrganisation && t.Programme == programme && t.Status == TrainingStatus.Active)
            .OrderBy(t => t.Person!.StaffNumber).Select(t => new { t.PersonId, t.Id, t.Person!.StaffNumber }).FirstAsync();
        return (e.PersonId, e.Id, e.StaffNumber);
    }

    [Fact]
    public async Task A_trainees_page_shows_their_checks_and_next_step_to_roles_that_see_people_only()
    {
        var (person, _, _) = await TraineeAsync(TrainingProgramme.Stp);
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/people/{person}"));
        Assert.Contains("data-testid=\"career-panel\"", html);
        Assert.Contains("CAREER-TRAIN-STP", html);
        Assert.Contains("A direct-entry STP trainee on band 6, as the national programme sets.", html);
        Assert.Contains("Next step: a clinical scientist (stp or equivalent) post", html);
        Assert.Contains("CAREER-PROG-01", html); // on the route already
        Assert.Contains(", in progress", html);

        var (hsst, _, _) = await TraineeAsync(TrainingProgramme.Hsst);
        var hsstHtml = WebUtility.HtmlDecode(await client.GetStringAsync($"/people/{hsst}"));
        Assert.Contains("CAREER-TRAIN-HSST-REG", hsstHtml);
        Assert.Contains("The trainee is a registered scientist, as HSST requires.", hsstHtml);

        foreach (var user in new[] { CadreWebFixture.Users.Viewer, CadreWebFixture.Users.Panel })
        {
            using var other = await app.ClientAsync(user);
            var page = await other.GetAsync($"/people/{person}");
            await CadreWebFixture.AssertRoleRefusedAsync(page);
            var pipeline = await other.GetAsync("/careers/pipeline");
            await CadreWebFixture.AssertRoleRefusedAsync(pipeline);
            await CadreWebFixture.AssertRoleRefusedAsync(await other.GetAsync("/careers/pipeline?format=csv"));
        }
    }

    [Fact]
    public async Task The_pipeline_lists_every_current_trainee_flags_the_overdue_and_at_risk_and_exports_safely()
    {
        var (overduePerson, overdue, overdueStaff) = await TraineeAsync(TrainingProgramme.Hsst);
        var (riskPerson, interrupted, riskStaff) = await TraineeAsync(TrainingProgramme.Stp);
        await using (var db = app.SystemContext())
        {
            var late = await db.TrainingEnrolments.SingleAsync(e => e.Id == overdue);
            late.ExpectedEndDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40);
            var paused = await db.TrainingEnrolments.SingleAsync(e => e.Id == interrupted);
            paused.Status = TrainingStatus.Interrupted;
            paused.Specialism = "=1+2";
            await db.SaveChangesAsync();
        }
        int current;
        await using (var db = app.SystemContext())
            current = await db.TrainingEnrolments.CountAsync(e => e.OrganisationId == app.DemoOrganisation && (e.Status == TrainingStatus.Active || e.Status == TrainingStatus.Interrupted));

        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/careers/pipeline"));
        Assert.Equal(current, Regex.Matches(html, "data-testid=\"trainee-row\"").Count);
        Assert.Matches($"href=\"/people/{overduePerson}#career\"[\\s\\S]*?data-testid=\"pipeline-status\">Overdue</strong>[\\s\\S]*?CAREER-PIPE-OVERDUE</code> Expected to finish by", html);
        Assert.Matches($"href=\"/people/{riskPerson}#career\"[\\s\\S]*?data-testid=\"pipeline-status\">At risk</strong>[\\s\\S]*?CAREER-PIPE-INTERRUPTED", html);
        Assert.Matches("data-testid=\"summary-HSST\">[\\s\\S]*?<td[^>]*>\\d+</td><td[^>]*>1</td>", html);
        Assert.Contains("data-testid=\"pipeline-PTP\"", html);

        var csv = (await client.GetStringAsync("/careers/pipeline?format=csv")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(current + 1, lines.Length);
        Assert.StartsWith("staff_number,name,programme,specialism,start_date,expected_end_date", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(overdueStaff + ",") && l.Contains(",Overdue,CAREER-PIPE-OVERDUE"));
        var risk = Assert.Single(lines, l => l.StartsWith(riskStaff + ","));
        Assert.Contains(",STP,'=1+2,", risk);
        Assert.Contains("At risk", risk);
        var xlsx = await client.GetByteArrayAsync("/careers/pipeline?format=xlsx");
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Contains("'=1+2", sheet.WorkbookPart!.WorksheetParts.First().Worksheet.InnerText);

        // The person's own page says the same.
        var person = WebUtility.HtmlDecode(await client.GetStringAsync($"/people/{overduePerson}"));
        Assert.Contains("data-testid=\"trainee-status\">Overdue", person);

        // A service lead sees only the trainees in the departments they lead.
        using var lead = await app.ClientAsync(CadreWebFixture.Users.Lead);
        int theirs;
        await using (var db = app.SystemContext())
            theirs = await db.TrainingEnrolments.CountAsync(e => (e.Status == TrainingStatus.Active || e.Status == TrainingStatus.Interrupted)
                && e.Person!.Assignments.Any(a => a.Post!.DepartmentId == app.LeadDepartment));
        var leadHtml = await lead.GetStringAsync("/careers/pipeline");
        Assert.Equal(theirs, Regex.Matches(leadHtml, "data-testid=\"trainee-row\"").Count);
        Assert.True(theirs < current, $"{theirs} of {current}");
    }
}
