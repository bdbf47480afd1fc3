using Cadre.Core.Coding.Reference;

namespace Cadre.Core.Coding.Rules;

/// <summary>A role's activities resolved to Areas of Work, with the share of time per theme and per area.</summary>
internal sealed class WorkProfile
{
    public List<(ActivityTarget Target, decimal Percent)> Items { get; } = [];
    public List<string> Problems { get; } = [];

    /// <summary>Share of time by key: a theme letter ("H") or a code outside the U matrix ("S4C").</summary>
    public Dictionary<string, decimal> ByTheme { get; } = new(StringComparer.Ordinal);

    public static WorkProfile Of(IReadOnlyList<Activity> activities, ServiceCatalogue services)
    {
        var p = new WorkProfile();
        foreach (var a in activities)
        {
            var r = services.Resolve(a.Name);
            if (r.Target is null) { p.Problems.Add(r.Problem!); continue; }
            p.Items.Add((r.Target, a.Percent));
            var key = KeyOf(r.Target);
            p.ByTheme[key] = p.ByTheme.GetValueOrDefault(key) + a.Percent;
        }
        return p;
    }

    public static string KeyOf(ActivityTarget t) => t.Area is not null ? t.Area.Theme.ToString() : t.OutsideCode!.Value.Value;

    public decimal Total => Items.Sum(i => i.Percent);

    public decimal ShareUnder(AreaOfWork area) =>
        Items.Where(i => i.Target.Area is not null && i.Target.Area.SelfAndAncestors().Contains(area)).Sum(i => i.Percent);

    public bool Any(Func<AreaOfWork, bool> predicate) =>
        Items.Any(i => i.Target.Area is not null && i.Target.Area.SelfAndAncestors().Any(predicate));

    public string Describe() =>
        string.Join(", ", Items.Select(i => $"{i.Target.Name} {Pct(i.Percent)}"));

    public static string Pct(decimal p) => p.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
