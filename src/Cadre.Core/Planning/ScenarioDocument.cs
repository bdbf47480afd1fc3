using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cadre.Core.Planning;

/// <summary>
/// A scenario as the planner edits and saves it: the JSON shape of docs/decisions/planning-scenario-json.md, as plain
/// mutable objects. <see cref="Scenario"/> is what the engine runs (annual intake already spread over the years); this
/// keeps what the planner typed (the annual intake as one number), so an edited and saved scenario reads back as written.
/// It checks nothing itself: <see cref="Parse"/> goes through <see cref="ScenarioJson.Parse"/>, the one validator.
/// </summary>
public sealed class ScenarioDocument
{
    public string Name { get; set; } = "";
    public string? StaffGroup { get; set; }
    public int StartYear { get; set; }
    public int Years { get; set; }
    public int TargetYear { get; set; }
    public Dictionary<string, AssumptionDocument> Assumptions { get; set; } = new(StringComparer.Ordinal);
    public List<SegmentDocument> Segments { get; set; } = [];
    /// <summary>What the confident intake must keep to; null keeps the defaults (and the file as it was).</summary>
    public CommissioningDocument? Commissioning { get; set; }
    /// <summary>Retirement by age and leaver rates by age band; null keeps the single age and rate.</summary>
    public ExitsByAgeDocument? ExitsByAge { get; set; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // Assumption ids (PLAN-…) are dictionary keys: keep them as written, not camel-cased.
        DictionaryKeyPolicy = null,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads the stored text; a malformed document is reported the way <see cref="ScenarioJson"/> reports it.</summary>
    public static ScenarioDocument FromJson(string json)
    {
        ScenarioJson.Parse(json); // the one validator: names the first bad field
        return JsonSerializer.Deserialize<ScenarioDocument>(json, Options) ?? throw new ScenarioException("scenario", "is empty.");
    }

    /// <summary>The scenario the engine runs, or a <see cref="ScenarioException"/> naming the bad field.</summary>
    public Scenario Parse() => ScenarioJson.Parse(ToJson());
}

public sealed class ExitsByAgeDocument
{
    public List<RetirementAtAge>? Retirement { get; set; }
    public List<LeaverBand>? Leavers { get; set; }
    public string? Source { get; set; }
}

public sealed class CommissioningDocument
{
    public double? ToleranceWte { get; set; }
    public double? ShareOfRuns { get; set; }
}

/// <summary>An assumption override: a point value, or a value with the range the Monte Carlo run samples.</summary>
public sealed class AssumptionDocument
{
    public double Value { get; set; }
    public double? Low { get; set; }
    public double? High { get; set; }
    public string? Source { get; set; }
}

public sealed class SegmentDocument
{
    /// <summary>Given only when transitions or in-service intake must name the segment by something steadier than its name.</summary>
    public string? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Level { get; set; }
    public string? Band { get; set; }
    public string? Specialism { get; set; }
    public double EstablishmentWte { get; set; }
    public List<StaffCohortDocument> StaffInPost { get; set; } = [];
    public List<IntakeDocument> Intake { get; set; } = [];
    /// <summary>Planned trainees starting in every projected year, by programme (PTP, STP, HSST).</summary>
    public Dictionary<string, double>? AnnualIntake { get; set; }
    public string CommissionProgramme { get; set; } = "STP";
    public Dictionary<string, AssumptionDocument>? Assumptions { get; set; }
    /// <summary>Staff moving each year to another segment (promotion, in-service training).</summary>
    public List<TransitionDocument>? Transitions { get; set; }

    [JsonIgnore] public double StaffInPostWte => StaffInPost.Sum(c => c.Wte);
    [JsonIgnore] public double StaffInPostHeadcount => StaffInPost.Sum(c => c.Headcount);
    [JsonIgnore] public double Trainees => Intake.Sum(i => i.Trainees);
}

public sealed class StaffCohortDocument
{
    public int? YearOfBirth { get; set; }
    public double Headcount { get; set; }
    public double Wte { get; set; }
}

public sealed class IntakeDocument
{
    public string Programme { get; set; } = "";
    public int Year { get; set; }
    public double Trainees { get; set; }
    /// <summary>The segment in-service trainees are staff of until they complete (for example HSST trainees in the scientists).</summary>
    public string? From { get; set; }
    /// <summary>"part-time" for trainees taking the part-time length; null or "full-time" otherwise.</summary>
    public string? Mode { get; set; }
    /// <summary>The year they are expected to complete (from the register's expected end date), when known.</summary>
    public int? Completes { get; set; }
}

public sealed class TransitionDocument
{
    public string To { get; set; } = "";
    public AssumptionDocument Share { get; set; } = new();
}
