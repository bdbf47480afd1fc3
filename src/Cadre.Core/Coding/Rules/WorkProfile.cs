using Cadre.Core.Coding.Reference;

namespace Cadre.Core.Coding.Rules;

/// <summary>A role's activities resolved to Areas of Work, with the share of time per theme and per area.</summary>
internal sealed class WorkProfile
{
    public List<(ActivityTarget Target, decimal Percent)> Items { get; }
    public List<string> Problems { get; } = [];

    /// <summary>
    /// Share of time by key, in the order the activities first name each: a theme letter ("H") or a code outside the U
    /// matrix ("S4C"). A list, not a dictionary: a role names a handful of activities.
    /// </summary>
    public List<KeyValuePair<string, decimal>> ByTheme { get; }

    /// <summary>The time the resolved activities account for (100 when every activity is known).</summary>
    public decimal Total { get; private set; }

    private WorkProfile(int activities)
    {
        Items = new List<(ActivityTarget, decimal)>(activities);
        ByTheme = new List<KeyValuePair<string, decimal>>(activities);
    }

    public static WorkProfile Of(IReadOnlyList<Activity> activities, ServiceCatalogue services)
    {
        var p = new WorkProfile(activities.Count);
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            var r = services.Resolve(a.Name);
            if (r.Target is null) { p.Problems.Add(r.Problem!); continue; }
            p.Items.Add((r.Target, a.Percent));
            p.Total += a.Percent;
            var key = KeyOf(r.Target);
            var at = 0;
            while (at < p.ByTheme.Count && !string.Equals(p.ByTheme[at].Key, key, StringComparison.Ordinal)) at++;
            if (at < p.ByTheme.Count) p.ByTheme[at] = new(key, p.ByTheme[at].Value + a.Percent);
            else p.ByTheme.Add(new(key, a.Percent));
        }
        return p;
    }

    private static readonly string[] ThemeKeys = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    public static string KeyOf(ActivityTarget t) => t.Area is not null
        ? t.Area.Theme < ThemeKeys.Length ? ThemeKeys[t.Area.Theme] : t.Area.Theme.ToString()
        : t.OutsideCode!.Value.Value;

    public bool Any(Func<AreaOfWork, bool> predicate)
    {
        foreach (var (target, _) in Items)
            if (target.Area is not null)
                foreach (var a in target.Area.SelfAndAncestors())
                    if (predicate(a)) return true;
        return false;
    }

    public string Describe() =>
        string.Join(", ", Items.Select(i => $"{i.Target.Name} {Pct(i.Percent)}"));

    public static string Pct(decimal p) => p.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
