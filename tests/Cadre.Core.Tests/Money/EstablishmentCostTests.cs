using Cadre.Core.Money;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Money;

/// <summary>The cost of the establishment, checked against figures worked by hand (2025/26 scale and on-costs).</summary>
public class EstablishmentCostTests
{
    private static readonly FinancialYear Y2526 = new(2025);

    private static EstablishmentCostResult Cost(DefaultPayPoint point, params PostCostInput[] posts) =>
        EstablishmentCost.Of(posts, Y2526, PayScales.For(Y2526), OnCosts.For(Y2526), point);

    // Worked by hand for band 5 entry, 2025/26: pay 31,049; pension 14.38% = 4,464.8462; National Insurance 15% of
    // (31,049 − 5,000) = 3,907.35; Apprenticeship Levy 0.5% = 155.245; on-costs 8,527.4412; cost 39,576.4412.
    // The other bands the same way (on-costs = pay × 0.2988 − 750 while pay is above the threshold).
    [Theory]
    [InlineData("2", 24465, 6560.1420, 31025.1420)]
    [InlineData("3", 24937, 6701.1756, 31638.1756)]
    [InlineData("4", 27485, 7462.5180, 34947.5180)]
    [InlineData("5", 31049, 8527.4412, 39576.4412)]
    [InlineData("6", 38682, 10808.1816, 49490.1816)]
    [InlineData("7", 47810, 13535.6280, 61345.6280)]
    [InlineData("8a", 55690, 15890.1720, 71580.1720)]
    [InlineData("8b", 64455, 18509.1540, 82964.1540)]
    [InlineData("8c", 76965, 22247.1420, 99212.1420)]
    [InlineData("8d", 91342, 26542.9896, 117884.9896)]
    [InlineData("9", 109179, 31872.6852, 141051.6852)]
    public void A_filled_post_at_its_bands_entry_point_costs_pay_plus_on_costs(string band, int pay, double onCosts, double total)
    {
        var post = new PostCostInput(Guid.NewGuid(), PayBand.Parse(band), PostStatus.Funded, 1.0m, 1.0m);
        var cost = Cost(DefaultPayPoint.Entry, post).Posts.Single();
        Assert.Equal(pay, cost.PayPerWte);
        Assert.Equal((decimal)onCosts, cost.OnCostsPerWte);
        Assert.Equal((decimal)total, cost.FundedCost);
        Assert.Equal((decimal)total, cost.InPostCost);
        Assert.Equal(0m, cost.VacancyCost);
    }

    [Fact]
    public void A_vacant_post_costs_its_filling_and_a_part_filled_post_its_gap()
    {
        // Band 6, 1.0 WTE funded, nobody in post, typed Funded: the holders decide, so it is vacant (INTEL-EST-03).
        var vacant = new PostCostInput(Guid.NewGuid(), PayBand.Band6, PostStatus.Funded, 1.0m, 0m);
        // Band 7, 1.0 WTE funded, 0.6 WTE in post: 0.4 WTE vacant at 61,345.628 = 24,538.2512.
        var part = new PostCostInput(Guid.NewGuid(), PayBand.Band7, PostStatus.Funded, 1.0m, 0.6m);
        // Frozen: no budget, so no funded cost and no vacancy.
        var frozen = new PostCostInput(Guid.NewGuid(), PayBand.Band5, PostStatus.Frozen, 1.0m, 0m);
        var result = Cost(DefaultPayPoint.Entry, vacant, part, frozen);

        Assert.Equal(Occupancy.Vacant, result.Posts[0].Occupancy);
        Assert.Equal(49490.1816m, result.Posts[0].VacancyCost);
        Assert.Equal(0m, result.Posts[0].InPostCost);
        Assert.Equal(24538.2512m, result.Posts[1].VacancyCost);
        Assert.Equal(36807.3768m, result.Posts[1].InPostCost);   // 0.6 × 61,345.628
        Assert.Equal(0m, result.Posts[2].FundedCost + result.Posts[2].VacancyCost);
        Assert.Equal(49490.1816m + 61345.628m, result.FundedCost);
        Assert.Equal(49490.1816m + 24538.2512m, result.VacancyCost);
    }

    [Fact]
    public void The_holders_recorded_point_is_used_and_the_vacant_part_stays_at_the_default()
    {
        // Band 5 at top (37,796): on-costs 37,796 × 0.2988 − 750 = 10,543.4448; cost 48,339.4448 a WTE.
        var post = new PostCostInput(Guid.NewGuid(), PayBand.Band5, PostStatus.Funded, 1.0m, 0.5m, [new HolderPay(0.5m, PayPoint.Top)]);
        var cost = Cost(DefaultPayPoint.Entry, post).Posts.Single();
        Assert.True(cost.AtHolderPoint);
        Assert.Equal(24169.7224m, cost.InPostCost);
        Assert.Equal(19788.2206m, cost.VacancyCost);   // 0.5 × 39,576.4412 at entry
    }

    [Fact]
    public void A_cost_names_the_scale_and_the_on_costs_it_used()
    {
        var result = EstablishmentCost.Of([new PostCostInput(Guid.NewGuid(), PayBand.Band7, PostStatus.Funded, 1m, 1m)], new DateOnly(2026, 12, 2));
        Assert.Equal(["PAY-AFC-01", "PAY-PENSION-01", "PAY-NI-01", "PAY-NI-THRESHOLD-01", "PAY-LEVY-01"], result.Rules);
        Assert.StartsWith("NHS Employers: Agenda for Change pay scales 2025/26 (the latest Cadre holds; 2026/27 not yet loaded)", result.Basis);
        // Mid for band 7 is its intermediate point, 50,273.
        Assert.Equal(50273m, result.Posts.Single().PayPerWte);
    }
}
