using Cadre.Core.Register;
using static Cadre.Core.Intelligence.ReportTables;

namespace Cadre.Core.Intelligence;

/// <summary>
/// What a head of service asks of the register, for one department or every department the reader may see:
/// establishment against in post, the mix, registration, statutory expert cover, trainees, consultant posts, coding
/// health, job evaluation and accreditation. Aggregate only: no one is named.
/// </summary>
public static class HeadOfServiceReport
{
    public const string Kind = "head-of-service";

    /// <param name="departmentId">One department, or null for all in the snapshot.</param>
    /// <param name="control">Apply disclosure control (for readers who may not see people: see intelligence-disclosure.md).</param>
    public static Report Build(WorkforceSnapshot snapshot, Guid? departmentId = null, bool control = false)
    {
        var w = new Workforce(snapshot);
        var departments = snapshot.Departments.Where(d => departmentId is null || d.Id == departmentId).ToList();
        var ids = departments.Select(d => d.Id).ToHashSet();
        var posts = snapshot.Posts.Where(p => ids.Contains(p.DepartmentId)).ToList();
        object Show(Figure f) => Disclosure.Show(f, control);
        object Count(int n) => Disclosure.Count(n, control);

        var covers = departmentId is { } one && departments.Count == 1
            ? $"{departments[0].Name}, {OrganisationName(snapshot, departments[0].OrganisationId)}"
            : string.Join(", ", snapshot.Organisations.Select(o => o.Name)) + (departments.Count == 0 ? "" : $": {departments.Count} departments");

        var tables = new List<ReportTable>
        {
            new("summary", "Key figures", ["Measure id", "Measure", "Value"],
                KeyFigures.For(w, posts, departments).Select(k => Row(k.Measure.Id, k.Label, Show(k.Figure))).ToList(),
                snapshot.CodingChecked ? null : "Coding was not checked for this report."),
        };

        tables.Add(new(Measures.ByDepartment.Id, "Establishment by department",
            ["Department", "Theme", "Posts", "Funded WTE", "WTE in post", "Vacancy WTE", "Vacancy rate (%)", "Frozen posts"],
            departments.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Select(d =>
            {
                var mine = posts.Where(p => p.DepartmentId == d.Id).ToList();
                var funded = mine.Where(Workforce.IsFunded).ToList();
                var short_ = funded.Where(p => w.VacancyWte(p) > 0).ToList();
                var people = w.PeopleIn(mine).Count;
                return Row(d.Name, ReportWords.Theme(d.Theme), Count(mine.Count), Show(Figure.Wte(funded.Sum(p => p.FundedWte), funded.Count)),
                    Show(Figure.Wte(mine.Sum(w.InPostWte), people)), Show(Figure.Wte(short_.Sum(w.VacancyWte), short_.Count)),
                    Show(Figure.Percent(short_.Sum(w.VacancyWte), funded.Sum(p => p.FundedWte), short_.Count, funded.Count)), Count(mine.Count - funded.Count));
            }).ToList(), Chart: new ReportChart("bar", 0, [3, 4])));

        tables.Add(new(Measures.ByBand.Id, "Posts by pay band",
            ["Band", "Posts", "Filled", "Vacant", "Frozen", "Funded WTE", "WTE in post", "Vacancy WTE"],
            posts.GroupBy(p => p.Band).OrderBy(g => g.Key).Select(g =>
            {
                var funded = g.Where(Workforce.IsFunded).ToList();
                var filled = funded.Count(w.IsFilled);
                var short_ = funded.Where(p => w.VacancyWte(p) > 0).ToList();
                return Row($"Band {g.Key.Code}", Count(g.Count()), Count(filled), Count(funded.Count - filled), Count(g.Count() - funded.Count),
                    Show(Figure.Wte(funded.Sum(p => p.FundedWte), funded.Count)), Show(Figure.Wte(g.Sum(w.InPostWte), w.PeopleIn(g).Count)),
                    Show(Figure.Wte(short_.Sum(w.VacancyWte), short_.Count)));
            }).ToList(), Chart: new ReportChart("bar", 0, [2, 3, 4], Stacked: true)));

        tables.Add(new(Measures.ByLevel.Id, "Posts by U-matrix level (code held today)", ["Level", "Level name", "Posts", "Funded WTE"],
            posts.GroupBy(LevelOf).OrderBy(g => g.Key.Length).ThenBy(g => g.Key).Select(g =>
            {
                var funded = g.Where(Workforce.IsFunded).ToList();
                var name = g.Key.Length == 1 ? ReportWords.Level(g.Key[0], snapshot.On) : g.Key;
                return Row(g.Key.Length == 1 ? g.Key : "", name, Count(g.Count()), Show(Figure.Wte(funded.Sum(p => p.FundedWte), funded.Count)));
            }).ToList()));

        var byTheme = new Dictionary<char, (decimal Wte, HashSet<Guid> Posts)>();
        foreach (var p in posts.Where(Workforce.IsFunded))
            foreach (var (theme, wte) in w.FundedByTheme(p))
            {
                var key = theme ?? '\0';
                var entry = byTheme.TryGetValue(key, out var e) ? e : (0m, new HashSet<Guid>());
                entry.Item2.Add(p.Id);
                byTheme[key] = (entry.Item1 + wte, entry.Item2);
            }
        tables.Add(new(Measures.ByTheme.Id, "Funded WTE by science theme (split by each post's time)", ["Theme", "Funded WTE"],
            byTheme.OrderByDescending(t => t.Value.Wte).Select(t => Row(ReportWords.Theme(t.Key == '\0' ? null : t.Key), Show(Figure.Wte(t.Value.Wte, t.Value.Posts.Count)))).ToList(),
            Chart: new ReportChart("doughnut", 0, [1])));

        var people = w.PeopleIn(posts);
        tables.Add(new(Measures.RenewalsDue.Id, "Registrations of people in post",
            ["Register", "Current", $"To renew in {Measures.RenewalWindowDays} days", "Lapsed"],
            Enum.GetValues<RegistrationType>().Select(type =>
            {
                var rows = people.SelectMany(w.RegistrationsOf).Where(r => r.Type == type).ToList();
                return Row(ReportWords.Register(type), Count(rows.Count(r => w.IsCurrent(r.ExpiresOn))),
                    Count(rows.Count(r => r.ExpiresOn is { } e && e >= w.On && e <= w.On.AddDays(Measures.RenewalWindowDays))),
                    Count(rows.Count(r => r.ExpiresOn is { } e && e < w.On)));
            }).ToList()));

        tables.Add(new(Measures.ProtectedTitles.Id, "Protected-title posts and registration", ["Protected title", "Register", "Filled posts with the title", "Posts with a holder not registered"],
            ProtectedTitles.Check(w, posts).Select(t => Row(t.Name, ReportWords.Register(t.Register), Count(t.FilledPosts), Count(t.Unregistered))).ToList()));

        tables.Add(new(Measures.ExpertCover.Id, "Statutory expert cover", ["Department", "Role needed", "Why", "Certified in the department", "Certified elsewhere in the organisation", $"Department's certificates expiring in {Measures.RenewalWindowDays} days", "Cover"],
            KeyFigures.ExpertCoverRows(w, posts, departments).Select(c => Row(c.Department.Name, ReportWords.Expert(c.Need.Role), c.Need.Because,
                Count(c.InDepartment), Count(c.ElsewhereInOrganisation), Count(c.ExpiringSoon), c.Cover)).ToList(),
            "The register does not record service level agreements with other organisations."));

        tables.Add(TraineeTable(w, people, control));

        tables.Add(new(Measures.ConsultantPosts.Id, "Consultant clinical scientist posts (bands 8c, 8d, 9)",
            ["Band", "Posts", "Filled", "Vacant", "Funded WTE", "Share of funded WTE (%)", "Holders on the HSSR"],
            ConsultantRows(w, posts, control)));

        tables.Add(CodingTable(w, posts, control));

        var evaluated = posts.Where(p => w.JeBandOf(p.Id) is not null).ToList();
        var differ = evaluated.Count(p => KeyFigures.BandDiffers(p, w.JeBandOf(p.Id)!));
        tables.Add(new(Measures.JeMismatches.Id, "Job evaluation and recorded bands", ["Posts with a job evaluation", "Band agrees", "Band differs"],
            [Row(Count(evaluated.Count), Count(evaluated.Count - differ), Count(differ))], "The posts are listed on the Job evaluation > Band mismatches page."));

        tables.Add(new(Measures.Accreditation.Id, "Service accreditation", ["Department", "Scheme", "Standard", "Status", "Expires", "Attention"],
            departments.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).SelectMany(d => AccreditationRows(w, d)).ToList()));

        tables.Add(ReportTables.Definitions(tables));
        return new Report(Kind, "Head of service report", covers, snapshot.On, control, tables);
    }

    /// <summary>
    /// A department's accreditations; a Medical Physics or Clinical Engineering department with none gets a row saying so,
    /// since MPACE is meant to cover every MP &amp; CE service (seed 002).
    /// </summary>
    private static IEnumerable<IReadOnlyList<object?>> AccreditationRows(Workforce w, DepartmentRow d)
    {
        var held = w.Snapshot.Accreditations.Where(a => a.DepartmentId == d.Id).ToList();
        if (held.Count == 0 && d.Theme is 'H' or 'J')
            yield return Row(d.Name, "None recorded", "", "", "", "Medical Physics or Clinical Engineering service with no accreditation recorded (MPACE covers all MP & CE services, seed 002)");
        foreach (var a in held)
            yield return Row(d.Name, a.Scheme, a.Standard, ReportWords.Status(a.Status), ReportWords.Date(a.ExpiresOn),
                a.Status == AccreditationStatus.Accredited && a.ExpiresOn is { } e && e < w.On ? "Expired"
                : a.Status == AccreditationStatus.Accredited && KeyFigures.ExpiresSoon(w, a) ? $"Expires within {Measures.AccreditationWindowDays} days" : "");
    }

    private static string OrganisationName(WorkforceSnapshot s, Guid id) => s.Organisations.FirstOrDefault(o => o.Id == id)?.Name ?? "";

    /// <summary>The level character of a U code held today; the words "Not coded" or "Outside the U matrix" otherwise.</summary>
    private static string LevelOf(PostRow p) =>
        p.OccupationCode is not { Length: 3 } code ? "Not coded" : code[0] is 'U' or 'u' ? char.ToUpperInvariant(code[1]).ToString() : "Outside the U matrix";

    internal static ReportTable TraineeTable(Workforce w, IReadOnlyCollection<Guid> people, bool control)
    {
        var enrolments = people.SelectMany(w.EnrolmentsOf).Where(Workforce.InTraining).ToList();
        object Count(int n) => Disclosure.Count(n, control);
        return new(Measures.Trainees.Id, "Trainees by programme and expected finish",
            ["Programme", "Active", "Interrupted", "Finishing within 6 months", "Finishing in 6 to 12 months", "Finishing later"],
            Enum.GetValues<TrainingProgramme>().Select(programme =>
            {
                var mine = enrolments.Where(e => e.Programme == programme).ToList();
                return Row(ReportWords.Programme(programme), Count(mine.Count(e => e.Status == TrainingStatus.Active)), Count(mine.Count(e => e.Status == TrainingStatus.Interrupted)),
                    Count(mine.Count(e => DueSoon.IsFinishingSoon(e.Status, e.ExpectedEndDate, w.On))),
                    Count(mine.Count(e => e.ExpectedEndDate > DueSoon.TraineesFinishingBy(w.On) && e.ExpectedEndDate <= w.On.AddMonths(12))),
                    Count(mine.Count(e => e.ExpectedEndDate > w.On.AddMonths(12))));
            }).ToList(), Chart: new ReportChart("bar", 0, [3, 4, 5], Stacked: true));
    }

    internal static IReadOnlyList<IReadOnlyList<object?>> ConsultantRows(Workforce w, IReadOnlyCollection<PostRow> posts, bool control)
    {
        var allFunded = posts.Where(Workforce.IsFunded).ToList();
        var fundedWte = allFunded.Sum(p => p.FundedWte);
        IReadOnlyList<object?> Line(string label, IReadOnlyCollection<PostRow> group)
        {
            var funded = group.Where(Workforce.IsFunded).ToList();
            var filled = funded.Count(w.IsFilled);
            var holders = w.PeopleIn(group);
            var hssr = holders.Count(p => w.RegistrationsOf(p).Any(r => r.Type == RegistrationType.Hssr && w.IsCurrent(r.ExpiresOn)));
            return Row(label, Disclosure.Count(group.Count, control), Disclosure.Count(filled, control), Disclosure.Count(funded.Count - filled, control),
                Disclosure.Show(Figure.Wte(funded.Sum(p => p.FundedWte), funded.Count), control),
                Disclosure.Show(Figure.Percent(funded.Sum(p => p.FundedWte), fundedWte, funded.Count, allFunded.Count), control),
                Disclosure.Count(hssr, control));
        }
        var consultant = posts.Where(Workforce.IsConsultant).ToList();
        return [.. new[] { PayBand.Band8c, PayBand.Band8d, PayBand.Band9 }.Select(b => Line($"Band {b.Code}", consultant.Where(p => p.Band == b).ToList())), Line("All consultant bands", consultant)];
    }

    internal static ReportTable CodingTable(Workforce w, IReadOnlyCollection<PostRow> posts, bool control)
    {
        var columns = new[] { "Roles checked", "Roles with a proposed code", "Roles miscoded", "Miscoded (%)", "Roles needing review", "Decisions recorded", "Of which overridden", "National estimate" };
        const string national = "at least 26% (seed 000)";
        var ids = posts.Select(p => p.Id).ToHashSet();
        var decisions = w.Snapshot.CodingDecisions.Where(d => ids.Contains(d.PostId)).ToList();
        object Count(int n) => Disclosure.Count(n, control);
        if (!w.Snapshot.CodingChecked)
            return new(Measures.Miscoded.Id, "Occupation coding health", columns,
                [Row("not checked", "", "", "", "", Count(decisions.Count), Count(decisions.Count(d => d.Overridden)), national)]);
        var rows = posts.Select(p => w.CodingOf(p.Id)).OfType<CodingRow>().ToList();
        int roles = rows.Sum(r => r.Roles), proposed = rows.Sum(r => r.Proposed), miscoded = rows.Sum(r => r.Miscoded), review = rows.Sum(r => r.ToReview);
        return new(Measures.Miscoded.Id, "Occupation coding health", columns,
            [Row(Count(roles), Count(proposed), Count(miscoded), Disclosure.Show(Figure.Percent(miscoded, proposed, miscoded, proposed), control),
                Count(review), Count(decisions.Count), Count(decisions.Count(d => d.Overridden)), national)],
            "Each post's recorded code against the coding engine's proposal today; the posts are on the Coding page. Decisions are those people have recorded there.");
    }
}
