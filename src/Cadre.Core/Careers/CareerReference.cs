namespace Cadre.Core.Careers;

/// <summary>A role of the MSC career framework (Modernising Scientific Careers: The England Action Plan (DH 2010) Annex 3) with its levels, usual bands and register.</summary>
public sealed record CareerRole(string Id, string Name, string CareerFrameworkLevels, string TypicalBands, string Registration, string EntryRequirement, string Citation);

/// <summary>A training programme or equivalence route: how long, who may enter, what it leads to.</summary>
public sealed record TrainingProgrammeFacts(string Id, string Name, int? DurationYears, string Entry, string Outcome, string Citation);

/// <summary>One step from a credential to another, by training or by equivalence, with its rule id and source.</summary>
/// <remarks><c>Programme</c> is the national programme the step is taken on, if any: it lets a trainee already on it see the route as in progress.</remarks>
public sealed record RouteStep(string Id, Credential From, Credential To, string Via, Cadre.Core.Register.TrainingProgramme? Programme, string Kind, int? Years, string Condition, string Citation)
{
    public bool IsEquivalence => Kind == "equivalence";
}

/// <summary>The career facts in reference/careers/, compiled in. Parsed once.</summary>
public sealed class CareerReference
{
    public IReadOnlyList<CareerRole> Roles { get; }
    public IReadOnlyList<TrainingProgrammeFacts> Programmes { get; }
    public IReadOnlyList<RouteStep> Steps { get; }

    private CareerReference(IReadOnlyList<CareerRole> roles, IReadOnlyList<TrainingProgrammeFacts> programmes, IReadOnlyList<RouteStep> steps)
    {
        Roles = roles;
        Programmes = programmes;
        Steps = steps;
    }

    private static readonly Lazy<CareerReference> Shared = new(Load);

    public static CareerReference Default => Shared.Value;

    public TrainingProgrammeFacts Programme(string id) =>
        Programmes.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No programme '{id}' in reference/careers/programmes.tsv.");

    private static CareerReference Load()
    {
        var roles = Tsv("careers/roles.tsv").Select(r => new CareerRole(r[0], r[1], r[2], r[3], r[4], r[5], r[6])).ToList();
        var programmes = Tsv("careers/programmes.tsv").Select(r => new TrainingProgrammeFacts(r[0], r[1], Years(r[2]), r[3], r[4], r[5])).ToList();
        var steps = Tsv("careers/routes.tsv").Select(r => new RouteStep(r[0], Enum.Parse<Credential>(r[1]), Enum.Parse<Credential>(r[2]), r[3], r[4].Length == 0 ? null : Enum.Parse<Cadre.Core.Register.TrainingProgramme>(r[4], true), r[5], Years(r[6]), r[7], r[8])).ToList();
        return new CareerReference(roles, programmes, steps);
    }

    // An empty duration means the source sets none (equivalence is by portfolio, assistant learning is local).
    private static int? Years(string text) => text.Length == 0 ? null : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Tsv(string path) =>
        ReferenceFiles.ReadAllText(path).Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(l => l.Split('\t'));
}
