using System.Globalization;
using System.Text;

namespace Cadre.Bench.Planning;

/// <summary>
/// A national-size planning scenario for the bench (issue 8): specialisms × levels segments, each with staff by year
/// of birth, a training intake at its entry levels, and a promotion share (with its own range) to the next level, so
/// every segment draws its own figures each run: the engine's worst case. Figures are invented with a fixed seed.
/// </summary>
public static class NationalScenario
{
    private static readonly (string Level, string Band, string Programme)[] Levels =
    [
        ("Practitioner", "4", "PTP"), ("Practitioner", "5", "PTP"), ("Practitioner", "6", "PTP"), ("Clinical Scientist", "6", "STP"),
        ("Clinical Scientist", "7", "STP"), ("Clinical Scientist", "8a", "STP"), ("Clinical Scientist", "8b", "STP"),
        ("Consultant", "8c", "HSST"), ("Consultant", "8d", "HSST"), ("Consultant", "9", "HSST"),
    ];

    public static string Json(int specialisms = 50, int years = 25, int seed = 2026)
    {
        var random = new Random(seed);
        const int start = 2025;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $$"""{ "name": "National Healthcare Science, {{specialisms}} specialisms", "staffGroup": "Healthcare Science", "startYear": {{start}}, "years": {{years}}, "targetYear": {{start + 8}}, "segments": [""");
        var first = true;
        for (var s = 0; s < specialisms; s++)
            for (var l = 0; l < Levels.Count(); l++)
            {
                var (level, band, programme) = Levels[l];
                var id = $"s{s}-l{l}";
                var staff = string.Join(", ", Enumerable.Range(1958, 46).Select(y =>
                {
                    var heads = random.Next(0, 6);
                    return $$"""{ "yearOfBirth": {{y}}, "headcount": {{heads}}, "wte": {{(heads * (0.8 + 0.2 * random.NextDouble())).ToString("0.00", inv)}} }""";
                }));
                var intake = l is 0 or 3 or 7 ? $$""", "intake": [ { "programme": "{{programme}}", "year": {{start}}, "trainees": {{random.Next(1, 6)}} } ], "annualIntake": { "{{programme}}": {{random.Next(1, 6)}} }""" : "";
                var next = l + 1 < Levels.Length && l is not 2 and not 6 ? $$""", "transitions": [ { "to": "s{{s}}-l{{l + 1}}", "share": { "value": 0.05, "low": 0.03, "high": 0.08, "source": "bench" } } ]""" : "";
                sb.Append(first ? "" : ",").Append(inv, $$"""
                  { "id": "{{id}}", "name": "Specialism {{s}}, {{level}} band {{band}}", "level": "{{level}}", "band": "{{band}}", "establishmentWte": {{random.Next(60, 140)}},
                    "commissionProgramme": "{{programme}}", "staffInPost": [ {{staff}} ]{{intake}}{{next}} }
                """);
                first = false;
            }
        sb.Append("] }");
        return sb.ToString();
    }
}
