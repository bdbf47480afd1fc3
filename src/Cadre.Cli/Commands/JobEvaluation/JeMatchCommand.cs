using System.CommandLine;
using Cadre.Core.JobEvaluation;

namespace Cadre.Cli.Commands.JobEvaluation;

/// <summary><c>cadre je match JOB.json</c>: ranks the library's current profiles for a job and explains each outcome.</summary>
internal static class JeMatchCommand
{
    public static Command Create()
    {
        var job = new Argument<string>("JOB") { Description = "The job: JSON {\"title\": \"...\", \"levels\": [16 levels]} or a bare array of 16 levels." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var top = new Option<int?>("--top") { Description = "Show only the best N candidates (default: every profile offered for matching)." };
        var policy = new Option<string?>("--policy") { Description = "Matching policy id, for example afc-common-5 or afc-protect-kte (default: Cadre's default policy)." };
        var suites = new Option<string[]>("--suite") { Description = "Also match against this suite file (repeatable); its profiles supersede shipped ones of the same title.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("match", "Rank the national profiles for a job given as 16 factor levels: match, match with variations or no match, with reasons.");
        command.Arguments.Add(job);
        command.Options.Add(json);
        command.Options.Add(top);
        command.Options.Add(policy);
        command.Options.Add(suites);
        JeDatabaseLibrary.AddTo(command);
        command.SetAction(Guarded.Action("cadre je match", (parse, cancel) =>
            Run(parse, parse.GetValue(job)!, parse.GetValue(json), parse.GetValue(top), parse.GetValue(policy), parse.GetValue(suites) ?? [], cancel)));
        return command;
    }

    private static async Task<int> Run(ParseResult parse, string jobPath, bool asJson, int? top, string? policyId, string[] suitePaths, CancellationToken cancel)
    {
        var reference = JeReference.Default;
        if (top is <= 0) return JeOutput.Fail("match", "--top must be 1 or more.");
        Job job;
        MatchingPolicy policy;
        try
        {
            job = JobFile.Read(jobPath, reference.Plan);
            policy = policyId is null ? reference.Policies.Default : reference.Policies.Get(policyId);
        }
        catch (Exception ex) when (ex is FormatException or LevelOutOfRangeException or KeyNotFoundException)
        {
            return JeOutput.Fail("match", ex.Message);
        }

        var extra = new List<ProfileSuite>();
        foreach (var path in suitePaths)
        {
            if (!JeOutput.TryReadSuite("match", path, out var suite, out var status)) return status;
            extra.Add(suite);
        }
        var library = await JeDatabaseLibrary.LoadAsync(parse, "cadre je match", cancel);
        var profiles = library.All.ToList();
        foreach (var suite in extra)
        {
            // A suite given on the command line supersedes the profiles of the same suite and title.
            var keys = suite.All.Select(p => p.Key).ToHashSet();
            profiles = profiles.Select(p => p.Status == ProfileStatus.Current && keys.Contains(p.Key) ? p with { Status = ProfileStatus.Superseded } : p).Concat(suite.All).ToList();
        }
        var ranker = new ProfileRanker(reference.Scorer, policy, profiles.Where(p => p.IsOfferedForMatching).ToList());
        var results = ranker.Rank(job, top);
        var jobScore = reference.Scorer.Score(job);

        if (asJson)
        {
            JeOutput.WriteJson(results.Select((r, i) => new
            {
                rank = i + 1,
                suite = r.Profile.Suite,
                title = r.Profile.Title,
                version = r.Profile.Version,
                profileBand = r.Profile.PrintedBandText,
                outcome = r.Outcome.ToText(),
                band = r.Outcome == MatchOutcome.NoMatch ? null : r.BandName,
                recalculatedTotal = r.RecalculatedTotal,
                recalculatedBand = r.RecalculatedBand.Name,
                variedFactors = r.VariedFactorCount,
                variations = r.Variations.Select(v => new
                {
                    factor = v.Factor.Number,
                    name = v.Factor.Name,
                    jobLevel = v.JobLevel.ToString(),
                    profileLevels = v.ProfileLevels.Notation,
                    levels = v.LevelsVaried,
                    direction = v.Direction,
                    jobPoints = v.JobPoints,
                    profilePoints = JeOutput.Range(v.ProfileMinPoints, v.ProfileMaxPoints),
                }),
                reasons = r.Reasons.Select(l => $"{l.Rule.Id}: {l.Text}"),
                rules = r.Reasons.Select(l => l.Rule).Distinct().Select(rule => new { id = rule.Id, citation = rule.Citation }),
                policy = r.Policy.Id,
            }));
            return 0;
        }

        Console.Out.WriteLine($"Job: {job.Title} — levels {string.Join(",", job.Levels)}; total {jobScore.Total}, band {jobScore.BandName}");
        Console.Out.WriteLine($"Policy: {policy.Describe()}");
        Console.Out.WriteLine($"Library: {library.Source}; {ranker.Profiles.Count} profiles offered for matching ({profiles.Count(p => p.Status == ProfileStatus.Archived)} archived, not offered)");
        Console.Out.WriteLine();
        JeOutput.Table(["#", "Profile", "Band", "Outcome", "Varied", "Total", "Gives band"], results.Select((r, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(), r.Profile.Title, r.Profile.PrintedBandText ?? "-", r.Outcome.ToText(), r.VariedFactorCount.ToString(),
            r.RecalculatedTotal.ToString(), r.Outcome == MatchOutcome.NoMatch ? "-" : r.BandName,
        ]));
        foreach (var (r, i) in results.Select((r, i) => (r, i)).Take(3))
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine($"{i + 1}. {r.Profile.Title} ({r.Profile.Suite}, band {r.Profile.PrintedBandText}): {r.Outcome.ToText()}");
            foreach (var line in r.Reasons) Console.Out.WriteLine($"   - {line.Rule.Id}: {line.Text}");
        }
        Console.Out.WriteLine();
        Console.Out.WriteLine("Rules cited:");
        foreach (var rule in results.Take(3).SelectMany(r => r.Reasons).Select(l => l.Rule).Distinct().OrderBy(r => r.Id))
            Console.Out.WriteLine($"  {rule}");
        return 0;
    }
}
