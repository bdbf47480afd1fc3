namespace Cadre.Core.Intelligence;

/// <summary>
/// The key figures of every organisation in the snapshot side by side, as a region or a group of trusts compares them.
/// The snapshot holds only the organisations the reader belongs to (Cadre has no region: see
/// docs/decisions/intelligence-regions.md), and figures crossing organisations are always under disclosure control.
/// </summary>
public static class OrganisationBenchmark
{
    public const string Kind = "organisation";

    public static Report Build(WorkforceSnapshot snapshot) => Build(snapshot, control: true);

    /// <param name="control">Always true for readers; false only to test what control hid against the true figures.</param>
    public static Report Build(WorkforceSnapshot snapshot, bool control)
    {
        var w = new Workforce(snapshot);
        var organisations = snapshot.Organisations.OrderBy(o => o.OdsCode, StringComparer.OrdinalIgnoreCase).ToList();
        var figures = organisations.Select(o =>
        {
            var departments = snapshot.Departments.Where(d => d.OrganisationId == o.Id).ToList();
            var posts = snapshot.Posts.Where(p => p.OrganisationId == o.Id).ToList();
            return KeyFigures.For(w, posts, departments);
        }).ToList();
        var total = KeyFigures.For(w, snapshot.Posts.ToList(), snapshot.Departments.ToList());
        var relations = figures.SelectMany(KeyFigures.Relations).ToList();

        var columns = new List<string> { "Measure id", "Measure" };
        columns.AddRange(organisations.Select(o => $"{o.Name} ({o.OdsCode})"));
        var many = organisations.Count > 1;
        if (many) columns.Add("All organisations");
        var rows = total.Select((line, i) =>
        {
            List<Cell> row = [line.Measure.Id, line.Label, .. figures.Select(f => (Cell)f[i].Figure)];
            if (!many) return (IReadOnlyList<Cell>)row;
            row.Add(line.Figure);
            // Each organisation's count adds up to the total, and so do the counts a share divides.
            if (line.Figure.Counts is { } all) relations.Add(Relation.Sum(all, figures.Select(f => f[i].Figure.Counts!)));
            if (line.Figure.Numerator is { } n) relations.Add(Relation.Sum(n, figures.Select(f => f[i].Figure.Numerator!)));
            if (line.Figure.Denominator is { } d) relations.Add(Relation.Sum(d, figures.Select(f => f[i].Figure.Denominator!)));
            return row;
        }).ToList();

        // A short table the chart can draw: the three figures people compare trusts on first (the same figures as above).
        string[] compare = [Measures.VacancyRate.Id, Measures.ConsultantShare.Id, Measures.Miscoded.Id];
        var chartRows = organisations.Select((o, n) => ReportTables.Row(
            [o.OdsCode, .. compare.Select(id => (Cell)figures[n].First(f => f.Measure.Id == id).Figure)])).ToList();

        var tables = new List<TableDraft>
        {
            new("summary", "Key figures by organisation", columns, rows, Disclosure.Notice) { TotalColumn = many ? columns.Count - 1 : null, Parts = PartLines.Rows },
            new("comparison", "Rates compared", ["Organisation", "Vacancy rate (%)", "Consultant share of headcount (%)", "Roles miscoded (%)"], chartRows,
                "The same rates as in the table above, one row per organisation.", new ReportChart("bar", 0, [1, 2, 3])) { Parts = PartLines.None },
        };
        var covers = organisations.Count == 1 ? organisations[0].Name : $"{organisations.Count} organisations: {string.Join(", ", organisations.Select(o => o.OdsCode))}";
        return ReportTables.Publish(Kind, "Organisation benchmark", covers, snapshot.On, control, tables, relations);
    }
}
