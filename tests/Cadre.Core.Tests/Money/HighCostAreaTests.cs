using Cadre.Core.Money;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Money;

/// <summary>
/// High cost area supplements (PAY-HCAS-01) and holders' recorded pay points, worked by hand on the 2025/26 scale and
/// on-costs: cost of a WTE = pay × 1.2988 − 750 while pay is above the £5,000 National Insurance threshold.
/// </summary>
public class HighCostAreaTests
{
    private static readonly FinancialYear Y2526 = new(2025);

    private static PostCost Cost(PostCostInput post, DefaultPayPoint point = DefaultPayPoint.Entry) =>
        EstablishmentCost.Of([post], Y2526, PayScales.For(Y2526), OnCosts.For(Y2526), point).Posts.Single();

    [Theory]
    // Band 7 mid (50,273) in inner London: 20% is 10,054.60, above the 8,465 maximum.
    [InlineData("7", DefaultPayPoint.Mid, HighCostArea.InnerLondon, 8465.0)]
    // Band 6 entry (38,682) in outer London: 15% is 5,802.30, between the 4,716 minimum and 5,941 maximum.
    [InlineData("6", DefaultPayPoint.Entry, HighCostArea.OuterLondon, 5802.3)]
    // Band 5 entry (31,049) in outer London: 15% is 4,657.35, below the 4,716 minimum.
    [InlineData("5", DefaultPayPoint.Entry, HighCostArea.OuterLondon, 4716.0)]
    // Band 2 (24,465) in the fringe: 5% is 1,223.25, below the 1,303 minimum.
    [InlineData("2", DefaultPayPoint.Entry, HighCostArea.Fringe, 1303.0)]
    [InlineData("7", DefaultPayPoint.Mid, HighCostArea.None, 0.0)]
    public void The_supplement_is_a_share_of_basic_pay_between_the_zones_minimum_and_maximum(string band, DefaultPayPoint point, HighCostArea area, double supplement)
    {
        var cost = Cost(new PostCostInput(Guid.NewGuid(), PayBand.Parse(band), PostStatus.Funded, 1m, 1m, Area: area), point);
        Assert.Equal((decimal)supplement, cost.SupplementPerWte);
        Assert.Equal(PayScales.For(Y2526).Pay(PayBand.Parse(band), point) + (decimal)supplement, cost.PayPerWte);
    }

    [Fact]
    public void On_costs_fall_on_the_supplement_too_because_it_is_pensionable()
    {
        // Band 7 mid in inner London: pay 50,273 + 8,465 = 58,738; on-costs 58,738 × 0.2988 − 750 = 16,800.9144.
        var cost = Cost(new PostCostInput(Guid.NewGuid(), PayBand.Band7, PostStatus.Funded, 1m, 1m, Area: HighCostArea.InnerLondon), DefaultPayPoint.Mid);
        Assert.Equal(58738m, cost.PayPerWte);
        Assert.Equal(16800.9144m, cost.OnCostsPerWte);
        Assert.Equal(75538.9144m, cost.FundedCost);
    }

    [Fact]
    public void A_cost_with_a_supplement_cites_it_and_says_its_zone_and_limits()
    {
        var result = EstablishmentCost.Of([new PostCostInput(Guid.NewGuid(), PayBand.Band7, PostStatus.Funded, 1m, 1m, Area: HighCostArea.InnerLondon)],
            new DateOnly(2025, 6, 1));
        Assert.Equal(["PAY-AFC-01", "PAY-HCAS-01", "PAY-PENSION-01", "PAY-NI-01", "PAY-NI-THRESHOLD-01", "PAY-LEVY-01"], result.Rules);
        Assert.Contains("inner london high cost area supplement 2025/26 (20% of basic pay, £5,610 to £8,465; PAY-HCAS-01)", result.Basis);
        var none = EstablishmentCost.Of([new PostCostInput(Guid.NewGuid(), PayBand.Band7, PostStatus.Funded, 1m, 1m)], new DateOnly(2025, 6, 1));
        Assert.DoesNotContain("PAY-HCAS-01", none.Rules);
        Assert.DoesNotContain("high cost area", none.Basis);
    }

    [Fact]
    public void Holders_at_different_points_cost_their_WTE_weighted_average()
    {
        // Band 6: 0.6 WTE at entry (49,490.1816 a WTE with on-costs) and 0.4 WTE at top (46,580 × 1.2988 − 750 = 59,748.104):
        // 29,694.10896 + 23,899.2416 = 53,593.35056.
        var post = new PostCostInput(Guid.NewGuid(), PayBand.Band6, PostStatus.Funded, 1m, 1m,
            [new HolderPay(0.6m, PayPoint.Entry), new HolderPay(0.4m, PayPoint.Top)]);
        var cost = Cost(post, DefaultPayPoint.Mid);
        Assert.True(cost.AtHolderPoint);
        Assert.Equal(53593.35056m, cost.InPostCost);
        Assert.Equal(53593.35056m, cost.FundedCost);
        Assert.Equal(0m, cost.VacancyCost);
    }

    [Fact]
    public void A_holder_without_a_point_is_costed_at_the_default_and_the_vacant_part_too()
    {
        // Band 6, funded 1.0: 0.5 WTE at top (59,748.104), 0.3 WTE unrecorded at entry (the default, 49,490.1816), 0.2 vacant at entry.
        var post = new PostCostInput(Guid.NewGuid(), PayBand.Band6, PostStatus.Funded, 1m, 0.8m,
            [new HolderPay(0.5m, PayPoint.Top), new HolderPay(0.3m, null)]);
        var cost = Cost(post, DefaultPayPoint.Entry);
        Assert.Equal(0.5m * 59748.104m + 0.3m * 49490.1816m, cost.InPostCost);
        Assert.Equal(0.2m * 49490.1816m, cost.VacancyCost);
        Assert.Equal(cost.InPostCost + cost.VacancyCost, cost.FundedCost);
    }

    [Theory]
    [InlineData("2", PayPoint.Top, "Band 2 has no top pay point; it has entry")]
    [InlineData("8a", PayPoint.Intermediate, "Band 8a has no intermediate pay point; it has entry and top")]
    [InlineData("6", PayPoint.Intermediate, null)]
    [InlineData("1", PayPoint.Entry, null)]
    public void A_recorded_point_must_be_one_the_band_has(string band, PayPoint point, string? problem) =>
        Assert.Equal(problem, PayPoints.Problem(PayBand.Parse(band), point));

    [Fact]
    public void Every_year_Cadre_holds_a_scale_for_has_each_zones_supplement()
    {
        foreach (var scale in PayScales.All)
            foreach (var area in new[] { HighCostArea.Fringe, HighCostArea.OuterLondon, HighCostArea.InnerLondon })
                Assert.Equal(scale.Year, HighCostAreaSupplements.For(scale.Year, area)!.Year);
        Assert.Null(HighCostAreaSupplements.For(Y2526, HighCostArea.None));
        Assert.All(HighCostAreaSupplements.All, s => Assert.True(s.MinimumGbp < s.MaximumGbp));
    }
}
