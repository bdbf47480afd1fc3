using Cadre.Core.Register;
using static Cadre.Core.Intelligence.ReportTables;

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

    private static readonly TrainingProgramme[] InSpecialismTable = [TrainingProgramme.Stp, TrainingProgramme.Hsst, TrainingProgramme.Ptp];

    public static Report Build(WorkforceSnapshot snapshot) => Build(snapshot, control: true);

    /// <param name="control">Always true for readers; false only to test what control hid against the true figures.</param>
    public static Report Build(WorkforceSnapshot snapshot, bool control)
    {
        var w = new Workforce(snapshot);
        var posts = snapshot.Posts.ToList();
        var themes = posts.GroupBy(w.MainTheme).OrderBy(g => g.Key is null).ThenBy(g => g.Key).ToList();
        var relations = new List<Relation>();
        var everyone = w.PeopleIn(posts);
        var inTraining = everyone.SelectMany(w.EnrolmentsOf).Where(Workforce.InTraining).ToList();
        var enrolmentsInPost = Enum.GetValues<TrainingProgramme>().ToDictionary(p => p, p => new Quantity(inTraining.Count(e => e.Programme == p)));

        var bySpecialism = new List<IReadOnlyList<Cell>>();
        var ages = new List<IReadOnlyList<Cell>>();
        var consultantsByTheme = new List<Quantity>();
        var agedByTheme = new List<Quantity>();
        var traineesByTheme = InSpecialismTable.ToDictionary(p => p, _ => new List<Quantity>());
        foreach (var g in themes)
        {
            var mine = g.ToList();
            var people = w.PeopleIn(mine);
            var funded = mine.Where(Workforce.IsFunded).ToList();
            var short_ = funded.Where(p => w.VacancyWte(p) > 0).ToList();
            var headcount = new Quantity(people.Count);
            var consultants = new Quantity(w.PeopleIn(mine.Where(Workforce.IsConsultant)).Count);
            var training = people.SelectMany(p => w.EnrolmentsOf(p).Where(Workforce.InTraining)).ToList();
            var bands = AgeBands.Select(b => new Quantity(people.Count(p => w.AgeOf(p) is { } a && a >= b.From && a <= b.To))).ToList();
            var unknownAge = new Quantity(people.Count(p => w.AgeOf(p) is null));
            // Aged 55 and over is the last two bands; its share is of those whose age is known.
            var aged = new Quantity(bands[^2].Value + bands[^1].Value);
            var known = new Quantity(people.Count - unknownAge.Value);
            var trainees = InSpecialismTable.Select(p => new Quantity(training.Count(e => e.Programme == p))).ToList();

            relations.Add(Relation.Sum(headcount, [.. bands, unknownAge]));
            relations.Add(Relation.Sum(aged, bands[^2], bands[^1]));
            relations.Add(Relation.Sum(headcount, known, unknownAge));
            consultantsByTheme.Add(consultants);
            agedByTheme.Add(aged);
            for (var i = 0; i < InSpecialismTable.Length; i++) traineesByTheme[InSpecialismTable[i]].Add(trainees[i]);

            bySpecialism.Add(Row([ReportWords.Theme(g.Key), Figure.Count(headcount), Figure.Wte(mine.Sum(w.InPostWte), people.Count),
                Figure.Wte(funded.Sum(p => p.FundedWte), funded.Count),
                Figure.Percent(short_.Sum(w.VacancyWte), funded.Sum(p => p.FundedWte), short_.Count, funded.Count),
                Figure.Count(consultants), Figure.Share(consultants, headcount), .. trainees.Select(t => (Cell)Figure.Count(t)), Figure.Share(aged, known)]));
            ages.Add(Row([ReportWords.Theme(g.Key), .. bands.Select(b => (Cell)Figure.Count(b)), Figure.Count(unknownAge)]));
        }
        var withdrawal = Enum.GetValues<TrainingProgramme>().Select(programme =>
        {
            var (row, recorded, completed, withdrawn) = WithdrawalRow(snapshot.Enrolments.Where(e => e.Programme == programme).ToList(), programme);
            // A reader takes enrolments less completed and withdrawn as those still in training, all of them in post.
            relations.Add(Relation.Sum(recorded, completed, withdrawn, enrolmentsInPost[programme]));
            return row;
        }).ToList();

        // People are counted once per specialism they hold a post in, so these sums hold when no one spans two; control
        // assumes they hold, as a reader would.
        var findings = Findings(w, posts, everyone, inTraining, relations, withdrawal[Array.IndexOf(Enum.GetValues<TrainingProgramme>(), TrainingProgramme.Hsst)][4]);
        relations.Add(Relation.Sum(findings.Headcount, bySpecialism.Select(r => ((FigureCell)r[1]).Figure.Counts!)));
        relations.Add(Relation.Sum(findings.Consultants, consultantsByTheme));
        relations.Add(Relation.Sum(findings.Aged, agedByTheme));
        foreach (var (programme, list) in traineesByTheme) relations.Add(Relation.Sum(enrolmentsInPost[programme], list));

        var pipeline = Enum.GetValues<TrainingProgramme>().Select(programme =>
        {
            var mine = inTraining.Where(e => e.Programme == programme).ToList();
            int Year(EnrolmentRow e) => Math.Max(1, (int)((w.On.DayNumber - e.StartDate.DayNumber) / 365.25) + 1);
            var years = new[] { 1, 2, 3 }.Select(y => new Quantity(mine.Count(e => e.Status == TrainingStatus.Active && Year(e) == y)))
                .Append(new Quantity(mine.Count(e => e.Status == TrainingStatus.Active && Year(e) >= 4)))
                .Append(new Quantity(mine.Count(e => e.Status == TrainingStatus.Interrupted))).ToList();
            relations.Add(Relation.Sum(enrolmentsInPost[programme], years));
            return Row([ReportWords.Programme(programme), .. years.Select(y => (Cell)Figure.Count(y)), Figure.Count(mine.Count(e => e.ExpectedEndDate <= w.On.AddMonths(12)))]);
        }).ToList();

        var tables = new List<TableDraft>
        {
            new(Measures.Findings.Id, "Key findings", ["Finding", "Figure", "Measure", "Context"], findings.Rows, Disclosure.Notice) { Parts = PartLines.None },
            new(Measures.BySpecialism.Id, "Workforce by specialism (science theme)",
                ["Specialism", "Headcount", "WTE in post", "Funded WTE", "Vacancy rate (%)", "Consultant (8c+) headcount", "Consultant share (%)", "STP trainees", "HSST trainees", "PTP trainees", "Aged 55 and over (%)"],
                bySpecialism, Chart: new ReportChart("bar", 0, [1])) { Parts = PartLines.Columns },
            new(Measures.AgeProfile.Id, "Age profile by specialism", ["Specialism", .. AgeBands.Select(b => b.Label), "Not recorded"], ages,
                "Age from year of birth only.", new ReportChart("bar", 0, Enumerable.Range(1, AgeBands.Length).ToList(), Stacked: true)),
            new(Measures.Pipeline.Id, "Training pipeline by year of training", ["Programme", "Year 1", "Year 2", "Year 3", "Year 4 or later", "Interrupted", "Finishing within 12 months"], pipeline),
            new(Measures.TraineeWithdrawal.Id, "Withdrawal from training", ["Programme", "Enrolments recorded", "Completed", "Withdrawn", "Withdrawal (%)"], withdrawal,
                "\"not recorded\" where the register holds no finished enrolments for the programme, so no rate can honestly be given."),
        };
        var covers = string.Join(", ", snapshot.Organisations.OrderBy(o => o.OdsCode).Select(o => o.Name));
        return Publish(Kind, "Professional body view", covers, snapshot.On, control, tables, relations);
    }

    /// <summary>INTEL-TRN-02: a rate only when the register holds finished enrolments; otherwise say so.</summary>
    internal static (IReadOnlyList<Cell> Row, Quantity Recorded, Quantity Completed, Quantity Withdrawn) WithdrawalRow(IReadOnlyList<EnrolmentRow> enrolments, TrainingProgramme programme)
    {
        var recorded = new Quantity(enrolments.Count);
        var completed = new Quantity(enrolments.Count(e => e.Status == TrainingStatus.Completed));
        var withdrawn = new Quantity(enrolments.Count(e => e.Status == TrainingStatus.Withdrawn));
        Cell rate = completed.Value + withdrawn.Value == 0 ? "not recorded" : Figure.Share(withdrawn, recorded);
        return (Row(ReportWords.Programme(programme), Figure.Count(recorded), Figure.Count(completed), Figure.Count(withdrawn), rate), recorded, completed, withdrawn);
    }

    private sealed record FindingRows(List<IReadOnlyList<Cell>> Rows, Quantity Headcount, Quantity Consultants, Quantity Aged);

    private static FindingRows Findings(Workforce w, IReadOnlyList<PostRow> posts, IReadOnlyList<Guid> people, IReadOnlyList<EnrolmentRow> inTraining, List<Relation> relations, Cell hsstWithdrawal)
    {
        var consultantPosts = posts.Where(Workforce.IsConsultant).ToList();
        var consultantFunded = consultantPosts.Where(Workforce.IsFunded).ToList();
        var consultantVacant = consultantFunded.Count(p => !w.IsFilled(p));
        var consultantPeople = w.PeopleIn(consultantPosts);
        var onHssr = consultantPeople.Count(p => w.RegistrationsOf(p).Any(r => r.Type == RegistrationType.Hssr && w.IsCurrent(r.ExpiresOn)));
        var hsst = inTraining.Count(e => e.Programme == TrainingProgramme.Hsst && e.Status == TrainingStatus.Active);
        var headcount = new Quantity(people.Count);
        var consultants = new Quantity(consultantPeople.Count);
        var aged = new Quantity(people.Count(p => w.AgeOf(p) >= 55));
        var known = new Quantity(people.Count(p => w.AgeOf(p) is not null));
        List<IReadOnlyList<Cell>> rows =
        [
            Row("Headcount in post", Figure.Count(headcount), Measures.Headcount.Id, ""),
            Row("Consultant Clinical Scientists (bands 8c, 8d, 9) as a share of headcount (%)", Figure.Share(consultants, headcount), Measures.ConsultantShare.Id,
                "IPEM report Is HSST meeting the needs of the Medical Physics profession? defines a CCS as band 8c, 8d or 9"),
            Row("Consultant posts vacant (%)", Figure.Share(new Quantity(consultantVacant), new Quantity(consultantFunded.Count)),
                Measures.ConsultantPosts.Id, "IPEM report Is HSST meeting the needs of the Medical Physics profession? reports CCS recruitment difficulties"),
            Row("Consultants in post on the HSSR (%)", Figure.Share(new Quantity(onHssr), consultants),
                Measures.ConsultantPosts.Id, "IPEM report Is HSST meeting the needs of the Medical Physics profession?: the HSSR (2015) evidences the CCS skillset; Wales has required it for new CCS roles since 2022"),
            Row("HSST trainees per consultant post", Figure.RatioOf(new Quantity(hsst), new Quantity(consultantPosts.Count)),
                Measures.TraineesPerConsultant.Id, "HSST is the route to future CCS posts (IPEM report Is HSST meeting the needs of the Medical Physics profession?)"),
            Row("HSST withdrawal recorded (%)", hsstWithdrawal, Measures.TraineeWithdrawal.Id,
                "NSHCS records about 17% across medical physics cohorts; IPEM's survey respondents reported 42% (IPEM report Is HSST meeting the needs of the Medical Physics profession?)"),
            Row("Staff aged 55 and over (%)", Figure.Share(aged, known), Measures.AgeProfile.Id, "Of those whose year of birth is recorded"),
        ];
        relations.Add(Relation.Sum(headcount, known, new Quantity(people.Count - known.Value)));
        return new(rows, headcount, consultants, aged);
    }
}
