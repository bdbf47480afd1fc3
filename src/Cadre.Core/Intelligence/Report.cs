namespace Cadre.Core.Intelligence;

/// <summary>
/// A finished report: a title, what it covers, and its tables in reading order. Cells are already what a reader may see
/// (numbers, words, or "*" where disclosure control hid a small count), so every page and file shows the same thing.
/// </summary>
public sealed record Report(string Kind, string Title, string Covers, DateOnly On, bool DisclosureControlled, IReadOnlyList<ReportTable> Tables)
{
    public ReportTable Table(string id) => Tables.First(t => t.Id == id);
}

/// <summary>One table of a report. <paramref name="Id"/> is the measure id it shows (or a section name for summaries).</summary>
/// <param name="Chart">How to draw it, when a chart helps; the table always carries the same figures.</param>
public sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows,
    string? Note = null, ReportChart? Chart = null);

/// <summary>A chart over a table: the label column and the value columns to plot.</summary>
public sealed record ReportChart(string Type, int LabelColumn, IReadOnlyList<int> ValueColumns, bool Stacked = false);

public enum FigureKind
{
    Count,
    Wte,
    Percent,
    Ratio,
}

/// <summary>
/// A number and the counts of posts or people behind it, so disclosure control can hide it when any of those counts is
/// small (a WTE from two people identifies them as surely as the count 2).
/// </summary>
public sealed record Figure(FigureKind Kind, decimal? Value, IReadOnlyList<int> Bases)
{
    public static Figure Count(int n) => new(FigureKind.Count, n, [n]);
    public static Figure Wte(decimal wte, int basis) => new(FigureKind.Wte, Math.Round(wte, 2, MidpointRounding.AwayFromZero), [basis]);
    /// <summary>A percentage of <paramref name="denominator"/>, one decimal place; none when the denominator is zero.</summary>
    public static Figure Percent(decimal numerator, decimal denominator, params int[] bases) =>
        new(FigureKind.Percent, denominator == 0 ? null : Math.Round(numerator * 100m / denominator, 1, MidpointRounding.AwayFromZero), bases);
    public static Figure Ratio(decimal numerator, decimal denominator, params int[] bases) =>
        new(FigureKind.Ratio, denominator == 0 ? null : Math.Round(numerator / denominator, 2, MidpointRounding.AwayFromZero), bases);
}

/// <summary>
/// Statistical disclosure control as NHS Digital (now NHS England) applies it to published workforce figures: a count
/// from 1 to 4 is shown as "*", and so is any figure worked out from such a count. 0 and 5 upwards are shown.
/// See docs/decisions/intelligence-disclosure.md.
/// </summary>
public static class Disclosure
{
    public const string Suppressed = "*";
    public const int Smallest = 1;
    public const int Largest = 4;
    public const string Notice = "Counts from 1 to 4, and figures worked out from them, are shown as * (statistical disclosure control, NHS Digital practice); a total is hidden too when it would give a hidden figure away.";
    public const string NotApplicable = "n/a";

    public static bool IsSmall(int count) => count is >= Smallest and <= Largest;

    /// <summary>What a reader sees for a figure: the number, "n/a" when there is none, or "*" when controlled and small.</summary>
    public static object Show(Figure figure, bool control)
    {
        if (control && figure.Bases.Any(IsSmall)) return Suppressed;
        if (figure.Value is not { } value) return NotApplicable;
        return figure.Kind == FigureKind.Count ? (object)(int)value : value;
    }

    public static object Count(int n, bool control) => Show(Figure.Count(n), control);
}
