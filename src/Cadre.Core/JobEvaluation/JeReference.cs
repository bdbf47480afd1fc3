namespace Cadre.Core.JobEvaluation;

/// <summary>
/// The job evaluation reference data shipped with Cadre (reference/job-evaluation/): factor plan and descriptors,
/// band ranges, matching policies and the national profile suites. Loaded once from the embedded files.
/// </summary>
public sealed class JeReference
{
    private const string Folder = "job-evaluation/";
    private static readonly Lazy<JeReference> Shipped = new(Load);

    public static JeReference Default => Shipped.Value;

    public required FactorPlan Plan { get; init; }
    public required BandRanges Bands { get; init; }
    public required MatchingPolicies Policies { get; init; }
    public required JobEvaluationScorer Scorer { get; init; }
    public required IReadOnlyList<(string File, string Suite, string Version)> SuiteFiles { get; init; }

    /// <summary>A fresh library holding the shipped suites (callers may import more into it).</summary>
    public ProfileLibrary LoadLibrary()
    {
        var reader = new ProfileSuiteReader(Plan, Bands);
        var library = new ProfileLibrary();
        foreach (var (file, suite, version) in SuiteFiles)
        {
            using var text = new StreamReader(ReferenceFiles.Open(Folder + "profiles/" + file));
            library.Import(reader.Read(text, suite, version));
        }
        return library;
    }

    public ProfileSuiteReader SuiteReader() => new(Plan, Bands);

    private static JeReference Load()
    {
        var versions = Csv.ReadRows(new StringReader(ReferenceFiles.ReadAllText(Folder + "versions.csv")))
            .ToDictionary(r => r[0], r => r[1]);
        using var planCsv = new StreamReader(ReferenceFiles.Open(Folder + "factor-plan.csv"));
        using var descriptorsCsv = new StreamReader(ReferenceFiles.Open(Folder + "level-descriptors.csv"));
        var plan = FactorPlan.Parse(planCsv, descriptorsCsv, versions.GetValueOrDefault("factor-plan.csv", "unversioned"));
        using var bandsCsv = new StreamReader(ReferenceFiles.Open(Folder + "band-ranges.csv"));
        var bands = BandRanges.Parse(bandsCsv, versions.GetValueOrDefault("band-ranges.csv", "unversioned"));
        var policies = MatchingPolicies.Parse(ReferenceFiles.ReadAllText(Folder + "matching-policies.json"));
        var suites = Csv.ReadRows(new StringReader(ReferenceFiles.ReadAllText(Folder + "profiles/suites.csv")))
            .Select(r => (r[0], r[1], r[2])).ToList();
        return new JeReference { Plan = plan, Bands = bands, Policies = policies, Scorer = new JobEvaluationScorer(plan, bands), SuiteFiles = suites };
    }
}
