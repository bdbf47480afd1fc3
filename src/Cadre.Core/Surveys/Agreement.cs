namespace Cadre.Core.Surveys;

/// <summary>One analyst's coding of one free-text answer with one theme.</summary>
public sealed record ThemeCodingRow(Guid AnswerId, Guid ThemeId, string Analyst);

/// <summary>
/// How far two analysts agree on one theme over the answers both coded (INTEL-SUR-07): the two-by-two table (both gave
/// the theme, only the first, only the second, neither) and Cohen's kappa from it.
/// </summary>
public sealed record ThemeAgreement(Guid ThemeId, string FirstAnalyst, string SecondAnalyst, int Answers, int Both, int FirstOnly, int SecondOnly, int Neither)
{
    /// <summary>Share of answers on which the two agree (both gave the theme or neither did).</summary>
    public decimal Observed => Answers == 0 ? 0 : (decimal)(Both + Neither) / Answers;

    /// <summary>Agreement expected by chance from each analyst's own rate of giving the theme.</summary>
    public decimal Chance
    {
        get
        {
            if (Answers == 0) return 1;
            decimal n = Answers;
            var first = (Both + FirstOnly) / n;
            var second = (Both + SecondOnly) / n;
            return first * second + (1 - first) * (1 - second);
        }
    }

    /// <summary>Cohen's kappa, or null when chance agreement is 1 (nothing to tell agreement from chance by).</summary>
    public decimal? Kappa => Chance == 1 ? null : (Observed - Chance) / (1 - Chance);

    /// <summary>Kappa to two decimal places, half away from zero, as the pages show it.</summary>
    public decimal? KappaShown => Kappa is { } k ? Math.Round(k, 2, MidpointRounding.AwayFromZero) : null;
}

/// <summary>Cohen's kappa per theme for each pair of analysts who coded the same answers.</summary>
public static class Agreement
{
    /// <summary>
    /// An answer counts for a pair when each of the two gave it at least one theme: giving it none is not told apart
    /// from not having read it (docs/decisions/surveys-thematic-analysis.md).
    /// </summary>
    public static IReadOnlyList<ThemeAgreement> PerTheme(IEnumerable<Guid> themes, IReadOnlyCollection<ThemeCodingRow> codings)
    {
        var byAnalyst = codings.GroupBy(c => c.Analyst, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(c => (c.AnswerId, c.ThemeId)).ToHashSet(), StringComparer.OrdinalIgnoreCase);
        var analysts = byAnalyst.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();
        var themeList = themes.ToList();
        var result = new List<ThemeAgreement>();
        for (var i = 0; i < analysts.Count; i++)
            for (var j = i + 1; j < analysts.Count; j++)
            {
                var a = byAnalyst[analysts[i]];
                var b = byAnalyst[analysts[j]];
                var shared = a.Select(x => x.AnswerId).ToHashSet();
                shared.IntersectWith(b.Select(x => x.AnswerId));
                if (shared.Count == 0) continue;
                foreach (var theme in themeList)
                {
                    int both = 0, first = 0, second = 0, neither = 0;
                    foreach (var answer in shared)
                    {
                        var inA = a.Contains((answer, theme));
                        var inB = b.Contains((answer, theme));
                        if (inA && inB) both++;
                        else if (inA) first++;
                        else if (inB) second++;
                        else neither++;
                    }
                    result.Add(new(theme, analysts[i], analysts[j], shared.Count, both, first, second, neither));
                }
            }
        return result;
    }
}
