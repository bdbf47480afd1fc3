using Cadre.Core.Register;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Posts;

/// <summary>The filters a user can put on the posts list, shared by the page, the export links and the API.</summary>
public sealed class PostFilter
{
    public string? Q { get; set; }
    public Guid? Department { get; set; }
    public string? Band { get; set; }
    /// <summary>Which posts by where they stand on the day (by holders), or those whose typed status disagrees.</summary>
    public PostShown? Status { get; set; }
    public string? Code { get; set; }
    public string? Sort { get; set; }
    public string? Dir { get; set; }

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The status filter's choices. Filled, Vacant and Frozen are <see cref="Occupancy"/> (decided by holders); Funded is every
/// post that is not frozen; ToCheck is a post typed vacant that somebody holds. The names keep old links working
/// (`/posts?status=Vacant`).
/// </summary>
public enum PostShown { Funded, Filled, Vacant, Frozen, ToCheck }

/// <param name="Status">What was typed on the post.</param>
/// <param name="FilledWte">WTE of its holders on the day.</param>
public sealed record PostRow(Guid Id, string PostNumber, string Title, string Department, PayBand Band, decimal FundedWte,
    PostStatus Status, string? OccupationCode, decimal FilledWte)
{
    public Occupancy Occupancy => Establishment.OccupancyOf(Status, FilledWte);
    public bool StatusDisagrees => Establishment.TypedStatusDisagrees(Status, FilledWte);
}

/// <summary>
/// Filtering, sorting and paging posts in the database (never in memory), so the list stays quick at thousands of posts.
/// The organisation scope's query filters already limit the rows to what the user may see.
/// </summary>
public static class PostQuery
{
    public const int PageSize = 50;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static IQueryable<Post> Apply(IQueryable<Post> posts, PostFilter filter, out PayBand? band)
    {
        band = null;
        var today = Today;
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLower();
            posts = posts.Where(p => p.Title.ToLower().Contains(q) || p.PostNumber.ToLower().Contains(q)
                || (p.CostCentre != null && p.CostCentre.ToLower().Contains(q))
                || (p.OccupationCode != null && p.OccupationCode.ToLower().Contains(q)));
        }
        if (filter.Department is { } department) posts = posts.Where(p => p.DepartmentId == department);
        if (PayBand.TryParse(filter.Band, out var b))
        {
            band = b;
            var value = b.Value;
            posts = posts.Where(p => p.Band == value);
        }
        posts = filter.Status switch
        {
            null => posts,
            PostShown.Funded => posts.Where(p => p.Status != PostStatus.Frozen),
            PostShown.Filled => posts.Where(Establishment.InOccupancy(Occupancy.Filled, today)),
            PostShown.Vacant => posts.Where(Establishment.InOccupancy(Occupancy.Vacant, today)),
            PostShown.Frozen => posts.Where(Establishment.InOccupancy(Occupancy.Frozen, today)),
            PostShown.ToCheck => posts.Where(Establishment.TypedStatusDisagreesOn(today)),
            _ => throw new System.Diagnostics.UnreachableException($"No filter for {filter.Status}"),
        };
        if (!string.IsNullOrWhiteSpace(filter.Code))
        {
            var code = filter.Code.Trim().ToUpperInvariant();
            posts = posts.Where(p => p.OccupationCode != null && p.OccupationCode.StartsWith(code));
        }
        return posts;
    }

    public static IQueryable<Post> Sort(IQueryable<Post> posts, PostFilter filter)
    {
        var desc = filter.Descending;
        var today = Today;
        // Sorted by where the post stands (filled, vacant, frozen), as the status column shows it.
        System.Linq.Expressions.Expression<Func<Post, int>> standing = p => p.Status == PostStatus.Frozen ? 2
            : p.Assignments.Any(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today) && a.Wte > 0) ? 0 : 1;
        return (filter.Sort ?? "number").ToLowerInvariant() switch
        {
            "title" => desc ? posts.OrderByDescending(p => p.Title).ThenBy(p => p.PostNumber) : posts.OrderBy(p => p.Title).ThenBy(p => p.PostNumber),
            "department" => desc ? posts.OrderByDescending(p => p.Department!.Name).ThenBy(p => p.PostNumber) : posts.OrderBy(p => p.Department!.Name).ThenBy(p => p.PostNumber),
            "band" => desc ? posts.OrderByDescending(p => p.Band).ThenBy(p => p.PostNumber) : posts.OrderBy(p => p.Band).ThenBy(p => p.PostNumber),
            "wte" => desc ? posts.OrderByDescending(p => p.FundedWte).ThenBy(p => p.PostNumber) : posts.OrderBy(p => p.FundedWte).ThenBy(p => p.PostNumber),
            "status" => desc ? posts.OrderByDescending(standing).ThenBy(p => p.PostNumber) : posts.OrderBy(standing).ThenBy(p => p.PostNumber),
            "code" => desc ? posts.OrderByDescending(p => p.OccupationCode).ThenBy(p => p.PostNumber) : posts.OrderBy(p => p.OccupationCode).ThenBy(p => p.PostNumber),
            _ => desc ? posts.OrderByDescending(p => p.PostNumber) : posts.OrderBy(p => p.PostNumber),
        };
    }

    /// <summary>One page of rows, with the WTE currently in post worked out for just those rows.</summary>
    public static async Task<(IReadOnlyList<PostRow> Rows, int Total)> PageAsync(CadreDbContext db, PostFilter filter, int page, int pageSize, CancellationToken cancel)
    {
        var filtered = Apply(db.Posts.AsNoTracking(), filter, out _);
        var total = await filtered.CountAsync(cancel);
        var rows = await Sort(filtered, filter)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.PostNumber, p.Title, Department = p.Department!.Name, p.Band, p.FundedWte, p.Status, p.OccupationCode })
            .ToListAsync(cancel);
        var ids = rows.Select(r => r.Id).ToList();
        var filled = await FilledWteAsync(db, ids, cancel);
        return (rows.Select(r => new PostRow(r.Id, r.PostNumber, r.Title, r.Department, r.Band, r.FundedWte, r.Status, r.OccupationCode,
            filled.GetValueOrDefault(r.Id))).ToList(), total);
    }

    /// <summary>WTE in post today for the given posts (summed here: SQLite has no decimal arithmetic).</summary>
    public static async Task<Dictionary<Guid, decimal>> FilledWteAsync(CadreDbContext db, IReadOnlyCollection<Guid> postIds, CancellationToken cancel)
    {
        var assignments = await db.Assignments.AsNoTracking().Where(Establishment.CurrentOn(Today))
            .Where(a => postIds.Contains(a.PostId))
            .Select(a => new { a.PostId, a.Wte })
            .ToListAsync(cancel);
        return assignments.GroupBy(a => a.PostId).ToDictionary(g => g.Key, g => g.Sum(a => a.Wte));
    }
}
