using Microsoft.AspNetCore.Http;

namespace Cadre.Web.Features.Shared;

/// <summary>Where a list is: page number, size and total, plus how to make the link to another page keeping the filters.</summary>
public sealed record Paging(int Page, int PageSize, int Total, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int First => Total == 0 ? 0 : (Page - 1) * PageSize + 1;
    public int Last => Math.Min(Total, Page * PageSize);

    public string Link(int page) => With("page", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The current list's address with one query value changed (null removes it); paging restarts unless it is the page.</summary>
    public string With(string key, string? value)
    {
        var query = Query.Where(kv => !string.IsNullOrEmpty(kv.Value) && kv.Key != key && (key == "page" || kv.Key != "page"))
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)).ToList();
        if (!string.IsNullOrEmpty(value)) query.Add(new(key, value));
        return Path + QueryString.Create(query).ToUriComponent();
    }

    /// <summary>Page numbers to show: first, last, and two either side of the current one; 0 marks a gap.</summary>
    public IEnumerable<int> Window()
    {
        var shown = new SortedSet<int> { 1, TotalPages };
        for (var p = Page - 2; p <= Page + 2; p++) if (p >= 1 && p <= TotalPages) shown.Add(p);
        var previous = 0;
        foreach (var p in shown)
        {
            if (previous != 0 && p > previous + 1) yield return 0;
            yield return p;
            previous = p;
        }
    }

    /// <summary>
    /// The page number from the query string, read by hand: "page" is a reserved route value in Razor Pages, so it cannot be
    /// model-bound.
    /// </summary>
    /// <summary>
    /// The last page anyone may ask for: (page - 1) × the largest page size stays far inside an int, so a page number
    /// of 2,147,483,647 gives an empty page, not an overflow and a 500.
    /// </summary>
    public const int MaxPage = 1_000_000;

    /// <summary>A requested page number kept between 1 and <see cref="MaxPage"/>.</summary>
    public static int Bound(int? page) => Math.Clamp(page ?? 1, 1, MaxPage);

    public static int FromQuery(HttpRequest request) =>
        int.TryParse(request.Query["page"], out var page) ? Bound(page) : 1;
}
