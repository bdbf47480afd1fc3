using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>The 10th, 50th and 90th percentiles of a quantity over the Monte Carlo runs.</summary>
public sealed record Spread(double P10, double P50, double P90)
{
    /// <summary>Percentile by linear interpolation between order statistics (the common "type 7" definition).</summary>
    public static Spread Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return new Spread(At(sorted, 0.1), At(sorted, 0.5), At(sorted, 0.9));
    }

    /// <summary>
    /// The same percentiles without sorting: three linear-time selections in <paramref name="scratch"/> (reordered in
    /// place). A national run takes percentiles of 13,000 cells of 10,000 runs each; sorting each would dominate.
    /// </summary>
    public static Spread OfUnsorted(Span<double> scratch) =>
        new(Select(scratch, 0.1), Select(scratch, 0.5), Select(scratch, 0.9));

    private static double Select(Span<double> v, double p)
    {
        if (v.Length == 1) return v[0];
        var h = (v.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var a = NthElement(v, lo);
        if (lo + 1 >= v.Length) return a;
        var b = double.PositiveInfinity;
        foreach (var x in v[(lo + 1)..]) if (x < b) b = x; // after selection everything right of lo is ≥ a; its least is order statistic lo + 1
        if (b == a) return a;
        return a + (h - lo) * (b - a);
    }

    /// <summary>Hoare's selection: leaves the k-th smallest at index k, smaller ones left of it and larger ones right.</summary>
    private static double NthElement(Span<double> v, int k)
    {
        int left = 0, right = v.Length - 1;
        while (right > left)
        {
            var pivot = Median(v[left], v[(left + right) >>> 1], v[right]);
            int i = left, j = right;
            while (i <= j)
            {
                while (v[i] < pivot) i++;
                while (v[j] > pivot) j--;
                if (i <= j) { (v[i], v[j]) = (v[j], v[i]); i++; j--; }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else break;
        }
        return v[k];
    }

    private static double Median(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    private static double At(double[] sorted, double p)
    {
        if (sorted.Length == 1) return sorted[0];
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        if (lo + 1 >= sorted.Length || sorted[lo + 1] == sorted[lo]) return sorted[lo]; // equal neighbours (even infinite ones) need no interpolation
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}

/// <summary>
/// One row of the plan. <c>Supply</c> is the headline: the median of the Monte Carlo runs (so it always lies in its
/// p10-p90 band), or with no runs the deterministic projection at the central values; <c>CentralSupply</c> is that
/// deterministic projection either way. Leavers, retirements and qualifying trainees are the deterministic run's flows.
/// </summary>
public sealed record PlanYear(int Year, double Demand, double Supply, Spread SupplySpread, double Leavers, double Retirements, double TraineesCompleting, double? CommissionsNeeded)
{
    /// <summary>Demand less the central supply: positive is a shortfall.</summary>
    public double Gap => Demand - Supply;

    /// <summary>The deterministic projection at the central values (equal to <c>Supply</c> with no runs).</summary>
    public double CentralSupply { get; init; }

    /// <summary>WTE moved in from other segments and out to them this year (central projection; zero for the total).</summary>
    public double MovedIn { get; init; }
    public double MovedOut { get; init; }
}

/// <summary>
/// The additional trainees to commission on <c>Programme</c> in each year from <c>FirstIntakeYear</c> to
/// <c>LastIntakeYear</c> so that supply meets demand in <c>TargetYear</c>: the median over the Monte Carlo runs with
/// its spread (P90 closes the gap in nine runs of ten), or with no runs the exact (fractional) figure of the
/// deterministic projection. <c>GapAtTarget</c> is demand less the headline supply in the target year.
/// </summary>
public sealed record CommissionNeed(TrainingProgramme Programme, int FirstIntakeYear, int LastIntakeYear, int TargetYear, double PerYear, Spread PerYearSpread, double GapAtTarget)
{
    /// <summary>Whole trainees a year to commission for the central case (rounded up: a part of a trainee closes nothing).</summary>
    public int WholePerYear => (int)Math.Ceiling(PerYear - 1e-9);
    public int Years => LastIntakeYear - FirstIntakeYear + 1;
}

public sealed record SegmentPlan(Segment Segment, IReadOnlyList<PlanYear> Years, CommissionNeed Commissions, IReadOnlyList<PlanningAssumption> Assumptions)
{
    /// <summary>The commissions of the deterministic projection at the central values (equal to <c>Commissions</c> with no runs).</summary>
    public CommissionNeed? CentralCommissions { get; init; }

    /// <summary>Commissioning that keeps the gap closed after the target year (profile, sustaining and confident intake).</summary>
    public KeepingTheGapClosed? Keeping { get; init; }
}

/// <summary>The whole plan: each segment and the staff group's total (whose spread is of the summed runs).</summary>
public sealed record PlanResult(Scenario Scenario, int Runs, int Seed, IReadOnlyList<SegmentPlan> Segments, IReadOnlyList<PlanYear> Total)
{
    /// <summary>The tornado (<see cref="Planning.Sensitivity.For"/>) when it was asked for: the pages keep it with the stored projection.</summary>
    public IReadOnlyList<SensitivityRow>? Sensitivity { get; init; }

    /// <summary>The staff group's target-year gap in the projection at the central value of every assumption: the tornado's centre line.</summary>
    public double CentralGapAtTarget => Total[Scenario.TargetYear - Scenario.StartYear] is var y ? y.Demand - y.CentralSupply : 0;

    /// <summary>What the headline supply, gap and commissions are, in words a planner reads beside them.</summary>
    public string Headline => Runs == 0
        ? "the projection at the central value of every assumption (no Monte Carlo runs)"
        : $"the median of {Runs} Monte Carlo runs (seed {Seed}); p10 and p90 are the 10th and 90th percentiles";
}
