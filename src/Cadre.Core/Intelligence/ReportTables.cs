namespace Cadre.Core.Intelligence;

/// <summary>Small helpers every report builder shares: a row of cells, and the definitions table that closes a report.</summary>
public static class ReportTables
{
    public static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    /// <summary>The definitions of every measure a report's tables show (by table or named in a cell), in the order met.</summary>
    internal static ReportTable Definitions(IEnumerable<ReportTable> tables)
    {
        var ids = new List<string>();
        foreach (var t in tables)
            foreach (var id in t.Rows.SelectMany(r => r).OfType<string>().Prepend(t.Id).Where(c => c.StartsWith("INTEL-", StringComparison.Ordinal)))
                if (!ids.Contains(id)) ids.Add(id);
        return new("definitions", "Definitions", ["Measure id", "Measure", "Definition", "Source"],
            // A department may be called anything, even "INTEL-…": only real measure ids are defined.
            ids.Select(id => Measures.All.FirstOrDefault(m => m.Id == id)).OfType<Measure>().Select(m => Row(m.Id, m.Name, m.Definition, m.Citation ?? "")).ToList());
    }
}
