using Cadre.Core.Register;
using static Cadre.Core.Intelligence.ReportTables;

namespace Cadre.Core.Intelligence;

/// <summary>
/// What a head of service asks of the register, for one department or every department the reader may see:
/// establishment against in post, the mix, registration, statutory expert cover, trainees, consultant posts, coding
/// health, job evaluation and accreditation. Aggregate only: no one is named.
/// </summary>
public static partial class HeadOfServiceReport
{
    public const string Kind = "head-of-service";

    /// <summary>The report's tables after its key figures, in reading order: each a measure and its computation.</summary>
    public static IReadOnlyList<ReportSection> Sections { get; } =
    [
        new(Measures.ByDepartment, ByDepartment),
        new(Measures.ByBand, ByBand),
        new(Measures.ByLevel, ByLevel),
        new(Measures.ByTheme, ByTheme),
        new(Measures.RenewalsDue, Registrations),
        new(Measures.ProtectedTitles, ProtectedTitleTable),
        new(Measures.ExpertCover, ExpertCoverTable),
        new(Measures.Trainees, s => TraineeTable(s.W, s.People, s.Relations)),
        new(Measures.ConsultantPosts, Consultants),
        new(Measures.Miscoded, s => CodingTable(s.W, s.Posts, s.Relations, s.Key)),
        new(Measures.JeMismatches, JobEvaluation),
        new(Measures.Accreditation, Accreditation),
        new(Measures.ServiceLeadership, LeadershipTable),
        new(Measures.EstablishmentCost, CostTable),
    ];

    /// <param name="departmentId">One department, or null for all in the snapshot.</param>
    /// <param name="control">Apply disclosure control (for readers who may not see people: see intelligence-disclosure.md).</param>
    public static Report Build(WorkforceSnapshot snapshot, Guid? departmentId = null, bool control = false)
    {
        var w = new Workforce(snapshot);
        var departments = snapshot.Departments.Where(d => departmentId is null || d.Id == departmentId).ToList();
        var ids = departments.Select(d => d.Id).ToHashSet();
        var posts = snapshot.Posts.Where(p => ids.Contains(p.DepartmentId)).ToList();
        var scope = new ReportScope(w, departments, posts, KeyFigures.For(w, posts, departments));

        var covers = departmentId is not null && departments.Count == 1
            ? $"{departments[0].Name}, {OrganisationName(snapshot, departments[0].OrganisationId)}"
            : string.Join(", ", snapshot.Organisations.Select(o => o.Name)) + (departments.Count == 0 ? "" : $": {departments.Count} departments");

        var drafts = new List<TableDraft> { KeyFigures.Table(scope.Key, "Key figures", snapshot.CodingChecked ? null : "Coding was not checked for this report.") };
        drafts.AddRange(Sections.Select(s => s.Build(scope)));
        return Publish(Kind, "Head of service report", covers, snapshot.On, control, drafts, scope.Relations);
    }

    private static string OrganisationName(WorkforceSnapshot s, Guid id) => s.Organisations.FirstOrDefault(o => o.Id == id)?.Name ?? "";

    /// <summary>The level character of a U code held today; the words "Not coded" or "Outside the U matrix" otherwise.</summary>
    private static string LevelOf(PostRow p) =>
        p.OccupationCode is not { Length: 3 } code ? "Not coded" : code[0] is 'U' or 'u' ? char.ToUpperInvariant(code[1]).ToString() : "Outside the U matrix";

    /// <summary>A column of counts adds up to a total: the sum a reader could do down it.</summary>
    private static void ColumnAdds(List<Relation> relations, Quantity total, IEnumerable<IReadOnlyList<Cell>> rows, int column) =>
        relations.Add(Relation.Sum(total, rows.Select(r => ((FigureCell)r[column]).Figure.Counts!)));

    private static Quantity Q(IReadOnlyList<Cell> row, int column) => ((FigureCell)row[column]).Figure.Counts!;

    /// <summary>INTEL-EST-08: establishment by department; departments' posts and frozen posts add up to the whole.</summary>
    private static TableDraft ByDepartment(ReportScope s)
    {
        var w = s.W;
        var rows = s.Departments.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Select(d =>
        {
            var mine = s.Posts.Where(p => p.DepartmentId == d.Id).ToList();
            var funded = mine.Where(Workforce.IsFunded).ToList();
            var short_ = funded.Where(p => w.VacancyWte(p) > 0).ToList();
            var people = w.PeopleIn(mine).Count;
            return Row(d.Name, ReportWords.Theme(d.Theme), Figure.Count(mine.Count), Figure.Wte(funded.Sum(p => p.FundedWte), funded.Count),
                Figure.Wte(mine.Sum(w.InPostWte), people), Figure.Wte(short_.Sum(w.VacancyWte), short_.Count),
                Figure.Percent(short_.Sum(w.VacancyWte), funded.Sum(p => p.FundedWte), short_.Count, funded.Count), Figure.Count(mine.Count - funded.Count));
        }).ToList();
        ColumnAdds(s.Relations, s.AllPosts, rows, 2);
        ColumnAdds(s.Relations, s.KeyCount(Measures.FrozenPosts.Name), rows, 7);
        return new(Measures.ByDepartment.Id, "Establishment by department",
            ["Department", "Theme", "Posts", "Funded WTE", "WTE in post", "Vacancy WTE", "Vacancy rate (%)", "Frozen posts"], rows, Chart: new ReportChart("bar", 0, [3, 4])) { Parts = PartLines.Columns };
    }

    /// <summary>INTEL-MIX-01: each band's posts are filled, vacant or frozen; the columns add up to the key figures.</summary>
    private static TableDraft ByBand(ReportScope s)
    {
        var w = s.W;
        var rows = s.Posts.GroupBy(p => p.Band).OrderBy(g => g.Key).Select(g =>
        {
            var funded = g.Where(Workforce.IsFunded).ToList();
            var filled = funded.Count(w.IsFilled);
            var short_ = funded.Where(p => w.VacancyWte(p) > 0).ToList();
            var row = Row($"Band {g.Key.Code}", Figure.Count(g.Count()), Figure.Count(filled), Figure.Count(funded.Count - filled), Figure.Count(g.Count() - funded.Count),
                Figure.Wte(funded.Sum(p => p.FundedWte), funded.Count), Figure.Wte(g.Sum(w.InPostWte), w.PeopleIn(g).Count),
                Figure.Wte(short_.Sum(w.VacancyWte), short_.Count));
            s.Relations.Add(Relation.Sum(Q(row, 1), Q(row, 2), Q(row, 3), Q(row, 4)));
            return row;
        }).ToList();
        s.Relations.Add(Relation.Sum(s.AllPosts, s.KeyCount(KeyFigures.FundedPosts), s.KeyCount(Measures.FrozenPosts.Name)));
        ColumnAdds(s.Relations, s.AllPosts, rows, 1);
        ColumnAdds(s.Relations, s.KeyCount(KeyFigures.FundedFilled), rows, 2);
        ColumnAdds(s.Relations, s.KeyCount(KeyFigures.FundedVacant), rows, 3);
        ColumnAdds(s.Relations, s.KeyCount(Measures.FrozenPosts.Name), rows, 4);
        return new(Measures.ByBand.Id, "Posts by pay band", ["Band", "Posts", "Filled", "Vacant", "Frozen", "Funded WTE", "WTE in post", "Vacancy WTE"],
            rows, Chart: new ReportChart("bar", 0, [2, 3, 4], Stacked: true));
    }

    /// <summary>INTEL-MIX-02: posts by the level of the code they hold; every post falls in one row.</summary>
    private static TableDraft ByLevel(ReportScope s)
    {
        var rows = s.Posts.GroupBy(LevelOf).OrderBy(g => g.Key.Length).ThenBy(g => g.Key).Select(g =>
        {
            var funded = g.Where(Workforce.IsFunded).ToList();
            var name = g.Key.Length == 1 ? ReportWords.Level(g.Key[0], s.W.On) : g.Key;
            return Row(g.Key.Length == 1 ? g.Key : "", name, Figure.Count(g.Count()), Figure.Wte(funded.Sum(p => p.FundedWte), funded.Count));
        }).ToList();
        ColumnAdds(s.Relations, s.AllPosts, rows, 2);
        return new(Measures.ByLevel.Id, "Posts by U-matrix level (code held today)", ["Level", "Level name", "Posts", "Funded WTE"], rows) { Parts = PartLines.Columns };
    }

    /// <summary>INTEL-MIX-03: funded WTE by science theme, each post shared by its split of time.</summary>
    private static TableDraft ByTheme(ReportScope s)
    {
        var byTheme = new Dictionary<char, (decimal Wte, HashSet<Guid> Posts)>();
        foreach (var p in s.Posts.Where(Workforce.IsFunded))
            foreach (var (theme, wte) in s.W.FundedByTheme(p))
            {
                var key = theme ?? '\0';
                var entry = byTheme.TryGetValue(key, out var e) ? e : (0m, new HashSet<Guid>());
                entry.Item2.Add(p.Id);
                byTheme[key] = (entry.Item1 + wte, entry.Item2);
            }
        return new(Measures.ByTheme.Id, "Funded WTE by science theme (split by each post's time)", ["Theme", "Funded WTE"],
            byTheme.OrderByDescending(t => t.Value.Wte).Select(t => Row(ReportWords.Theme(t.Key == '\0' ? null : t.Key), Figure.Wte(t.Value.Wte, t.Value.Posts.Count))).ToList(),
            Chart: new ReportChart("doughnut", 0, [1]));
    }

    /// <summary>INTEL-REG-01, INTEL-REG-02: registrations by register; due and lapsed add up to the key figures.</summary>
    private static TableDraft Registrations(ReportScope s)
    {
        var w = s.W;
        var rows = Enum.GetValues<RegistrationType>().Select(type =>
        {
            var rows = s.People.SelectMany(w.RegistrationsOf).Where(r => r.Type == type).ToList();
            return Row(ReportWords.Register(type), Figure.Count(rows.Count(r => w.IsCurrent(r.ExpiresOn))),
                Figure.Count(rows.Count(r => DueSoon.IsRegistrationDue(r.ExpiresOn, w.On))),
                Figure.Count(rows.Count(r => r.ExpiresOn is { } e && e < w.On)));
        }).ToList();
        ColumnAdds(s.Relations, s.KeyCount(Measures.RenewalsDue.Name), rows, 2);
        ColumnAdds(s.Relations, s.KeyCount(Measures.RegistrationsLapsed.Name), rows, 3);
        return new(Measures.RenewalsDue.Id, "Registrations of people in post", ["Register", "Current", $"To renew in {Measures.RenewalWindowDays} days", "Lapsed"], rows) { Parts = PartLines.Columns };
    }
}
