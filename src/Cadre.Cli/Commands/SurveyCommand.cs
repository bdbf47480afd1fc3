using System.CommandLine;
using Cadre.Core.Surveys;
using Cadre.Data.Intelligence;
using Cadre.Data.Security;
using Cadre.Data.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Cli.Commands;

/// <summary>
/// <c>cadre survey import FILE --survey TITLE</c>: a survey tool's response file (CSV or XLSX), all or nothing, each
/// problem named by file, row, column and value; <c>cadre survey report --survey TITLE --out FILE</c>: the survey's
/// results (.csv, .xlsx or .md), under disclosure control as on the page (docs/decisions/surveys.md).
/// </summary>
public static class SurveyCommand
{
    public static Command Create()
    {
        var command = new Command("survey", "Import a survey's responses, or write its results (response rates, themes, chosen quotes).");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Report());
        return command;
    }

    private static Option<string> SurveyOption() => new("--survey") { Description = "The survey's title, as defined on the Surveys page.", Required = true };
    private static Option<string?> OrganisationOption() => new("--org", "--organisation") { Description = "ODS code of the organisation; needed when the database holds more than one." };

    private static Command Import()
    {
        var command = new Command("import", "Import a response file (a row a response, a column a question) into a survey: all or nothing.");
        var file = new Argument<string>("file") { Description = "The .csv or .xlsx file your survey tool exported." };
        var survey = SurveyOption();
        var organisation = OrganisationOption();
        command.Arguments.Add(file);
        command.Options.Add(survey);
        command.Options.Add(organisation);
        DatabaseArguments.AddTo(command);
        command.SetAction(Guarded.Action("cadre survey import", async (parse, cancel) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"{path}: no such file.");
            await using var services = DatabaseArguments.Services(DatabaseArguments.Read(parse), "cadre survey import");
            await using var db = await ScopedAsync(services, parse.GetValue(organisation), "cadre survey import", cancel);
            var found = await FindAsync(db, parse.GetValue(survey)!, cancel);
            await using var stream = File.OpenRead(path);
            var result = await new SurveyResponseImporter(db).ImportAsync(found.Id, stream, path, cancel);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems) Console.Error.WriteLine(problem);
                throw new CliException(result.Summary);
            }
            Console.WriteLine($"Imported {result.RowsRead} responses from {result.File} into '{found.Title}'.");
            return 0;
        }));
        return command;
    }

    private static Command Report()
    {
        var command = new Command("report", "Write a survey's results to .csv, .xlsx or .md (small counts hidden).");
        var survey = SurveyOption();
        var organisation = OrganisationOption();
        var output = new Option<string>("--out", "-o") { Description = "Where to write: a .csv, .xlsx or .md file.", Required = true };
        command.Options.Add(survey);
        command.Options.Add(organisation);
        command.Options.Add(output);
        DatabaseArguments.AddTo(command);
        command.SetAction(Guarded.Action("cadre survey report", async (parse, cancel) =>
        {
            var path = parse.GetValue(output)!;
            ReportFile.Format format;
            try { format = ReportFile.FormatFor(path); }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            await using var services = DatabaseArguments.Services(DatabaseArguments.Read(parse), "cadre survey report");
            await using var db = await ScopedAsync(services, parse.GetValue(organisation), "cadre survey report", cancel);
            var found = await FindAsync(db, parse.GetValue(survey)!, cancel);
            var report = SurveyReport.Build(await SurveyQueries.FiguresAsync(db, found, DateOnly.FromDateTime(DateTime.UtcNow), cancel));
            await OutputFile.WriteAsync(path, stream => { ReportFile.Write(report, stream, format); return Task.FromResult(0); });
            Console.WriteLine($"Wrote the results of '{found.Title}' ({report.Tables.Count} tables) to {path}.");
            return 0;
        }));
        return command;
    }

    /// <summary>A context confined to one organisation, through the same query filters the web app uses.</summary>
    private static async Task<Data.CadreDbContext> ScopedAsync(ServiceProvider services, string? ods, string who, CancellationToken cancel)
    {
        Guid organisation;
        await using (var system = DatabaseArguments.Context(services))
            organisation = (await DatabaseArguments.FindOrganisationAsync(system, ods, cancel)).Id;
        return new Data.CadreDbContext(services.GetRequiredService<DbContextOptions<Data.CadreDbContext>>(), OrganisationScope.For([organisation]), AuditActor.System(who));
    }

    private static async Task<Survey> FindAsync(Data.CadreDbContext db, string title, CancellationToken cancel)
    {
        var surveys = await db.Surveys.AsNoTracking().ToListAsync(cancel);
        return surveys.FirstOrDefault(s => string.Equals(s.Title, title.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException($"no survey is called '{title}'; the organisation has: {(surveys.Count == 0 ? "none" : string.Join(", ", surveys.Select(s => $"'{s.Title}'").Order()))}");
    }
}
