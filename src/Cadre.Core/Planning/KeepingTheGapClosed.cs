using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>
/// What "keeps the gap closed" means for the confident intake: a segment's gap may be at most <c>ToleranceWte</c> in
/// every year from the target year to the end, in at least <c>ShareOfRuns</c> of the Monte Carlo runs. Set by the
/// scenario (<c>commissioning</c> in the JSON); the defaults are no shortfall in nine runs of ten.
/// </summary>
public sealed record CommissioningRule(double ToleranceWte, double ShareOfRuns)
{
    public static CommissioningRule Default { get; } = new(0, 0.9);
}

/// <summary>Extra trainees starting in <c>IntakeYear</c> (joining in <c>JoiningYear</c>): the exact figure and whole trainees.</summary>
public sealed record ProfileYear(int IntakeYear, int JoiningYear, double Trainees, double WholeTrainees);

/// <summary>
/// The extra trainees a year that keep supply at demand after the target year: the mean of the year-by-year profile
/// over the intakes whose trainees join after the target year. The median of the runs with their spread, or with no
/// runs the central projection's figure. At steady demand with leaver rate p and nothing else moving, it is
/// p × demand ÷ ((1 − withdrawal) × employed share × joiner WTE).
/// </summary>
public sealed record SustainingIntake(int FirstIntakeYear, int LastIntakeYear, double PerYear, Spread PerYearSpread)
{
    public int WholePerYear => Whole(PerYear);
    internal static int Whole(double v) => double.IsFinite(v) ? (int)Math.Ceiling(v - 1e-9) : int.MaxValue;
}

/// <summary>
/// The smallest level intake a year, every year from <c>FirstIntakeYear</c> to <c>LastIntakeYear</c>, that keeps the
/// gap at or below <c>ToleranceWte</c> in every year from <c>FromYear</c> (the target year) to <c>ToYear</c> in at least
/// <c>ShareOfRuns</c> of the runs (with no runs: in the central projection).
/// </summary>
public sealed record ConfidentIntake(double ToleranceWte, double ShareOfRuns, int FirstIntakeYear, int LastIntakeYear, int FromYear, int ToYear, double PerYear)
{
    public int WholePerYear => SustainingIntake.Whole(PerYear);
}

/// <summary>
/// Commissioning that keeps a segment's gap closed (issue 8, defect 5), beside the extra a year over the window that
/// closes it in the target year only: a year-by-year profile over the whole horizon (central projection), the
/// sustaining intake after the target year and the confident level intake. Rules in docs/decisions/planning-model.md point 5.
/// </summary>
public sealed record KeepingTheGapClosed(IReadOnlyList<ProfileYear> Profile, SustainingIntake? Sustaining, ConfidentIntake Confident)
{
    /// <summary>Supply by year from the start year with the profile's extra trainees (central projection): the chart's "with commissions" line.</summary>
    public IReadOnlyList<double> SupplyWithCommissions { get; init; } = [];
}

/// <summary>
/// The arithmetic of <see cref="KeepingTheGapClosed"/>. Supply is linear in intake and commissioned trainees have no
/// year of birth (none retire within the horizon), so an extra trainee starting in year y adds
/// (1 − withdrawal) × employed share × joiner WTE in y + duration and that times (1 − leavers − moves out) each year
/// after. Each year's need then follows from the projection without the extras, in one pass over the years.
/// </summary>
public static class GapKeeping
{
    /// <summary>WTE one extra trainee adds in the year they join.</summary>
    public static double JoinFactor(Rates rates, TrainingProgramme p) => (1 - rates.Withdrawal(p)) * rates.EmployedShare * rates.JoinerWte;

    /// <summary>
    /// The year-by-year profile: from the first year a trainee commissioned after the start year can join, each year's
    /// extra intake is what makes that year's gap zero given the extras already joined (none when supply meets demand).
    /// <paramref name="demand"/> and <paramref name="supply"/> are indexed by year − start year, without extras.
    /// With <paramref name="whole"/>, each year's intake is rounded up and the surplus carried into later years.
    /// </summary>
    public static double[] Profile(Scenario scenario, Segment segment, Rates rates, ReadOnlySpan<double> demand, ReadOnlySpan<double> supply, bool whole)
    {
        var result = new double[Math.Max(0, scenario.EndYear - rates.Duration(segment.CommissionProgramme) - scenario.StartYear)];
        Profile(scenario, segment, rates, demand, supply, whole, result);
        return result;
    }

    /// <summary><see cref="Profile(Scenario, Segment, Rates, ReadOnlySpan{double}, ReadOnlySpan{double}, bool)"/> into a buffer (a Monte Carlo run allocates nothing).</summary>
    public static void Profile(Scenario scenario, Segment segment, Rates rates, ReadOnlySpan<double> demand, ReadOnlySpan<double> supply, bool whole, Span<double> result)
    {
        var d = rates.Duration(segment.CommissionProgramme);
        var f = JoinFactor(rates, segment.CommissionProgramme);
        var firstIntake = scenario.StartYear + 1;
        double added = 0;
        for (var j = firstIntake + d; j <= scenario.EndYear; j++)
        {
            added *= rates.Staying;
            var k = j - scenario.StartYear;
            var gap = demand[k] - supply[k] - added;
            var x = gap <= 1e-12 ? 0 : f <= 0 ? double.PositiveInfinity : gap / f;
            if (whole && double.IsFinite(x)) x = Math.Ceiling(x - 1e-9);
            result[j - d - firstIntake] = x;
            if (double.IsFinite(x)) added += x * f;
        }
    }

    /// <summary>The intake years of <see cref="Profile"/> whose trainees join after the target year, or null when the horizon ends in the target year.</summary>
    public static (int First, int Last)? SustainingYears(Scenario scenario, Segment segment, Rates rates)
    {
        var d = rates.Duration(segment.CommissionProgramme);
        var first = Math.Max(scenario.StartYear + 1, scenario.TargetYear - d + 1);
        var last = scenario.EndYear - d;
        return last < first ? null : (first, last);
    }

    /// <summary>The mean of a profile over <see cref="SustainingYears"/>, or NaN when there are none.</summary>
    public static double Sustaining(Scenario scenario, Segment segment, Rates rates, ReadOnlySpan<double> profile)
    {
        if (SustainingYears(scenario, segment, rates) is not { } years) return double.NaN;
        var offset = scenario.StartYear + 1;
        double sum = 0;
        for (var y = years.First; y <= years.Last; y++) sum += profile[y - offset];
        return sum / (years.Last - years.First + 1);
    }

    /// <summary>
    /// The smallest level intake a year (every year from the first projected year to the last whose trainees join within
    /// the horizon) keeping the gap at or below <paramref name="tolerance"/> in every year from the target year to the
    /// end, for one projection: the largest over those years of (gap − tolerance) ÷ (WTE a trainee a year adds by then).
    /// </summary>
    public static double LevelIntake(Scenario scenario, Segment segment, Rates rates, ReadOnlySpan<double> demand, ReadOnlySpan<double> supply, double tolerance)
    {
        var d = rates.Duration(segment.CommissionProgramme);
        var f = JoinFactor(rates, segment.CommissionProgramme);
        double perTrainee = 0, need = 0;
        for (var j = scenario.StartYear + 1 + d; j <= scenario.EndYear; j++)
        {
            perTrainee = perTrainee * rates.Staying + f;
            if (j < scenario.TargetYear) continue;
            var k = j - scenario.StartYear;
            var excess = demand[k] - supply[k] - tolerance;
            if (excess <= 1e-12) continue;
            need = Math.Max(need, perTrainee <= 0 ? double.PositiveInfinity : excess / perTrainee);
        }
        return need;
    }

    /// <summary>The smallest value that at least <paramref name="share"/> of the runs' needs do not exceed (reorders <paramref name="needs"/>).</summary>
    public static double Enough(double[] needs, double share)
    {
        Array.Sort(needs);
        var count = (int)Math.Ceiling(share * needs.Length - 1e-9);
        return needs[Math.Clamp(count, 1, needs.Length) - 1];
    }

    /// <summary>The central projection's figures for one segment (the headline with no runs).</summary>
    public static KeepingTheGapClosed Central(Scenario scenario, Segment segment, Rates rates, IReadOnlyList<ProjectedYear> projected)
    {
        var demand = projected.Select(y => y.Demand).ToArray();
        var supply = projected.Select(y => y.Supply).ToArray();
        var exact = Profile(scenario, segment, rates, demand, supply, whole: false);
        var whole = Profile(scenario, segment, rates, demand, supply, whole: true);
        var d = rates.Duration(segment.CommissionProgramme);
        var profile = exact.Select((x, i) => new ProfileYear(scenario.StartYear + 1 + i, scenario.StartYear + 1 + i + d, x, whole[i])).ToList();
        var f = JoinFactor(rates, segment.CommissionProgramme);
        var with = new double[supply.Length];
        double added = 0;
        for (var k = 0; k < supply.Length; k++)
        {
            added *= k == 0 ? 0 : rates.Staying;
            var intake = k - d - 1; // the profile's index of trainees joining in this year
            if (intake >= 0 && intake < exact.Length && double.IsFinite(exact[intake])) added += exact[intake] * f;
            with[k] = supply[k] + added;
        }
        var years = SustainingYears(scenario, segment, rates);
        var sustaining = years is { } y ? Sustaining(scenario, segment, rates, exact) : double.NaN;
        var rule = scenario.Commissioning;
        var level = LevelIntake(scenario, segment, rates, demand, supply, rule.ToleranceWte);
        return new KeepingTheGapClosed(profile,
            years is { } s ? new SustainingIntake(s.First, s.Last, sustaining, new Spread(sustaining, sustaining, sustaining)) : null,
            new ConfidentIntake(rule.ToleranceWte, rule.ShareOfRuns, scenario.StartYear + 1, scenario.EndYear - d, scenario.TargetYear, scenario.EndYear, level))
            { SupplyWithCommissions = with };
    }
}
