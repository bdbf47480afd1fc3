namespace Cadre.Core.Intelligence;

/// <summary>
/// A count the disclosure control can reason about. The same object stands wherever the same count is shown or used (a
/// specialism's headcount in its row and as the denominator of its shares), so hiding it hides it everywhere, and the sums
/// a reader could do with it (<see cref="Relation"/>) are known to the control.
/// </summary>
public sealed class Quantity(int value)
{
    public int Value { get; } = value;
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A sum a reader could do with published figures: <see cref="Total"/> is the sum of <see cref="Parts"/>.</summary>
/// <remarks>The total or parts may be shown nowhere (a report's total consultants, known only through a share).</remarks>
public sealed record Relation(Quantity Total, IReadOnlyList<Quantity> Parts)
{
    public static Relation Sum(Quantity total, params IEnumerable<Quantity> parts) => new(total, parts.ToList());
}

public enum CellKind
{
    Text,
    Count,
    Wte,
    Percent,
    Ratio,
    Money,
}

/// <summary>
/// One cell of a report table before disclosure control: words, or a figure (count, WTE, percentage, ratio) with what
/// it was worked out from. Strings and figures convert to cells, so a row reads as the page does.
/// </summary>
public abstract record Cell
{
    public abstract CellKind Kind { get; }

    public static implicit operator Cell(string text) => new TextCell(text);
    public static implicit operator Cell(Figure figure) => new FigureCell(figure);
    public static implicit operator Cell(Quantity count) => new FigureCell(Figure.Count(count));
}

public sealed record TextCell(string Text) : Cell
{
    public override CellKind Kind => CellKind.Text;
}

public sealed record FigureCell(Figure Figure) : Cell
{
    public override CellKind Kind => Figure.Kind switch
    {
        FigureKind.Count => CellKind.Count,
        FigureKind.Wte => CellKind.Wte,
        FigureKind.Percent => CellKind.Percent,
        FigureKind.Ratio => CellKind.Ratio,
        FigureKind.Money => CellKind.Money,
        _ => throw new System.Diagnostics.UnreachableException($"No cell kind for {Figure.Kind}"),
    };
}

/// <summary>
/// A report table as built, before disclosure control decides what a reader may see. <paramref name="TotalColumn"/> and
/// <paramref name="TotalRow"/> name a margin (a total of the other columns or rows), which control hides first when a
/// line's hidden figure must be protected (docs/decisions/intelligence-disclosure.md).
/// </summary>
public sealed record TableDraft(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<Cell>> Cells,
    string? Note = null, ReportChart? Chart = null)
{
    /// <summary>
    /// Which lines hold parts of one whole (a column of specialisms, a row of age bands), where a lone hidden count could
    /// be subtracted out. A row of different measures (headcount beside consultants) is not a sum, so it is left out.
    /// </summary>
    public PartLines Parts { get; init; } = PartLines.Rows | PartLines.Columns;

    public int? TotalColumn { get; init; }
    public int? TotalRow { get; init; }
}

[Flags]
public enum PartLines
{
    None = 0,
    Rows = 1,
    Columns = 2,
}
