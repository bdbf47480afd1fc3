using System.Globalization;

namespace Cadre.Core.Money;

/// <summary>A dated, cited pay assumption (<c>PAY-…</c>) from reference/pay/on-costs.tsv.</summary>
public sealed record PayAssumption(string Id, FinancialYear Year, string Name, string Unit, decimal Value, string Source, string Caveat);

/// <summary>
/// An employer's costs on top of basic pay for one financial year: the local share of the NHS Pension Scheme employer
/// contribution (PAY-PENSION-01), employer National Insurance above its secondary threshold (PAY-NI-01,
/// PAY-NI-THRESHOLD-01) and the Apprenticeship Levy (PAY-LEVY-01). See docs/decisions/money.md for how they are read.
/// </summary>
public sealed record OnCosts(FinancialYear Year, decimal PensionRate, decimal NiRate, decimal NiThreshold, decimal LevyRate)
{
    public const string Pension = "PAY-PENSION-01";
    public const string Ni = "PAY-NI-01";
    public const string NiThresholdId = "PAY-NI-THRESHOLD-01";
    public const string Levy = "PAY-LEVY-01";

    /// <summary>The ids a cost rests on, for the "rules applied" a result carries.</summary>
    public static IReadOnlyList<string> Ids { get; } = [Pension, Ni, NiThresholdId, Levy];

    /// <summary>
    /// On-costs of one whole-time equivalent paid <paramref name="annualPay"/> a year: each WTE is read as one full-time
    /// person, so the National Insurance threshold is taken once per WTE (docs/decisions/money.md).
    /// </summary>
    public decimal On(decimal annualPay) =>
        annualPay * PensionRate + Math.Max(0, annualPay - NiThreshold) * NiRate + annualPay * LevyRate;

    private static readonly Lazy<IReadOnlyList<PayAssumption>> Loaded = new(() => Parse(ReferenceFiles.ReadAllText("pay/on-costs.tsv")));

    public static IReadOnlyList<PayAssumption> Assumptions => Loaded.Value;

    /// <summary>The on-costs for a financial year, or the nearest year Cadre holds (as for pay scales).</summary>
    public static OnCosts For(FinancialYear year)
    {
        var years = Assumptions.Select(a => a.Year).Distinct().Order().ToList();
        var held = years.LastOrDefault(y => y.CompareTo(year) <= 0, years[0]);
        decimal Value(string id) => Assumptions.SingleOrDefault(a => a.Id == id && a.Year == held)?.Value
            ?? throw new FormatException($"reference/pay/on-costs.tsv has no {id} for {held}.");
        return new OnCosts(held, Value(Pension), Value(Ni), Value(NiThresholdId), Value(Levy));
    }

    public static IReadOnlyList<PayAssumption> Parse(string tsv) =>
        tsv.Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c =>
            new PayAssumption(c[0], FinancialYear.Parse(c[1]), c[2], c[3], decimal.Parse(c[4], NumberStyles.Number, CultureInfo.InvariantCulture), c[5], c[6])).ToList();
}
