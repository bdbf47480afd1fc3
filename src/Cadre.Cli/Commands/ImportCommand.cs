using System.CommandLine;
using Cadre.Data.Register.Import;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Cli.Commands;

/// <summary><c>cadre import posts FILE</c> and <c>cadre import people FILE</c>: all or nothing, every problem listed.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Import the register's posts or people from a CSV or XLSX file; a file with any bad row is refused whole, naming the row and column.");
        command.Subcommands.Add(Make("posts", "Import posts: new post numbers are created, known ones updated.",
            (db, org, path, encoding, ct) => new PostImporter(db) { DeclaredEncoding = encoding }.ImportFileAsync(org, path, ct)));
        command.Subcommands.Add(Make("people", "Import people and their assignments (import posts first).",
            (db, org, path, encoding, ct) => new PeopleImporter(db) { DeclaredEncoding = encoding }.ImportFileAsync(org, path, ct)));
        return command;
    }

    private static Command Make(string what, string description, Func<Data.CadreDbContext, Guid, string, System.Text.Encoding?, CancellationToken, Task<ImportResult>> import)
    {
        var command = new Command(what, description);
        var file = new Argument<string>("file") { Description = "A .csv or .xlsx file." };
        var encodingOption = new Option<string?>("--encoding")
        {
            Description = "The encoding a CSV was saved in when it is not UTF-8, e.g. windows-1252 (Excel's plain \"CSV\" on Windows). Without it a byte that is not UTF-8 refuses the file.",
        };
        command.Arguments.Add(file);
        command.Options.Add(encodingOption);
        command.Options.Add(DatabaseArguments.Organisation);
        DatabaseArguments.AddTo(command);
        command.SetAction(Guarded.Action($"cadre import {what}", async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"{path}: no such file.");
            if (!TableReader.IsSupported(path)) throw new CliException($"{path}: only .csv and .xlsx files can be imported.");
            System.Text.Encoding? encoding = null;
            if (parse.GetValue(encodingOption) is { } named && (encoding = Core.Text.TextEncodings.Named(named, out var unknown)) is null)
                throw new CliException($"--encoding: {unknown}.");
            var database = DatabaseArguments.Read(parse);
            await using var services = DatabaseArguments.Services(database, $"cadre import {what}");
            await using var db = DatabaseArguments.Context(services);
            await db.Database.MigrateAsync(cancellationToken);
            var organisation = await DatabaseArguments.FindOrganisationAsync(db, parse.GetValue(DatabaseArguments.Organisation), cancellationToken);
            var result = await import(db, organisation.Id, Path.GetFullPath(path), encoding, cancellationToken);
            if (result.Succeeded)
            {
                Console.WriteLine($"{organisation.OdsCode}: {result.Summary}");
                return 0;
            }
            foreach (var problem in result.Problems) Console.Error.WriteLine(problem);
            Console.Error.WriteLine(result.Summary);
            return 1;
        }));
        return command;
    }
}
