using System.CommandLine;
using Cadre.Core.JobEvaluation;

namespace Cadre.Cli.Commands.JobEvaluation;

/// <summary>
/// <c>cadre je import FILE</c>: reads a suite and reports what an import would bring in, without storing anything
/// (storing into the library database comes with the web app). Exit status 1 when any profile cannot be scored.
/// </summary>
internal static class JeImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A profile suite printed as tab-separated text." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a report." };
        var command = new Command("import", "Validate a profile suite and report its profiles, archived profiles and every disagreement with the print.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            if (!JeOutput.TryReadSuite("import", parse.GetValue(file)!, out var suite, out var status)) return status;
            var errors = suite.Profiles.Sum(p => p.Errors.Count);
            var warnings = suite.Profiles.Sum(p => p.Warnings.Count);
            if (parse.GetValue(json))
            {
                JeOutput.WriteJson(new
                {
                    suite = suite.Name,
                    version = suite.Version,
                    valid = errors == 0,
                    profiles = suite.Profiles.Select(p => new { title = p.Title, band = p.PrintedBandText, scorable = p.IsScorable, errors = p.Errors, warnings = p.Warnings }),
                    archived = suite.Archived.Select(p => new { title = p.Title, band = p.PrintedBandText, note = p.StatusNote }),
                    notes = suite.Notes,
                });
                return errors == 0 ? 0 : 1;
            }
            Console.Out.WriteLine($"Suite: {suite.Name}, version {suite.Version}");
            Console.Out.WriteLine($"Profiles: {suite.Profiles.Count} read, {suite.Profiles.Count(p => p.IsScorable)} scorable; {warnings} warning(s), {errors} error(s)");
            Console.Out.WriteLine($"Archived (readable, not offered for matching): {suite.Archived.Count}");
            foreach (var a in suite.Archived) Console.Out.WriteLine($"  {a.Title} (band {a.PrintedBandText})");
            foreach (var p in suite.Profiles.Where(p => p.Errors.Count + p.Warnings.Count > 0))
            {
                Console.Out.WriteLine($"{p.Title}:");
                foreach (var e in p.Errors) Console.Out.WriteLine($"  error: {e}");
                foreach (var w in p.Warnings) Console.Out.WriteLine($"  warning: {w}");
            }
            if (suite.Notes.Count > 0)
            {
                Console.Out.WriteLine("About the copy:");
                foreach (var n in suite.Notes) Console.Out.WriteLine($"  {n}");
            }
            Console.Out.WriteLine(errors == 0
                ? "Valid: every profile can be scored. (Storing the suite in the library arrives with the web app.)"
                : "Not valid: fix the errors above before importing.");
            return errors == 0 ? 0 : 1;
        });
        return command;
    }
}
