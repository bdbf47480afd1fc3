namespace Cadre.Core.Intelligence;

/// <summary>
/// A finished report: a title, what it covers, and its tables in reading order. Cells are already what a reader may see
/// (numbers, words, or "*" where disclosure control hid a small count), so every page and file shows the same thing.
/// </summary>
public sealed record Report(string Kind, string Title, string Covers, DateOnly On, bool DisclosureControlled, IReadOnlyList<ReportTable> Tables)
{
    public ReportTable Table(string id) => Tables.First(t => t.Id == id);

    /// <summary>The tables as built and the sums between their figures: what disclosure control worked on (for its tests).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReportLedger? Ledger { get; init; }
}

/// <summary>The typed tables of a report before control, and the sums a reader could do across them.</summary>
public sealed record ReportLedger(IReadOnlyList<TableDraft> Drafts, IReadOnlyList<Relation> Relations);

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
    /// <summary>Pounds a year, whole pounds (INTEL-COST-01).</summary>
    Money,
}

/// <summary>
/// A number and the counts of posts or people behind it, so disclosure control can hide it when any of those counts is
/// small (a WTE from two people identifies them as surely as the count 2).
/// </summary>
public sealed record Figure(FigureKind Kind, decimal? Value, IReadOnlyList<int> Bases)
{
    /// <summary>The count a count figure shows.</summary>
    public Quantity? Counts { get; init; }
    /// <summary>For a share of counts (a percentage or ratio of people or posts): the counts it divides.</summary>
    public Quantity? Numerator { get; init; }
    public Quantity? Denominator { get; init; }

    public static Figure Count(int n) => Count(new Quantity(n));
    public static Figure Count(Quantity n) => new(FigureKind.Count, n.Value, [n.Value]) { Counts = n };
    /// <summary>One count as a percentage of another: shown, it and the denominator give the numerator back.</summary>
    public static Figure Share(Quantity numerator, Quantity denominator) =>
        Percent(numerator.Value, denominator.Value, numerator.Value, denominator.Value) with { Numerator = numerator, Denominator = denominator };
    public static Figure RatioOf(Quantity numerator, Quantity denominator) =>
        Ratio(numerator.Value, denominator.Value, numerator.Value, denominator.Value) with { Numerator = numerator, Denominator = denominator };
    /// <summary>Pounds, rounded to the whole pound; hidden with the count of people (or posts) it was worked out from.</summary>
    public static Figure Money(decimal gbp, params int[] bases) => new(FigureKind.Money, Math.Round(gbp, 0, MidpointRounding.AwayFromZero), bases);
    public static Figure Wte(decimal wte, int basis) => new(FigureKind.Wte, Math.Round(wte, 2, MidpointRounding.AwayFromZero), [basis]);
    /// <summary>A percentage of <paramref name="denominator"/>, one decimal place; none when the denominator is zero.</summary>
    public static Figure Percent(decimal numerator, decimal denominator, params int[] bases) =>
        new(FigureKind.Percent, denominator == 0 ? null : Math.Round(numerator * 100m / denominator, 1, MidpointRounding.AwayFromZero), bases);
    public static Figure Ratio(decimal numerator, decimal denominator, params int[] bases) =>
        new(FigureKind.Ratio, denominator == 0 ? null : Math.Round(numerator / denominator, 2, MidpointRounding.AwayFromZero), bases);
}
