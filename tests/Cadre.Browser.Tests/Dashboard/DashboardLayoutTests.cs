using Cadre.Core.Register;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Dashboard;

/// <summary>The dashboard's lists of registrations to renew and trainees finishing use the page's full width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardLayoutTests(BrowserFixture browser)
{
    [Fact]
    public async Task Registrations_to_renew_read_across_the_full_width_and_the_figure_links_to_them()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var db = browser.App.SystemContext())
        {
            var person = await db.People.Where(p => p.OrganisationId == browser.App.DemoOrganisation && p.Assignments.Any())
                .OrderBy(p => p.StaffNumber).Skip(5).FirstAsync();
            db.Registrations.Add(new ProfessionalRegistration { OrganisationId = browser.App.DemoOrganisation, PersonId = person.Id, Type = RegistrationType.HcpcClinicalScientist,
                Number = "CS-LAYOUT-1", ExpiresOn = today.AddDays(30) });
            await db.SaveChangesAsync();
        }
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.GotoAsync("/");
        await page.GetByLabel("User name or email address", new() { Exact = true }).FillAsync(CadreWebFixture.Users.Workforce);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(CadreWebFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"));

        var table = page.GetByTestId("registrations-due-table");
        await Assertions.Expect(table).ToContainTextAsync("CS-LAYOUT-1");
        var tableWidth = await table.EvaluateAsync<double>("t => t.getBoundingClientRect().width");
        var mainWidth = await page.Locator("main").EvaluateAsync<double>("m => m.getBoundingClientRect().width");
        Assert.True(tableWidth > mainWidth * 0.9, $"the table is {tableWidth}px wide in a {mainWidth}px page");
        // Each date stays on one line.
        var dateCell = table.Locator("tbody tr").First.Locator("td").Nth(2);
        var lineHeight = await dateCell.EvaluateAsync<double>("c => parseFloat(getComputedStyle(c).lineHeight)");
        var cellHeight = await dateCell.EvaluateAsync<double>("c => c.getBoundingClientRect().height - parseFloat(getComputedStyle(c).paddingTop) - parseFloat(getComputedStyle(c).paddingBottom)");
        Assert.True(cellHeight < lineHeight * 1.5, $"the date wraps ({cellHeight}px for a {lineHeight}px line)");

        await page.GetByTestId("registrations-due").ClickAsync();
        Assert.EndsWith("#registrations-to-renew", page.Url);
        await browser.ShotAsync(page, "dashboard-registrations", fullPage: false);
        Assert.Empty(errors);
    }
}
