using System.CommandLine;
using Cadre.Core.JobEvaluation;

namespace Cadre.Cli.Commands.JobEvaluation;

/// <summary>
/// <c>cadre je score FILE</c> scores every profile of a printed suite and reports disagreements with the print;
/// <c>cadre je score --levels "L1,...,L16"</c> scores one job; <c>cadre je score --data DIR</c> (or <c>--postgres CONN</c>)
/// scores every current profile of that database's library.
/// </summary>
internal static class JeScoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "A profile suite printed as tab-separated text (the layout NHS Employers prints its national profiles in).", Arity = ArgumentArity.ZeroOrOne };
        var levels = new Option<string?>("--levels") { Description = "Score one job: 16 levels separated by commas, factor 1 first (e.g. \"4,5,3,2,3,5,1,2,2,1,2,3,4,3,4,4\"; sub-letters allowed, e.g. 4a)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("score", "Score a profile suite (FILE) or one job (--levels) and give the band.");
        command.Arguments.Add(file);
        command.Options.Add(levels);
        command.Options.Add(json);
        JeDatabaseLibrary.AddTo(command);
        command.SetAction(Guarded.Action("cadre je score", async (parse, cancel) =>
        {
            var path = parse.GetValue(file);
            var levelText = parse.GetValue(levels);
            var asJson = parse.GetValue(json);
            var database = JeDatabaseLibrary.Requested(parse);
            if (path is not null && levelText is not null) return JeOutput.Fail("score", "give either FILE or --levels, not both.");
            if (database && (path is not null || levelText is not null))
                return JeOutput.Fail("score", "--data/--postgres scores the database's library; give FILE, --levels or a database, not more than one.");
            if (levelText is not null) return ScoreLevels(levelText, asJson);
            if (path is not null)
            {
                if (!JeOutput.TryReadSuite("score", path, out var suite, out var status)) return status;
                return ScoreProfiles($"{suite.Name} (version {suite.Version}): {suite.Profiles.Count} profiles, {suite.Archived.Count} archived", suite.Profiles, asJson);
            }
            if (database)
            {
                var library = await JeDatabaseLibrary.LoadAsync(parse, "cadre je score", cancel);
                var current = library.All.Where(p => p.Status == ProfileStatus.Current).ToList();
                return ScoreProfiles($"{library.Source}: {current.Count} current profiles, {library.All.Count(p => p.Status == ProfileStatus.Archived)} archived", current, asJson);
            }
            return JeOutput.Fail("score", "give a suite FILE or --levels \"L1,...,L16\"; or --data DIR / --postgres CONN to score a database's library.");
        }));
        return command;
    }

    private static int ScoreLevels(string text, bool asJson)
    {
        var reference = JeReference.Default;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != FactorPlan.FactorCount)
            return JeOutput.Fail("score", $"--levels needs {FactorPlan.FactorCount} levels separated by commas, factor 1 first; {parts.Length} given.");
        JobScore score;
        try
        {
            score = reference.Scorer.Score(Job.Parse("", parts, reference.Plan));
        }
        catch (Exception ex) when (ex is FormatException or LevelOutOfRangeException)
        {
            return JeOutput.Fail("score", ex.Message);
        }
        if (asJson)
        {
            JeOutput.WriteJson(new { total = score.Total, band = score.BandName });
            return 0;
        }
        JeOutput.Table(["#", "Factor", "Level", "Points", "Level descriptor"], score.Factors.Select(f => (IReadOnlyList<string>)
        [
            f.Factor.Number.ToString(), f.Factor.Name, f.Level.ToString(), f.Points.ToString(), f.Factor.Level(f.Level.Level).Descriptor,
        ]));
        Console.Out.WriteLine();
        Console.Out.WriteLine($"Total {score.Total}, band {score.BandName}{(score.Band is JeBand.AboveBandNine ? " (above 765: outside Agenda for Change, not banded)" : "")}");
        Console.Out.WriteLine();
        Console.Out.WriteLine("Rules:");
        foreach (var rule in score.Explain().Select(l => l.Rule).Distinct()) Console.Out.WriteLine($"  {rule}");
        Console.Out.WriteLine($"Factor plan {reference.Plan.Version}; band ranges {reference.Bands.Version}.");
        return 0;
    }

    private static int ScoreProfiles(string heading, IReadOnlyList<NationalProfile> profiles, bool asJson)
    {
        var scorer = JeReference.Default.Scorer;
        var rows = profiles.Select(p =>
        {
            var score = p.IsScorable ? scorer.Score(p.Ranges, p.PrintedBand) : null;
            return (Profile: p, Score: score);
        }).ToList();

        if (asJson)
        {
            JeOutput.WriteJson(rows.Select(r => new
            {
                title = r.Profile.Title,
                computedMin = r.Score?.Min,
                computedMax = r.Score?.Max,
                bands = r.Score is null ? Array.Empty<string>() : new[] { r.Score.MinBandName, r.Score.MaxBandName },
                printedMin = r.Profile.PrintedTotal?.Min,
                printedMax = r.Profile.PrintedTotal?.Max,
                printedBand = r.Profile.PrintedBandText,
                warnings = r.Profile.Errors.Concat(r.Profile.Warnings).ToArray(),
            }));
            return 0;
        }

        Console.Out.WriteLine(heading);
        Console.Out.WriteLine();
        JeOutput.Table(["Profile", "Computed", "Band(s)", "Printed", "Printed band", "Check"], rows.Select(r => (IReadOnlyList<string>)
        [
            r.Profile.Title,
            r.Score is null ? "-" : JeOutput.Range(r.Score.Min, r.Score.Max),
            r.Score is null ? "-" : JeOutput.Bands(r.Score.MinBandName, r.Score.MaxBandName),
            r.Profile.PrintedTotal?.ToString() ?? "-",
            r.Profile.PrintedBandText ?? "-",
            r.Profile.Errors.Count > 0 ? "CANNOT SCORE" : r.Profile.Warnings.Count > 0 ? $"{r.Profile.Warnings.Count} warning(s)" : "agrees",
        ]));
        var flagged = rows.Where(r => r.Profile.Errors.Count + r.Profile.Warnings.Count > 0).ToList();
        if (flagged.Count > 0)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine("Where the print disagrees with the levels:");
            foreach (var r in flagged)
                foreach (var w in r.Profile.Errors.Concat(r.Profile.Warnings))
                    Console.Out.WriteLine($"  {r.Profile.Title}: {w}");
        }
        return 0;
    }
}
