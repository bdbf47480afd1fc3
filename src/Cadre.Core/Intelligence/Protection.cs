namespace Cadre.Core.Intelligence;

/// <summary>
/// Complementary suppression over a whole report (docs/decisions/intelligence-disclosure.md). Starting from the small
/// counts and the figures worked out from them, it hides further figures until:
/// <list type="number">
/// <item>no shown share has a hidden count as its numerator or denominator (the share and the other count give it back);</item>
/// <item>no table's total is shown beside exactly one hidden figure of its line;</item>
/// <item>no row and no column of parts of one whole holds exactly one hidden count among other counts that are not all 0;</item>
/// <item>no hidden count, and no count of 1 to 4 behind a figure, can be worked out by any chain of subtraction over the
/// report's sums (<see cref="Relation"/>) and shown shares: tested by elimination over all of them at once.</item>
/// </list>
/// A complementary figure is chosen to give the least away: a share before a count, a table's total before its parts,
/// a count above 0 before a 0, and the smallest count first.
/// </summary>
public static class Protection
{
    /// <summary>The figures control hides beyond the small counts themselves.</summary>
    public sealed class Hidden
    {
        internal readonly HashSet<Quantity> Counts = [];
        internal readonly HashSet<Figure> Figures = new(ReferenceEqualityComparer.Instance);

        public bool Hides(Figure f) =>
            f.Bases.Any(Disclosure.IsSmall) || (f.Counts is { } q && Counts.Contains(q)) || Figures.Contains(f);

        internal void Hide(Figure f)
        {
            if (f.Counts is { } q) Counts.Add(q);
            else Figures.Add(f);
        }
    }

    private sealed record Placed(int Table, int Row, int Column, Figure Figure);

    public static Hidden Decide(IReadOnlyList<TableDraft> drafts, IReadOnlyList<Relation> relations)
    {
        var hidden = new Hidden();
        var placed = drafts.SelectMany((d, t) => d.Cells.SelectMany((row, r) => row.Select((c, k) => c is FigureCell f ? new Placed(t, r, k, f.Figure) : null)))
            .OfType<Placed>().ToList();
        var displayed = placed.Where(p => p.Figure.Counts is not null).Select(p => p.Figure.Counts!).ToHashSet();
        var shares = placed.Select(p => p.Figure).Where(f => f.Numerator is not null).Distinct(ReferenceEqualityComparer.Instance).Cast<Figure>().ToList();
        var lines = Lines(drafts, placed);
        foreach (var q in displayed.Where(q => Disclosure.IsSmall(q.Value))) hidden.Counts.Add(q);

        // Each pass hides at least one more figure or ends, so the loop ends (at worst with everything hidden).
        while (true)
        {
            if (ShareRule(shares, displayed, hidden) || MarginRule(drafts, placed, hidden) || LineRule(lines, hidden)) continue;
            if (!SumRule(relations, shares, displayed, placed, hidden)) return hidden;
        }
    }

    private static bool ShareRule(List<Figure> shares, HashSet<Quantity> displayed, Hidden hidden)
    {
        var changed = false;
        foreach (var f in shares.Where(f => !hidden.Hides(f)))
            if (displayed.Contains(f.Numerator!) && hidden.Counts.Contains(f.Numerator!) || displayed.Contains(f.Denominator!) && hidden.Counts.Contains(f.Denominator!))
            {
                hidden.Figures.Add(f);
                changed = true;
            }
        return changed;
    }

    /// <summary>A total shown beside exactly one hidden part would give the part back (total less the others).</summary>
    private static bool MarginRule(IReadOnlyList<TableDraft> drafts, List<Placed> placed, Hidden hidden)
    {
        var changed = false;
        for (var t = 0; t < drafts.Count; t++)
        {
            var d = drafts[t];
            var mine = placed.Where(p => p.Table == t).ToList();
            if (d.TotalColumn is { } tc)
                foreach (var row in mine.GroupBy(p => p.Row))
                    changed |= Margin(row.Where(p => p.Column != tc).ToList(), row.FirstOrDefault(p => p.Column == tc), hidden);
            if (d.TotalRow is { } tr)
                foreach (var column in mine.GroupBy(p => p.Column))
                    changed |= Margin(column.Where(p => p.Row != tr).ToList(), column.FirstOrDefault(p => p.Row == tr), hidden);
        }
        return changed;
    }

    private static bool Margin(List<Placed> parts, Placed? total, Hidden hidden)
    {
        if (total is null || hidden.Hides(total.Figure) || parts.Count(p => hidden.Hides(p.Figure)) != 1) return false;
        hidden.Hide(total.Figure);
        return true;
    }

    private sealed record Line(List<Placed> Counts, Placed? Total);

    private static List<Line> Lines(IReadOnlyList<TableDraft> drafts, List<Placed> placed)
    {
        var lines = new List<Line>();
        foreach (var table in placed.Where(p => p.Figure.Counts is not null).GroupBy(p => p.Table))
        {
            var d = drafts[table.Key];
            if (d.Parts.HasFlag(PartLines.Rows))
                foreach (var row in table.GroupBy(p => p.Row))
                    lines.Add(new(row.ToList(), row.FirstOrDefault(p => p.Column == d.TotalColumn)));
            if (d.Parts.HasFlag(PartLines.Columns))
                foreach (var column in table.GroupBy(p => p.Column))
                    lines.Add(new(column.ToList(), column.FirstOrDefault(p => p.Row == d.TotalRow)));
        }
        return lines.Where(l => l.Counts.Select(p => p.Figure.Counts).Distinct().Count() > 1).ToList();
    }

    /// <summary>
    /// No row or column holds exactly one hidden count: hide its total if it has one, else its smallest other count above
    /// 0. A line whose other counts are all 0 is left: there is nothing to subtract, and a total elsewhere is caught by the
    /// sums (<see cref="SumRule"/>).
    /// </summary>
    private static bool LineRule(List<Line> lines, Hidden hidden)
    {
        var changed = false;
        foreach (var line in lines)
        {
            var hiddenHere = line.Counts.Where(p => hidden.Hides(p.Figure)).Select(p => p.Figure.Counts).Distinct().Count();
            if (hiddenHere != 1) continue;
            var pick = line.Total is { } total && !hidden.Hides(total.Figure) && total.Figure.Counts!.Value > 0 ? total
                : line.Counts.Where(p => !hidden.Hides(p.Figure) && p.Figure.Counts!.Value > 0).OrderBy(p => p.Figure.Counts!.Value).FirstOrDefault();
            if (pick is null) continue;
            hidden.Hide(pick.Figure);
            changed = true;
        }
        return changed;
    }

    private sealed record Equation(Dictionary<Quantity, double> Terms, Figure? Share);

    /// <summary>
    /// Works out, by elimination over every sum and shown share at once, which hidden counts (and which counts of 1 to 4
    /// behind a figure) a reader could recover; hides one more figure beside the first such count. False when none.
    /// </summary>
    private static bool SumRule(IReadOnlyList<Relation> relations, List<Figure> shares, HashSet<Quantity> displayed, List<Placed> placed, Hidden hidden)
    {
        bool Known(Quantity q) => displayed.Contains(q) && !hidden.Counts.Contains(q);
        var equations = Equations(relations, shares, hidden);
        foreach (var exposed in Recoverable(equations, Known))
        {
            if (!(displayed.Contains(exposed) ? hidden.Counts.Contains(exposed) : Disclosure.IsSmall(exposed.Value))) continue;
            if (Complement(exposed, equations, Known, placed) is not { } pick) continue;
            hidden.Hide(pick);
            return true;
        }
        return false;
    }

    private static List<Equation> Equations(IReadOnlyList<Relation> relations, List<Figure> shares, Hidden hidden)
    {
        var equations = new List<Equation>();
        foreach (var r in relations)
        {
            var terms = new Dictionary<Quantity, double>(ReferenceEqualityComparer.Instance) { [r.Total] = 1 };
            foreach (var p in r.Parts) terms[p] = terms.GetValueOrDefault(p) - 1;
            equations.Add(new(terms, null));
        }
        // A shown share ties its numerator to its denominator: numerator = share × denominator.
        foreach (var f in shares.Where(f => !hidden.Hides(f) && f.Denominator!.Value != 0))
        {
            var terms = new Dictionary<Quantity, double>(ReferenceEqualityComparer.Instance) { [f.Numerator!] = 1 };
            terms[f.Denominator!] = terms.GetValueOrDefault(f.Denominator!) - (double)f.Numerator!.Value / f.Denominator!.Value;
            equations.Add(new(terms, f));
        }
        return equations;
    }

    /// <summary>
    /// The unknown counts the equations fix: Gauss–Jordan elimination over the unknowns; an unknown is fixed exactly when
    /// a row of the reduced matrix names it alone.
    /// </summary>
    private static List<Quantity> Recoverable(List<Equation> equations, Func<Quantity, bool> known)
    {
        var unknowns = equations.SelectMany(e => e.Terms.Keys).Where(q => !known(q)).Distinct(ReferenceEqualityComparer.Instance).Cast<Quantity>().ToList();
        var index = unknowns.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => x.i, ReferenceEqualityComparer.Instance);
        var rows = equations.Select(e =>
        {
            var row = new double[unknowns.Count];
            foreach (var (q, c) in e.Terms) if (index.TryGetValue(q, out var i)) row[i] += c;
            return row;
        }).Where(r => r.Any(c => Math.Abs(c) > Tolerance)).ToList();
        var pivotRow = 0;
        for (var col = 0; col < unknowns.Count && pivotRow < rows.Count; col++)
        {
            var best = Enumerable.Range(pivotRow, rows.Count - pivotRow).MaxBy(r => Math.Abs(rows[r][col]));
            if (Math.Abs(rows[best][col]) <= Tolerance) continue;
            (rows[pivotRow], rows[best]) = (rows[best], rows[pivotRow]);
            var p = rows[pivotRow];
            var scale = p[col];
            for (var c = 0; c < p.Length; c++) p[c] /= scale;
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == pivotRow || Math.Abs(rows[r][col]) <= Tolerance) continue;
                var factor = rows[r][col];
                for (var c = 0; c < p.Length; c++) rows[r][c] -= factor * p[c];
            }
            pivotRow++;
        }
        return rows.Select(r => Enumerable.Range(0, r.Length).Where(c => Math.Abs(r[c]) > Tolerance).ToList())
            .Where(nz => nz.Count == 1).Select(nz => unknowns[nz[0]]).ToList();
    }

    private const double Tolerance = 1e-9;

    /// <summary>
    /// The figure to hide beside an exposed count: from the equations that hold it (widening to their neighbours when all
    /// of theirs are hidden already), a share first, then the smallest shown count above 0, then a 0.
    /// </summary>
    private static Figure? Complement(Quantity exposed, List<Equation> equations, Func<Quantity, bool> known, List<Placed> placed)
    {
        var reached = new HashSet<Quantity>(ReferenceEqualityComparer.Instance) { exposed };
        var used = new HashSet<Equation>(ReferenceEqualityComparer.Instance);
        while (true)
        {
            var level = equations.Where(e => !used.Contains(e) && e.Terms.Keys.Any(reached.Contains)).ToList();
            if (level.Count == 0) return null;
            if (level.Select(e => e.Share).OfType<Figure>().FirstOrDefault() is { } share) return share;
            var counts = level.SelectMany(e => e.Terms.Keys).Where(known).Distinct(ReferenceEqualityComparer.Instance).Cast<Quantity>()
                .OrderBy(q => q.Value == 0).ThenBy(q => q.Value).ToList();
            if (counts.Count > 0) return placed.First(p => ReferenceEquals(p.Figure.Counts, counts[0])).Figure;
            foreach (var e in level)
            {
                used.Add(e);
                foreach (var q in e.Terms.Keys) reached.Add(q);
            }
        }
    }
}
