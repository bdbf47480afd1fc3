using System.Text.Json;

namespace Cadre.Core.JobEvaluation;

/// <summary>
/// The rules a matching panel applies when a job varies from a profile. The handbook's exact limits could not be
/// confirmed (handbook digest section 3.2), so they are data and every outcome names the policy it used.
/// </summary>
/// <param name="MaxVariedFactors">Most factors that may differ from the profile for a match (JE-MATCH-03).</param>
/// <param name="ProtectedFactors">Factors that may not differ at all (JE-MATCH-04).</param>
/// <param name="MaxLevelsPerVariation">Most levels one factor may differ by; null for no limit (JE-MATCH-05).</param>
/// <param name="RecalculatedTotalMustStayInBand">Whether the re-scored total must stay in the profile's band (JE-MATCH-06).</param>
public sealed record MatchingPolicy(
    string Id, string Name, int MaxVariedFactors, IReadOnlySet<int> ProtectedFactors, int? MaxLevelsPerVariation,
    bool RecalculatedTotalMustStayInBand, string Source)
{
    public string Describe()
    {
        var protectedText = ProtectedFactors.Count == 0 ? "no protected factors" : $"factors {string.Join(", ", ProtectedFactors.Order())} may not vary";
        var levels = MaxLevelsPerVariation is { } m ? $"at most {m} level(s) per variation" : "no limit on levels per variation";
        var band = RecalculatedTotalMustStayInBand ? "recalculated total must stay in the profile's band" : "band taken from the recalculated total";
        return $"{Id}: at most {MaxVariedFactors} varied factors; {protectedText}; {levels}; {band}";
    }
}

/// <summary>The matching policies shipped in reference/job-evaluation/matching-policies.json, with the default named there.</summary>
public sealed record MatchingPolicies(string DefaultId, IReadOnlyList<MatchingPolicy> Policies)
{
    public MatchingPolicy Default => Get(DefaultId);

    public MatchingPolicy Get(string id) =>
        Policies.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No matching policy '{id}'. Known: {string.Join(", ", Policies.Select(p => p.Id))}.");

    public static MatchingPolicies Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var policies = new List<MatchingPolicy>();
        foreach (var p in root.GetProperty("policies").EnumerateArray())
        {
            var protectedFactors = p.TryGetProperty("protectedFactors", out var pf) ? pf.EnumerateArray().Select(e => e.GetInt32()).ToHashSet() : [];
            if (protectedFactors.Any(f => f is < 1 or > FactorPlan.FactorCount)) throw new FormatException("matching-policies.json: protected factors must be 1 to 16.");
            int? maxLevels = p.TryGetProperty("maxLevelsPerVariation", out var ml) && ml.ValueKind == JsonValueKind.Number ? ml.GetInt32() : null;
            policies.Add(new MatchingPolicy(
                p.GetProperty("id").GetString()!,
                p.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "",
                p.GetProperty("maxVariedFactors").GetInt32(),
                protectedFactors,
                maxLevels,
                !p.TryGetProperty("recalculatedTotalMustStayInBand", out var b) || b.GetBoolean(),
                p.TryGetProperty("source", out var s) ? s.GetString() ?? "" : ""));
        }
        var result = new MatchingPolicies(root.GetProperty("default").GetString()!, policies);
        _ = result.Default;
        return result;
    }
}
