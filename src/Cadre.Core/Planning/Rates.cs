using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>
/// The numbers one segment's projection runs on in one run: the central values, or one Monte Carlo draw of them
/// (<see cref="AssumptionSet.Draw"/>). <c>Moves</c> are the yearly shares leaving for other segments, one per
/// <see cref="Segment.Transitions"/> entry, in order.
/// </summary>
public sealed class Rates
{
    private readonly int[] durations, partTimeDurations;
    private readonly double[] withdrawals;

    private Rates(double leaverRate, int retirementAge, double employedShare, double joinerWte, double otherJoinersWte, double demandGrowth,
        int[] durations, int[] partTimeDurations, double[] withdrawals, double[] moves)
    {
        LeaverRate = leaverRate; RetirementAge = retirementAge; EmployedShare = employedShare; JoinerWte = joinerWte;
        OtherJoinersWte = otherJoinersWte; DemandGrowth = demandGrowth; this.durations = durations; this.partTimeDurations = partTimeDurations;
        this.withdrawals = withdrawals; Moves = moves;
    }

    public double LeaverRate { get; }
    public int RetirementAge { get; }
    public double EmployedShare { get; }
    public double JoinerWte { get; }
    public double OtherJoinersWte { get; }
    public double DemandGrowth { get; }
    public IReadOnlyList<double> Moves { get; }

    /// <summary>Retirement and leaver rates by age, when the scenario sets them (<see cref="ExitsByAge"/>); null for the single age and rate.</summary>
    public ExitsByAge? ByAge { get; internal set; }

    /// <summary>
    /// This run's leaver rate over the scenario's central one: the age bands give the pattern by age and are scaled by
    /// it, so a drawn leaver rate (or a segment's own) moves every band in proportion (docs/decisions/planning-model.md).
    /// </summary>
    public double LeaverScale { get; internal set; } = 1;

    /// <summary>Whole years from intake to joining the staff group (<c>PLAN-DUR-…</c>).</summary>
    public int Duration(TrainingProgramme p) => durations[(int)p];

    /// <summary>Whole years from intake to joining for a part-time trainee with no expected end date (<c>PLAN-DUR-PT-…</c>).</summary>
    public int PartTimeDuration(TrainingProgramme p) => partTimeDurations[(int)p];

    /// <summary>The programme's length in the given study mode.</summary>
    public int Duration(TrainingProgramme p, StudyMode mode) => mode switch
    {
        StudyMode.FullTime => Duration(p),
        StudyMode.PartTime => PartTimeDuration(p),
        _ => throw new System.Diagnostics.UnreachableException($"No duration for study mode {mode}"),
    };

    /// <summary>The share of an intake that does not complete (<c>PLAN-WDR-…</c>).</summary>
    public double Withdrawal(TrainingProgramme p) => withdrawals[(int)p];

    /// <summary>The share of the stock that survives a year without retiring: what leavers and moves to other segments leave behind.</summary>
    public double Staying => 1 - LeaverRate - Moves.Sum();

    /// <summary>The central values of a segment's assumptions (defaults, then the scenario's, then its own).</summary>
    public static Rates Central(IReadOnlyDictionary<AssumptionId, PlanningAssumption> a, IReadOnlyList<double>? moves = null) =>
        From(Layout.Ids.Select(id => a[id].Value).ToArray(), moves?.ToArray() ?? []);

    /// <summary>Rates from values in catalogue order (<see cref="Layout.Ids"/>); called once per segment per run, so no lookups by name.</summary>
    internal static Rates From(double[] v, double[] moves)
    {
        var durations = new int[Layout.ProgrammeSlots];
        var partTime = new int[Layout.ProgrammeSlots];
        var withdrawals = new double[Layout.ProgrammeSlots];
        foreach (var (p, d, pt, w) in Layout.Programmes)
        {
            durations[p] = (int)Math.Round(v[d]);
            partTime[p] = (int)Math.Round(v[pt]);
            withdrawals[p] = v[w];
        }
        return new Rates(v[Layout.Leavers], (int)Math.Round(v[Layout.Retire], MidpointRounding.AwayFromZero), v[Layout.Employ], v[Layout.JoinerWte],
            v[Layout.OtherJoiners], v[Layout.Demand], durations, partTime, withdrawals, moves);
    }

    /// <summary>Where each assumption sits in a values array: the catalogue's order, fixed when it is read.</summary>
    internal static class Layout
    {
        public static readonly AssumptionId[] Ids = PlanningAssumptions.Defaults.Keys.ToArray();
        private static int At(AssumptionId id) => Array.IndexOf(Ids, id) is var i and >= 0 ? i : throw new InvalidOperationException($"{id} is missing from the planning assumptions.");
        public static readonly int Leavers = At(PlanningAssumptions.LeaverRate), Retire = At(PlanningAssumptions.RetirementAge),
            Employ = At(PlanningAssumptions.EmployedShare), JoinerWte = At(PlanningAssumptions.JoinerWte),
            OtherJoiners = At(PlanningAssumptions.OtherJoiners), Demand = At(PlanningAssumptions.DemandGrowth);
        public static readonly int ProgrammeSlots = Enum.GetValues<TrainingProgramme>().Length;
        public static readonly (int Programme, int Duration, int PartTimeDuration, int Withdrawal)[] Programmes =
            PlanningAssumptions.Programmes.Select(p => ((int)p, At(PlanningAssumptions.Duration(p)), At(PlanningAssumptions.PartTimeDuration(p)), At(PlanningAssumptions.Withdrawal(p)))).ToArray();
    }

    /// <summary>Inverse of the triangular distribution's CDF at <paramref name="u"/>.</summary>
    public static double Triangular(double u, double low, double mode, double high)
    {
        if (high <= low) return mode;
        var split = (mode - low) / (high - low);
        return u < split
            ? low + Math.Sqrt(u * (high - low) * (mode - low))
            : high - Math.Sqrt((1 - u) * (high - low) * (high - mode));
    }
}
