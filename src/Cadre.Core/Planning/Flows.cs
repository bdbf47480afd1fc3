using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>
/// One movement of staff in a projected year. <see cref="ScenarioProjection"/> applies the scenario's flows in list
/// order every year, over all segments at once, so a promotion chain or completers moving between segments are entries
/// in the list, not special cases. Order within a year (docs/decisions/planning-model.md): retirements, then leavers
/// and moves out of every segment (from the same stock, so a share p leaving and q moving gives A(1 − p − q)), then
/// the moved staff arrive, then trainees complete, then other joiners arrive.
/// </summary>
public abstract class Flow
{
    internal abstract void Apply(YearState s);
}

/// <summary>Staff reaching <c>PLAN-RETIRE-01</c> retire: the whole year-of-birth cohort, in the year they reach it.</summary>
public sealed class Retirement(int segment) : Flow
{
    internal override void Apply(YearState s)
    {
        if (s.Rates[segment].ByAge is { RetiresByAge: true } byAge)
        {
            ByAge(s, byAge);
            return;
        }
        var cutoff = Math.Min(s.Year - s.Rates[segment].RetirementAge - s.Stocks.MinYearOfBirth, s.Stocks.UnknownAge - 1);
        if (cutoff < 0) return;
        var w = s.Stocks.Wte[segment].AsSpan(0, cutoff + 1);
        s.Retirements[segment] += SlotMath.Sum(w);
        w.Clear();
        if (s.TrackHeadcount) s.Stocks.Headcount[segment].AsSpan(0, cutoff + 1).Clear();
    }

    // PLAN-RETIRE-AGE-01: each year-of-birth cohort loses the share of its age this year (the cliff is the case of one age at 1).
    private void ByAge(YearState s, ExitsByAge byAge)
    {
        var w = s.Stocks.Wte[segment];
        var h = s.Stocks.Headcount[segment];
        for (var k = 0; k < s.Stocks.UnknownAge; k++)
        {
            var share = byAge.RetiringAt(s.Year - s.Stocks.MinYearOfBirth - k);
            if (share == 0) continue;
            s.Retirements[segment] += w[k] * share;
            w[k] *= 1 - share;
            if (s.TrackHeadcount) h[k] *= 1 - share;
        }
    }
}

/// <summary>
/// <c>PLAN-LEAVERS-01</c> of the remaining stock leaves, and each transition's share (<c>PLAN-MOVE-01</c>) moves to its
/// segment keeping its years of birth (it arrives after every segment's exits, so it is not counted twice this year).
/// </summary>
public sealed class Exits(int segment, int[] destinations) : Flow
{
    internal override void Apply(YearState s)
    {
        var r = s.Rates[segment];
        var w = s.Stocks.Wte[segment];
        var h = s.Stocks.Headcount[segment];
        var stock = SlotMath.Sum(w);
        for (var t = 0; t < destinations.Length; t++)
        {
            var q = r.Moves[t];
            if (q == 0) continue;
            SlotMath.AddScaled(s.IncomingWte[destinations[t]], w, q);
            if (s.TrackHeadcount) SlotMath.AddScaled(s.IncomingHeadcount[destinations[t]], h, q);
            s.MovedOut[segment] += stock * q;
        }
        if (r.ByAge is { LeavesByAge: true } byAge)
        {
            ByAge(s, r, byAge, w, h);
            return;
        }
        s.Leavers[segment] += stock * r.LeaverRate;
        var stay = r.Staying;
        SlotMath.Scale(w, stay);
        if (s.TrackHeadcount) SlotMath.Scale(h, stay);
    }

    // PLAN-LEAVERS-AGE-01: staff of known age leave at their band's rate (scaled with this run's leaver rate); staff of
    // unknown age, and ages no band covers, at PLAN-LEAVERS-01. Moves to other segments are the same share at every age.
    private void ByAge(YearState s, Rates r, ExitsByAge byAge, double[] w, double[] h)
    {
        var moving = r.Moves.Sum();
        for (var k = 0; k < w.Length; k++)
        {
            var band = k == s.Stocks.UnknownAge ? double.NaN : byAge.LeaverRateAt(s.Year - s.Stocks.MinYearOfBirth - k);
            var rate = double.IsNaN(band) ? r.LeaverRate : Math.Min(band * r.LeaverScale, 1 - moving);
            s.Leavers[segment] += w[k] * rate;
            w[k] *= 1 - rate - moving;
            if (s.TrackHeadcount) h[k] *= 1 - rate - moving;
        }
    }
}

/// <summary>Staff moved from other segments this year join their new segment.</summary>
public sealed class Arrivals(int segment) : Flow
{
    internal override void Apply(YearState s)
    {
        s.MovedIn[segment] += SlotMath.Drain(s.Stocks.Wte[segment], s.IncomingWte[segment]);
        if (s.TrackHeadcount) SlotMath.Drain(s.Stocks.Headcount[segment], s.IncomingHeadcount[segment]);
    }
}

/// <summary>
/// Trainees whose programme ends this year join: <c>trainees × (1 − PLAN-WDR-…) × PLAN-EMPLOY-01</c> people at
/// <c>PLAN-JOINER-WTE-01</c> each, with no year of birth. In-service trainees (<c>from</c> another segment) leave that
/// segment as they join this one, taken evenly from its stock, so the total counts each person once. With a study
/// <paramref name="mode"/>, <paramref name="startsByYear"/> is by year of starting and the trainees join after that
/// mode's duration; without one it is by the year they are expected to complete (the register's expected end date).
/// </summary>
public sealed class Completions(int segment, TrainingProgramme programme, int? from, double[] startsByYear, int firstYear, StudyMode? mode = StudyMode.FullTime) : Flow
{
    internal override void Apply(YearState s)
    {
        var r = s.Rates[segment];
        var started = s.Year - (mode is { } m ? r.Duration(programme, m) : 0) - firstYear;
        if (started < 0 || started >= startsByYear.Length || startsByYear[started] == 0) return;
        var completing = startsByYear[started] * (1 - r.Withdrawal(programme));
        var joining = completing * r.EmployedShare;
        var joiningWte = joining * r.JoinerWte;
        s.Completing[segment] += completing;
        s.Joiners[segment] += joiningWte;
        var u = s.Stocks.UnknownAge;
        s.Stocks.Wte[segment][u] += joiningWte;
        if (s.TrackHeadcount) s.Stocks.Headcount[segment][u] += joining;
        if (from is not { } source) return;
        var stock = SlotMath.Sum(s.Stocks.Wte[source]);
        // In-service trainees were counted as the source segment's staff; they cannot take out more than it holds.
        var keep = stock > 0 ? Math.Max(0, 1 - joiningWte / stock) : 0;
        SlotMath.Scale(s.Stocks.Wte[source], keep);
        if (s.TrackHeadcount) SlotMath.Scale(s.Stocks.Headcount[source], keep);
        s.MovedOut[source] += stock * (1 - keep);
        s.MovedIn[segment] += stock * (1 - keep);
        s.Joiners[segment] -= stock * (1 - keep); // a move between segments, not a joiner to the staff group
    }
}

/// <summary><c>PLAN-JOINERS-01</c> WTE of qualified staff recruited from elsewhere arrive each year (one WTE each).</summary>
public sealed class OtherJoiners(int segment) : Flow
{
    internal override void Apply(YearState s)
    {
        var j = s.Rates[segment].OtherJoinersWte;
        if (j <= 0) return;
        var u = s.Stocks.UnknownAge;
        s.Stocks.Wte[segment][u] += j;
        if (s.TrackHeadcount) s.Stocks.Headcount[segment][u] += j;
        s.Joiners[segment] += j;
    }
}
