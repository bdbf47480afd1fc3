using Cadre.Core.Money;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Money;

/// <summary>
/// Pay progression (PAY-PROG-01) against the 2018 structure in the 2025/26 scale: band 6 moves entry → intermediate after
/// 2 years and intermediate → top after 3; band 8a entry → top after 5; band 2 has one point.
/// </summary>
public class PayProgressionTests
{
    private static readonly PayScale Scale = PayScales.For(new FinancialYear(2025));
    private static readonly DateOnly Today = new(2026, 12, 2);
    private const int Quarter = 91;

    private static ProgressionCheck Check(string band, PayPoint point, DateOnly? since, DateOnly? start = null) =>
        PayProgression.Check(Scale, PayBand.Parse(band), point, since, start ?? new DateOnly(2020, 1, 1), Today, Quarter);

    [Fact]
    public void Band_6_entry_reached_two_years_before_a_day_in_the_window_is_due()
    {
        var check = Check("6", PayPoint.Entry, new DateOnly(2025, 1, 15));
        Assert.Equal((PayPoint.Intermediate, new DateOnly(2027, 1, 15), ProgressionStatus.DueSoon), (check.NextPoint!.Value, check.EligibleOn!.Value, check.Status));
        Assert.Equal("Eligible for the intermediate point on 15 January 2027 (2 years at the entry point of Band 6 from 15 January 2025): hold the progression review before then.", check.Reason);
        Assert.Equal("PAY-PROG-01", check.RuleId);
    }

    [Fact]
    public void The_window_is_inclusive_at_both_ends_and_a_passed_date_is_overdue()
    {
        // Intermediate → top after 3 years: reached 2 December 2023, eligible 2 December 2026, today: due, not overdue.
        Assert.Equal(ProgressionStatus.DueSoon, Check("6", PayPoint.Intermediate, new DateOnly(2023, 12, 2)).Status);
        // Eligible the last day of the window (today + 91 days = 3 March 2027): due.
        Assert.Equal(ProgressionStatus.DueSoon, Check("6", PayPoint.Intermediate, new DateOnly(2024, 3, 3)).Status);
        // A day later: not yet.
        Assert.Equal(ProgressionStatus.NotYetDue, Check("6", PayPoint.Intermediate, new DateOnly(2024, 3, 4)).Status);
        // Eligible yesterday and still at the same point: overdue.
        var overdue = Check("6", PayPoint.Intermediate, new DateOnly(2023, 12, 1));
        Assert.Equal((ProgressionStatus.Overdue, new DateOnly(2026, 12, 1)), (overdue.Status, overdue.EligibleOn!.Value));
    }

    [Fact]
    public void Band_8a_entry_moves_straight_to_top_after_five_years()
    {
        var check = Check("8a", PayPoint.Entry, new DateOnly(2022, 2, 1));
        Assert.Equal((PayPoint.Top, new DateOnly(2027, 2, 1), ProgressionStatus.DueSoon), (check.NextPoint!.Value, check.EligibleOn!.Value, check.Status));
    }

    [Theory]
    [InlineData("2", PayPoint.Entry)]
    [InlineData("6", PayPoint.Top)]
    [InlineData("9", PayPoint.Top)]
    public void At_the_top_of_the_band_there_is_nothing_to_progress_to(string band, PayPoint point)
    {
        var check = Check(band, point, new DateOnly(2010, 1, 1));
        Assert.Equal((ProgressionStatus.AtTop, (PayPoint?)null, (DateOnly?)null), (check.Status, check.NextPoint, check.EligibleOn));
    }

    [Fact]
    public void Without_a_date_an_entry_point_counts_from_the_assignments_start_and_any_other_point_asks_for_one()
    {
        var entry = Check("5", PayPoint.Entry, null, start: new DateOnly(2025, 2, 10));
        Assert.Equal((new DateOnly(2027, 2, 10), ProgressionStatus.DueSoon), (entry.EligibleOn!.Value, entry.Status));
        var intermediate = Check("5", PayPoint.Intermediate, null);
        Assert.Equal((ProgressionStatus.DateNotRecorded, (DateOnly?)null, PayPoint.Top), (intermediate.Status, intermediate.EligibleOn, intermediate.NextPoint!.Value));
    }

    [Fact]
    public void A_date_in_the_future_is_refused_and_one_before_the_assignment_is_allowed()
    {
        Assert.Equal("Date they reached this pay point must be today or in the past", RegisterRules.CheckPayPointSince(Today.AddDays(1), Today));
        Assert.Null(RegisterRules.CheckPayPointSince(new DateOnly(2001, 1, 1), Today));
    }
}
