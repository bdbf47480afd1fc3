using System.Globalization;
using Cadre.Core.Planning;
using Cadre.Data.Register.Export;

namespace Cadre.Web.Features.Planning;

/// <summary>
/// The planner's workbook (the scenario page's Excel download): assumptions with value, low, high and source; the
/// projection by segment and total with p10/p50/p90; commissions, including those that keep the gap closed; and the
/// tornado. Written by <see cref="WorkbookWriter"/> (styled headers, widths, frozen header rows, number formats, and
/// the formula-safe rule every writer shares). The figures are the page's (one <see cref="PlanResult"/>).
/// </summary>
public static class PlanWorkbook
{
    public static IReadOnlyList<WorkbookSheet> Sheets(PlanResult r) =>
    [
        new("Scenario", [new("What", 24), new("Value", 100)],
        [
            ["Scenario", r.Scenario.Name], ["Staff group", r.Scenario.StaffGroup], ["Years", $"{r.Scenario.StartYear} to {r.Scenario.EndYear}"],
            ["Gap to close by", r.Scenario.TargetYear], ["Supply, gap and commissions are", r.Headline],
            ["Figures", "WTE unless named otherwise; gap = demand less supply (positive is a shortfall); rates as shares (0.08 is 8%)"],
        ]),
        new("Assumptions",
        [
            new("Id", 20), new("Assumption", 44), new("For", 28), new("Value", 10, ColumnFormat.TwoDecimals), new("Low", 10, ColumnFormat.TwoDecimals),
            new("High", 10, ColumnFormat.TwoDecimals), new("Unit", 26), new("Status", 18), new("Source", 90),
        ], Assumptions(r)),
        new("Projection",
        [
            new("Segment", 34), new("Year", 8, ColumnFormat.Whole), new("Demand (WTE)", 12, ColumnFormat.OneDecimal), new("Supply, median (WTE)", 14, ColumnFormat.OneDecimal),
            new("Supply p10", 11, ColumnFormat.OneDecimal), new("Supply p50", 11, ColumnFormat.OneDecimal), new("Supply p90", 11, ColumnFormat.OneDecimal),
            new("Supply, central projection", 14, ColumnFormat.OneDecimal), new("Gap (WTE)", 11, ColumnFormat.OneDecimal), new("Leavers", 10, ColumnFormat.OneDecimal),
            new("Retirements", 12, ColumnFormat.OneDecimal), new("Trainees qualifying", 12, ColumnFormat.OneDecimal),
        ], r.Segments.SelectMany(s => s.Years.Select(y => YearRow(s.Segment.Name, y))).Concat(r.Total.Select(y => YearRow("Total", y)))),
        new("Commissions",
        [
            new("Segment", 34), new("Programme", 10), new("What", 46), new("First intake year", 10, ColumnFormat.Whole), new("Last intake year", 10, ColumnFormat.Whole),
            new("Trainees a year (exact)", 14, ColumnFormat.TwoDecimals), new("Whole trainees a year", 12, ColumnFormat.Whole),
            new("p10", 10, ColumnFormat.TwoDecimals), new("p90", 10, ColumnFormat.TwoDecimals),
        ], Commissions(r)),
        new("Sensitivity",
        [
            new("Id", 20), new("Assumption", 44), new("For", 28), new("Low", 10, ColumnFormat.TwoDecimals), new("High", 10, ColumnFormat.TwoDecimals),
            new($"Gap in {r.Scenario.TargetYear} at low (WTE)", 14, ColumnFormat.OneDecimal), new($"Gap in {r.Scenario.TargetYear} at high (WTE)", 14, ColumnFormat.OneDecimal),
            new("Extra trainees a year at low", 14, ColumnFormat.TwoDecimals), new("Extra trainees a year at high", 14, ColumnFormat.TwoDecimals), new("Swing (WTE)", 11, ColumnFormat.OneDecimal),
        ], (r.Sensitivity ?? []).Select(x => (IReadOnlyList<object?>)[x.Id.Value, x.Name, x.Scope == "scenario" ? "All segments" : x.Scope, x.Low, x.High,
            x.GapAtLow, x.GapAtHigh, Finite(x.CommissionsAtLow), Finite(x.CommissionsAtHigh), x.Swing])),
    ];

    private static object? Finite(double v) => double.IsFinite(v) ? v : null;

    private static IReadOnlyList<object?> YearRow(string segment, PlanYear y) =>
        [segment, y.Year, y.Demand, y.Supply, y.SupplySpread.P10, y.SupplySpread.P50, y.SupplySpread.P90, y.CentralSupply, y.Gap, y.Leavers, y.Retirements, y.TraineesCompleting];

    private static IEnumerable<IReadOnlyList<object?>> Assumptions(PlanResult r)
    {
        IReadOnlyList<object?> Row(PlanningAssumption a, string scope) => [a.Id.Value, a.Name, scope, a.Value, a.Low, a.High, a.Unit, a.LocalInputNeeded ? "local input needed" : a.Status, a.Source];
        foreach (var id in PlanningAssumptions.Defaults.Keys)
            yield return Row(r.Scenario.Assumptions.TryGetValue(id, out var set) ? set : PlanningAssumptions.Defaults[id], "All segments");
        foreach (var s in r.Scenario.Segments)
        {
            foreach (var a in s.Assumptions.Values) yield return Row(a, s.Name);
            foreach (var t in s.Transitions) yield return Row(t.Share, s.Name);
        }
    }

    private static IEnumerable<IReadOnlyList<object?>> Commissions(PlanResult r)
    {
        foreach (var s in r.Segments)
        {
            var c = s.Commissions;
            var p = c.Programme.Code();
            yield return [s.Segment.Name, p, $"Extra a year that closes the gap in {c.TargetYear}", c.FirstIntakeYear, c.LastIntakeYear, Finite(c.PerYear),
                double.IsFinite(c.PerYear) ? c.WholePerYear : null, Finite(c.PerYearSpread.P10), Finite(c.PerYearSpread.P90)];
            if (s.Keeping is not { } k) continue;
            if (k.Sustaining is { } st)
                yield return [s.Segment.Name, p, $"Sustaining: keeps supply at demand after {c.TargetYear}", st.FirstIntakeYear, st.LastIntakeYear, Finite(st.PerYear),
                    double.IsFinite(st.PerYear) ? st.WholePerYear : null, Finite(st.PerYearSpread.P10), Finite(st.PerYearSpread.P90)];
            var f = k.Confident;
            yield return [s.Segment.Name, p, $"Confident: gap at most {f.ToleranceWte.ToString("0.##", CultureInfo.InvariantCulture)} WTE {f.FromYear}-{f.ToYear} in {f.ShareOfRuns.ToString("0%", CultureInfo.InvariantCulture)} of runs", f.FirstIntakeYear, f.LastIntakeYear,
                Finite(f.PerYear), double.IsFinite(f.PerYear) ? f.WholePerYear : null, null, null];
            foreach (var y in k.Profile)
                yield return [s.Segment.Name, p, $"Year by year: trainees starting in {y.IntakeYear}, joining in {y.JoiningYear}", y.IntakeYear, y.IntakeYear, Finite(y.Trainees), Finite(y.WholeTrainees), null, null];
        }
    }
}
