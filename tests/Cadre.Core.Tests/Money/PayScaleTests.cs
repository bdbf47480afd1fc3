using Cadre.Core.Money;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Money;

/// <summary>
/// Each year's pay scale in reference/pay reproduces its published points exactly. The figures below are typed again
/// from NHS Employers' annual pay scales (England; for 2024/25 bands 2–6 also NHS Health Careers, "Agenda for Change –
/// pay rates"), not read from the files under test: entry, intermediate where the band has one, top.
/// </summary>
public class PayScaleTests
{
    public static TheoryData<string, string, int[]> Published => new()
    {
        { "2023/24", "2", [22383] }, { "2023/24", "3", [22816, 24336] }, { "2023/24", "4", [25147, 27596] },
        { "2023/24", "5", [28407, 30639, 34581] }, { "2023/24", "6", [35392, 37350, 42618] }, { "2023/24", "7", [43742, 45996, 50056] },
        { "2023/24", "8a", [50952, 57349] }, { "2023/24", "8b", [58972, 68525] }, { "2023/24", "8c", [70417, 81138] },
        { "2023/24", "8d", [83571, 96376] }, { "2023/24", "9", [99891, 114949] },
        { "2024/25", "2", [23615] }, { "2024/25", "3", [24071, 25674] }, { "2024/25", "4", [26530, 29114] },
        { "2024/25", "5", [29970, 32324, 36483] }, { "2024/25", "6", [37338, 39405, 44962] }, { "2024/25", "7", [46148, 48526, 52809] },
        { "2024/25", "8a", [53755, 60504] }, { "2024/25", "8b", [62215, 72293] }, { "2024/25", "8c", [74290, 85601] },
        { "2024/25", "8d", [88168, 101677] }, { "2024/25", "9", [105385, 121271] },
        { "2025/26", "2", [24465] }, { "2025/26", "3", [24937, 26598] }, { "2025/26", "4", [27485, 30162] },
        { "2025/26", "5", [31049, 33487, 37796] }, { "2025/26", "6", [38682, 40823, 46580] }, { "2025/26", "7", [47810, 50273, 54710] },
        { "2025/26", "8a", [55690, 62682] }, { "2025/26", "8b", [64455, 74896] }, { "2025/26", "8c", [76965, 88682] },
        { "2025/26", "8d", [91342, 105337] }, { "2025/26", "9", [109179, 125637] },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Each_years_table_reproduces_its_published_points(string year, string band, int[] points)
    {
        var scale = PayScales.All.Single(s => s.Year == FinancialYear.Parse(year));
        Assert.Equal(points.Select(p => (decimal)p), scale.PointsOf(PayBand.Parse(band)).Select(p => p.AnnualGbp));
    }

    /// <summary>
    /// Each year's award raised every point of the year before by the same share, rounded to the pound (NHS Employers:
    /// 5.5% from 1 April 2024, 3.6% from 1 April 2025). Some higher-band points rest on one public copy of the table;
    /// this catches a mistyped point in any year's file, including the next one added.
    /// </summary>
    [Theory]
    [InlineData("2024/25", "0.055")]
    [InlineData("2025/26", "0.036")]
    public void Every_point_is_the_year_befores_raised_by_the_award_to_within_a_pound(string year, string award)
    {
        var scale = PayScales.All.Single(s => s.Year == FinancialYear.Parse(year));
        var before = PayScales.All.Single(s => s.Year == new FinancialYear(scale.Year.StartYear - 1));
        Assert.Equal(before.Points.Count, scale.Points.Count);
        foreach (var point in scale.Points)
        {
            var previous = before.Points.Single(p => p.Band == point.Band && p.Point == point.Point);
            var raised = previous.AnnualGbp * (1 + decimal.Parse(award, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(Math.Abs(point.AnnualGbp - raised) < 1m,
                $"{year} band {point.Band} {point.Point}: {point.AnnualGbp} is not {previous.AnnualGbp} raised by {award} ({raised:0.00})");
        }
    }

    [Fact]
    public void Cadre_holds_the_three_years_and_no_point_it_did_not_publish()
    {
        Assert.Equal(["2023/24", "2024/25", "2025/26"], PayScales.All.Select(s => s.Year.Label));
        foreach (var scale in PayScales.All)
            Assert.Equal(Published.Where(r => (string)r[0] == scale.Year.Label).Sum(r => ((int[])r[2]).Length), scale.Points.Count);
    }

    [Fact]
    public void A_year_after_the_latest_is_costed_at_the_latest_scale_and_says_so()
    {
        var scale = PayScales.For(FinancialYear.Containing(new DateOnly(2026, 12, 2)));
        Assert.Equal("2025/26", scale.Year.Label);
        Assert.Equal("NHS Employers: Agenda for Change pay scales 2025/26", PayScales.Citation(scale.Year));
        Assert.Equal(new FinancialYear(2024), FinancialYear.Containing(new DateOnly(2025, 3, 31)));
        Assert.Equal(new FinancialYear(2025), FinancialYear.Containing(new DateOnly(2025, 4, 1)));
    }

    [Fact]
    public void Band_1_is_paid_at_band_2_and_progression_years_follow_the_2018_deal()
    {
        var scale = PayScales.For(new FinancialYear(2025));
        Assert.Equal(24465m, scale.Pay(PayBand.Band1, DefaultPayPoint.Entry));
        Assert.Equal([2, 3, null], scale.PointsOf(PayBand.Band6).Select(p => p.YearsToNext));
        Assert.Equal([5, null], scale.PointsOf(PayBand.Band8a).Select(p => p.YearsToNext));
        // "Mid": band 5's intermediate point; for band 8a (no contractual intermediate) halfway between 55,690 and 62,682.
        Assert.Equal(33487m, scale.Pay(PayBand.Band5, DefaultPayPoint.Mid));
        Assert.Equal(59186m, scale.Pay(PayBand.Band8a, DefaultPayPoint.Mid));
    }

    [Fact]
    public void On_costs_are_dated_cited_assumptions_for_each_year()
    {
        Assert.All(PayScales.All, s => Assert.Equal(s.Year, OnCosts.For(s.Year).Year));
        Assert.All(OnCosts.Assumptions, a => Assert.StartsWith("PAY-", a.Id));
        Assert.All(OnCosts.Assumptions, a => Assert.False(string.IsNullOrWhiteSpace(a.Source)));
        var y2526 = OnCosts.For(new FinancialYear(2025));
        Assert.Equal((0.1438m, 0.15m, 5000m, 0.005m), (y2526.PensionRate, y2526.NiRate, y2526.NiThreshold, y2526.LevyRate));
        var y2425 = OnCosts.For(new FinancialYear(2024));
        Assert.Equal((0.138m, 9100m), (y2425.NiRate, y2425.NiThreshold));
    }
}
