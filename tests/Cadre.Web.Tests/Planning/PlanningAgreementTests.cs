using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cadre.Web.Features.Planning;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Planning;

/// <summary>
/// One definition of a plan's figures: the page (/planning/{id}), the API (/api/v1/planning/scenarios/{id}/run) and
/// `cadre plan --json` on the scenario downloaded from the page show the same numbers for the same runs and seed.
/// </summary>
public sealed class PlanningAgreementTests(CadreWebFixture app) : IClassFixture<CadreWebFixture>
{
    [Fact]
    public async Task The_page_the_api_and_cadre_plan_show_the_same_figures()
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
        var created = await CadreWebFixture.PostFormAsync(client, "/planning", new() { ["Name"] = "Agreement", ["Scope"] = "organisation" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        // The API at the pages' runs and seed.
        var api = JsonNode.Parse(await client.GetStringAsync($"/api/v1/planning/scenarios/{id}/run?runs={Plans.Runs}&seed={Plans.Seed}"))!.AsObject();
        Assert.Equal(id.ToString(), api["scenarioId"]!.GetValue<string>());

        // The CLI, as a user runs it, on the scenario downloaded from the page.
        var file = Path.Combine(Path.GetTempPath(), $"cadre-agreement-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await client.GetStringAsync($"/planning/{id}?format=json"));
        var cli = JsonNode.Parse(await CadreAsync("plan", file, "--json", "--runs", Plans.Runs.ToString(), "--seed", Plans.Seed.ToString()))!.AsObject();
        File.Delete(file);

        api.Remove("scenarioId");
        cli.Remove("scenarioId");
        Assert.Equal(cli.ToJsonString(), api.ToJsonString());

        // The page's total table carries the same supply, band and gap, as displayed.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/planning/{id}"));
        foreach (var y in api["total"]!.AsArray())
        {
            var year = y!["year"]!.GetValue<int>();
            var spread = y["supplySpread"]!;
            Assert.Matches($"data-testid=\"year-total-{year}\">\\s*<td[^>]*>{year}</td>\\s*<td[^>]*>{Plans.F(y["demand"]!.GetValue<double>())}</td>\\s*" +
                $"<td[^>]*>{Plans.F(y["supply"]!.GetValue<double>())}</td>\\s*<td[^>]*>{Plans.F(spread["p10"]!.GetValue<double>())}</td>\\s*" +
                $"<td[^>]*>{Plans.F(spread["p50"]!.GetValue<double>())}</td>\\s*<td[^>]*>{Plans.F(spread["p90"]!.GetValue<double>())}</td>\\s*" +
                $"<td[^>]*>{Plans.F(y["gap"]!.GetValue<double>())}</td>", page);
        }
        Assert.Equal(3, Regex.Matches(page, "data-testid=\"commission-row\"").Count);
        foreach (var s in api["segments"]!.AsArray())
            if (s!["commissions"]!["perYear"] is { } perYear)
                Assert.Contains($"{Plans.F(perYear.GetValue<double>())}</td>", page);

        // Commissioning that keeps the gap closed: the page shows the API's sustaining and confident intake, whole (exact).
        Assert.Equal(3, Regex.Matches(page, "data-testid=\"keeping-row\"").Count);
        foreach (var s in api["segments"]!.AsArray())
        {
            var c = s!["commissions"]!;
            if (c["sustaining"]?["perYear"] is { } sustaining)
                Assert.Contains($"data-testid=\"sustaining\">{c["sustaining"]!["wholePerYear"]!.GetValue<int>()} ({Plans.F(sustaining.GetValue<double>())})</td>", page);
            if (c["confident"]?["perYear"] is { } confident)
                Assert.Contains($"data-testid=\"confident\">{c["confident"]!["wholePerYear"]!.GetValue<int>()} ({Plans.F(confident.GetValue<double>())})</td>", page);
        }
    }

    private static async Task<string> CadreAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cadre.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("CADRE_DB");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        return await stdout;
    }
}
