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
        if (!reference.DepartmentThemes.TryGetValue(role.Department, out var deptTheme))
        {
            deptTheme = reference.Services.Resolve(role.Department).Target?.Area?.Theme ?? TitleReading.KeywordTheme(role.Department, reference);
            if (reference.DepartmentThemes.Count < 4_096) reference.DepartmentThemes.TryAdd(role.Department, deptTheme);
        }
        // Only when the department points somewhere (another theme, or outside healthcare science): an unknown name says nothing.
        if (deptTheme is not null && deptTheme != theme)
            draft.Clauses.Add(Phrases.Of(("theme-not-department", role.Department), static f => $"the theme follows the work, not the {f.Item2.Trim()} department"));
    }

    private static AreaOfWork? ChooseArea(PostRole role, WorkProfile work, CodingReference reference, DecisionDraft draft, char theme)
    {
        // A role names a handful of activities, so plain lists and loops: areas[k] holds shares[k] of the time.
        var items = new List<(ActivityTarget Target, decimal Percent)>(work.Items.Count);
        var themeShare = 0m;
        var areas = new List<AreaOfWork>(work.Items.Count * 3);
        var shares = new List<decimal>(work.Items.Count * 3);
        foreach (var item in work.Items)
        {
            if (item.Target.Area?.Theme != theme) continue;
            items.Add(item);
            themeShare += item.Percent;
            // Each activity counts towards its own area and every broader one above it.
            var lineage = item.Target.Area.SelfAndAncestors();
            for (var l = 0; l < lineage.Count; l++)
            {
                var a = lineage[l];
                var k = areas.IndexOf(a);
                if (k >= 0) shares[k] += item.Percent;
                else { areas.Add(a); shares.Add(item.Percent); }
            }
        }

        // The deepest specific area holding the majority; the first seen among equally deep ones.
        AreaOfWork? majority = null;
        for (var k = 0; k < areas.Count; k++)
            if (areas[k].Kind != AreaKind.Broad && shares[k] * 2 > themeShare && (majority is null || areas[k].Depth > majority.Depth))
                majority = areas[k];
        if (majority is not null)
        {
            var direct = 0m;
            foreach (var i in items) if (i.Target.Area == majority) direct += i.Percent;
            if (direct * 2 > themeShare)
            {
                var themeName = themeShare < work.Total ? reference.ThemeNames.GetValueOrDefault(theme, theme.ToString()) : null;
                draft.Say(CodingRules.AreaByMajority, direct == work.Total
                    ? Phrases.Of(("all-in", majority.Name), static f => $"all the time is in {f.Item2}")
                    : Phrases.Of(("majority-in", themeName, themeShare, direct, majority.Name), static f =>
                        (f.themeName is null ? "more than half the time" : $"of the {f.themeName} work ({WorkProfile.Pct(f.themeShare)} of the time), more than half") +
                        $" ({WorkProfile.Pct(f.direct)}) is in {f.Item5}"));
                List<string>? within = null;
                foreach (var i in items)
                    if (i.Target.Area != majority && Contains(i.Target.Area!.SelfAndAncestors(), majority) && !(within ??= []).Contains(i.Target.Area.Name))
                        within.Add(i.Target.Area.Name);
                if (within is { Count: > 0 })
                    draft.Say(CodingRules.AreaSpecificNotOverSpecific, $"{string.Join(" and ", within)} is part of {majority.Name}, so the broader of the two covers all the work");
            }
            else
                draft.Say(CodingRules.AreaSpecificNotOverSpecific,
                    $"the time is spread over {work.Describe()}, so the Area of Work is {majority.Name}, not a narrower one the work does not justify");
            SayListOfServices(items, majority, draft);
            return majority;
        }

        var half = new List<AreaOfWork>(2);
        for (var k = 0; k < areas.Count; k++)
        {
            if (areas[k].Kind == AreaKind.Broad || shares[k] * 2 != themeShare) continue;
            var narrower = false; // the narrowest of a chain holding the same half
            for (var j = 0; j < areas.Count; j++) narrower |= j != k && areas[j].Parent == areas[k] && shares[j] == shares[k];
            if (!narrower) half.Add(areas[k]);
        }
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

        if (items.TrueForAll(i => i.Target.Area == broad))
            draft.Say(CodingRules.AreaSpecificNotOverSpecific,
                $"only the broad {broad?.Name} was given, so it is recorded; name the specific services if the work allows, as HSCiC asks");
        else
            draft.Say(CodingRules.AreaSpecificNotOverSpecific,
                $"no specific Area of Work holds more than half the time ({work.Describe()}), so the broad {broad?.Name} is recorded");
        return broad;
    }

    // The IPEM List of Services names local services under an Area of Work: say which of the role's were recorded under the chosen one.
    private static void SayListOfServices(List<(ActivityTarget Target, decimal Percent)> items, AreaOfWork majority, DecisionDraft draft)
    {
        // Services named in their own words (not the area's name), distinct, grouped by their area in first-seen order.
        List<ActivityTarget>? named = null;
        foreach (var i in items)
            if (!i.Target.Name.Equals(i.Target.Area!.Name, StringComparison.Ordinal) && Contains(i.Target.Area.SelfAndAncestors(), majority) && !(named ??= []).Contains(i.Target))
                named.Add(i.Target);
        if (named is null) return;
        for (var g = 0; g < named.Count; g++)
        {
            var area = named[g].Area!;
            if (named.FindIndex(t => t.Area == area) < g) continue; // already said with its group
            var names = named.Where(t => t.Area == area).Select(t => t.Name);
            draft.Say(CodingRules.ListOfServices, $"the IPEM List of Services records {string.Join(" and ", names)} under {area.Name}");
        }
    }

    private static bool Contains(IReadOnlyList<AreaOfWork> lineage, AreaOfWork area)
    {
        for (var i = 0; i < lineage.Count; i++) if (lineage[i] == area) return true;
        return false;
    }
}
