using Cadre.Core.Intelligence;

namespace Cadre.Core.Tests.Intelligence;

/// <summary>
/// A reader trying to work hidden counts back out of a published report, written apart from the control it tests: it
/// knows only what is shown, the sums the report's definitions imply (the ledger's relations, kept when they hold on the
/// true figures, since a reader's sum that does not hold gives nothing away), and arithmetic. It subtracts across rows,
/// columns, totals and key figures, and multiplies shares back by shown denominators, until it learns nothing more.
/// </summary>
internal static class RecoveryChecker
{
    /// <summary>What the reader recovers that control hid (or a count of 1 to 4 shown nowhere), in plain words.</summary>
    public static List<string> Recover(Report report)
    {
        var ledger = report.Ledger!;
        var known = new Dictionary<Quantity, int>(ReferenceEqualityComparer.Instance);
        var hiddenCells = new List<(Quantity Q, string Where)>();
        var shares = new List<(Figure F, decimal Shown)>();
        var displayed = new HashSet<Quantity>(ReferenceEqualityComparer.Instance);
        for (var t = 0; t < ledger.Drafts.Count; t++)
        {
            var draft = ledger.Drafts[t];
            var published = report.Tables.Single(x => x.Id == draft.Id);
            for (var r = 0; r < draft.Cells.Count; r++)
                for (var c = 0; c < draft.Cells[r].Count; c++)
                {
                    if (draft.Cells[r][c] is not FigureCell { Figure: var f }) continue;
                    var shown = published.Rows[r][c];
                    if (f.Counts is { } q)
                    {
                        displayed.Add(q);
                        if (shown is int n) known[q] = n;
                        else hiddenCells.Add((q, $"{draft.Id} row {r + 1} ({published.Rows[r][0]}) column '{draft.Columns[c]}'"));
                    }
                    else if (f.Numerator is not null && shown is decimal p) shares.Add((f, p));
                }
        }
        // Sums a reader could do: the relations, where they hold on the true figures.
        var sums = ledger.Relations.Where(rel => rel.Total.Value == rel.Parts.Sum(p => p.Value)).ToList();
        bool learned;
        do
        {
            learned = false;
            foreach (var (f, p) in shares)
            {
                // numerator = share × denominator, to the nearest whole one (exact for denominators under 1,000 at one decimal place).
                if (known.TryGetValue(f.Denominator!, out var den) && !known.ContainsKey(f.Numerator!) && den < 1000)
                    learned |= Learn(known, f.Numerator!, (int)Math.Round(p * den / 100m, MidpointRounding.AwayFromZero));
                else if (known.TryGetValue(f.Numerator!, out var num) && !known.ContainsKey(f.Denominator!) && p > 0 && num < 50)
                    learned |= Learn(known, f.Denominator!, (int)Math.Round(num * 100m / p, MidpointRounding.AwayFromZero));
            }
            foreach (var rel in sums)
            {
                var terms = rel.Parts.Prepend(rel.Total).ToList();
                var unknown = terms.Where(q => !known.ContainsKey(q)).Distinct(ReferenceEqualityComparer.Instance).Cast<Quantity>().ToList();
                if (unknown.Count != 1) continue;
                var u = unknown[0];
                var partsKnown = rel.Parts.Where(q => !ReferenceEquals(q, u)).Sum(q => known[q]);
                var copies = rel.Parts.Count(q => ReferenceEquals(q, u));
                if (ReferenceEquals(u, rel.Total)) learned |= Learn(known, u, partsKnown);
                else if (copies > 0) learned |= Learn(known, u, (known[rel.Total] - partsKnown) / copies);
            }
        }
        while (learned);

        var found = hiddenCells.Where(h => known.TryGetValue(h.Q, out var v) && v == h.Q.Value).Select(h => $"{h.Where} = {h.Q.Value}").Distinct().ToList();
        found.AddRange(sums.SelectMany(r => r.Parts.Prepend(r.Total)).Distinct(ReferenceEqualityComparer.Instance).Cast<Quantity>()
            .Where(q => !displayed.Contains(q) && Disclosure.IsSmall(q.Value) && known.TryGetValue(q, out var v) && v == q.Value)
            .Select(q => $"a count of {q.Value} shown nowhere but worked out from the sums"));
        return found;
    }

    private static bool Learn(Dictionary<Quantity, int> known, Quantity q, int value)
    {
        if (known.ContainsKey(q)) return false;
        known[q] = value;
        return true;
    }

    /// <summary>
    /// The rule: no row and no column of a table (of parts of one whole, as the table declares) holds exactly one
    /// hidden count among other counts that are not all 0 (with every other count 0 there is nothing to subtract from).
    /// </summary>
    public static List<string> LoneHiddenCounts(Report report)
    {
        var found = new List<string>();
        foreach (var draft in report.Ledger!.Drafts)
        {
            var published = report.Tables.Single(x => x.Id == draft.Id);
            var counts = draft.Cells.SelectMany((row, r) => row.Select((cell, c) => (r, c, cell)))
                .Where(x => x.cell is FigureCell { Figure.Counts: not null }).Select(x => (x.r, x.c, Q: ((FigureCell)x.cell).Figure.Counts!, Shown: published.Rows[x.r][x.c])).ToList();
            var rows = draft.Parts.HasFlag(PartLines.Rows) ? counts.GroupBy(x => x.r).Select(g => ("row", g.Key, g.ToList())) : [];
            var columns = draft.Parts.HasFlag(PartLines.Columns) ? counts.GroupBy(x => x.c).Select(g => ("column", g.Key, g.ToList())) : [];
            foreach (var line in rows.Concat(columns))
            {
                var cells = line.Item3;
                var hidden = cells.Where(x => x.Shown is Disclosure.Suppressed).Select(x => x.Q).Distinct(ReferenceEqualityComparer.Instance).Count();
                if (cells.Select(x => x.Q).Distinct(ReferenceEqualityComparer.Instance).Count() < 2 || hidden != 1) continue;
                if (cells.Where(x => x.Shown is not Disclosure.Suppressed).All(x => x.Q.Value == 0)) continue;
                found.Add($"{draft.Id} {line.Item1} {line.Item2 + 1}");
            }
        }
        return found;
    }
}
