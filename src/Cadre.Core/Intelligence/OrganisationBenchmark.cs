namespace Cadre.Core.Intelligence;

/// <summary>
/// The key figures of every organisation in the snapshot side by side, as a region or a group of trusts compares them.
/// The snapshot holds only the organisations the reader belongs to (Cadre has no region: see
/// docs/decisions/intelligence-regions.md), and figures crossing organisations are always under disclosure control.
/// </summary>
public static class OrganisationBenchmark
{
    public const string Kind = "organisation";

    public static Report Build(WorkforceSnapshot snapshot)
    {
        var w = new Workforce(snapshot);
        var organisations = snapshot.Organisations.OrderBy(o => o.OdsCode, StringComparer.OrdinalIgnoreCase).ToList();
        var figures = organisations.Select(o =>
        {
            var departments = snapshot.Departments.Where(d => d.OrganisationId == o.Id).ToList();
            var posts = snapshot.Posts.Where(p => p.OrganisationId == o.Id).ToList();
            return KeyFigures.For(w, posts, departments);
        }).ToList();
        var allPosts = snapshot.Posts.ToList();
        var total = KeyFigures.For(w, allPosts, snapshot.Departments.ToList());

        var columns = new List<string> { "Measure id", "Measure" };
        columns.AddRange(organisations.Select(o => $"{o.Name} ({o.OdsCode})"));
        if (organisations.Count > 1) columns.Add("All organisations");
        var rows = total.Select((line, i) =>
        {
            var row = new List<object?> { line.Measure.Id, line.Label };
            var cells = figures.Select(f => Disclosure.Show(f[i].Figure, control: true)).ToList();
            row.AddRange(cells);
            // Secondary suppression: with one organisation hidden, the total less the others would give it away.
            if (organisations.Count > 1)
                row.Add(cells.Count(c => c is Disclosure.Suppressed) == 1 ? Disclosure.Suppressed : Disclosure.Show(line.Figure, control: true));
            return (IReadOnlyList<object?>)row;
        }).ToList();

        // A short table the chart can draw: the three figures people compare trusts on first.
        string[] compare = [Measures.VacancyRate.Id, Measures.ConsultantShare.Id, Measures.Miscoded.Id];
        var chartRows = organisations.Select((o, n) => ReportTables.Row(
            [o.OdsCode, .. compare.Select(id => Disclosure.Show(figures[n].First(f => f.Measure.Id == id).Figure, control: true))])).ToList();

        var tables = new List<ReportTable>
        {
            new("summary", "Key figures by organisation", columns, rows, Disclosure.Notice),
            new("comparison", "Rates compared", ["Organisation", "Vacancy rate (%)", "Consultant share of headcount (%)", "Roles miscoded (%)"], chartRows,
                "The same rates as in the table above, one row per organisation.", new ReportChart("bar", 0, [1, 2, 3])),
        };
        tables.Add(ReportTables.Definitions(tables));
        var covers = organisations.Count == 1 ? organisations[0].Name : $"{organisations.Count} organisations: {string.Join(", ", organisations.Select(o => o.OdsCode))}";
        return new Report(Kind, "Organisation benchmark", covers, snapshot.On, true, tables);
    }
}
