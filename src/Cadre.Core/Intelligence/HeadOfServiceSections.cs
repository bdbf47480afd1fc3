using Cadre.Core.Register;
using static Cadre.Core.Intelligence.ReportTables;

namespace Cadre.Core.Intelligence;

// The head of service report's later sections: registration and titles, expert cover, training, consultants, coding,
// job evaluation and accreditation. Each adds the sums its figures take part in to the scope's relations.
public static partial class HeadOfServiceReport
{
    /// <summary>INTEL-REG-03: posts carrying a protected title and how many have a holder not registered.</summary>
    private static TableDraft ProtectedTitleTable(ReportScope s)
    {
        var rows = ProtectedTitles.Check(s.W, s.Posts).Select(t => Row(t.Name, ReportWords.Register(t.Register), Figure.Count(t.FilledPosts), Figure.Count(t.Unregistered))).ToList();
        ColumnAdds(s.Relations, s.KeyCount(Measures.ProtectedTitles.Name), rows, 3);
        return new(Measures.ProtectedTitles.Id, "Protected-title posts and registration", ["Protected title", "Register", "Filled posts with the title", "Posts with a holder not registered"], rows) { Parts = PartLines.Columns };
    }

    /// <summary>INTEL-EXP-01: for each department and expert role its work needs, who holds an in-date certificate.</summary>
    private static TableDraft ExpertCoverTable(ReportScope s) =>
        new(Measures.ExpertCover.Id, "Statutory expert cover", ["Department", "Role needed", "Why", "Certified in the department", "Certified elsewhere in the organisation", $"Department's certificates expiring in {Measures.RenewalWindowDays} days", "Cover"],
            KeyFigures.ExpertCoverRows(s.W, s.Posts, s.Departments).Select(c => Row(c.Department.Name, ReportWords.Expert(c.Need.Role), c.Need.Because,
                Figure.Count(c.InDepartment), Figure.Count(c.ElsewhereInOrganisation), Figure.Count(c.ExpiringSoon), c.Cover)).ToList(),
            "The register does not record service level agreements with other organisations.") { Parts = PartLines.None };

    /// <summary>INTEL-TRN-01: enrolments by programme; active and interrupted together are those finishing in each window.</summary>
    internal static TableDraft TraineeTable(Workforce w, IReadOnlyCollection<Guid> people, List<Relation> relations)
    {
        var enrolments = people.SelectMany(w.EnrolmentsOf).Where(Workforce.InTraining).ToList();
        var rows = Enum.GetValues<TrainingProgramme>().Select(programme =>
        {
            var mine = enrolments.Where(e => e.Programme == programme).ToList();
            var row = Row(ReportWords.Programme(programme), Figure.Count(mine.Count(e => e.Status == TrainingStatus.Active)), Figure.Count(mine.Count(e => e.Status == TrainingStatus.Interrupted)),
                Figure.Count(mine.Count(e => DueSoon.IsFinishingSoon(e.Status, e.ExpectedEndDate, w.On))),
                Figure.Count(mine.Count(e => e.ExpectedEndDate > DueSoon.TraineesFinishingBy(w.On) && e.ExpectedEndDate <= w.On.AddMonths(12))),
                Figure.Count(mine.Count(e => e.ExpectedEndDate > w.On.AddMonths(12))));
            var all = new Quantity(mine.Count);
            relations.Add(Relation.Sum(all, Q(row, 1), Q(row, 2)));
            relations.Add(Relation.Sum(all, Q(row, 3), Q(row, 4), Q(row, 5)));
            return row;
        }).ToList();
        return new(Measures.Trainees.Id, "Trainees by programme and expected finish",
            ["Programme", "Active", "Interrupted", "Finishing within 6 months", "Finishing in 6 to 12 months", "Finishing later"], rows,
            Chart: new ReportChart("bar", 0, [3, 4, 5], Stacked: true));
    }

    /// <summary>INTEL-CCS-01: consultant posts by band and all together (a total row); each band's posts are filled, vacant or frozen.</summary>
    private static TableDraft Consultants(ReportScope s)
    {
        var w = s.W;
        var allFunded = s.Posts.Where(Workforce.IsFunded).ToList();
        var fundedWte = allFunded.Sum(p => p.FundedWte);
        IReadOnlyList<Cell> Line(string label, IReadOnlyCollection<PostRow> group, Quantity? posts = null)
        {
            var funded = group.Where(Workforce.IsFunded).ToList();
            var filled = funded.Count(w.IsFilled);
            var holders = w.PeopleIn(group);
            var hssr = holders.Count(p => w.RegistrationsOf(p).Any(r => r.Type == RegistrationType.Hssr && w.IsCurrent(r.ExpiresOn)));
            var row = Row(label, Figure.Count(posts ?? new Quantity(group.Count)), Figure.Count(filled), Figure.Count(funded.Count - filled),
                Figure.Wte(funded.Sum(p => p.FundedWte), funded.Count), Figure.Percent(funded.Sum(p => p.FundedWte), fundedWte, funded.Count, allFunded.Count),
                Figure.Count(hssr));
            s.Relations.Add(Relation.Sum(Q(row, 1), Q(row, 2), Q(row, 3), new Quantity(group.Count - funded.Count)));
            return row;
        }
        var consultant = s.Posts.Where(Workforce.IsConsultant).ToList();
        var bands = new[] { PayBand.Band8c, PayBand.Band8d, PayBand.Band9 }.Select(b => Line($"Band {b.Code}", consultant.Where(p => p.Band == b).ToList())).ToList();
        var all = Line("All consultant bands", consultant, s.KeyCount(KeyFigures.ConsultantPostCount));
        foreach (var c in new[] { 1, 2, 3, 6 }) ColumnAdds(s.Relations, Q(all, c), bands, c);
        return new(Measures.ConsultantPosts.Id, "Consultant clinical scientist posts (bands 8c, 8d, 9)",
            ["Band", "Posts", "Filled", "Vacant", "Funded WTE", "Share of funded WTE (%)", "Holders on the HSSR"], [.. bands, all]) { TotalRow = 3, Parts = PartLines.Columns };
    }

    /// <summary>INTEL-COD-01: coding health; the counts are the key figure's own, so its share and the table agree.</summary>
    internal static TableDraft CodingTable(Workforce w, IReadOnlyCollection<PostRow> posts, List<Relation> relations, IReadOnlyList<KeyFigure> key)
    {
        var columns = new[] { "Roles checked", "Roles with a proposed code", "Roles miscoded", "Miscoded (%)", "Roles needing review", "Decisions recorded", "Of which overridden", "National estimate" };
        const string national = "at least 26% (IPEM guidance on coding MP & CE posts in ESR)";
        var ids = posts.Select(p => p.Id).ToHashSet();
        var decisions = w.Snapshot.CodingDecisions.Where(d => ids.Contains(d.PostId)).ToList();
        if (!w.Snapshot.CodingChecked)
            return new(Measures.Miscoded.Id, "Occupation coding health", columns,
                [Row("not checked", "", "", "", "", Figure.Count(decisions.Count), Figure.Count(decisions.Count(d => d.Overridden)), national)]) { Parts = PartLines.None };
        var rows = posts.Select(p => w.CodingOf(p.Id)).OfType<CodingRow>().ToList();
        var share = key.Single(k => k.Measure == Measures.Miscoded).Figure;
        return new(Measures.Miscoded.Id, "Occupation coding health", columns,
            [Row(Figure.Count(rows.Sum(r => r.Roles)), Figure.Count(share.Denominator!), Figure.Count(share.Numerator!), share,
                Figure.Count(rows.Sum(r => r.ToReview)), Figure.Count(decisions.Count), Figure.Count(decisions.Count(d => d.Overridden)), national)],
            "Each post's recorded code against the coding engine's proposal today; the posts are on the Coding page. Decisions are those people have recorded there.") { Parts = PartLines.None };
    }

    /// <summary>INTEL-JE-01: evaluated posts agree or differ; the same counts as the key figures.</summary>
    private static TableDraft JobEvaluation(ReportScope s)
    {
        var evaluated = s.KeyCount(KeyFigures.JeEvaluated);
        var differ = s.KeyCount(KeyFigures.JeDiffers);
        var agree = new Quantity(evaluated.Value - differ.Value);
        s.Relations.Add(Relation.Sum(evaluated, agree, differ));
        return new(Measures.JeMismatches.Id, "Job evaluation and recorded bands", ["Posts with a job evaluation", "Band agrees", "Band differs"],
            [Row(Figure.Count(evaluated), Figure.Count(agree), Figure.Count(differ))], "The posts are listed on the Job evaluation > Band mismatches page.");
    }

    /// <summary>INTEL-LEAD-01: each Medical Physics or Clinical Engineering service and whether a Consultant Clinical Scientist leads it.</summary>
    private static TableDraft LeadershipTable(ReportScope s) =>
        new(Measures.ServiceLeadership.Id, "Service leadership (IPEM policy statement)", ["Department", "Theme", "Led by a Consultant Clinical Scientist", "Finding"],
            Leadership.Check(s.W, s.Departments).Select(l => Row(l.Department.Name, ReportWords.Theme(l.Department.Theme), l.Meets ? "Yes" : "No", Leadership.Words(l.Finding))).ToList(),
            "IPEM recommends every Medical Physics and Clinical Engineering service is led by a Consultant Clinical Scientist or has access to one (policy statement on leadership and management of MP & CE services, 6.3). Cadre does not yet record access arranged with another organisation, nor the organisation's executive-level Healthcare Science lead (6.4).");

    private static TableDraft Accreditation(ReportScope s) =>
        new(Measures.Accreditation.Id, "Service accreditation", ["Department", "Scheme", "Standard", "Status", "Expires", "Attention"],
            s.Departments.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).SelectMany(d => AccreditationRows(s.W, d)).ToList());

    /// <summary>
    /// A department's accreditations; a Medical Physics or Clinical Engineering department with none gets a row saying so,
    /// since MPACE is meant to cover every MP &amp; CE service (seed 002).
    /// </summary>
    private static IEnumerable<IReadOnlyList<Cell>> AccreditationRows(Workforce w, DepartmentRow d)
    {
        var held = w.Snapshot.Accreditations.Where(a => a.DepartmentId == d.Id).ToList();
        if (held.Count == 0 && d.Theme is 'H' or 'J')
            yield return Row(d.Name, "None recorded", "", "", "", "Medical Physics or Clinical Engineering service with no accreditation recorded (MPACE covers all MP & CE services, IPEM policy statement on leadership and management of MP & CE services)");
        foreach (var a in held)
            yield return Row(d.Name, a.Scheme, a.Standard, ReportWords.Status(a.Status), ReportWords.Date(a.ExpiresOn),
                a.Status == AccreditationStatus.Accredited && a.ExpiresOn is { } e && e < w.On ? "Expired"
                : a.Status == AccreditationStatus.Accredited && KeyFigures.ExpiresSoon(w, a) ? $"Expires within {Measures.AccreditationWindowDays} days" : "");
    }
}
