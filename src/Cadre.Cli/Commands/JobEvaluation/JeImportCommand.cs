using System.CommandLine;
using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Cli.Commands.JobEvaluation;

/// <summary>
/// <c>cadre je import FILE</c>: reads a suite and reports what an import would bring in. With <c>--data DIR</c> or
/// <c>--postgres CONN</c> it also stores the suite in that database's library: all or nothing, a new version of a profile
/// supersedes the one held, archived profiles stay readable. Exit status 1 when any profile cannot be scored.
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
        DatabaseArguments.AddTo(command);
        command.SetAction(Guarded.Action("cadre je import", async (parse, cancellationToken) =>
        {
            if (!JeOutput.TryReadSuite("import", parse.GetValue(file)!, out var suite, out var status)) return status;
            var errors = suite.Profiles.Sum(p => p.Errors.Count);
            var warnings = suite.Profiles.Sum(p => p.Warnings.Count);
            var store = parse.GetValue(DatabaseArguments.Data) is not null || parse.GetValue(DatabaseArguments.Postgres) is not null;
            JeImportResult? stored = null;
            if (store && errors == 0)
            {
                var database = DatabaseArguments.Read(parse);
                await using var services = DatabaseArguments.Services(database, "cadre je import");
                await using var db = DatabaseArguments.Context(services);
                await db.Database.MigrateAsync(cancellationToken);
                await JeLibraryStore.EnsureSeedAsync(db, cancellationToken);
                stored = await JeLibraryStore.ImportAsync(db, suite, Path.GetFileName(parse.GetValue(file)!), $"cadre je import (by {Environment.UserName})", cancellationToken);
                if (!stored.Succeeded) foreach (var p in stored.Problems) Console.Error.WriteLine($"cadre je import: {p}");
            }
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
                    stored = stored?.Succeeded ?? false,
                    storedSummary = stored?.Summary,
                });
                return errors == 0 && (stored?.Succeeded ?? true) ? 0 : 1;
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
                ? "Valid: every profile can be scored."
                : "Not valid: fix the errors above before importing. Nothing was stored.");
            if (stored is not null) Console.Out.WriteLine(stored.Summary);
            else if (errors == 0) Console.Out.WriteLine("Not stored: give --data DIR or --postgres CONN to store the suite in a Cadre database's library.");
            return errors == 0 && (stored?.Succeeded ?? true) ? 0 : 1;
        }));
        return command;
    }
}
