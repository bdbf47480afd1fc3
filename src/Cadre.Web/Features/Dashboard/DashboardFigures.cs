using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Dashboard;

/// <summary>
/// The organisation at a glance. "Filled" means somebody holds the post today; "vacant" means it is funded (not frozen)
/// and nobody does, whatever status was typed; frozen posts are counted apart because they carry no budget to recruit.
/// </summary>
public sealed class DashboardFigures
{
    public int Headcount { get; init; }
    public decimal InPostWte { get; init; }
    public int Posts { get; init; }
    public int FundedPosts { get; init; }
    public decimal FundedWte { get; init; }
    public int FilledPosts { get; init; }
    public int VacantPosts { get; init; }
    public decimal VacantWte { get; init; }
    public int FrozenPosts { get; init; }
    public int InTraining { get; init; }
    public IReadOnlyList<BandRow> Bands { get; init; } = [];
    public IReadOnlyList<ThemeRow> Themes { get; init; } = [];
    public IReadOnlyList<DepartmentRow> Departments { get; init; } = [];

    public sealed record BandRow(string Band, int Filled, int Vacant, int Frozen, decimal FundedWte);
    public sealed record ThemeRow(char Theme, string Name, decimal FundedWte);
    public sealed record DepartmentRow(Guid Id, string Name, char Theme, int Posts, decimal FundedWte, decimal InPostWte, int Vacant);

    public string BandChart() => JsonSerializer.Serialize(new
    {
        type = "bar",
        stacked = true,
        labels = Bands.Select(b => $"Band {b.Band}"),
        series = new object[]
        {
            new { label = "Filled", color = "#005eb8", values = Bands.Select(b => b.Filled) },
            new { label = "Vacant", color = "#ffb81c", values = Bands.Select(b => b.Vacant) },
            new { label = "Frozen", color = "#768692", values = Bands.Select(b => b.Frozen) },
        },
    });

    public string ThemeChart() => JsonSerializer.Serialize(new
    {
        type = "doughnut",
        labels = Themes.Select(t => t.Name),
        series = new object[] { new { label = "Funded WTE", values = Themes.Select(t => t.FundedWte) } },
    });

    public static async Task<DashboardFigures> LoadAsync(CadreDbContext db, CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var posts = await db.Posts.AsNoTracking()
            .Select(p => new { p.Id, p.DepartmentId, p.Band, p.FundedWte, p.Status }).ToListAsync(cancel);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name, d.ScienceTheme }).ToListAsync(cancel);
        var activities = await db.PostActivities.AsNoTracking().Select(a => new { a.PostId, a.ScienceTheme, a.Percent }).ToListAsync(cancel);
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => new { a.PostId, a.PersonId, a.Wte }).ToListAsync(cancel);
        var inTraining = await db.TrainingEnrolments.AsNoTracking().Where(t => t.Status == TrainingStatus.Active).Select(t => t.PersonId).Distinct().CountAsync(cancel);

        var filledByPost = assignments.GroupBy(a => a.PostId).ToDictionary(g => g.Key, g => g.Sum(a => a.Wte));
        var departmentTheme = departments.ToDictionary(d => d.Id, d => d.ScienceTheme ?? '\0');
        var activitiesByPost = activities.GroupBy(a => a.PostId).ToDictionary(g => g.Key, g => g.ToList());

        bool Filled(Guid id) => filledByPost.GetValueOrDefault(id) > 0;
        var funded = posts.Where(p => p.Status != PostStatus.Frozen).ToList();

        var themeWte = new Dictionary<char, decimal>();
        foreach (var p in funded)
        {
            if (activitiesByPost.TryGetValue(p.Id, out var split) && split.Sum(a => a.Percent) > 0)
            {
                var total = split.Sum(a => a.Percent);
                foreach (var a in split) themeWte[a.ScienceTheme] = themeWte.GetValueOrDefault(a.ScienceTheme) + p.FundedWte * a.Percent / total;
            }
            else
            {
                var theme = departmentTheme.GetValueOrDefault(p.DepartmentId);
                themeWte[theme] = themeWte.GetValueOrDefault(theme) + p.FundedWte;
            }
        }

        return new DashboardFigures
        {
            Headcount = assignments.Select(a => a.PersonId).Distinct().Count(),
            InPostWte = assignments.Sum(a => a.Wte),
            Posts = posts.Count,
            FundedPosts = funded.Count,
            FundedWte = funded.Sum(p => p.FundedWte),
            FilledPosts = funded.Count(p => Filled(p.Id)),
            VacantPosts = funded.Count(p => !Filled(p.Id)),
            VacantWte = funded.Sum(p => Math.Max(0, p.FundedWte - filledByPost.GetValueOrDefault(p.Id))),
            FrozenPosts = posts.Count - funded.Count,
            InTraining = inTraining,
            Bands = posts.GroupBy(p => p.Band).OrderBy(g => g.Key)
                .Select(g => new BandRow(g.Key.Code, g.Count(p => p.Status != PostStatus.Frozen && Filled(p.Id)),
                    g.Count(p => p.Status != PostStatus.Frozen && !Filled(p.Id)), g.Count(p => p.Status == PostStatus.Frozen),
                    g.Where(p => p.Status != PostStatus.Frozen).Sum(p => p.FundedWte))).ToList(),
            Themes = themeWte.Where(t => t.Value > 0).OrderByDescending(t => t.Value)
                .Select(t => new ThemeRow(t.Key, Labels.ThemeShort(t.Key), Math.Round(t.Value, 2))).ToList(),
            Departments = departments.OrderBy(d => d.Name).Select(d =>
            {
                var mine = posts.Where(p => p.DepartmentId == d.Id).ToList();
                return new DepartmentRow(d.Id, d.Name, d.ScienceTheme ?? '\0', mine.Count,
                    mine.Where(p => p.Status != PostStatus.Frozen).Sum(p => p.FundedWte),
                    mine.Sum(p => filledByPost.GetValueOrDefault(p.Id)),
                    mine.Count(p => p.Status != PostStatus.Frozen && !Filled(p.Id)));
            }).ToList(),
        };
    }
}
