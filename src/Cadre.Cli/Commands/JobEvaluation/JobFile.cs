using System.Text.Json;
using Cadre.Core.JobEvaluation;

namespace Cadre.Cli.Commands.JobEvaluation;

/// <summary>
/// Reads JOB.json: <c>{"title": "...", "levels": [16 levels]}</c> or a bare array of 16 levels. A level is a whole
/// number or a string in level notation holding one level (e.g. "4a"). See docs/decisions/je-cli-contract.md.
/// </summary>
internal static class JobFile
{
    public static Job Read(string path, FactorPlan plan)
    {
        if (!File.Exists(path)) throw new FormatException($"file '{path}' not found.");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new FormatException($"'{path}' is not valid JSON: {ex.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            var title = Path.GetFileNameWithoutExtension(path);
            JsonElement levels;
            if (root.ValueKind == JsonValueKind.Array) levels = root;
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("levels", out levels))
            {
                if (root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String) title = t.GetString()!;
                if (levels.ValueKind != JsonValueKind.Array) throw new FormatException($"'{path}': \"levels\" must be an array of {FactorPlan.FactorCount} levels.");
            }
            else throw new FormatException($"'{path}' must be an array of {FactorPlan.FactorCount} levels or an object {{\"title\": ..., \"levels\": [...]}}.");

            var texts = new List<string>();
            foreach (var e in levels.EnumerateArray())
            {
                texts.Add(e.ValueKind switch
                {
                    JsonValueKind.Number when e.TryGetInt32(out var n) => n.ToString(),
                    JsonValueKind.String => e.GetString()!,
                    _ => throw new FormatException($"'{path}': level {texts.Count + 1} is {e.GetRawText()}; a level is a whole number or notation such as \"4a\"."),
                });
            }
            if (texts.Count != FactorPlan.FactorCount)
                throw new FormatException($"'{path}': a job needs one level for each of the {FactorPlan.FactorCount} factors; {texts.Count} given.");
            return Job.Parse(title, texts, plan);
        }
    }
}
