using Cadre.Core.Intelligence;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Intelligence;

/// <summary>The professional body view: by main theme, age bands, pipeline and withdrawal only when recorded.</summary>
public sealed class ProfessionReportTests
{
    [Fact]
    public void A_post_counts_to_its_main_theme_and_a_tie_goes_to_the_department()
    {
        var s = new SnapshotBuilder();
        var physics = s.Department(s.Organisation("ZA1", "Trust A"), "Medical Physics", 'H');
        var tie = s.Post(physics, "7", 1.0m, split: [new('E', 50), new('H', 50)]);
        var mostlyE = s.Post(physics, "7", 1.0m, split: [new('E', 70), new('H', 30)]);
        var none = s.Post(physics, "7", 1.0m);
        var w = new Workforce(s.Build());
        Assert.Equal('H', w.MainTheme(s.Posts.Single(p => p.Id == tie)));
        Assert.Equal('E', w.MainTheme(s.Posts.Single(p => p.Id == mostlyE)));
        Assert.Equal('H', w.MainTheme(s.Posts.Single(p => p.Id == none)));
    }

    [Fact]
    public void Specialism_rows_headcount_consultant_share_and_age()
    {
        var s = new SnapshotBuilder();
        var physics = s.Department(s.Organisation("ZA1", "Trust A"), "Medical Physics", 'H');
        // Ten people: two consultants (8c, 9), eight at band 7; born so that on 30 Jun 2026 five are 55 or over (1971 and earlier).
        s.Hold(s.Post(physics, "8c", 1.0m), 1.0m, born: 1960);
        s.Hold(s.Post(physics, "9", 1.0m), 1.0m, born: 1965);
        foreach (var born in new[] { 1970, 1971, 1971, 1990, 1991, 1992, 1993, 2000 }) s.Hold(s.Post(physics, "7", 1.0m), 1.0m, born: born);
        var report = ProfessionReport.Build(s.Build());
        var h = report.Table(Measures.BySpecialism.Id).Rows.Single();
        Assert.Equal("Medical Physics (H)", h[0]);
        Assert.Equal(10, h[1]);
        Assert.Equal("*", h[5]); // two consultants: hidden
        Assert.Equal(50.0m, h[10]); // 5 of 10 aged 55+
        var ages = report.Table(Measures.AgeProfile.Id).Rows.Single();
        // Ages on 30 Jun 2026: 66, 61, 56, 55, 55, 36, 35, 34, 33, 26 → under 30: 1; 30 to 39: 4; 55 to 59: 3; 60 and over: 2 (all hidden).
        Assert.Equal(["Medical Physics (H)", "*", "*", 0, 0, "*", "*", 0], ages.ToArray());
        Assert.True(report.DisclosureControlled);
    }

    [Fact]
    public void Withdrawal_is_given_only_when_finished_enrolments_are_recorded()
    {
        var s = new SnapshotBuilder();
        s.Department(s.Organisation("ZA1", "Trust A"), "Medical Physics", 'H');
        void Enrol(TrainingProgramme p, TrainingStatus status) =>
            s.Enrolments.Add(new(Guid.NewGuid(), p, "Medical Physics", new DateOnly(2020, 9, 1), new DateOnly(2025, 8, 31), status, StudyMode.FullTime));
        for (var i = 0; i < 10; i++) Enrol(TrainingProgramme.Hsst, TrainingStatus.Active);
        for (var i = 0; i < 5; i++) Enrol(TrainingProgramme.Hsst, TrainingStatus.Completed);
        for (var i = 0; i < 5; i++) Enrol(TrainingProgramme.Hsst, TrainingStatus.Withdrawn);
        for (var i = 0; i < 6; i++) Enrol(TrainingProgramme.Stp, TrainingStatus.Active);
        var report = ProfessionReport.Build(s.Build());
        var rows = report.Table(Measures.TraineeWithdrawal.Id).Rows.ToDictionary(r => (string)r[0]!);
        Assert.Equal([20, 5, 5, 25.0m], rows["HSST"].Skip(1).ToArray()); // 5 of 20
        Assert.Equal([6, 0, 0, "not recorded"], rows["STP"].Skip(1).ToArray());
        Assert.Equal(25.0m, report.Table(Measures.Findings.Id).Rows.Single(r => (string)r[0]! == "HSST withdrawal recorded (%)")[1]);
    }

    [Fact]
    public void Pipeline_counts_the_year_of_training_reached()
    {
        var s = new SnapshotBuilder();
        var physics = s.Department(s.Organisation("ZA1", "Trust A"), "Medical Physics", 'H');
        // Five STP trainees in post, all started 1 Sep 2024: on 30 Jun 2026 they are in year 2.
        for (var i = 0; i < 5; i++)
        {
            var person = s.Hold(s.Post(physics, "6", 1.0m, programme: TraineeProgramme.Stp), 1.0m, born: 2000);
            s.Enrolments.Add(new(person, TrainingProgramme.Stp, "Medical Physics", new DateOnly(2024, 9, 1), new DateOnly(2027, 8, 31), TrainingStatus.Active, StudyMode.FullTime));
        }
        var stp = ProfessionReport.Build(s.Build()).Table(Measures.Pipeline.Id).Rows.Single(r => (string)r[0]! == "STP");
        Assert.Equal([0, 5, 0, 0, 0, 0], stp.Skip(1).ToArray());
    }
}
