using System.Net;
using Xunit.Abstractions;
using System.Text.RegularExpressions;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests;

/// <summary>
/// Signs in as each role and follows the links the app itself renders, from the header and from each page it leads to
/// (three links deep, at most 150 pages a role and three pages of each kind; downloads, sign-out and form posts are left alone). Every page answers
/// without a server error, has a main heading, links to nothing missing or refused, and roles that do not see people are
/// never shown a people page or a link to one. No page or download (one of each kind) speaks the developers' language:
/// a source is cited by its title, never as "seed", "anchor" or a repository path.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class CrawlTests(CadreWebFixture app, ITestOutputHelper output)
{
    private const int MaxDepth = 3;
    private const int MaxPages = 150;
    private const int PerShape = 3;

    [Theory]
    [InlineData(CadreWebFixture.Users.Admin, true)]
    [InlineData(CadreWebFixture.Users.Workforce, true)]
    [InlineData(CadreWebFixture.Users.Lead, true)]
    [InlineData(CadreWebFixture.Users.Panel, false)]
    [InlineData(CadreWebFixture.Users.Viewer, false)]
    public async Task Every_page_a_role_can_reach_from_the_header_works(string user, bool seesPeople)
    {
        using var client = await app.ClientAsync(user);
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<(string Url, int Depth, string From)>();
        queue.Enqueue(("/", 0, "(start)"));
        var fetched = 0;
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var downloads = new Dictionary<string, string>(StringComparer.Ordinal);

        while (queue.Count > 0 && fetched < MaxPages)
        {
            var (url, depth, from) = queue.Dequeue();
            fetched++;
            output.WriteLine($"  {depth} {url}");
            var (status, finalUrl, html, isHtml) = await GetAsync(client, url);
            if (status >= 500) problems.Add($"{url} (linked from {from}): {status}");
            else if (status is 404 or 403 or 405) problems.Add($"{url} (linked from {from}): {status}");
            else if (finalUrl.StartsWith("/sign-in", StringComparison.Ordinal) || finalUrl.StartsWith("/access-denied", StringComparison.Ordinal))
                problems.Add($"{url} (linked from {from}): sent to {finalUrl}");
            if (!seesPeople && status == 200 && IsPeoplePage(finalUrl)) problems.Add($"{url} (linked from {from}): a people page shown to {user}");
            if (status != 200 || !isHtml) continue;
            if (!H1().IsMatch(html)) problems.Add($"{url} (linked from {from}): no <h1>");
            foreach (var word in DevelopersWords(VisibleText(html))) problems.Add($"{url}: shows \"{word}\"");

            var links = Links(html, new Uri(app.BaseAddress, finalUrl), depth == 0);
            foreach (var link in links)
            {
                if (!seesPeople && IsPeoplePage(link)) problems.Add($"{url}: links to the people page {link}");
                if (IsDownload(link)) downloads.TryAdd(Shape(link), link);
                if (depth + 1 > MaxDepth || Skip(link) || !seen.Add(link)) continue;
                // A list of a thousand posts links a thousand pages of one kind: a few of each kind are enough.
                var shape = Shape(link);
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                if (shapes[shape] > PerShape) continue;
                queue.Enqueue((link, depth + 1, url));
            }
        }

        foreach (var download in downloads.Values)
        {
            using var response = await client.GetAsync(download);
            if (!response.IsSuccessStatusCode) { problems.Add($"{download}: {(int)response.StatusCode}"); continue; }
            var text = DownloadText(await response.Content.ReadAsByteArrayAsync());
            foreach (var word in DevelopersWords(text)) problems.Add($"{download}: contains \"{word}\"");
        }

        output.WriteLine($"{user}: {fetched} pages, {downloads.Count} downloads, {seen.Count} links seen");
        Assert.True(fetched > 5, $"the crawl reached only {fetched} pages");
        Assert.True(problems.Count == 0, $"{user}, {fetched} pages:\n" + string.Join("\n", problems.Distinct()));
    }

    private static async Task<(int Status, string FinalUrl, string Html, bool IsHtml)> GetAsync(HttpClient client, string url)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.MovedPermanently
                && response.Headers.Location is { } location)
            {
                url = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                continue;
            }
            var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
            return ((int)response.StatusCode, url, isHtml ? await response.Content.ReadAsStringAsync() : "", isHtml);
        }
        return (310, url, "", false);
    }

    /// <summary>Same-origin links of the page; on the start page only the header's links (the crawl starts from the header).</summary>
    private static IEnumerable<string> Links(string html, Uri page, bool headerOnly)
    {
        if (headerOnly)
        {
            var start = html.IndexOf("<header", StringComparison.Ordinal);
            var end = html.IndexOf("</header>", StringComparison.Ordinal);
            if (start >= 0 && end > start) html = html[start..end];
        }
        foreach (Match match in Href().Matches(html))
        {
            var href = WebUtility.HtmlDecode(match.Groups[1].Value);
            var hash = href.IndexOf('#');
            if (hash >= 0) href = href[..hash];
            if (href.Length == 0) continue;
            // Relative links ("?page=2", "edit") resolve against the page; links to other sites are not followed.
            if (!Uri.TryCreate(page, href, out var target) || target.Host != page.Host || target.Port != page.Port) continue;
            if (target.Scheme is not ("http" or "https")) continue;
            yield return target.PathAndQuery;
        }
    }

    private static bool IsDownload(string link) =>
        link.Contains("format=", StringComparison.OrdinalIgnoreCase)
        || link.Split('?')[0] is var path && (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.Contains("/download", StringComparison.OrdinalIgnoreCase));

    private static bool Skip(string link) =>
        IsDownload(link)
        || link.StartsWith("/sign-out", StringComparison.Ordinal)
        || link.StartsWith("/api/", StringComparison.Ordinal)
        || link.StartsWith("/lib/", StringComparison.Ordinal) || link.StartsWith("/css/", StringComparison.Ordinal)
        || link.StartsWith("/js/", StringComparison.Ordinal) || link.StartsWith("/assets/", StringComparison.Ordinal);

    /// <summary>The link with ids and query values taken out: /posts/{id}?sort= stands for every post's page sorted any way.</summary>
    private static string Shape(string link)
    {
        var parts = link.Split('?', 2);
        var path = Id().Replace(parts[0], "{id}");
        var keys = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order()) : "";
        return path + "?" + keys;
    }

    /// <summary>What a reader sees: the page without its scripts, styles and tags (attributes such as CSS class names are not words on the page).</summary>
    private static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(ScriptOrStyle().Replace(html, " "), " "));

    /// <summary>The text of a download: a CSV or Markdown file as it is, a workbook's cell text and sheet names.</summary>
    private static string DownloadText(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K') return System.Text.Encoding.UTF8.GetString(bytes);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var text = new System.Text.StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(Tag().Replace(reader.ReadToEnd(), " ")).Append(' ');
            // Sheet names live in attributes: keep them, they are what the user reads on the tabs.
            if (entry.FullName == "xl/workbook.xml") { using var again = new StreamReader(entry.Open()); text.Append(again.ReadToEnd()); }
        }
        return WebUtility.HtmlDecode(text.ToString());
    }

    /// <summary>Words that show a user our working names: the specification's "seed" files and "anchor" sets, and paths into the repository.</summary>
    private static IEnumerable<string> DevelopersWords(string text) =>
        DevelopersWord().Matches(text).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"\bseeds?\b|\banchors?\b|\b(?:docs|reference|src|tests)/[\w./-]+|\b[\w-]+\.(?:cs|md|cshtml)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DevelopersWord();

    [GeneratedRegex("<(script|style)\\b.*?</\\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("(?<=/)([0-9a-fA-F-]{32,36}|[0-9]+)(?=/|$)")]
    private static partial Regex Id();

    private static bool IsPeoplePage(string url) =>
        url == "/people" || url.StartsWith("/people/", StringComparison.Ordinal) || url.StartsWith("/people?", StringComparison.Ordinal);

    [GeneratedRegex("<a\\s[^>]*?href=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex("<h1[\\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex H1();
}
