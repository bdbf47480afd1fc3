using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Figures;

/// <summary>
/// The cost of the establishment (INTEL-COST-01) agrees on the dashboard, the service page, the head of service report's
/// API and its download, on a generated register; and a role that sees no people is shown no cost resting on 1 to 4.
/// </summary>
public sealed class CostFiguresAgreeTests(GeneratedRegisterFixture generated) : IClassFixture<GeneratedRegisterFixture>
{
    private CadreWebFixture App => generated.App;

    private static decimal Pounds(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]+)<");
        Assert.True(match.Success, $"no {testId} on the page");
        return decimal.Parse(WebUtility.HtmlDecode(match.Groups[1].Value).Trim().TrimStart('£'), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static JsonElement CostTotal(JsonElement report) =>
        report.GetProperty("tables").EnumerateArray().First(t => t.GetProperty("id").GetString() == "INTEL-COST-01")
            .GetProperty("rows").EnumerateArray().Single(r => r[0].GetString() == "All bands");

    [Fact]
    public async Task The_establishments_cost_agrees_on_the_dashboard_the_service_page_the_report_api_and_the_download()
    {
        using var client = await App.ClientAsync(CadreWebFixture.Users.Admin);
        var dashboard = await client.GetStringAsync("/");
        var funded = Pounds(dashboard, "establishment-cost");
        var vacancies = Pounds(dashboard, "vacancy-cost");
        Assert.True(funded > 0 && vacancies > 0);
        Assert.Contains("NHS Employers: Agenda for Change pay scales", dashboard);

        var report = JsonDocument.Parse(await client.GetStringAsync("/api/v1/reports/head-of-service")).RootElement;
        var total = CostTotal(report);
        Assert.Equal(funded, total[1].GetDecimal());
        Assert.Equal(vacancies, total[4].GetDecimal());

        // The download writes every number with two decimal places, pounds included.
        var csv = await client.GetStringAsync("/reports/head-of-service?format=csv");
        Assert.Contains(csv.Split('\n'), l => l.StartsWith($"All bands,{funded.ToString("0.00", CultureInfo.InvariantCulture)},", StringComparison.Ordinal));

        await using var db = App.SystemContext();
        var department = await db.Departments.Where(d => d.OrganisationId == App.DemoOrganisation).Select(d => d.Id).FirstAsync();
        var page = await client.GetStringAsync($"/departments/{department}");
        var one = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/reports/head-of-service?department={department}")).RootElement;
        Assert.Equal(CostTotal(one)[1].GetDecimal(), Pounds(page, "department-cost"));
        Assert.Equal(CostTotal(one)[4].GetDecimal(), Pounds(page, "department-vacancy-cost"));
    }
}
