using System.Globalization;

namespace Cadre.Core.Money;

/// <summary>
/// The high cost area zone an organisation's staff are paid in (NHS Terms and Conditions of Service Handbook, section 4
/// and Annex 8). Zones follow where staff are based, drawn on the old primary care trust boundaries around London.
/// </summary>
public enum HighCostArea
{
    None,
    Fringe,
    OuterLondon,
    InnerLondon,
}

/// <summary>One zone's supplement in one financial year: a share of basic pay, no less than a minimum, no more than a maximum.</summary>
public sealed record HighCostAreaSupplement(FinancialYear Year, HighCostArea Area, decimal Rate, decimal MinimumGbp, decimal MaximumGbp, string Source, string Caveat)
{
    /// <summary>The supplement on one whole-time equivalent's basic pay (part-time staff are paid it pro rata, as WTE does).</summary>
    public decimal On(decimal annualBasicPay) => Math.Clamp(annualBasicPay * Rate, MinimumGbp, MaximumGbp);
}

/// <summary>
/// High cost area supplements (PAY-HCAS-01) from reference/pay/high-cost-area-supplements.tsv. The supplement is
/// pensionable and paid with basic pay, so Cadre adds it to pay before on-costs (docs/decisions/money.md).
/// </summary>
public static class HighCostAreaSupplements
{
    public const string Id = "PAY-HCAS-01";

    public static string Words(HighCostArea area) => area switch
    {
        HighCostArea.None => "No high cost area supplement",
        HighCostArea.Fringe => "Fringe zone",
        HighCostArea.OuterLondon => "Outer London",
        HighCostArea.InnerLondon => "Inner London",
        _ => throw new System.Diagnostics.UnreachableException($"No words for high cost area {area}"),
    };

    private static readonly Lazy<IReadOnlyList<HighCostAreaSupplement>> Loaded = new(() => Parse(ReferenceFiles.ReadAllText("pay/high-cost-area-supplements.tsv")));

    public static IReadOnlyList<HighCostAreaSupplement> All => Loaded.Value;

    /// <summary>The zone's supplement for a year, or the nearest year Cadre holds (as for pay scales); none outside the zones.</summary>
    public static HighCostAreaSupplement? For(FinancialYear year, HighCostArea area)
    {
        if (area == HighCostArea.None) return null;
        var years = All.Select(s => s.Year).Distinct().Order().ToList();
        var held = years.LastOrDefault(y => y.CompareTo(year) <= 0, years[0]);
        return All.Single(s => s.Year == held && s.Area == area);
    }

    public static IReadOnlyList<HighCostAreaSupplement> Parse(string tsv) =>
        tsv.Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select((c, i) =>
        {
            if (c.Length != 8 || c[0] != Id) throw new FormatException($"high cost area supplements row {i + 2}: expected 8 columns starting {Id}.");
            var area = c[2] switch
            {
                "fringe" => HighCostArea.Fringe,
                "outer London" => HighCostArea.OuterLondon,
                "inner London" => HighCostArea.InnerLondon,
                _ => throw new FormatException($"high cost area supplements row {i + 2}: '{c[2]}' is not a zone (inner London, outer London, fringe)."),
            };
            decimal Number(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);
            return new HighCostAreaSupplement(FinancialYear.Parse(c[1]), area, Number(c[3]), Number(c[4]), Number(c[5]), c[6], c[7]);
        }).ToList();
}
