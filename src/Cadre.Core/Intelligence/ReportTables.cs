namespace Cadre.Core.Intelligence;

/// <summary>Small helpers every report builder shares: a row of cells, the definitions table that closes a report, and publishing.</summary>
public static class ReportTables
{
    public static IReadOnlyList<Cell> Row(params Cell[] cells) => cells;

    /// <summary>The definitions of every measure a report's tables show (by table or named in a cell), in the order met.</summary>
    internal static TableDraft Definitions(IEnumerable<TableDraft> tables)
    {
        var ids = new List<string>();
        foreach (var t in tables)
            foreach (var id in t.Cells.SelectMany(r => r).OfType<TextCell>().Select(c => c.Text).Prepend(t.Id).Where(c => c.StartsWith("INTEL-", StringComparison.Ordinal)))
                if (!ids.Contains(id)) ids.Add(id);
        return new("definitions", "Definitions", ["Measure id", "Measure", "Definition", "Source"],
            // A department may be called anything, even "INTEL-…": only real measure ids are defined.
            ids.Select(id => Measures.All.FirstOrDefault(m => m.Id == id)).OfType<Measure>().Select(m => Row(m.Id, m.Name, m.Definition, m.Citation ?? "")).ToList());
    }

    /// <summary>
    /// A finished report: its tables closed by their definitions, put through disclosure control together (so a figure
    /// hidden in one table cannot be worked back from another), with the typed tables kept in its ledger.
    /// </summary>
    internal static Report Publish(string kind, string title, string covers, DateOnly on, bool control, List<TableDraft> drafts, IReadOnlyList<Relation> relations)
    {
        drafts.Add(Definitions(drafts));
        return new Report(kind, title, covers, on, control, Disclosure.Publish(drafts, relations, control)) { Ledger = new(drafts, relations) };
    }
}
