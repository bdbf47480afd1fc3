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

    private static double At(double[] sorted, double p)
    {
        if (sorted.Length == 1) return sorted[0];
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        if (lo + 1 >= sorted.Length || sorted[lo + 1] == sorted[lo]) return sorted[lo]; // equal neighbours (even infinite ones) need no interpolation
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}

/// <summary>One row of the plan: the central projection, the supply spread, and the commissions due that year.</summary>
public sealed record PlanYear(int Year, double Demand, double Supply, Spread SupplySpread, double Leavers, double Retirements, double TraineesCompleting, double? CommissionsNeeded)
{
    /// <summary>Demand less the central supply: positive is a shortfall.</summary>
    public double Gap => Demand - Supply;
}

/// <summary>
/// The additional trainees to commission on <c>Programme</c> in each year from <c>FirstIntakeYear</c> to
/// <c>LastIntakeYear</c> so that supply meets demand in <c>TargetYear</c>: exact (fractional) for the central
/// projection, and the spread over the Monte Carlo runs (P90 closes the gap in nine runs of ten).
/// </summary>
public sealed record CommissionNeed(string Programme, int FirstIntakeYear, int LastIntakeYear, int TargetYear, double PerYear, Spread PerYearSpread, double GapAtTarget)
{
    /// <summary>Whole trainees a year to commission for the central case (rounded up: a part of a trainee closes nothing).</summary>
    public int WholePerYear => (int)Math.Ceiling(PerYear - 1e-9);
    public int Years => LastIntakeYear - FirstIntakeYear + 1;
}

public sealed record SegmentPlan(Segment Segment, IReadOnlyList<PlanYear> Years, CommissionNeed Commissions, IReadOnlyList<PlanningAssumption> Assumptions);

/// <summary>The whole plan: each segment and the staff group's total (whose spread is of the summed runs).</summary>
public sealed record PlanResult(Scenario Scenario, int Runs, int Seed, IReadOnlyList<SegmentPlan> Segments, IReadOnlyList<PlanYear> Total);
