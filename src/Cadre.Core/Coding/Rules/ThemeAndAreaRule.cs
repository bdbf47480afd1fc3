using Cadre.Core.Coding.Reference;

namespace Cadre.Core.Coding.Rules;

/// <summary>The theme (third character) and Area of Work a role's activities point to.</summary>
internal sealed record WorkPlacement(string? ThemeKey, AreaOfWork? Area)
{
    public char? Theme => ThemeKey is { Length: 1 } k ? k[0] : null;
    public OccupationCode? OutsideCode => ThemeKey is { Length: 3 } k ? OccupationCode.Parse(k) : null;
}

/// <summary>
/// Places a role by what it does, not where it sits (ESR-THEME-01): the theme and Area of Work holding more than half
/// the time (ESR-AREA-01); an exact 50:50 settled by the job title (ESR-AREA-02); a spread of specific areas rolled up
/// to the narrowest area that holds the majority, never a narrower one than the work justifies (ESR-AREA-03).
/// </summary>
internal static class ThemeAndAreaRule
{
    public static WorkPlacement Place(PostRole role, WorkProfile work, CodingReference reference, DecisionDraft draft)
    {
        var themeKey = ChooseTheme(role, work, reference, draft);
        if (themeKey is null) return new WorkPlacement(null, null);
        if (themeKey.Length == 3)
        {
            draft.Say(CodingRules.OtTechnicians, $"the work is {work.Describe()}, which lies outside the Healthcare Science U-matrix");
            return new WorkPlacement(themeKey, null);
        }

        var theme = themeKey[0];
        var themeName = reference.ThemeNames.GetValueOrDefault(theme, themeKey);
        DescribeTheme(role, work, reference, draft, theme, themeName);
        var area = ChooseArea(role, work, reference, draft, theme);
        return new WorkPlacement(themeKey, area);
    }

    private static string? ChooseTheme(PostRole role, WorkProfile work, CodingReference reference, DecisionDraft draft)
    {
        // Largest share first, ties in the order the activities named them: a stable insertion sort of a few entries,
        // which is what OrderByDescending did, without its per-row sorting machinery.
        var shares = new List<KeyValuePair<string, decimal>>(work.ByTheme);
        for (var i = 1; i < shares.Count; i++)
            for (var j = i; j > 0 && shares[j - 1].Value < shares[j].Value; j--)
                (shares[j - 1], shares[j]) = (shares[j], shares[j - 1]);
        if (shares.Count == 0) return null;
        var total = work.Total;
        if (shares[0].Value * 2 > total) return shares[0].Key;

        var tied = shares.Where(s => s.Value == shares[0].Value).Select(s => s.Key).ToList();
        if (tied.Count == 2 && shares[0].Value * 2 == total)
        {
            var pick = TitleReading.PickTheme(role.Title, tied, reference);
            var names = string.Join(" and ", tied.Select(k => ThemeLabel(k, reference)));
            if (pick is not null)
            {
                draft.Say(CodingRules.AreaTieByTitle, $"the time is split 50:50 between {names} and the job title \"{role.Title}\" points to {ThemeLabel(pick, reference)}");
                return pick;
            }
            draft.Review(CodingRules.AreaTieByTitle, $"the time is split 50:50 between {names} and the job title \"{role.Title}\" does not settle it: read the job description");
            return null;
        }

        if (tied.Count == 1)
        {
            draft.Review(CodingRules.AreaByMajority, $"no theme holds more than half the time ({work.Describe()}); the largest share, {ThemeLabel(tied[0], reference)}, is proposed");
            return tied[0];
        }
        draft.Review(CodingRules.AreaByMajority, $"no theme holds more than half the time ({work.Describe()}): read the job description");
        return null;
    }

    private static string ThemeLabel(string key, CodingReference reference) =>
        key.Length == 1 ? $"{reference.ThemeNames.GetValueOrDefault(key[0], key)} ({key})" : $"work outside the U-matrix ({key})";

    private static void DescribeTheme(PostRole role, WorkProfile work, CodingReference reference, DecisionDraft draft, char theme, string themeName)
    {
        draft.Use(CodingRules.ThemeByActivity);
        if (string.IsNullOrWhiteSpace(role.Department)) return;
        // Say so when the department would have suggested another theme (vascular science in Medical Physics, EBME in Estates).
        var dept = reference.Services.Resolve(role.Department).Target;
        var deptTheme = dept?.Area?.Theme;
        if (deptTheme is null)
        {
            deptTheme = TitleReading.KeywordTheme(role.Department, reference);
        }
        // Only when the department points somewhere (another theme, or outside healthcare science): an unknown name says nothing.
        if (deptTheme is not null && deptTheme != theme)
            draft.Clauses.Add($"the theme follows the work, not the {role.Department.Trim()} department");
    }

    private static AreaOfWork? ChooseArea(PostRole role, WorkProfile work, CodingReference reference, DecisionDraft draft, char theme)
    {
        var items = new List<(ActivityTarget Target, decimal Percent)>(work.Items.Count);
        var themeShare = 0m;
        var share = new Dictionary<AreaOfWork, decimal>();
        var areas = new List<AreaOfWork>();
        foreach (var item in work.Items)
        {
            if (item.Target.Area?.Theme != theme) continue;
            items.Add(item);
            themeShare += item.Percent;
            // Each activity counts towards its own area and every broader one above it.
            foreach (var a in item.Target.Area.SelfAndAncestors())
            {
                if (share.TryGetValue(a, out var sum)) share[a] = sum + item.Percent;
                else { share[a] = item.Percent; areas.Add(a); }
            }
        }

        // The deepest specific area holding the majority; the first seen among equally deep ones (a plain loop, run per row).
        AreaOfWork? majority = null;
        foreach (var a in areas)
            if (a.Kind != AreaKind.Broad && share[a] * 2 > themeShare && (majority is null || a.Depth > majority.Depth))
                majority = a;
        if (majority is not null)
        {
            var direct = items.Where(i => i.Target.Area == majority).Sum(i => i.Percent);
            var named = items.Where(i => !i.Target.Name.Equals(i.Target.Area!.Name, StringComparison.Ordinal)).Select(i => i.Target).Distinct().ToList();
            var of = themeShare < work.Total
                ? $"of the {reference.ThemeNames.GetValueOrDefault(theme, theme.ToString())} work ({WorkProfile.Pct(themeShare)} of the time), more than half"
                : "more than half the time";
            if (direct * 2 > themeShare)
            {
                draft.Say(CodingRules.AreaByMajority, direct == work.Total ? $"all the time is in {majority.Name}" : $"{of} ({WorkProfile.Pct(direct)}) is in {majority.Name}");
                var within = items.Where(i => i.Target.Area != majority && i.Target.Area!.SelfAndAncestors().Contains(majority)).Select(i => i.Target.Area!.Name).Distinct().ToList();
                if (within.Count > 0)
                    draft.Say(CodingRules.AreaSpecificNotOverSpecific, $"{string.Join(" and ", within)} is part of {majority.Name}, so the broader of the two covers all the work");
            }
            else
                draft.Say(CodingRules.AreaSpecificNotOverSpecific,
                    $"the time is spread over {work.Describe()}, so the Area of Work is {majority.Name}, not a narrower one the work does not justify");
            if (named.Count > 0)
                foreach (var group in named.Where(t => t.Area is not null && t.Area.SelfAndAncestors().Contains(majority)).GroupBy(t => t.Area!))
                    draft.Say(CodingRules.ListOfServices, $"the IPEM List of Services records {string.Join(" and ", group.Select(t => t.Name))} under {group.Key.Name}");
            return majority;
        }

        var half = areas.Where(a => a.Kind != AreaKind.Broad && share[a] * 2 == themeShare)
            .Where(a => !areas.Any(b => b != a && b.Parent == a && share[b] == share[a])) // the narrowest of a chain holding the same half
            .ToList();
        var broad = reference.Services.Broad(theme);
        if (half.Count == 2)
        {
            var pick = TitleReading.PickArea(role.Title, half, reference);
            if (pick is not null)
            {
                draft.Say(CodingRules.AreaTieByTitle, $"the time is split 50:50 between {half[0].Name} and {half[1].Name} and the job title \"{role.Title}\" points to {pick.Name}");
                return pick;
            }
            draft.Review(CodingRules.AreaTieByTitle,
                $"the time is split 50:50 between {half[0].Name} and {half[1].Name} and the job title \"{role.Title}\" does not settle it: read the job description");
            return broad;
        }

        if (items.All(i => i.Target.Area == broad))
            draft.Say(CodingRules.AreaSpecificNotOverSpecific,
                $"only the broad {broad?.Name} was given, so it is recorded; name the specific services if the work allows, as HSCiC asks");
        else
            draft.Say(CodingRules.AreaSpecificNotOverSpecific,
                $"no specific Area of Work holds more than half the time ({work.Describe()}), so the broad {broad?.Name} is recorded");
        return broad;
    }
}
