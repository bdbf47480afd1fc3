using System.Text.RegularExpressions;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Shared;

/// <summary>
/// Opens, in Chromium, the pages a role reaches from the header and one link further (two of each kind), now that the
/// NHS.UK components really start: no script error, no Content-Security-Policy refusal, and the header on one line.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BrowserCrawlTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(CadreWebFixture.Users.Admin)]
    [InlineData(CadreWebFixture.Users.Viewer)]
    public async Task Pages_open_without_script_errors_and_keep_the_header_on_one_line(string user)
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await browser.SignInAsync(page, user);

        var header = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('header a[href]')].map(a => a.getAttribute('href'))");
        var queue = new Queue<(string Url, int Depth)>(header.Where(Follow).Distinct().Select(h => (h, 1)));
        var seen = new HashSet<string>(queue.Select(q => q.Url));
        var shapes = new Dictionary<string, int>();
        var problems = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < 60)
        {
            var (url, depth) = queue.Dequeue();
            visited++;
            errors.Clear();
            var response = await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            if (response is null || response.Status >= 400) { problems.Add($"{url}: {response?.Status}"); continue; }
            var tops = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('.nhsuk-header__navigation-list > li')].filter(li => !li.hidden && li.offsetParent !== null).map(li => li.offsetTop)");
            if (tops.Distinct().Count() > 1) problems.Add($"{url}: the header navigation wraps");
            foreach (var error in errors) problems.Add($"{url}: {error}");
            if (depth >= 2) continue;
            var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main a[href]')].map(a => a.pathname + a.search).filter((h, i, all) => all.indexOf(h) === i)");
            foreach (var link in links.Where(Follow))
            {
                var shape = Id().Replace(link.Split('?')[0], "{id}") + "?" + (link.Contains('?') ? string.Join('&', link.Split('?')[1].Split('&').Select(p => p.Split('=')[0]).Order()) : "");
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                if (shapes[shape] <= 2 && seen.Add(link)) queue.Enqueue((link, depth + 1));
            }
        }
        Assert.True(problems.Count == 0, $"{user}, {visited} pages:\n" + string.Join("\n", problems));
    }

    private static bool Follow(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.Contains("format=", StringComparison.OrdinalIgnoreCase) && !href.StartsWith("/sign-out", StringComparison.Ordinal)
        && !href.StartsWith("/api/", StringComparison.Ordinal) && !href.Split('?')[0].EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
        && !href.Split('?')[0].EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && !href.Contains("/download", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("(?<=/)([0-9a-fA-F-]{32,36}|[0-9]+)(?=/|$)")]
    private static partial Regex Id();
}
