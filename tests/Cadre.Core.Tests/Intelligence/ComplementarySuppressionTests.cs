using Cadre.Core.Intelligence;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Intelligence;

/// <summary>
/// Complementary suppression (issue 9, docs/decisions/intelligence-disclosure.md): hand-worked cases, then randomly
/// generated registers tried by <see cref="RecoveryChecker"/>, a reader who subtracts across rows, columns, totals and
/// key figures.
/// </summary>
public sealed class ComplementarySuppressionTests
{
    [Fact]
    public void A_lone_hidden_age_band_gets_a_second_so_the_headcount_cannot_give_it_back()
    {
        // Ten people in Medical Physics: ages 25, 35 ×5, 45 ×3, 61 → under 30: 1 (hidden), 30 to 39: 5, 40 to 49: 3 (hidden), 60+: 1 (hidden).
        // Clinical Engineering: 20 people, 19 aged 35 and one aged 62: its "60 and over" (1) is alone in its row, so the
        // smallest other band above 0 (30 to 39, 19) is hidden beside it; 20 less 19 would otherwise give it back.
        var s = new SnapshotBuilder();
        var trust = s.Organisation("ZA1", "Trust A");
        var physics = s.Department(trust, "Medical Physics", 'H');
        var engineering = s.Department(trust, "Clinical Engineering", 'J');
        foreach (var born in new[] { 2001, 1991, 1991, 1991, 1991, 1991, 1981, 1981, 1981, 1965 }) s.Hold(s.Post(physics, "7", 1.0m), 1.0m, born);
        for (var i = 0; i < 19; i++) s.Hold(s.Post(engineering, "6", 1.0m), 1.0m, 1991);
        s.Hold(s.Post(engineering, "6", 1.0m), 1.0m, 1964);
        var report = ProfessionReport.Build(s.Build());
        var j = report.Table(Measures.AgeProfile.Id).Rows.Single(r => (string)r[0]! == "Clinical Engineering (J)");
        Assert.Equal(["Clinical Engineering (J)", 0, "*", 0, 0, 0, "*", 0], j.ToArray());
        Assert.Equal(20, report.Table(Measures.BySpecialism.Id).Rows.Single(r => (string)r[0]! == "Clinical Engineering (J)")[1]);
        Assert.Empty(RecoveryChecker.Recover(report));
    }

    [Fact]
    public void Funded_filled_and_vacant_are_protected_together()
    {
        // Seven funded posts, six filled, one vacant: "vacant" (1) is hidden, and 7 − 6 would give it back.
        var s = new SnapshotBuilder();
        var physics = s.Department(s.Organisation("ZA1", "Trust A"), "Medical Physics", 'H');
        for (var i = 0; i < 6; i++) s.Hold(s.Post(physics, "7", 1.0m), 1.0m);
        s.Post(physics, "7", 1.0m, PostStatus.Vacant);
        var report = HeadOfServiceReport.Build(s.Build(), control: true);
        var key = report.Table("summary").Rows.ToDictionary(r => (string)r[1]!, r => r[2]);
        Assert.Equal("*", key[KeyFigures.FundedVacant]);
        Assert.True(key[KeyFigures.FundedPosts] is "*" || key[KeyFigures.FundedFilled] is "*");
        Assert.Empty(RecoveryChecker.Recover(report));
    }

    [Fact]
    public void A_benchmark_total_beside_one_hidden_organisation_is_hidden()
    {
        var s = new SnapshotBuilder();
        var a = s.Department(s.Organisation("ZA1", "Trust A"), "Medical Physics", 'H');
        var b = s.Department(s.Organisation("ZB2", "Trust B"), "Audiology", 'F');
        for (var i = 0; i < 6; i++) s.Hold(s.Post(a, "7", 1.0m), 1.0m);
        s.Hold(s.Post(b, "6", 1.0m), 1.0m);
        var report = OrganisationBenchmark.Build(s.Build());
        Assert.Equal([6, "*", "*"], report.Table("summary").Rows.Single(r => (string)r[1]! == "Headcount").Skip(2).ToArray());
        Assert.Empty(RecoveryChecker.Recover(report));
    }

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_hidden_count_in_a_generated_register_can_be_worked_back(int seed)
    {
        var snapshot = RandomRegister.Build(seed);
        foreach (var report in new[] { ProfessionReport.Build(snapshot), OrganisationBenchmark.Build(snapshot), HeadOfServiceReport.Build(snapshot, control: true) })
        {
            Assert.Empty(RecoveryChecker.Recover(report));
            Assert.Empty(RecoveryChecker.LoneHiddenCounts(report));
        }
    }

    [Fact]
    public void The_checker_finds_what_control_without_complements_gives_away()
    {
        // The checker must be able to fail: on the same registers, hiding the small counts alone leaves some recoverable.
        var found = Enumerable.Range(1, 60).Sum(seed => RecoveryChecker.Recover(PrimaryOnly(ProfessionReport.Build(RandomRegister.Build(seed), control: false))).Count);
        Assert.True(found > 0);
    }

    /// <summary>The report as cell-by-cell control alone would have published it: each small count hidden, nothing else.</summary>
    private static Report PrimaryOnly(Report open) => open with
    {
        Tables = open.Ledger!.Drafts.Select(d => new ReportTable(d.Id, d.Title, d.Columns,
            d.Cells.Select(r => (IReadOnlyList<object?>)r.Select(c => c switch
            {
                TextCell t => t.Text,
                FigureCell f => Disclosure.Show(f.Figure, control: true),
                _ => null,
            }).ToList()).ToList(), d.Note, d.Chart)).ToList(),
    };
}
