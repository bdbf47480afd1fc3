namespace Cadre.Core.Planning;

/// <summary>
/// Exits that depend on age (issue 8, "exits by age"; docs/decisions/planning-model.md point 1a): retirement as a share
/// of the staff still in post who retire in the year they reach each age (<c>PLAN-RETIRE-AGE-01</c>), and leaver rates
/// by age band (<c>PLAN-LEAVERS-AGE-01</c>). Set for the whole scenario; unset, the single retirement age
/// (<c>PLAN-RETIRE-01</c>) and the one leaver rate (<c>PLAN-LEAVERS-01</c>) apply as before, so every closed form holds.
/// Staff of unknown age (and newly qualified joiners) leave by <c>PLAN-LEAVERS-01</c> only.
/// </summary>
public sealed class ExitsByAge
{
    public static readonly AssumptionId RetirementId = "PLAN-RETIRE-AGE-01";
    public static readonly AssumptionId LeaversId = "PLAN-LEAVERS-AGE-01";
    public const int MaxAge = 100;

    private readonly double[] retiring;   // by age: the share of those still in post who retire in the year they reach it
    private readonly double[] leaving;    // by age: the leaver rate, NaN where no band covers the age

    public ExitsByAge(IReadOnlyList<RetirementAtAge> retirement, IReadOnlyList<LeaverBand> leavers, string source)
    {
        Retirement = retirement; Leavers = leavers; Source = source;
        retiring = new double[MaxAge + 1];
        if (retirement.Count > 0)
        {
            foreach (var r in retirement) retiring[r.Age] = r.Share;
            // Nobody stays in post past the last age listed: a distribution, not an open tail.
            for (var a = retirement.Max(r => r.Age) + 1; a <= MaxAge; a++) retiring[a] = 1;
        }
        leaving = Enumerable.Repeat(double.NaN, MaxAge + 1).ToArray();
        foreach (var b in leavers)
            for (var a = b.FromAge; a <= b.ToAge; a++) leaving[a] = b.Rate;
    }

    public IReadOnlyList<RetirementAtAge> Retirement { get; }
    public IReadOnlyList<LeaverBand> Leavers { get; }
    public string Source { get; }

    /// <summary>True when retirement follows the distribution here, not the single age.</summary>
    public bool RetiresByAge => Retirement.Count > 0;
    public bool LeavesByAge => Leavers.Count > 0;

    /// <summary>The share of staff still in post at <paramref name="age"/> who retire in the year they reach it.</summary>
    public double RetiringAt(int age) => age < 0 ? 0 : retiring[Math.Min(age, MaxAge)];

    /// <summary>The leaver rate of the band covering <paramref name="age"/>, or NaN where none does (the general rate applies).</summary>
    public double LeaverRateAt(int age) => age < 0 ? double.NaN : leaving[Math.Min(age, MaxAge)];
}

/// <summary>The share of staff still in post at <c>Age</c> who retire in the year they reach it.</summary>
public sealed record RetirementAtAge(int Age, double Share);

/// <summary>A leaver rate for staff reaching an age from <c>FromAge</c> to <c>ToAge</c> (inclusive) in the year.</summary>
public sealed record LeaverBand(int FromAge, int ToAge, double Rate);
