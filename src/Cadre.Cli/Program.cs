using System.CommandLine;
using Cadre.Cli.Commands;

// One entry point for everything: `cadre serve` hosts the web app, the other verbs work on files and the database.
var root = new RootCommand("Cadre: know, code, grade and plan the NHS Healthcare Science workforce.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(UsersCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(JeCommand.Create());
root.Subcommands.Add(CodeCommand.Create());
root.Subcommands.Add(PlanCommand.Create());
root.Subcommands.Add(CareersCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(SurveyCommand.Create());
root.Subcommands.Add(AuditCommand.Create());

return await CliRunner.RunAsync(root, args);
