using System.CommandLine;
using Cadre.Data.Register.Export;
using Cadre.Data.Security;

namespace Cadre.Cli.Commands;

/// <summary><c>cadre export posts FILE</c>: the format follows the extension (.csv or .xlsx).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Export the register to CSV or XLSX, safe to open in Excel.");
        command.Subcommands.Add(Make("posts", "Export posts in the import's columns; post holders only for roles that may see people.", (e, s, f, r, ct) => e.ExportPostsAsync(s, f, r, ct)));
        command.Subcommands.Add(Make("people", "Export people and assignments (roles that may see personal details only).", (e, s, f, r, ct) => e.ExportPeopleAsync(s, f, r, ct)));
        return command;
    }

    private static Command Make(string what, string description, Func<RegisterExporter, Stream, ExportFormat, string[], CancellationToken, Task<int>> export)
    {
        var command = new Command(what, description);
        var file = new Argument<string>("file") { Description = "Where to write: a .csv or .xlsx file." };
        var asRole = new Option<string>("--as-role") { Description = "Export what this role may see (default Viewer: no personal details).", DefaultValueFactory = _ => CadreRoles.Viewer };
        command.Arguments.Add(file);
        command.Options.Add(DatabaseArguments.Organisation);
        command.Options.Add(asRole);
        DatabaseArguments.AddTo(command);
        command.SetAction(Guarded.Action($"cadre export {what}", async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            ExportFormat format;
            try { format = TableWriter.FormatFor(path); }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            var role = CadreRoles.Find(parse.GetValue(asRole)) ?? throw new CliException($"'{parse.GetValue(asRole)}' is not a role; use one of {string.Join(", ", CadreRoles.All)}.");
            var database = DatabaseArguments.Read(parse);
            await using var services = DatabaseArguments.Services(database, $"cadre export {what}");
            Guid organisationId;
            await using (var system = DatabaseArguments.Context(services))
                organisationId = (await DatabaseArguments.FindOrganisationAsync(system, parse.GetValue(DatabaseArguments.Organisation), cancellationToken)).Id;
            // Read as a member of that one organisation, so an export can never mix in another's rows.
            await using var db = new Data.CadreDbContext(
                Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<Data.CadreDbContext>>(services),
                OrganisationScope.For([organisationId]), AuditActor.System("cadre export"));
            int rows;
            try
            {
                rows = await OutputFile.WriteAsync(path, stream => export(new RegisterExporter(db), stream, format, [role], cancellationToken));
            }
            catch (ExportNotAllowedException e)
            {
                throw new CliException(e.Message + " (use --as-role)");
            }
            Console.WriteLine($"Exported {rows} {what} to {path}.");
            return 0;
        }));
        return command;
    }
}
