using Cadre.Core.JobEvaluation;
using Cadre.Core.Register;

namespace Cadre.Core.Intelligence;

/// <summary>One line of key figures: the measure, the line's own words (a measure can give several lines), and the figure.</summary>
public sealed record KeyFigure(Measure Measure, string Label, Figure Figure);

/// <summary>
/// The key figures for a set of posts (a department, an organisation): the head of service's summary and each column of
/// the organisation benchmark, worked out once so the two always agree.
/// </summary>
public static class KeyFigures
{
    public static IReadOnlyList<KeyFigure> For(Workforce w, IReadOnlyCollection<PostRow> posts, IReadOnlyCollection<DepartmentRow> departments)
    {
        var funded = posts.Where(Workforce.IsFunded).ToList();
        var fundedWte = funded.Sum(p => p.FundedWte);
        var short_ = funded.Where(p => w.VacancyWte(p) > 0).ToList();
        var vacancyWte = short_.Sum(w.VacancyWte);
        var filled = funded.Count(w.IsFilled);
        var people = w.PeopleIn(posts);
        var consultants = posts.Where(Workforce.IsConsultant).ToList();
        var consultantFunded = consultants.Where(Workforce.IsFunded).ToList();
        var consultantPeople = w.PeopleIn(consultants);
        var trainees = people.Count(p => w.EnrolmentsOf(p).Any(Workforce.InTraining));
        var registrations = people.SelectMany(w.RegistrationsOf).ToList();
        var due = registrations.Count(r => DueSoon.IsRegistrationDue(r.ExpiresOn, w.On));
        var lapsed = registrations.Count(r => r.ExpiresOn is { } e && e < w.On);
        var unregistered = ProtectedTitles.Check(w, posts).Sum(t => t.Unregistered);
        var cover = ExpertCoverRows(w, posts, departments);
        var coding = posts.Select(p => w.CodingOf(p.Id)).OfType<CodingRow>().ToList();
        var proposed = coding.Sum(c => c.Proposed);
        var miscoded = coding.Sum(c => c.Miscoded);
        var evaluated = posts.Where(p => w.JeBandOf(p.Id) is not null).ToList();
        var mismatched = evaluated.Count(p => BandDiffers(p, w.JeBandOf(p.Id)!));
        var accreditations = departments.SelectMany(d => w.Snapshot.Accreditations.Where(a => a.DepartmentId == d.Id)).ToList();
        // An accreditation counts only while in date on the day: one recorded as Accredited that has expired is not (issue 9).
        var accredited = accreditations.Where(a => a.Status == AccreditationStatus.Accredited && w.IsCurrent(a.ExpiresOn)).ToList();

        var fundedPosts = new Quantity(funded.Count);
        var headcount = new Quantity(people.Count);
        return
        [
            new(Measures.FundedWte, Measures.FundedWte.Name, Figure.Wte(fundedWte, funded.Count)),
            new(Measures.InPostWte, Measures.InPostWte.Name, Figure.Wte(people.Count == 0 ? 0 : posts.Sum(w.InPostWte), people.Count)),
            new(Measures.VacancyWte, Measures.VacancyWte.Name, Figure.Wte(vacancyWte, short_.Count)),
            new(Measures.VacancyRate, Measures.VacancyRate.Name, Figure.Percent(vacancyWte, fundedWte, short_.Count, funded.Count)),
            new(Measures.FilledPosts, FundedPosts, Figure.Count(fundedPosts)),
            new(Measures.FilledPosts, FundedFilled, Figure.Count(filled)),
            new(Measures.FilledPosts, FundedVacant, Figure.Count(funded.Count - filled)),
            new(Measures.FrozenPosts, Measures.FrozenPosts.Name, Figure.Count(posts.Count - funded.Count)),
            new(Measures.Headcount, Measures.Headcount.Name, Figure.Count(headcount)),
            new(Measures.ConsultantPosts, ConsultantPostCount, Figure.Count(consultants.Count)),
            new(Measures.ConsultantPosts, "Consultant share of funded WTE (%)", Figure.Percent(consultantFunded.Sum(p => p.FundedWte), fundedWte, consultantFunded.Count, funded.Count)),
            new(Measures.ConsultantShare, Measures.ConsultantShare.Name, Figure.Share(new Quantity(consultantPeople.Count), headcount)),
            new(Measures.Trainees, "People in national training", Figure.Count(trainees)),
            new(Measures.RenewalsDue, Measures.RenewalsDue.Name, Figure.Count(due)),
            new(Measures.RegistrationsLapsed, Measures.RegistrationsLapsed.Name, Figure.Count(lapsed)),
            new(Measures.ProtectedTitles, Measures.ProtectedTitles.Name, Figure.Count(unregistered)),
            new(Measures.ExpertCover, "Expert roles needed with no one certified in post", Figure.Count(cover.Count(c => !c.Covered))),
            new(Measures.Miscoded, Measures.Miscoded.Name, w.Snapshot.CodingChecked
                ? Figure.Share(new Quantity(miscoded), new Quantity(proposed))
                : new Figure(FigureKind.Percent, null, [])),
            new(Measures.JeMismatches, JeEvaluated, Figure.Count(evaluated.Count)),
            new(Measures.JeMismatches, JeDiffers, Figure.Count(mismatched)),
            new(Measures.Accreditation, "Accredited services", Figure.Count(accredited.Select(a => a.DepartmentId).Distinct().Count())),
            new(Measures.ServiceLeadership, LeadershipNotMet, Figure.Count(Leadership.Check(w, departments).Count(s => !s.Meets))),
            new(Measures.Accreditation, $"Accreditations expiring within {Measures.AccreditationWindowDays} days", Figure.Count(accredited.Count(a => ExpiresSoon(w, a)))),
        ];
    }

    public const string FundedPosts = "Funded posts";
    public const string LeadershipNotMet = "Medical Physics and Clinical Engineering services not led by a Consultant Clinical Scientist";
    public const string FundedFilled = "Funded posts filled";
    public const string FundedVacant = "Funded posts vacant";
    public const string ConsultantPostCount = "Consultant posts (8c, 8d, 9)";
    public const string JeEvaluated = "Posts with a job evaluation";
    public const string JeDiffers = "Posts whose band differs from their job evaluation";

    /// <summary>The count a key figure line shows (its label is one of the constants above or a measure's name).</summary>
    public static Quantity CountOf(IReadOnlyList<KeyFigure> lines, string label) => lines.Single(k => k.Label == label).Figure.Counts!;

    /// <summary>Key figures that add up, so control protects them together: funded posts = filled + vacant.</summary>
    public static IReadOnlyList<Relation> Relations(IReadOnlyList<KeyFigure> lines) =>
        [Relation.Sum(CountOf(lines, FundedPosts), CountOf(lines, FundedFilled), CountOf(lines, FundedVacant))];

    /// <summary>The key figures as a table of one column.</summary>
    public static TableDraft Table(IReadOnlyList<KeyFigure> lines, string title, string? note) =>
        new("summary", title, ["Measure id", "Measure", "Value"], lines.Select(k => ReportTables.Row(k.Measure.Id, k.Label, k.Figure)).ToList(), note) { Parts = PartLines.None };

    public static bool ExpiresSoon(Workforce w, AccreditationRow a) =>
        a.ExpiresOn is { } e && e >= w.On && e <= w.On.AddDays(Measures.AccreditationWindowDays);

    /// <summary>JE-CONS-03 through the job evaluation rules themselves, so the report and the JE page never disagree.</summary>
    public static bool BandDiffers(PostRow post, JeBand jeBand) => ConsistencyChecker.CheckPostBand(post.Id.ToString(), post.Band.Code, jeBand.Name) is not null;

    /// <param name="InDepartment">People in post in the department with an in-date certificate for the role.</param>
    /// <param name="ElsewhereInOrganisation">The same, in the organisation's other departments (an RPA or RWA is appointed for the organisation).</param>
    public sealed record CoverRow(DepartmentRow Department, ExpertNeed Need, int InDepartment, int ElsewhereInOrganisation, int ExpiringSoon)
    {
        /// <summary>
        /// An MPE must be involved in the department's own exposures, so only the department's count; an RPA or RWA serves
        /// the whole employer, so someone elsewhere in the organisation covers it.
        /// </summary>
        public bool Covered => InDepartment > 0 || (Need.Role != CertificateType.Mpe && ElsewhereInOrganisation > 0);

        public string Cover => InDepartment > 0 ? "In the department"
            : Covered ? "Elsewhere in the organisation"
            : "No one certified in post: confirm the external arrangement";
    }

    /// <summary>INTEL-EXP-01: per department and role needed, how many people in post hold an in-date certificate.</summary>
    public static IReadOnlyList<CoverRow> ExpertCoverRows(Workforce w, IReadOnlyCollection<PostRow> posts, IReadOnlyCollection<DepartmentRow> departments)
    {
        var rows = new List<CoverRow>();
        foreach (var d in departments.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase))
        {
            var mine = posts.Where(p => p.DepartmentId == d.Id).ToList();
            var people = w.PeopleIn(mine);
            var others = w.PeopleIn(w.Snapshot.Posts.Where(p => p.OrganisationId == d.OrganisationId && p.DepartmentId != d.Id)).Except(people).ToList();
            foreach (var need in ExpertCover.NeedsOf(d.Name, mine.SelectMany(p => p.AreasOfWork)))
            {
                bool Holds(Guid person) => w.CertificatesOf(person).Any(c => c.Type == need.Role && w.IsCurrent(c.ExpiresOn));
                var soon = people.SelectMany(w.CertificatesOf).Count(c => c.Type == need.Role && w.IsCurrent(c.ExpiresOn)
                    && c.ExpiresOn is { } e && e <= w.On.AddDays(Measures.RenewalWindowDays));
                rows.Add(new CoverRow(d, need, people.Count(Holds), others.Count(Holds), soon));
            }
        }
        return rows;
    }
}

/// <summary>INTEL-REG-03: protected titles (seed 000) and whether the holders of posts carrying them are registered.</summary>
public static class ProtectedTitles
{
    public sealed record Title(string Name, RegistrationType Register, int FilledPosts, int Unregistered);

    private static readonly (string Words, RegistrationType Register)[] Titles =
    [
        ("Clinical Scientist", RegistrationType.HcpcClinicalScientist),
        ("Biomedical Scientist", RegistrationType.HcpcBiomedicalScientist),
    ];

    /// <summary>Pre-registration trainees carry the title's words ("Trainee Clinical Scientist") but are not yet registered.</summary>
    public static bool IsPreRegistration(PostRow post) =>
        post.Programme is TraineeProgramme.Stp or TraineeProgramme.Ptp or TraineeProgramme.Bms or TraineeProgramme.Associate;

    public static IReadOnlyList<Title> Check(Workforce w, IEnumerable<PostRow> posts)
    {
        var list = posts.Where(p => w.IsFilled(p) && !IsPreRegistration(p)).ToList();
        return Titles.Select(t =>
        {
            var carrying = list.Where(p => p.Title.Contains(t.Words, StringComparison.OrdinalIgnoreCase)).ToList();
            var unregistered = carrying.Count(p => w.HoldersOf(p.Id).Any(h =>
                !w.RegistrationsOf(h.PersonId).Any(r => r.Type == t.Register && w.IsCurrent(r.ExpiresOn))));
            return new Title(t.Words, t.Register, carrying.Count, unregistered);
        }).ToList();
    }
}
