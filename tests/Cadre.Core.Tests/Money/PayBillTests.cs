using Cadre.Core.Money;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Money;

/// <summary>A plan's pay bill over three years with a pay award, worked by hand (2025/26 scale and on-costs).</summary>
public class PayBillTests
{
    [Fact]
    public void A_band_6_segment_over_three_years_with_a_pay_award_range()
    {
        var year = new FinancialYear(2025);
        var award = PayAward.Default with { Low = 0.02m, Central = 0.036m, High = 0.055m };
        // 10 WTE of band 6 each year (9 at p10, 11 at p90), at mid-band: the intermediate point 40,823.
        var lines = Enumerable.Range(1, 3).Select(y => new PayBillLine(y, PayBand.Band6, 9, 10, 11));
        var bill = PayBill.Project(lines, 1, PayScales.For(year), OnCosts.For(year), award);

        // Year 1, no award yet: 40,823 + on-costs (40,823 × 0.2988 − 750 = 11,447.9124) = 52,270.9124 a WTE.
        Assert.Equal((470438.2116m, 522709.1240m, 574980.0364m), (bill[0].P10, bill[0].P50, bill[0].P90));
        // Year 2 at the central 3.6%: pay 42,292.628; on-costs 42,292.628 × 0.2988 − 750 = 11,887.0372464;
        // a WTE 54,179.6652464; 10 WTE 541,796.652464.
        Assert.Equal(541796.652464m, bill[1].P50);
        // Year 3 at 3.6% twice: pay 43,815.162608; a WTE 56,157.13319527; 10 WTE 561,571.331952704.
        Assert.Equal(561571.331952704m, bill[2].P50);
        Assert.True(bill[2].P10 < bill[2].P50 && bill[2].P50 < bill[2].P90);
    }

    [Fact]
    public void The_pay_award_is_a_cited_assumption_with_a_range()
    {
        var award = PayAward.Default;
        Assert.Equal("PAY-AWARD-01", award.Id);
        Assert.True(award.Low < award.Central && award.Central < award.High);
        Assert.Contains("NHS Employers: Agenda for Change pay scales", award.Source);
    }
}
