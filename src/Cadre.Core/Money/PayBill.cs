using System.Globalization;
using Cadre.Core.Register;

namespace Cadre.Core.Money;

/// <summary>The pay award assumption (PAY-AWARD-01): a central value and the range a plan's pay bill is given over.</summary>
public sealed record PayAward(string Id, decimal Central, decimal Low, decimal High, string Status, string Source, string Caveat)
{
    public static PayAward Default => Loaded.Value;

    private static readonly Lazy<PayAward> Loaded = new(() =>
    {
        var c = ReferenceFiles.ReadAllText("pay/pay-award.tsv").Split('\n')[1].TrimEnd('\r').Split('\t');
        decimal D(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);
        return new PayAward(c[0], D(c[3]), D(c[4]), D(c[5]), c[6], c[7], c[8]);
    });
}

/// <summary>One band's supply in one plan year: WTE at the plan's p10, p50 and p90.</summary>
public sealed record PayBillLine(int Year, PayBand Band, double WteP10, double WteP50, double WteP90);

/// <summary>A plan year's pay bill (pay and on-costs, £) at p10, p50 and p90.</summary>
public sealed record PayBillYear(int Year, decimal P10, decimal P50, decimal P90);

/// <summary>
/// A plan's pay bill year by year: supply WTE by band × the band's pay point × on-costs, with basic pay raised by the
/// pay award each year after the first. The p10 pairs the low supply with the low award and the p90 the high with the
/// high (docs/decisions/money.md): both push the bill the same way, so the range is the widest the two allow.
/// </summary>
public static class PayBill
{
    public static IReadOnlyList<PayBillYear> Project(IEnumerable<PayBillLine> lines, int firstYear, PayScale scale, OnCosts onCosts, PayAward award,
        DefaultPayPoint point = DefaultPayPoint.Mid) =>
        lines.GroupBy(l => l.Year).OrderBy(g => g.Key).Select(g =>
        {
            var years = g.Key - firstYear;
            decimal Cost(PayBand band, decimal rate)
            {
                var pay = scale.Pay(band, point) * Pow(1 + rate, years);
                return pay + onCosts.On(pay);
            }
            return new PayBillYear(g.Key,
                g.Sum(l => (decimal)l.WteP10 * Cost(l.Band, award.Low)),
                g.Sum(l => (decimal)l.WteP50 * Cost(l.Band, award.Central)),
                g.Sum(l => (decimal)l.WteP90 * Cost(l.Band, award.High)));
        }).ToList();

    private static decimal Pow(decimal x, int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++) r *= x;
        return r;
    }
}
