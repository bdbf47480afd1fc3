namespace Cadre.Core.Planning;

/// <summary>
/// The Monte Carlo spread of a scenario: each run draws the uncertain assumptions (<see cref="AssumptionSet.Draw"/>),
/// projects every segment together and keeps only supply by segment and year (as its single-precision difference from
/// the central projection: half the memory of double, a national scenario of 500 segments, 26 years and 10,000 runs
/// keeps 520 MB, not 1 GB, and a figure no draw moves stays exactly the central one) and the commissions each
/// segment needs. Runs are independent, so they run in parallel; each has its own generator seeded in run order from
/// the scenario's seed, so the answer does not depend on how many cores ran it.
/// </summary>
internal sealed record MonteCarloSpread(Spread[][] Supply, Spread[] Total, Spread[] Commissions, Spread[] Sustaining, double[] Confident);

internal static class MonteCarlo
{
    public static MonteCarloSpread Run(Scenario scenario, AssumptionSet set, ScenarioProjection projection, int runs, int seed, IReadOnlyList<ProjectedYear>[] central, IProgress<double>? progress)
    {
        var n = scenario.Segments.Count;
        var years = scenario.Years + 1;
        var master = new Random(seed); // System.Random with a seed is stable across runs and .NET versions.
        var runSeeds = Enumerable.Range(0, runs).Select(_ => master.Next()).ToArray();
        var cells = n * years;
        // Run-major: each run writes one contiguous row; percentiles read it back in blocks of cells (below).
        var store = new float[(long)runs * cells];
        var total = Enumerable.Range(0, years).Select(_ => new double[runs]).ToArray();
        var commissions = Enumerable.Range(0, n).Select(_ => new double[runs]).ToArray();
        var sustaining = Enumerable.Range(0, n).Select(_ => new double[runs]).ToArray();
        var level = Enumerable.Range(0, n).Select(_ => new double[runs]).ToArray();
        var rule = scenario.Commissioning;
        var k = scenario.TargetYear - scenario.StartYear;
        var done = 0;

        Parallel.For(0, runs, () => (Supply: Enumerable.Range(0, n).Select(_ => new double[years]).ToArray(), Workspace: projection.NewWorkspace(),
            Demand: new double[years], Profile: new double[years]), (r, _, local) =>
        {
            var run = local.Supply;
            var rates = set.Draw(new Random(runSeeds[r]));
            projection.RunSupply(rates, run, local.Workspace);
            var row = store.AsSpan().Slice((int)((long)r * cells), cells);
            for (var i = 0; i < n; i++)
            {
                var supplied = run[i];
                for (var y = 0; y < years; y++) row[i * years + y] = (float)(supplied[y] - central[i][y].Supply);
                var segment = scenario.Segments[i];
                var gap = segment.EstablishmentWte * Math.Pow(1 + rates[i].DemandGrowth, k) - supplied[k];
                commissions[i][r] = PlanningEngine.PerYear(gap, PlanningEngine.PerTrainee(scenario, segment, rates[i], PlanningEngine.Window(scenario, segment, rates[i])));
                // Keeping the gap closed, on this run's own supply and rates.
                for (var y = 0; y < years; y++) local.Demand[y] = segment.EstablishmentWte * Math.Pow(1 + rates[i].DemandGrowth, y);
                GapKeeping.Profile(scenario, segment, rates[i], local.Demand, supplied, whole: false, local.Profile);
                sustaining[i][r] = GapKeeping.Sustaining(scenario, segment, rates[i], local.Profile);
                level[i][r] = GapKeeping.LevelIntake(scenario, segment, rates[i], local.Demand, supplied, rule.ToleranceWte);
            }
            for (var y = 0; y < years; y++)
            {
                double sum = 0;
                for (var i = 0; i < n; i++) sum += run[i][y];
                total[y][r] = sum;
            }
            if (progress is not null && Interlocked.Increment(ref done) % 100 == 0) progress.Report((double)done / runs);
            return local;
        }, _ => { });

        // Percentiles a block of cells at a time: each run's block is contiguous, so the transposition stays in cache.
        const int Block = 64;
        var spreads = new Spread[cells];
        var blocks = (cells + Block - 1) / Block;
        Parallel.For(0, blocks, () => Enumerable.Range(0, Block).Select(_ => new double[runs]).ToArray(), (b, _, scratch) =>
        {
            var first = b * Block;
            var width = Math.Min(Block, cells - first);
            for (var r = 0; r < runs; r++)
            {
                var row = store.AsSpan().Slice((int)((long)r * cells + first), width);
                for (var j = 0; j < width; j++) scratch[j][r] = row[j];
            }
            for (var j = 0; j < width; j++)
            {
                var c = first + j;
                var centre = central[c / years][c % years].Supply;
                var column = scratch[j];
                for (var r = 0; r < runs; r++) column[r] += centre;
                spreads[c] = Spread.OfUnsorted(column);
            }
            return scratch;
        }, _ => { });
        return new MonteCarloSpread(
            Enumerable.Range(0, n).Select(i => spreads.AsSpan(i * years, years).ToArray()).ToArray(),
            total.Select(t => Spread.OfUnsorted(t)).ToArray(),
            commissions.Select(c => Spread.OfUnsorted(c)).ToArray(),
            sustaining.Select(c => double.IsNaN(c[0]) ? new Spread(double.NaN, double.NaN, double.NaN) : Spread.OfUnsorted(c)).ToArray(), // NaN: the horizon ends in the target year
            level.Select(c => GapKeeping.Enough(c, rule.ShareOfRuns)).ToArray());
    }
}
