using System.Globalization;
using Cadre.Core.Register;

namespace Cadre.Core.Money;

/// <summary>An NHS financial year, 1 April to 31 March, written as pay scales write it: "2025/26".</summary>
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    public string Label => $"{StartYear}/{(StartYear + 1) % 100:00}";
    public DateOnly FirstDay => new(StartYear, 4, 1);

    /// <summary>The financial year a day falls in (a pay award takes effect from 1 April).</summary>
    public static FinancialYear Containing(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1);

    public static FinancialYear Parse(string text)
    {
        var parts = text.Trim().Split('/', '-');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) && (start + 1) % 100 == end % 100)
            return new FinancialYear(start);
        throw new FormatException($"'{text}' is not a financial year; expected for example 2025/26.");
    }

    public FinancialYear Next => new(StartYear + 1);
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);
    public override string ToString() => Label;
}

/// <summary>A contractual pay point within a band (NHS Employers, from the 2018 pay deal).</summary>
public enum PayPoint
{
    Entry,
    Intermediate,
    Top,
}

/// <summary>The point a post is costed at when its holder's point is not recorded (docs/decisions/money.md).</summary>
public enum DefaultPayPoint
{
    /// <summary>The band's entry point: what filling a vacancy with a new starter costs.</summary>
    Entry,
    /// <summary>The intermediate point where the band has one, else halfway between entry and top.</summary>
    Mid,
    /// <summary>The top of the band: the most a post can cost.</summary>
    Top,
}

/// <summary>One row of a pay scale: a band's point, its annual basic pay and the years to the next point.</summary>
public sealed record PayScalePoint(PayBand Band, PayPoint Point, decimal AnnualGbp, int? YearsToNext);

/// <summary>
/// One financial year's Agenda for Change pay scale for England (PAY-AFC-01), from reference/pay. Band 1 is closed to
/// new entrants and its remaining staff are paid at band 2, so a band 1 post reads band 2's point (reference/pay README).
/// </summary>
public sealed class PayScale
{
    public FinancialYear Year { get; }
    public IReadOnlyList<PayScalePoint> Points { get; }

    public PayScale(FinancialYear year, IReadOnlyList<PayScalePoint> points)
    {
        Year = year;
        Points = points;
        foreach (var band in PayBand.All.Skip(1))
            if (!points.Any(p => p.Band == band && p.Point == PayPoint.Entry))
                throw new FormatException($"The {year} pay scale has no entry point for band {band.Code}.");
    }

    private static PayBand Paid(PayBand band) => band == PayBand.Band1 ? PayBand.Band2 : band;

    /// <summary>The band's points, entry first.</summary>
    public IReadOnlyList<PayScalePoint> PointsOf(PayBand band) => Points.Where(p => p.Band == Paid(band)).OrderBy(p => p.Point).ToList();

    /// <summary>Annual pay at a recorded point; a point the band does not have (band 2's "top") reads the band's top.</summary>
    public decimal Pay(PayBand band, PayPoint point)
    {
        var points = PointsOf(band);
        return (points.FirstOrDefault(p => p.Point == point) ?? (point == PayPoint.Entry ? points[0] : points[^1])).AnnualGbp;
    }

    /// <summary>Annual pay at the chosen default point (docs/decisions/money.md: "mid" for a two-point band is halfway).</summary>
    public decimal Pay(PayBand band, DefaultPayPoint point)
    {
        var points = PointsOf(band);
        return point switch
        {
            DefaultPayPoint.Entry => points[0].AnnualGbp,
            DefaultPayPoint.Top => points[^1].AnnualGbp,
            DefaultPayPoint.Mid => points.FirstOrDefault(p => p.Point == PayPoint.Intermediate)?.AnnualGbp ?? (points[0].AnnualGbp + points[^1].AnnualGbp) / 2,
            _ => throw new System.Diagnostics.UnreachableException($"No pay for default point {point}"),
        };
    }
}

/// <summary>Every pay scale Cadre holds, one a financial year; adding a year is adding a file to reference/pay.</summary>
public static class PayScales
{
    public const string SourceName = "NHS Employers: Agenda for Change pay scales";

    private static readonly Lazy<IReadOnlyList<PayScale>> Loaded = new(() =>
        ReferenceFiles.List().Where(n => n.StartsWith("pay/afc-pay-scales-", StringComparison.Ordinal) && n.EndsWith("-england.csv", StringComparison.Ordinal))
            .Select(n => Parse(ReferenceFiles.ReadAllText(n), n)).OrderBy(s => s.Year).ToList());

    public static IReadOnlyList<PayScale> All => Loaded.Value;

    /// <summary>
    /// The scale for a financial year; for a year after the latest Cadre holds, the latest (its year is on the result, so
    /// pages say which year's scale they used); for a year before the earliest, the earliest, likewise said.
    /// </summary>
    public static PayScale For(FinancialYear year) => All.LastOrDefault(s => s.Year.CompareTo(year) <= 0) ?? All[0];

    /// <summary>The citation a page prints for a year's scale, e.g. "NHS Employers: Agenda for Change pay scales 2025/26".</summary>
    public static string Citation(FinancialYear year) => $"{SourceName} {year.Label}";

    public static PayScale Parse(string csv, string name)
    {
        var rows = csv.Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        if (rows.Count == 0) throw new FormatException($"{name}: no pay points.");
        var year = FinancialYear.Parse(rows[0][0]);
        var points = rows.Select((r, i) =>
        {
            if (FinancialYear.Parse(r[0]) != year) throw new FormatException($"{name} row {i + 2}: financial year {r[0]}, expected {year}.");
            var point = r[2] switch
            {
                "entry" => PayPoint.Entry, "intermediate" => PayPoint.Intermediate, "top" => PayPoint.Top,
                _ => throw new FormatException($"{name} row {i + 2}: '{r[2]}' is not a pay point (entry, intermediate, top)."),
            };
            return new PayScalePoint(PayBand.Parse(r[1]), point, decimal.Parse(r[3], NumberStyles.None, CultureInfo.InvariantCulture),
                r[4].Length == 0 ? null : int.Parse(r[4], CultureInfo.InvariantCulture));
        }).ToList();
        return new PayScale(year, points);
    }
}

/// <summary>Reading and checking a holder's recorded pay point (an assignment's, from a form or an import).</summary>
public static class PayPoints
{
    public static string Words(PayPoint point) => point switch
    {
        PayPoint.Entry => "Entry",
        PayPoint.Intermediate => "Intermediate",
        PayPoint.Top => "Top",
        _ => throw new System.Diagnostics.UnreachableException($"No words for pay point {point}"),
    };

    /// <summary>"entry", "intermediate" or "top", in any case; false for anything else.</summary>
    public static bool TryParse(string text, out PayPoint point)
    {
        foreach (var p in Enum.GetValues<PayPoint>())
            if (string.Equals(text.Trim(), Words(p), StringComparison.OrdinalIgnoreCase)) { point = p; return true; }
        point = default;
        return false;
    }

    /// <summary>
    /// Why a band cannot be paid at a point (band 2 has one point; bands 3, 4 and 8a to 9 have entry and top; only bands
    /// 5 to 7 have an intermediate point), read from the latest pay scale; null when it can.
    /// </summary>
    public static string? Problem(PayBand band, PayPoint point)
    {
        var points = PayScales.All[^1].PointsOf(band).Select(p => p.Point).ToList();
        return points.Contains(point) ? null
            : $"{band.Label} has no {Words(point).ToLowerInvariant()} pay point; it has {string.Join(" and ", points.Select(p => Words(p).ToLowerInvariant()))}";
    }
}
