using System.Net;
using Cadre.Web.Features.Planning;
using Cadre.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cadre.Web.Tests.Planning;

/// <summary>The scenario page's Excel download is a planner's workbook with the page's figures (issue 8, "Pages and downloads").</summary>
public sealed class PlanWorkbookTests(CadreWebFixture app) : IClassFixture<CadreWebFixture>
{
    [Fact]
    public async Task The_excel_download_is_a_workbook_of_assumptions_projection_commissions_and_sensitivity_named_after_the_scenario()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var created = await CadreWebFixture.PostFormAsync(client, "/planning", new() { ["Name"] = "Radiotherapy 2030", ["Scope"] = "organisation" });
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var response = await client.GetAsync($"/planning/{id}?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("cadre-plan-radiotherapy-2030-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));

        using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var wb = book.WorkbookPart!;
        var names = wb.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToArray();
        Assert.Equal(["Scenario", "Assumptions", "Projection", "Commissions", "Sensitivity"], names);
        Worksheet Sheet(string name) => ((WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!)).Worksheet;
        string[] Cells(Row row) => row.Elements<Cell>().Select(c => c.InnerText).ToArray();

        // Every sheet: the header row frozen and styled, its columns given widths.
        foreach (var name in names)
        {
            var ws = Sheet(name);
            var pane = ws.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
            Assert.Equal((PaneStateValues.Frozen, 1.0, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
            Assert.All(ws.GetFirstChild<SheetData>()!.Elements<Row>().First().Elements<Cell>(), c => Assert.Equal(1u, c.StyleIndex!.Value));
            Assert.All(ws.GetFirstChild<Columns>()!.Elements<Column>(), c => Assert.True(c.Width!.Value >= 8));
        }
        var fonts = wb.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ToArray();
        Assert.NotNull(fonts[1].Bold);

        // The page's figures: the total's p10/p50/p90 in the target year and the assumptions' value, low, high and source.
        var (_, result) = Plans.Run(await SavedAsync(id));
        var target = result.Total.Single(y => y.Year == result.Scenario.TargetYear);
        var totalRow = Sheet("Projection").Descendants<Row>().Select(Cells).Single(c => c[0] == "Total" && c[1] == target.Year.ToString());
        Assert.Equal(target.SupplySpread.P10, double.Parse(totalRow[4], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal(target.SupplySpread.P90, double.Parse(totalRow[6], System.Globalization.CultureInfo.InvariantCulture), 9);
        var leavers = Sheet("Assumptions").Descendants<Row>().Select(Cells).Single(c => c[0] == "PLAN-LEAVERS-01");
        Assert.Equal(["0.08", "0.063", "0.092"], leavers[3..6]);
        Assert.Contains("NHS England evidence to the Pay Review Body", leavers[8]);
        // Rates carry a number format (two decimals), WTE one decimal, years none.
        var projectionRow = Sheet("Projection").Descendants<Row>().Skip(1).First().Elements<Cell>().ToArray();
        Assert.Equal((2u, 3u), (projectionRow[1].StyleIndex!.Value, projectionRow[2].StyleIndex!.Value));
        Assert.Contains(Sheet("Commissions").Descendants<Row>().Select(Cells), c => c[2].StartsWith("Sustaining", StringComparison.Ordinal));
        Assert.Equal(result.Sensitivity!.Count, Sheet("Sensitivity").Descendants<Row>().Count() - 1);
    }

    private async Task<Cadre.Data.Planning.PlanningScenario> SavedAsync(Guid id)
    {
        await using var db = app.SystemContext();
        return Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.PlanningScenarios).Single(s => s.Id == id);
    }
}
