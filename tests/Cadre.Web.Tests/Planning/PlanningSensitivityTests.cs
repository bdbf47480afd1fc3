using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cadre.Web.Features.Planning;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Planning;

/// <summary>
/// The tornado on the scenario page: the table and the chart hold the same figures, and they are the API's sensitivity
/// rows (each of which is two deterministic runs; Cadre.Core.Tests' SensitivityTests checks that by hand).
/// </summary>
public sealed class PlanningSensitivityTests(CadreWebFixture app) : IClassFixture<CadreWebFixture>
{
    [Fact]
    public async Task The_scenario_page_ranks_each_uncertain_assumption_in_a_table_and_a_tornado_chart_with_the_apis_figures()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var created = await CadreWebFixture.PostFormAsync(client, "/planning", new() { ["Name"] = "Tornado", ["Scope"] = "organisation" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        var raw = await client.GetStringAsync($"/planning/{id}");
        var page = WebUtility.HtmlDecode(raw);
        var api = JsonNode.Parse(await client.GetStringAsync($"/api/v1/planning/scenarios/{id}/run?runs=0&sensitivity=true"))!;
        var rows = api["sensitivity"]!.AsArray();
        Assert.True(rows.Count >= 4, $"{rows.Count} rows");

        // The table: one row per API row, in the same (ranked) order, with the same gaps and extra trainees.
        var tableRows = Regex.Matches(page, "data-testid=\"sensitivity-([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.Equal(rows.Count, tableRows.Count);
        var centralGap = CentralGap(api);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i]!;
            var cells = Regex.Matches(tableRows[i].Groups[2].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();
            Assert.StartsWith($"<strong>{row["id"]}</strong>", cells[0]);
            Assert.Equal(Plans.F(row["gapAtLow"]!.GetValue<double>()), cells[3]);
            Assert.Equal(Plans.F(row["gapAtHigh"]!.GetValue<double>()), cells[4]);
            Assert.Equal(Plans.F(row["gapAtLow"]!.GetValue<double>() - centralGap), cells[5]);
            Assert.Equal(Plans.F(row["gapAtHigh"]!.GetValue<double>() - centralGap), cells[6]);
            Assert.Equal(Plans.F(row["commissionsAtLow"]?.GetValue<double>() ?? double.PositiveInfinity), cells[7]);
        }
        // Rates are shown as percentages: the leaver rate's default range 6.3% to 9.2%.
        Assert.Matches("data-testid=\"sensitivity-PLAN-LEAVERS-01-all\">\\s*<td[^>]*><strong>PLAN-LEAVERS-01</strong>[^<]*</td>\\s*<td[^>]*>6.3%</td>\\s*<td[^>]*>9.2%</td>", page);

        // The chart: a tornado spec whose bars are the table's changes, in the same order.
        var spec = JsonNode.Parse(WebUtility.HtmlDecode(Regex.Match(raw, "<canvas data-chart=\"([^\"]+)\"[^>]*data-testid=\"chart-tornado\"").Groups[1].Value))!;
        Assert.Equal("tornado", spec["type"]!.GetValue<string>());
        Assert.Equal(rows.Count, spec["labels"]!.AsArray().Count);
        var low = spec["series"]![0]!["values"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var high = spec["series"]![1]!["values"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(Math.Round(rows[i]!["gapAtLow"]!.GetValue<double>() - centralGap, 2), low[i], 9);
            Assert.Equal(Math.Round(rows[i]!["gapAtHigh"]!.GetValue<double>() - centralGap, 2), high[i], 9);
        }
        Assert.Contains("Change in the", spec["xTitle"]!.GetValue<string>());
    }

    // The staff group's target-year gap in the central projection (runs 0: supply is the central projection's).
    private static double CentralGap(JsonNode api)
    {
        var target = api["targetYear"]!.GetValue<int>();
        var year = api["total"]!.AsArray().Single(y => y!["year"]!.GetValue<int>() == target)!;
        return year["demand"]!.GetValue<double>() - year["centralSupply"]!.GetValue<double>();
    }
}
