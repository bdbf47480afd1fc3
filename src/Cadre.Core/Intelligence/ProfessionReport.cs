using Cadre.Core.Register;

namespace Cadre.Core.Intelligence;

/// <summary>
/// The view a professional body takes (seed 004, IPEM's Workforce Intelligence Unit): the workforce by specialism, its
/// consultant share, its age and its training pipeline, led by a short table of findings. Always under disclosure
/// control, because such figures are made to be shared.
/// </summary>
public static class ProfessionReport
{
    public const string Kind = "profession";

    private static readonly (string Label, int From, int To)[] AgeBands =
        [("Under 30", 0, 29), ("30 to 39", 30, 39), ("40 to 49", 40, 49), ("50 to 54", 50, 54), ("55 to 59", 55, 59), ("60 and over", 60, 200)];

    public static Report Build(WorkforceSnapshot snapshot)
    {
        const bool control = true;
        var w = new Workforce(snapshot);
        object Count(int n) => Disclosure.Count(n, control);
        object Show(Figure f) => Disclosure.Show(f, control);
        var posts = snapshot.Posts.ToList();
        var themes = posts.GroupBy(w.MainTheme).OrderBy(g => g.Key is null).ThenBy(g => g.Key).ToList();

        var bySpecialism = themes.Select(g =>
        {
            var mine = g.ToList();
            var people = w.PeopleIn(mine);
            var funded = mine.Where(Workforce.IsFunded).ToList();
            var short_ = funded.Where(p => w.VacancyWte(p) > 0).ToList();
            var consultants = w.PeopleIn(mine.Where(Workforce.IsConsultant));
            var training = people.SelectMany(p => w.EnrolmentsOf(p).Where(Workforce.InTraining)).ToList();
            var aged = people.Count(p => w.AgeOf(p) >= 55);
            var known = people.Count(p => w.AgeOf(p) is not null);
            return ReportTables.Row(ReportWords.Theme(g.Key), Count(people.Count), Show(Figure.Wte(mine.Sum(w.InPostWte), people.Count)),
                Show(Figure.Wte(funded.Sum(p => p.FundedWte), funded.Count)),
                Show(Figure.Percent(short_.Sum(w.VacancyWte), funded.Sum(p => p.FundedWte), short_.Count, funded.Count)),
                Count(consultants.Count), Show(Figure.Percent(consultants.Count, people.Count, consultants.Count, people.Count)),
                Count(training.Count(e => e.Programme == TrainingProgramme.Stp)), Count(training.Count(e => e.Programme == TrainingProgramme.Hsst)),
                Count(training.Count(e => e.Programme == TrainingProgramme.Ptp)),
                Show(Figure.Percent(aged, known, aged, known)));
        }).ToList();

        var everyone = w.PeopleIn(posts);
        var ages = themes.Select(g =>
        {
            var people = w.PeopleIn(g);
            return ReportTables.Row([ReportWords.Theme(g.Key),
                .. AgeBands.Select(b => Count(people.Count(p => w.AgeOf(p) is { } a && a >= b.From && a <= b.To))),
                Count(people.Count(p => w.AgeOf(p) is null))]);
        }).ToList();

        var inTraining = everyone.SelectMany(w.EnrolmentsOf).Where(Workforce.InTraining).ToList();
        var pipeline = Enum.GetValues<TrainingProgramme>().Select(programme =>
        {
            var mine = inTraining.Where(e => e.Programme == programme).ToList();
            int Year(EnrolmentRow e) => Math.Max(1, (int)((w.On.DayNumber - e.StartDate.DayNumber) / 365.25) + 1);
            return ReportTables.Row(ReportWords.Programme(programme), Count(mine.Count(e => e.Status == TrainingStatus.Active && Year(e) == 1)),
                Count(mine.Count(e => e.Status == TrainingStatus.Active && Year(e) == 2)), Count(mine.Count(e => e.Status == TrainingStatus.Active && Year(e) == 3)),
                Count(mine.Count(e => e.Status == TrainingStatus.Active && Year(e) >= 4)), Count(mine.Count(e => e.Status == TrainingStatus.Interrupted)),
                Count(mine.Count(e => e.ExpectedEndDate <= w.On.AddMonths(12))));
        }).ToList();

        var withdrawal = Enum.GetValues<TrainingProgramme>().Select(programme => WithdrawalRow(snapshot.Enrolments.Where(e => e.Programme == programme).ToList(), programme, control)).ToList();

        var tables = new List<ReportTable>
        {
            new(Measures.Findings.Id, "Key findings", ["Finding", "Figure", "Measure", "Context"], Findings(w, posts, everyone, inTraining, control), Disclosure.Notice),
            new(Measures.BySpecialism.Id, "Workforce by specialism (science theme)",
                ["Specialism", "Headcount", "WTE in post", "Funded WTE", "Vacancy rate (%)", "Consultant (8c+) headcount", "Consultant share (%)", "STP trainees", "HSST trainees", "PTP trainees", "Aged 55 and over (%)"],
                bySpecialism, Chart: new ReportChart("bar", 0, [1])),
            new(Measures.AgeProfile.Id, "Age profile by specialism", ["Specialism", .. AgeBands.Select(b => b.Label), "Not recorded"], ages,
                "Age from year of birth only.", new ReportChart("bar", 0, Enumerable.Range(1, AgeBands.Length).ToList(), Stacked: true)),
            new(Measures.Pipeline.Id, "Training pipeline by year of training", ["Programme", "Year 1", "Year 2", "Year 3", "Year 4 or later", "Interrupted", "Finishing within 12 months"], pipeline),
            new(Measures.TraineeWithdrawal.Id, "Withdrawal from training", ["Programme", "Enrolments recorded", "Completed", "Withdrawn", "Withdrawal (%)"], withdrawal,
                "\"not recorded\" where the register holds no finished enrolments for the programme, so no rate can honestly be given."),
        };
        tables.Add(ReportTables.Definitions(tables));
        var covers = string.Join(", ", snapshot.Organisations.OrderBy(o => o.OdsCode).Select(o => o.Name));
        return new Report(Kind, "Professional body view", covers, snapshot.On, control, tables);
    }

    /// <summary>INTEL-TRN-02: a rate only when the register holds finished enrolments; otherwise say so.</summary>
    internal static IReadOnlyList<object?> WithdrawalRow(IReadOnlyList<EnrolmentRow> enrolments, TrainingProgramme programme, bool control)
    {
        var completed = enrolments.Count(e => e.Status == TrainingStatus.Completed);
        var withdrawn = enrolments.Count(e => e.Status == TrainingStatus.Withdrawn);
        var rate = completed + withdrawn == 0 ? "not recorded"
            : Disclosure.Show(Figure.Percent(withdrawn, enrolments.Count, withdrawn, enrolments.Count), control);
        return ReportTables.Row(ReportWords.Programme(programme), Disclosure.Count(enrolments.Count, control),
            Disclosure.Count(completed, control), Disclosure.Count(withdrawn, control), rate);
    }

    private static IReadOnlyList<IReadOnlyList<object?>> Findings(Workforce w, IReadOnlyList<PostRow> posts, IReadOnlyList<Guid> people, IReadOnlyList<EnrolmentRow> inTraining, bool control)
    {
        object Show(Figure f) => Disclosure.Show(f, control);
        var consultantPosts = posts.Where(Workforce.IsConsultant).ToList();
        var consultantFunded = consultantPosts.Where(Workforce.IsFunded).ToList();
        var consultantVacant = consultantFunded.Count(p => !w.IsFilled(p));
        var consultantPeople = w.PeopleIn(consultantPosts);
        var onHssr = consultantPeople.Count(p => w.RegistrationsOf(p).Any(r => r.Type == RegistrationType.Hssr && w.IsCurrent(r.ExpiresOn)));
        var hsst = inTraining.Count(e => e.Programme == TrainingProgramme.Hsst && e.Status == TrainingStatus.Active);
        var aged = people.Count(p => w.AgeOf(p) >= 55);
        var known = people.Count(p => w.AgeOf(p) is not null);
        var hsstAll = w.Snapshot.Enrolments.Where(e => e.Programme == TrainingProgramme.Hsst).ToList();
        var hsstWithdrawal = WithdrawalRow(hsstAll, TrainingProgramme.Hsst, control)[4];
        return
        [
            ReportTables.Row("Headcount in post", Disclosure.Count(people.Count, control), Measures.Headcount.Id, ""),
            ReportTables.Row("Consultant Clinical Scientists (bands 8c, 8d, 9) as a share of headcount (%)",
                Show(Figure.Percent(consultantPeople.Count, people.Count, consultantPeople.Count, people.Count)), Measures.ConsultantShare.Id,
                "Seed 004 defines a CCS as band 8c, 8d or 9"),
            ReportTables.Row("Consultant posts vacant (%)", Show(Figure.Percent(consultantVacant, consultantFunded.Count, consultantVacant, consultantFunded.Count)),
                Measures.ConsultantPosts.Id, "Seed 004 reports CCS recruitment difficulties"),
            ReportTables.Row("Consultants in post on the HSSR (%)", Show(Figure.Percent(onHssr, consultantPeople.Count, onHssr, consultantPeople.Count)),
                Measures.ConsultantPosts.Id, "Seed 004: the HSSR (2015) evidences the CCS skillset; Wales has required it for new CCS roles since 2022"),
            ReportTables.Row("HSST trainees per consultant post", Show(Figure.Ratio(hsst, consultantPosts.Count, hsst, consultantPosts.Count)),
                Measures.TraineesPerConsultant.Id, "HSST is the route to future CCS posts (seed 004)"),
            ReportTables.Row("HSST withdrawal recorded (%)", hsstWithdrawal, Measures.TraineeWithdrawal.Id,
                "NSHCS records about 17% across medical physics cohorts; IPEM's survey respondents reported 42% (seed 004)"),
            ReportTables.Row("Staff aged 55 and over (%)", Show(Figure.Percent(aged, known, aged, known)), Measures.AgeProfile.Id, "Of those whose year of birth is recorded"),
        ];
    }
}
