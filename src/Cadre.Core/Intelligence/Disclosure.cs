namespace Cadre.Core.Intelligence;

/// <summary>
/// Statistical disclosure control as NHS Digital (now NHS England) applies it to published workforce figures: a count
/// from 1 to 4 is shown as "*", and so is any figure worked out from such a count; then, over the whole report, enough
/// other figures are hidden that no hidden count can be worked back by subtraction (complementary suppression).
/// 0 and 5 upwards are otherwise shown. See docs/decisions/intelligence-disclosure.md.
/// </summary>
public static class Disclosure
{
    public const string Suppressed = "*";
    public const int Smallest = 1;
    public const int Largest = 4;
    public const string Notice = "Counts from 1 to 4, and figures worked out from them, are shown as * (statistical disclosure control, NHS Digital practice); other figures are hidden too where they would give a hidden one away.";
    public const string NotApplicable = "n/a";

    public static bool IsSmall(int count) => count is >= Smallest and <= Largest;

    /// <summary>One figure on its own (primary suppression only): the number, "n/a" when there is none, or "*" when controlled and small.</summary>
    public static object Show(Figure figure, bool control)
    {
        if (control && figure.Bases.Any(IsSmall)) return Suppressed;
        return Value(figure);
    }

    public static object Count(int n, bool control) => Show(Figure.Count(n), control);

    /// <summary>
    /// What a reader sees of a report's tables. Without control every figure is shown; with it, the whole report is
    /// protected together (<see cref="Protection"/>): small counts, figures worked out from them, and the complementary
    /// figures that would otherwise give them back through a row, a column, a total, a share or a key figure.
    /// </summary>
    public static IReadOnlyList<ReportTable> Publish(IReadOnlyList<TableDraft> drafts, IReadOnlyList<Relation> relations, bool control)
    {
        var hidden = control ? Protection.Decide(drafts, relations) : null;
        return drafts.Select(d => new ReportTable(d.Id, d.Title, d.Columns,
            d.Cells.Select(row => (IReadOnlyList<object?>)row.Select(cell => Render(cell, hidden)).ToList()).ToList(), d.Note, d.Chart)).ToList();
    }

    private static object? Render(Cell cell, Protection.Hidden? hidden) => cell switch
    {
        TextCell t => t.Text,
        FigureCell f when hidden is not null && hidden.Hides(f.Figure) => Suppressed,
        FigureCell f => Value(f.Figure),
        _ => throw new System.Diagnostics.UnreachableException($"No rendering for {cell.GetType().Name}"),
    };

    private static object Value(Figure figure)
    {
        if (figure.Value is not { } value) return NotApplicable;
        return figure.Kind == FigureKind.Count ? (object)(int)value : value;
    }
}
