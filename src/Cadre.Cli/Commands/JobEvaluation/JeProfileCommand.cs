using System.CommandLine;
using Cadre.Core.JobEvaluation;

namespace Cadre.Cli.Commands.JobEvaluation;

/// <summary><c>cadre je profile TITLE</c>: one library profile with its factors, levels, descriptors, points and total.</summary>
internal static class JeProfileCommand
{
    public static Command Create()
    {
        var title = new Argument<string?>("TITLE") { Description = "Profile title (omit to list the library).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("profile", "List the national profile library, or show one profile with its working.");
        command.Arguments.Add(title);
        JeDatabaseLibrary.AddTo(command);
        command.SetAction(Guarded.Action("cadre je profile", async (parse, cancel) =>
        {
            var reference = JeReference.Default;
            var library = await JeDatabaseLibrary.LoadAsync(parse, "cadre je profile", cancel);
            var wanted = parse.GetValue(title);
            if (wanted is null)
            {
                Console.Out.WriteLine($"Library: {library.Source}");
                JeOutput.Table(["Suite", "Profile", "Band", "Version", "Status"], library.All.Select(p => (IReadOnlyList<string>)
                    [p.Suite, p.Title, p.PrintedBandText ?? "-", p.Version, p.Status == ProfileStatus.Current ? "current" : $"{p.Status.ToString().ToLowerInvariant()}: {p.StatusNote}"]));
                return 0;
            }
            var profile = library.Find(wanted);
            if (profile is null) return JeOutput.Fail("profile", $"no profile titled '{wanted}' in {library.Source}. Run 'cadre je profile' (with the same --data or --postgres) for the list.");
            Console.Out.WriteLine($"{profile.Suite} - {profile.Title} (band {profile.PrintedBandText}, version {profile.Version}, {profile.Status.ToString().ToLowerInvariant()})");
            if (profile.StatusNote is not null) Console.Out.WriteLine(profile.StatusNote);
            if (!profile.IsScorable)
            {
                Console.Out.WriteLine("No factor levels held for this profile.");
                return 0;
            }
            Console.Out.WriteLine($"Job statement: {profile.JobStatement}");
            Console.Out.WriteLine();
            var score = reference.Scorer.Score(profile.Ranges, profile.PrintedBand);
            JeOutput.Table(["#", "Factor", "Level", "Points", "What the levels mean"], score.Factors.Select(f => (IReadOnlyList<string>)
            [
                f.Factor.Number.ToString(), f.Factor.ShortName, f.Levels.Notation, JeOutput.Range(f.MinPoints, f.MaxPoints),
                string.Join(" / ", f.Levels.Choices.Select(c => c.SubLetters.Length == 0
                    ? f.Factor.Level(c.Level).Descriptor
                    : string.Join("; ", c.SubLetters.Select(l => $"{c.Level}({l}) {f.Factor.Level(c.Level).SubCriterion(l)?.Descriptor ?? f.Factor.Level(c.Level).Descriptor}")))),
            ]));
            Console.Out.WriteLine();
            foreach (var line in score.Explain().TakeLast(3)) Console.Out.WriteLine(line);
            foreach (var w in profile.Warnings) Console.Out.WriteLine($"Warning: {w}");
            return 0;
        }));
        return command;
    }
}
