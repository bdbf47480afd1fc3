using System.Globalization;
using System.Text.Json;
using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>
/// Reads a scenario from its JSON text (the shape is in docs/decisions/planning-scenario-json.md) and checks every
/// field, throwing a <see cref="ScenarioException"/> that names the first bad one. Takes text, not a file: Core does no I/O.
/// </summary>
public static class ScenarioJson
{
    private const int MaxYears = 30; // newly qualified staff have no year of birth, so their retirement falls outside a 30-year horizon.

    public static Scenario Parse(string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException ex) { throw new ScenarioException("scenario", $"is not valid JSON ({ex.Message.Split('.')[0]})."); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ScenarioException("scenario", "must be a JSON object.");
            var name = Text(root, "name", "name", required: true)!;
            var group = Text(root, "staffGroup", "staffGroup", required: false) ?? "";
            var start = Int(root, "startYear", "startYear", 2000, 2100);
            var years = Int(root, "years", "years", 1, MaxYears);
            var target = Int(root, "targetYear", "targetYear", start + 1, start + years);
            var assumptions = Assumptions(root, "assumptions");
            if (!root.TryGetProperty("segments", out var segs) || segs.ValueKind != JsonValueKind.Array || segs.GetArrayLength() == 0)
                throw new ScenarioException("segments", "is required: a list of at least one segment (a level or band within a specialism).");
            var segments = segs.EnumerateArray().Select((s, i) => Segment(s, $"segments[{i}]", start, start + years)).ToList();
            var dup = segments.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) throw new ScenarioException("segments", $"two segments are named '{dup.Key}'; names must differ.");
            var dupId = segments.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
            if (dupId is not null) throw new ScenarioException("segments", $"two segments have the id '{dupId.Key}'; ids must differ.");
            for (var i = 0; i < segments.Count; i++) CheckLinks(segments, i, $"segments[{i}]");
            var scenario = new Scenario(name, group, start, years, target, segments, assumptions) { Commissioning = Commissioning(root), ExitsByAge = ExitsByAge(root) };
            for (var i = 0; i < segments.Count; i++) CheckTimings(scenario, segments[i], $"segments[{i}]");
            return scenario;
        }
    }

    private static Segment Segment(JsonElement e, string at, int start, int end)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new ScenarioException(at, "must be an object.");
        var name = Text(e, "name", at + ".name", required: true)!;
        var band = Text(e, "band", at + ".band", required: false);
        if (band is not null && !PayBand.TryParse(band, out _)) throw new ScenarioException(at + ".band", $"'{band}' is not an Agenda for Change band (1 to 9, 8a to 8d).");
        var establishment = Number(e, "establishmentWte", at + ".establishmentWte", 0, 100_000, required: true)!.Value;

        if (!e.TryGetProperty("staffInPost", out var sip) || sip.ValueKind != JsonValueKind.Array)
            throw new ScenarioException(at + ".staffInPost", "is required: a list of {yearOfBirth?, headcount, wte} (an empty list for a new service).");
        var staff = sip.EnumerateArray().Select((c, i) =>
        {
            var p = $"{at}.staffInPost[{i}]";
            if (c.ValueKind != JsonValueKind.Object) throw new ScenarioException(p, "must be an object {yearOfBirth?, headcount, wte}.");
            int? born = c.TryGetProperty("yearOfBirth", out var b) && b.ValueKind != JsonValueKind.Null ? Int(c, "yearOfBirth", p + ".yearOfBirth", 1930, start - 16) : null;
            var heads = Number(c, "headcount", p + ".headcount", 0, 100_000, required: true)!.Value;
            var wte = Number(c, "wte", p + ".wte", 0, 100_000, required: true)!.Value;
            if (wte > heads + 1e-9) throw new ScenarioException(p + ".wte", $"{Fmt(wte)} WTE is more than the headcount of {Fmt(heads)}; one person is at most 1 WTE.");
            return new StaffCohort(born, heads, wte);
        }).ToList();

        var intake = new List<TraineeIntake>();
        if (e.TryGetProperty("intake", out var ins))
        {
            if (ins.ValueKind != JsonValueKind.Array) throw new ScenarioException(at + ".intake", "must be a list of {programme, year, trainees}.");
            var i = 0;
            foreach (var x in ins.EnumerateArray())
            {
                var p = $"{at}.intake[{i++}]";
                if (x.ValueKind != JsonValueKind.Object) throw new ScenarioException(p, "must be an object {programme, year, trainees}.");
                var from = Text(x, "from", p + ".from", required: false);
                var year = Int(x, "year", p + ".year", start - 10, end);
                var mode = Text(x, "mode", p + ".mode", required: false) switch
                {
                    null or "full-time" => StudyMode.FullTime,
                    "part-time" => StudyMode.PartTime,
                    var other => throw new ScenarioException(p + ".mode", $"'{other}' is not a study mode; use full-time or part-time."),
                };
                int? completes = x.TryGetProperty("completes", out var c) && c.ValueKind != JsonValueKind.Null ? Int(x, "completes", p + ".completes", year, 2100) : null;
                intake.Add(new TraineeIntake(Programme(x, p + ".programme"), year, Number(x, "trainees", p + ".trainees", 0, 10_000, required: true)!.Value,
                    from is null ? null : new SegmentId(from)) { Mode = mode, Completes = completes });
            }
        }
        if (e.TryGetProperty("annualIntake", out var annual))
        {
            if (annual.ValueKind != JsonValueKind.Object) throw new ScenarioException(at + ".annualIntake", "must be an object such as {\"STP\": 2}: trainees starting in every projected year.");
            foreach (var prop in annual.EnumerateObject())
            {
                var p = $"{at}.annualIntake.{prop.Name}";
                var programme = ProgrammeName(prop.Name, p);
                if (prop.Value.ValueKind != JsonValueKind.Number || prop.Value.GetDouble() < 0) throw new ScenarioException(p, "must be a number of trainees, 0 or more.");
                for (var y = start + 1; y <= end; y++) intake.Add(new TraineeIntake(programme, y, prop.Value.GetDouble()));
            }
        }
        var commission = e.TryGetProperty("commissionProgramme", out var cp) ? ProgrammeName(cp.ValueKind == JsonValueKind.String ? cp.GetString()! : "", at + ".commissionProgramme") : TrainingProgramme.Stp;
        var id = Text(e, "id", at + ".id", required: false) is { Length: > 0 } given ? given : name;
        return new Segment(name, Text(e, "level", at + ".level", false), band, Text(e, "specialism", at + ".specialism", false), establishment, staff, intake, commission, Assumptions(e, at + ".assumptions"))
        {
            Id = new SegmentId(id),
            Transitions = Transitions(e, at + ".transitions"),
        };
    }

    // "commissioning": { "toleranceWte": 0.5, "shareOfRuns": 0.9 }: what the confident intake must keep to. Optional
    // (files written before it existed read with the defaults: no shortfall in nine runs of ten).
    private static CommissioningRule Commissioning(JsonElement root)
    {
        if (!root.TryGetProperty("commissioning", out var c) || c.ValueKind == JsonValueKind.Null) return CommissioningRule.Default;
        if (c.ValueKind != JsonValueKind.Object) throw new ScenarioException("commissioning", "must be an object {toleranceWte?, shareOfRuns?}.");
        var tolerance = Number(c, "toleranceWte", "commissioning.toleranceWte", 0, 100_000, required: false) ?? CommissioningRule.Default.ToleranceWte;
        var share = Number(c, "shareOfRuns", "commissioning.shareOfRuns", 0.5, 1, required: false) ?? CommissioningRule.Default.ShareOfRuns;
        return new CommissioningRule(tolerance, share);
    }

    // "exitsByAge": { "retirement": [ { "age": 60, "share": 0.3 }, …, { "age": 68, "share": 1 } ],
    //                "leavers": [ { "fromAge": 16, "toAge": 34, "rate": 0.11 } ], "source": "…" }. Optional: without it the
    // single retirement age and the one leaver rate apply (docs/decisions/planning-model.md point 1a).
    private static ExitsByAge? ExitsByAge(JsonElement root)
    {
        const string at = "exitsByAge";
        if (!root.TryGetProperty(at, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Object) throw new ScenarioException(at, "must be an object {retirement?, leavers?, source?}.");
        var retirement = new List<RetirementAtAge>();
        if (e.TryGetProperty("retirement", out var rs) && rs.ValueKind != JsonValueKind.Null)
        {
            if (rs.ValueKind != JsonValueKind.Array) throw new ScenarioException(at + ".retirement", "must be a list of {age, share}: the share of staff still in post who retire in the year they reach that age.");
            var i = 0;
            foreach (var r in rs.EnumerateArray())
            {
                var p = $"{at}.retirement[{i++}]";
                if (r.ValueKind != JsonValueKind.Object) throw new ScenarioException(p, "must be an object {age, share}.");
                var age = Int(r, "age", p + ".age", 50, 80);
                if (retirement.Count > 0 && age <= retirement[^1].Age) throw new ScenarioException(p + ".age", $"ages must rise; {age} follows {retirement[^1].Age}.");
                retirement.Add(new RetirementAtAge(age, Number(r, "share", p + ".share", 0, 1, required: true)!.Value));
            }
            if (retirement.Count > 0 && retirement[^1].Share != 1)
                throw new ScenarioException($"{at}.retirement[{retirement.Count - 1}].share", $"the last age listed ({retirement[^1].Age}) must have share 1: everyone still in post retires by then.");
        }
        var leavers = new List<LeaverBand>();
        if (e.TryGetProperty("leavers", out var ls) && ls.ValueKind != JsonValueKind.Null)
        {
            if (ls.ValueKind != JsonValueKind.Array) throw new ScenarioException(at + ".leavers", "must be a list of {fromAge, toAge, rate}: the leaver rate of staff in that age band.");
            var i = 0;
            foreach (var b in ls.EnumerateArray())
            {
                var p = $"{at}.leavers[{i++}]";
                if (b.ValueKind != JsonValueKind.Object) throw new ScenarioException(p, "must be an object {fromAge, toAge, rate}.");
                var from = Int(b, "fromAge", p + ".fromAge", 16, Planning.ExitsByAge.MaxAge);
                var to = Int(b, "toAge", p + ".toAge", from, Planning.ExitsByAge.MaxAge);
                if (leavers.FirstOrDefault(x => from <= x.ToAge && x.FromAge <= to) is { } overlap)
                    throw new ScenarioException(p, $"ages {from}-{to} overlap the band {overlap.FromAge}-{overlap.ToAge}; each age has one rate.");
                leavers.Add(new LeaverBand(from, to, Number(b, "rate", p + ".rate", 0, 1, required: true)!.Value));
            }
        }
        var source = Text(e, "source", at + ".source", required: false) ?? "scenario override";
        return retirement.Count == 0 && leavers.Count == 0 ? null : new ExitsByAge(retirement, leavers, source);
    }

    // A transition: { "to": "segment id or name", "share": 0.05 or {value, low?, high?, source?} }; its share is a
    // PLAN-MOVE-01 assumption of its own.
    private static IReadOnlyList<Transition> Transitions(JsonElement e, string at)
    {
        if (!e.TryGetProperty("transitions", out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array) throw new ScenarioException(at, "must be a list of {to, share}: staff moving each year to another segment.");
        var result = new List<Transition>();
        var i = 0;
        foreach (var t in list.EnumerateArray())
        {
            var p = $"{at}[{i++}]";
            if (t.ValueKind != JsonValueKind.Object) throw new ScenarioException(p, "must be an object {to, share}.");
            var to = Text(t, "to", p + ".to", required: true)!;
            if (!t.TryGetProperty("share", out var share)) throw new ScenarioException(p + ".share", "is required: the yearly share of this segment's staff that moves (0.05 for 5%).");
            var a = Assumption(PlanningAssumptions.Catalogue[PlanningAssumptions.Move], share, p + ".share");
            result.Add(new Transition(new SegmentId(to), a with { Name = $"Staff moving to {to} each year" }));
        }
        return result;
    }

    // Transitions and in-service intake name segments that exist (not their own), and no segment loses more than all
    // its staff in a year.
    private static void CheckLinks(IReadOnlyList<Segment> segments, int index, string at)
    {
        var segment = segments[index];
        bool Known(SegmentId id) => segments.Any(s => s.Id == id && s != segment);
        var known = string.Join(", ", segments.Where(s => s != segment).Select(s => $"'{s.Id}'"));
        for (var t = 0; t < segment.Transitions.Count; t++)
            if (!Known(segment.Transitions[t].To))
                throw new ScenarioException($"{at}.transitions[{t}].to", $"'{segment.Transitions[t].To}' is not another segment of this scenario; use one of {known}.");
        for (var i = 0; i < segment.Intake.Count; i++)
            if (segment.Intake[i].From is { } from && !Known(from))
                throw new ScenarioException($"{at}.intake[{i}].from", $"'{from}' is not another segment of this scenario; use one of {known}.");
    }

    // Trainees who started long enough ago have already qualified: they belong in staffInPost, not in intake. And the
    // commission programme must be able to finish by the target year.
    private static void CheckTimings(Scenario scenario, Segment segment, string at)
    {
        var a = scenario.AssumptionsFor(segment);
        var rates = Rates.Central(a);
        for (var i = 0; i < segment.Intake.Count; i++)
        {
            var x = segment.Intake[i];
            var qualifies = x.Completes ?? x.Year + rates.Duration(x.Programme, x.Mode);
            if (qualifies <= scenario.StartYear)
                throw new ScenarioException($"{at}.intake", $"{Fmt(x.Trainees)} {x.Programme.Code()} trainees starting in {x.Year} qualify by {qualifies}, before the start year {scenario.StartYear}: count them in staffInPost.");
        }
        var leaving = a[PlanningAssumptions.LeaverRate].High + segment.Transitions.Sum(t => t.Share.High);
        if (segment.Transitions.Count > 0 && leaving > 1)
            throw new ScenarioException($"{at}.transitions", $"leavers and the shares moving out add up to {Fmt(leaving)} at their highest; together they must be at most 1.");
        var w = PlanningEngine.Window(scenario, segment, rates);
        if (w.Last < w.First)
            throw new ScenarioException("targetYear", $"{scenario.TargetYear} is too soon for {segment.CommissionProgramme.Code()} commissions in '{segment.Name}': trainees starting in {w.First} finish in {w.First + rates.Duration(segment.CommissionProgramme)}; choose that year or later.");
    }

    private static IReadOnlyDictionary<AssumptionId, PlanningAssumption> Assumptions(JsonElement e, string at)
    {
        var result = new Dictionary<AssumptionId, PlanningAssumption>();
        var key = at.Contains('.') ? at[(at.LastIndexOf('.') + 1)..] : at;
        if (!e.TryGetProperty(key, out var a) || a.ValueKind == JsonValueKind.Null) return result;
        if (a.ValueKind != JsonValueKind.Object) throw new ScenarioException(at, "must be an object of assumption ids, e.g. {\"PLAN-LEAVERS-01\": 0.09}.");
        foreach (var prop in a.EnumerateObject())
        {
            var p = $"{at}.{prop.Name}";
            if (!PlanningAssumptions.Defaults.TryGetValue(prop.Name, out var d))
                throw new ScenarioException(p, $"is not a planning assumption; known ids: {string.Join(", ", PlanningAssumptions.Defaults.Keys)}.");
            result[prop.Name] = Assumption(d, prop.Value, p);
        }
        return result;
    }

    /// <summary>A point value (a bare number) or {value, low?, high?, source?}, checked against the assumption's kind.</summary>
    private static PlanningAssumption Assumption(PlanningAssumption d, JsonElement v, string p)
    {
        double value, low, high;
        string source = "scenario override";
        if (v.ValueKind == JsonValueKind.Number)
        {
            value = low = high = v.GetDouble(); // a bare number is a point value: certain in this scenario.
        }
        else if (v.ValueKind == JsonValueKind.Object)
        {
            value = Number(v, "value", p + ".value", double.MinValue, double.MaxValue, required: true)!.Value;
            low = Number(v, "low", p + ".low", double.MinValue, double.MaxValue, required: false) ?? value;
            high = Number(v, "high", p + ".high", double.MinValue, double.MaxValue, required: false) ?? value;
            source = Text(v, "source", p + ".source", required: false) ?? source;
            if (low > value || value > high) throw new ScenarioException(p, $"needs low ≤ value ≤ high; got {Fmt(low)}, {Fmt(value)}, {Fmt(high)}.");
        }
        else throw new ScenarioException(p, "must be a number or {value, low?, high?, source?}.");
        CheckRange(d.Id, p, low);
        CheckRange(d.Id, p, high);
        if (d.Id.StartsWith("PLAN-DUR-") && (low != high || value != Math.Round(value)))
            throw new ScenarioException(p, "a programme duration is a whole number of years with no range; run another scenario to test a different length.");
        return d with { Value = value, Low = low, High = high, Source = source, Status = "scenario", Overridden = true };
    }

    private static void CheckRange(AssumptionId id, string at, double v)
    {
        if (PlanningAssumptions.IsShare(id) && (v < 0 || v > 1) && id != PlanningAssumptions.DemandGrowth)
            throw new ScenarioException(at, $"is a share between 0 and 1 (0.08 for 8%); got {Fmt(v)}.");
        if (id == PlanningAssumptions.DemandGrowth && (v <= -1 || v > 1)) throw new ScenarioException(at, $"is a yearly growth between -1 and 1 (0.02 for 2%); got {Fmt(v)}.");
        if (id == PlanningAssumptions.RetirementAge && (v < 50 || v > 80)) throw new ScenarioException(at, $"a retirement age between 50 and 80; got {Fmt(v)}.");
        if (id.StartsWith("PLAN-DUR-") && (v < 1 || v > 10)) throw new ScenarioException(at, $"a duration between 1 and 10 years; got {Fmt(v)}.");
        if ((id == PlanningAssumptions.JoinerWte && (v <= 0 || v > 1)) || (id == PlanningAssumptions.OtherJoiners && v < 0))
            throw new ScenarioException(at, $"is out of range; got {Fmt(v)}.");
    }

    private static TrainingProgramme Programme(JsonElement e, string at) =>
        ProgrammeName(e.TryGetProperty("programme", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "", at);

    private static TrainingProgramme ProgrammeName(string text, string at)
    {
        if (PlanningProgrammes.Parse(text) is { } programme) return programme;
        if (text.Trim().Equals("HSSE", StringComparison.OrdinalIgnoreCase)) throw new ScenarioException(at, "HSSE is an equivalence route, not a commissioned training programme; use PTP, STP or HSST.");
        throw new ScenarioException(at, $"'{text}' is not a commissioned programme; use PTP, STP or HSST.");
    }

    private static string? Text(JsonElement e, string name, string at, bool required)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return required ? throw new ScenarioException(at, "is required.") : null;
        if (v.ValueKind != JsonValueKind.String) throw new ScenarioException(at, "must be text.");
        var s = v.GetString()!.Trim();
        if (required && s.Length == 0) throw new ScenarioException(at, "must not be empty.");
        return s;
    }

    private static int Int(JsonElement e, string name, string at, int min, int max)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) throw new ScenarioException(at, "is required.");
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i)) throw new ScenarioException(at, "must be a whole number.");
        if (i < min || i > max) throw new ScenarioException(at, $"must be between {min} and {max}; got {i}.");
        return i;
    }

    private static double? Number(JsonElement e, string name, string at, double min, double max, bool required)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return required ? throw new ScenarioException(at, "is required.") : null;
        if (v.ValueKind != JsonValueKind.Number) throw new ScenarioException(at, "must be a number.");
        var d = v.GetDouble();
        if (d < min || d > max) throw new ScenarioException(at, $"must be between {Fmt(min)} and {Fmt(max)}; got {Fmt(d)}.");
        return d;
    }

    private static string Fmt(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
}
