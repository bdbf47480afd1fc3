using System.CommandLine;
using Cadre.Core.Intelligence;
using Cadre.Data.Intelligence;
using Cadre.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Cli.Commands;

/// <summary>
/// <c>cadre report head-of-service|organisation|profession --out FILE</c>: a workforce report as CSV, XLSX or Markdown (by
/// the file's extension). Head of service and profession cover one organisation (--org); the organisation benchmark covers
/// the one named, or every organisation in the database. The operator sees what an administrator would; the benchmark and
/// the profession view are always under disclosure control (docs/decisions/intelligence-disclosure.md).
/// </summary>
public static class ReportCommand
{
    public static readonly string[] Kinds = [HeadOfServiceReport.Kind, OrganisationBenchmark.Kind, ProfessionReport.Kind];

    public static Command Create()
    {
        var command = new Command("report", "Write a workforce report (aggregate: no one is named) to .csv, .xlsx or .md.");
        var kind = new Argument<string>("report") { Description = $"Which report: {string.Join(", ", Kinds)}." };
        var output = new Option<string>("--out", "-o") { Description = "Where to write: a .csv, .xlsx or .md file.", Required = true };
        var organisation = new Option<string?>("--org", "--organisation") { Description = "ODS code of the organisation; needed when the database holds more than one (the benchmark takes all when it is left out)." };
        var department = new Option<string?>("--department") { Description = "Head of service only: one department, by name (default: every department)." };
        command.Arguments.Add(kind);
        command.Options.Add(output);
        command.Options.Add(organisation);
        command.Options.Add(department);
        DatabaseArguments.AddTo(command);
        command.SetAction(Guarded.Action("cadre report", async (parse, cancellationToken) =>
        {
            var which = parse.GetValue(kind)!.Trim().ToLowerInvariant();
            if (!Kinds.Contains(which))
                throw new CliException($"'{parse.GetValue(kind)}' is not a report; use one of {string.Join(", ", Kinds)}.");
            var path = parse.GetValue(output)!;
            ReportFile.Format format;
            try { format = ReportFile.FormatFor(path); }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            var ods = parse.GetValue(organisation);
            var departmentName = parse.GetValue(department);
            if (departmentName is not null && which != HeadOfServiceReport.Kind)
                throw new CliException("--department is for the head-of-service report only.");

            var database = DatabaseArguments.Read(parse);
            await using var services = DatabaseArguments.Services(database, "cadre report");
            List<Guid> organisations;
            await using (var system = DatabaseArguments.Context(services))
            {
                organisations = which == OrganisationBenchmark.Kind && ods is null
                    ? await system.Organisations.OrderBy(o => o.OdsCode).Select(o => o.Id).ToListAsync(cancellationToken)
                    : [(await DatabaseArguments.FindOrganisationAsync(system, ods, cancellationToken)).Id];
                if (organisations.Count == 0) throw new CliException("the database has no organisation yet: run 'cadre serve' once (it loads the demo) or create one first.");
            }
            // Read as a member of those organisations only, through the same query filters the web app uses.
            await using var db = new Data.CadreDbContext(services.GetRequiredService<DbContextOptions<Data.CadreDbContext>>(),
                OrganisationScope.For(organisations), AuditActor.System("cadre report"));
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var snapshot = await WorkforceSnapshotQuery.BuildAsync(db, today, checkCoding: which != ProfessionReport.Kind, cancel: cancellationToken);
            Guid? departmentId = null;
            if (departmentName is not null)
            {
                var match = snapshot.Departments.FirstOrDefault(d => string.Equals(d.Name, departmentName.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw new CliException($"no department is called '{departmentName}'; the organisation has: {string.Join(", ", snapshot.Departments.Select(d => d.Name).Order())}");
                departmentId = match.Id;
            }
            var report = which switch
            {
                HeadOfServiceReport.Kind => HeadOfServiceReport.Build(snapshot, departmentId),
                OrganisationBenchmark.Kind => OrganisationBenchmark.Build(snapshot),
                _ => ProfessionReport.Build(snapshot),
            };

            await OutputFile.WriteAsync(path, stream => { ReportFile.Write(report, stream, format); return Task.FromResult(0); });
            Console.WriteLine($"Wrote the {report.Title.ToLowerInvariant()} ({report.Covers}, {report.Tables.Count} tables) to {path}.");
            return 0;
        }));
        return command;
    }
}
