using System.CommandLine;
using System.Globalization;
using Cadre.Core.Planning;

namespace Cadre.Cli.Commands;

/// <summary><c>cadre plan SCENARIO.json [--json] [--runs N] [--seed S]</c>: project supply against demand and the trainee commissions that close the gap.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("scenario") { Description = "Scenario JSON: segments, assumptions and demand, as downloaded from a scenario's page in Cadre." };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON instead of tables." };
        var runs = new Option<int>("--runs") { Description = "Monte Carlo runs for the p10/p50/p90 spread (0 for the central projection only).", DefaultValueFactory = _ => PlanningEngine.DefaultRuns };
        var sensitivity = new Option<bool>("--sensitivity") { Description = "Add a tornado: each uncertain assumption at its low and its high, others central, and the change in the target-year gap and commissions." };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same spread.", DefaultValueFactory = _ => PlanningEngine.DefaultSeed };

        var command = new Command("plan", "Project a staff group's supply against demand year by year, with its uncertainty, and the trainee commissions needed to close the gap by the target year.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.Options.Add(runs);
        command.Options.Add(seed);
        command.Options.Add(sensitivity);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            var n = parseResult.GetValue(runs);
            if (n is < 0 or > 100_000)
            {
                Console.Error.WriteLine($"cadre plan: --runs must be between 0 and 100000; got {n}.");
                return 2;
            }
            string text;
            try { text = File.ReadAllText(path.FullName); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"cadre plan: cannot read '{path}': {ex.Message}");
                return 2;
            }
            Scenario scenario;
            try { scenario = ScenarioJson.Parse(text); }
            catch (ScenarioException ex)
            {
                Console.Error.WriteLine($"cadre plan: {path.Name}: {ex.Message}");
                return 2;
            }
            var result = PlanningEngine.Project(scenario, n, parseResult.GetValue(seed));
            var tornado = parseResult.GetValue(sensitivity) ? Sensitivity.For(scenario) : null;
            if (parseResult.GetValue(json)) PlanOutput.WriteJson(result, Console.Out, tornado);
            else
            {
                PlanOutput.WriteText(result, Console.Out);
                if (tornado is not null) PlanOutput.WriteSensitivity(result, tornado, Console.Out);
            }
            return 0;
        });
        return command;
    }
}

/// <summary>The plan as a reader sees it: one table per segment and the total, then every assumption with its source.</summary>
public static class PlanOutput
{
    private static string F(double v) => double.IsPositiveInfinity(v) ? "n/a" : v.ToString("0.0", CultureInfo.InvariantCulture);
    private static string R(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Commissioning that keeps the gap closed after the target year: sustaining, confident and year by year.</summary>
    private static void WriteKeeping(KeepingTheGapClosed k, string programme, Scenario s, int runs, TextWriter o)
    {
        if (k.Sustaining is { } st)
            o.WriteLine($"To keep supply at demand after {s.TargetYear}: {st.WholePerYear} {programme} trainees a year ({F(st.PerYear)} exact), intakes {st.FirstIntakeYear}-{st.LastIntakeYear}"
                + (runs > 0 ? $"; over the runs p10 {F(st.PerYearSpread.P10)}, p90 {F(st.PerYearSpread.P90)}." : "."));
        var c = k.Confident;
        o.WriteLine($"Confident level intake: {(double.IsFinite(c.PerYear) ? $"{c.WholePerYear} {programme} trainees a year ({F(c.PerYear)} exact)" : "none closes the gap")} each year {c.FirstIntakeYear}-{c.LastIntakeYear} keeps the gap at or below {R(c.ToleranceWte)} WTE in every year {c.FromYear}-{c.ToYear}"
            + (runs > 0 ? $" in at least {c.ShareOfRuns.ToString("0.#%", CultureInfo.InvariantCulture)} of the runs." : " (central projection)."));
        if (k.Profile.Count > 0)
            o.WriteLine("Year by year, from the first year the gap can be closed (central projection; whole (exact)): "
                + string.Join(", ", k.Profile.Select(p => $"{p.IntakeYear} {(double.IsFinite(p.Trainees) ? $"{p.WholeTrainees:0} ({F(p.Trainees)})" : "n/a")}")) + ".");
    }

    public static void WriteText(PlanResult r, TextWriter o)
    {
        var s = r.Scenario;
        o.WriteLine($"Scenario: {s.Name}" + (s.StaffGroup.Length > 0 ? $" ({s.StaffGroup})" : ""));
        o.WriteLine($"Years {s.StartYear}-{s.EndYear}, gap to close by {s.TargetYear}. " +
            (r.Runs == 0 ? "Central projection only (no Monte Carlo runs)." : $"Spread from {r.Runs} Monte Carlo runs, seed {r.Seed}."));
        o.WriteLine($"All figures WTE. Supply, gap and commissions are {r.Headline}. Gap = demand - supply (positive is a shortfall). Commission = extra trainees to start that year, on top of planned intake.");
        foreach (var seg in r.Segments)
        {
            var g = seg.Segment;
            o.WriteLine();
            var what = string.Join(", ", new[] { g.Level, g.Band is null ? null : "band " + g.Band, g.Specialism }.Where(x => x is not null));
            o.WriteLine($"== {g.Name}" + (what.Length > 0 ? $" ({what})" : ""));
            var vacancy = g.EstablishmentWte > 0 ? (g.EstablishmentWte - g.StaffInPostWte) / g.EstablishmentWte : 0;
            o.WriteLine($"Establishment {F(g.EstablishmentWte)} WTE; staff in post {R(g.StaffInPostHeadcount)} headcount, {F(g.StaffInPostWte)} WTE; vacancy {vacancy.ToString("0.0%", CultureInfo.InvariantCulture)}.");
            Table(seg.Years, o, seg.Commissions.Programme.Code());
            var c = seg.Commissions;
            o.WriteLine(c.PerYear == 0
                ? $"No extra {c.Programme.Code()} commissions needed: supply meets demand in {c.TargetYear}."
                : double.IsPositiveInfinity(c.PerYear)
                    ? $"Extra {c.Programme.Code()} trainees cannot close the gap by {c.TargetYear} (none would reach the staff group in time)."
                    : $"Commissions needed: {F(c.PerYear)} extra {c.Programme.Code()} trainees a year ({c.WholePerYear} whole) starting {(c.Years == 1 ? $"in {c.FirstIntakeYear} (one intake)" : $"each year {c.FirstIntakeYear}-{c.LastIntakeYear} ({c.Years} intakes)")} close the {F(c.GapAtTarget)} WTE gap in {c.TargetYear}."
                      + (r.Runs > 0 ? $" Over the runs: p10 {F(c.PerYearSpread.P10)}, p50 {F(c.PerYearSpread.P50)}, p90 {F(c.PerYearSpread.P90)} a year (p90 closes the gap in nine runs of ten)." : ""));
            if (seg.Keeping is { } k) WriteKeeping(k, c.Programme.Code(), s, r.Runs, o);
        }
        if (r.Segments.Count > 1)
        {
            o.WriteLine();
            o.WriteLine($"== Total: {(s.StaffGroup.Length > 0 ? s.StaffGroup : "all segments")}");
            Table(r.Total, o, null);
        }
        o.WriteLine();
        o.WriteLine("Assumptions used (central value, Monte Carlo range):");
        if (s.ExitsByAge is { } byAge)
        {
            if (byAge.RetiresByAge)
                o.WriteLine($"  {ExitsByAge.RetirementId,-18} Retirement by age, the share of staff still in post retiring at each age: "
                    + string.Join(", ", byAge.Retirement.Select(x => $"{x.Age} {x.Share.ToString("0.#%", CultureInfo.InvariantCulture)}")) + ". Replaces PLAN-RETIRE-01.");
            if (byAge.LeavesByAge)
                o.WriteLine($"  {ExitsByAge.LeaversId,-18} Leaver rate by age band, scaled with PLAN-LEAVERS-01: "
                    + string.Join(", ", byAge.Leavers.Select(x => $"{x.FromAge}-{x.ToAge} {x.Rate.ToString("0.#%", CultureInfo.InvariantCulture)}")) + ". Staff of unknown age leave at PLAN-LEAVERS-01.");
            o.WriteLine($"  {"",-18} Source: {byAge.Source}");
        }
        var ids = r.Segments.SelectMany(x => x.Assumptions).Select(a => a.Id).Distinct();
        foreach (var id in ids)
        {
            var variants = r.Segments.Select(x => (x.Segment.Name, A: x.Assumptions.First(a => a.Id == id))).ToList();
            foreach (var group in variants.GroupBy(v => (v.A.Value, v.A.Low, v.A.High, v.A.Source)))
            {
                var a = group.First().A;
                var scope = variants.Count > 1 && group.Count() < variants.Count ? $" [{string.Join("; ", group.Select(x => x.Name))}]" : "";
                var range = a.Uncertain ? $" (range {R(a.Low)}-{R(a.High)})" : "";
                var flag = a.LocalInputNeeded ? " LOCAL INPUT NEEDED." : a.Overridden ? " Set by this scenario." : "";
                o.WriteLine($"  {a.Id,-18} {a.Name}: {R(a.Value)} {a.Unit}{range}{scope}.{flag}");
                o.WriteLine($"  {"",-18} Source: {a.Source}");
                if (!a.Overridden && a.Caveat.Length > 0) o.WriteLine($"  {"",-18} Note: {a.Caveat}");
            }
        }
    }

    private static void Table(IReadOnlyList<PlanYear> years, TextWriter o, string? programme)
    {
        var head = new[] { "year", "demand", "supply", "p10", "p50", "p90", "gap", "leavers", "retire", "qualify", programme is null ? "" : "commission" };
        o.WriteLine(string.Join(" ", head.Select((h, i) => i == 0 ? h.PadRight(5) : h.PadLeft(i == 10 ? 10 : 8))).TrimEnd());
        foreach (var y in years)
        {
            var cells = new[]
            {
                y.Year.ToString(CultureInfo.InvariantCulture).PadRight(5), F(y.Demand).PadLeft(8), F(y.Supply).PadLeft(8),
                F(y.SupplySpread.P10).PadLeft(8), F(y.SupplySpread.P50).PadLeft(8), F(y.SupplySpread.P90).PadLeft(8), F(y.Gap).PadLeft(8),
                F(y.Leavers).PadLeft(8), F(y.Retirements).PadLeft(8), F(y.TraineesCompleting).PadLeft(8),
                (y.CommissionsNeeded is { } c ? F(c) : "").PadLeft(10),
            };
            o.WriteLine(string.Join(" ", cells).TrimEnd());
        }
    }

    /// <summary>The plan as JSON: the same shape as the API's run (<see cref="PlanDocument"/>), without a saved scenario's id.</summary>
    public static void WriteJson(PlanResult r, TextWriter o, IReadOnlyList<SensitivityRow>? sensitivity = null) =>
        o.WriteLine(PlanDocument.From(r, sensitivity: sensitivity).ToJson());

    /// <summary>The tornado as a table, largest swing first.</summary>
    public static void WriteSensitivity(PlanResult r, IReadOnlyList<SensitivityRow> rows, TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"Sensitivity: each uncertain assumption at its low and its high, all others central (deterministic runs). Gap = total demand - supply in {r.Scenario.TargetYear}; extra = trainees a year, all segments.");
        o.WriteLine($"  {"assumption",-18} {"for",-28} {"low",7} {"high",7} {"gap@low",8} {"gap@high",8} {"extra@low",9} {"extra@high",10}");
        foreach (var x in rows)
            o.WriteLine($"  {x.Id.Value,-18} {Cut(x.Scope, 28),-28} {R(x.Low),7} {R(x.High),7} {F(x.GapAtLow),8} {F(x.GapAtHigh),8} {F(x.CommissionsAtLow),9} {F(x.CommissionsAtHigh),10}");
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
