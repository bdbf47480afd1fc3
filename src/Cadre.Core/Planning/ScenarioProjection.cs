using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>One projected year of one segment, in WTE unless named otherwise.</summary>
public sealed record ProjectedYear(int Year, double Demand, double Supply, double Headcount, double Leavers, double Retirements, double TraineesCompleting, double Joiners)
{
    /// <summary>Demand less supply: positive is a shortfall.</summary>
    public double Gap => Demand - Supply;

    /// <summary>WTE that moved in from other segments this year (promotion, in-service completers) and out to them.</summary>
    public double MovedIn { get; init; }
    public double MovedOut { get; init; }
}

/// <summary>Every segment's staff by year of birth: slot k is born <c>MinYearOfBirth + k</c>; the last slot is unknown age (and all new joiners).</summary>
internal sealed class Stocks
{
    public required int MinYearOfBirth { get; init; }
    public required int UnknownAge { get; init; }
    public required double[][] Wte { get; init; }
    public required double[][] Headcount { get; init; }
}

/// <summary>The state one year's flows read and write; the per-segment sums are that year's figures.</summary>
internal sealed class YearState(Stocks stocks, int segments, Rates[] rates, bool trackHeadcount)
{
    /// <summary>Headcount is kept for the central projection's tables; a Monte Carlo run needs WTE only.</summary>
    public bool TrackHeadcount { get; } = trackHeadcount;
    public Stocks Stocks { get; } = stocks;
    public Rates[] Rates { get; set; } = rates;
    public int Year { get; set; }
    public double[][] IncomingWte { get; } = Enumerable.Range(0, segments).Select(_ => new double[stocks.UnknownAge + 1]).ToArray();
    public double[][] IncomingHeadcount { get; } = Enumerable.Range(0, segments).Select(_ => new double[stocks.UnknownAge + 1]).ToArray();
    public double[] Leavers { get; } = new double[segments];
    public double[] Retirements { get; } = new double[segments];
    public double[] Completing { get; } = new double[segments];
    public double[] Joiners { get; } = new double[segments];
    public double[] MovedIn { get; } = new double[segments];
    public double[] MovedOut { get; } = new double[segments];

    public void StartYear(int year)
    {
        Year = year;
        Array.Clear(Leavers); Array.Clear(Retirements); Array.Clear(Completing); Array.Clear(Joiners); Array.Clear(MovedIn); Array.Clear(MovedOut);
    }
}

/// <summary>
/// The stock-and-flow projection of a whole scenario (anchors B: stock(t+1) = stock(t) + new qualifiers + other joiners
/// − leavers − retirements, with moves between segments): one yearly step over all segments applying <see cref="Flows"/>
/// in order. Built once per scenario; <see cref="Run"/> takes each run's rates, so Monte Carlo runs share the structure.
/// </summary>
public sealed class ScenarioProjection
{
    private readonly Scenario scenario;
    private readonly int minYearOfBirth, slots;

    /// <summary>The flows applied each year, in order.</summary>
    public IReadOnlyList<Flow> Flows { get; }

    /// <param name="extra">Extra trainees a year on a segment's commission programme over a window of intake years (for commissions).</param>
    public ScenarioProjection(Scenario scenario, IReadOnlyDictionary<int, (double PerYear, int First, int Last)>? extra = null)
    {
        this.scenario = scenario;
        var born = scenario.Segments.SelectMany(s => s.StaffInPost).Where(c => c.YearOfBirth is not null).Select(c => c.YearOfBirth!.Value).ToList();
        minYearOfBirth = born.Count == 0 ? scenario.StartYear : born.Min();
        slots = (born.Count == 0 ? 0 : born.Max() - minYearOfBirth + 1) + 1;

        var ids = scenario.Segments.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var flows = new List<Flow>();
        var n = scenario.Segments.Count;
        for (var i = 0; i < n; i++) flows.Add(new Retirement(i));
        for (var i = 0; i < n; i++) flows.Add(new Exits(i, scenario.Segments[i].Transitions.Select(t => ids[t.To]).ToArray()));
        for (var i = 0; i < n; i++)
            if (scenario.Segments.Any(s => s.Transitions.Any(t => t.To == scenario.Segments[i].Id))) flows.Add(new Arrivals(i));
        var firstYear = Math.Min(scenario.StartYear - 10, scenario.Segments.SelectMany(s => s.Intake).Select(x => x.Year).DefaultIfEmpty(scenario.StartYear).Min());
        for (var i = 0; i < n; i++)
        {
            var segment = scenario.Segments[i];
            var intake = segment.Intake.ToList();
            if (extra is not null && extra.TryGetValue(i, out var e) && e.PerYear != 0)
                for (var y = e.First; y <= e.Last; y++) intake.Add(new TraineeIntake(segment.CommissionProgramme, y, e.PerYear));
            foreach (var stream in intake.GroupBy(x => (x.Programme, x.From, Mode: x.Completes is null ? x.Mode : (StudyMode?)null)))
            {
                // Indexed by the year of starting, or for trainees whose expected end is known by the year of completing.
                var starts = new double[scenario.EndYear - firstYear + 1];
                foreach (var x in stream)
                {
                    var at = (x.Completes ?? x.Year) - firstYear;
                    if (at < starts.Length) starts[at] += x.Trainees; // completing after the horizon: not in this projection
                }
                // A source segment not in this projection (a segment projected on its own) gives no one up.
                int? from = stream.Key.From is { } f && ids.TryGetValue(f, out var fi) ? fi : null;
                flows.Add(new Completions(i, stream.Key.Programme, from, starts, firstYear, stream.Key.Mode));
            }
        }
        for (var i = 0; i < n; i++) flows.Add(new OtherJoiners(i));
        Flows = flows;
    }

    /// <summary>The projection with each segment's rates (index = segment): a row per year from the start year, per segment.</summary>
    public IReadOnlyList<ProjectedYear>[] Run(Rates[] rates)
    {
        var n = scenario.Segments.Count;
        var result = Enumerable.Range(0, n).Select(_ => new List<ProjectedYear>(scenario.Years + 1)).ToArray();
        Step(rates, NewState(rates, trackHeadcount: true), (year, s) =>
        {
            for (var i = 0; i < n; i++)
            {
                var w = s.Stocks.Wte[i];
                var h = s.Stocks.Headcount[i];
                var demand = scenario.Segments[i].EstablishmentWte * Math.Pow(1 + rates[i].DemandGrowth, year - scenario.StartYear);
                result[i].Add(new ProjectedYear(year, demand, w.Sum(), h.Sum(), s.Leavers[i], s.Retirements[i], s.Completing[i], s.Joiners[i])
                    { MovedIn = s.MovedIn[i], MovedOut = s.MovedOut[i] });
            }
        });
        return result;
    }

    /// <summary>A Monte Carlo run's working memory, reused run after run on one thread.</summary>
    internal object NewWorkspace() => NewState([], trackHeadcount: false);

    /// <summary>Supply only, written as <c>supply[segment][yearIndex]</c>: what a Monte Carlo run keeps.</summary>
    internal void RunSupply(Rates[] rates, double[][] supply, object workspace)
    {
        var state = (YearState)workspace;
        state.Rates = rates;
        Step(rates, state, (year, s) =>
        {
            var k = year - scenario.StartYear;
            for (var i = 0; i < supply.Length; i++) supply[i][k] = SlotMath.Sum(s.Stocks.Wte[i]);
        });
    }

    private YearState NewState(Rates[] rates, bool trackHeadcount)
    {
        var n = scenario.Segments.Count;
        var stocks = new Stocks
        {
            MinYearOfBirth = minYearOfBirth, UnknownAge = slots - 1,
            Wte = Enumerable.Range(0, n).Select(_ => new double[slots]).ToArray(),
            Headcount = Enumerable.Range(0, n).Select(_ => new double[slots]).ToArray(),
        };
        return new YearState(stocks, n, rates, trackHeadcount);
    }

    private void Step(Rates[] rates, YearState state, Action<int, YearState> record)
    {
        var n = scenario.Segments.Count;
        var stocks = state.Stocks;
        for (var i = 0; i < n; i++)
        {
            Array.Clear(stocks.Wte[i]); Array.Clear(stocks.Headcount[i]); Array.Clear(state.IncomingWte[i]); Array.Clear(state.IncomingHeadcount[i]);
            foreach (var c in scenario.Segments[i].StaffInPost)
            {
                var k = c.YearOfBirth is { } b ? b - minYearOfBirth : slots - 1;
                stocks.Wte[i][k] += c.Wte;
                stocks.Headcount[i][k] += c.Headcount;
            }
        }
        state.StartYear(scenario.StartYear);
        record(scenario.StartYear, state);
        for (var year = scenario.StartYear + 1; year <= scenario.EndYear; year++)
        {
            state.StartYear(year);
            foreach (var f in Flows) f.Apply(state);
            record(year, state);
        }
    }
}
