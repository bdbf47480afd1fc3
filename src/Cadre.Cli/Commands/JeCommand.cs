using System.CommandLine;
using Cadre.Cli.Commands.JobEvaluation;

namespace Cadre.Cli.Commands;

/// <summary>
/// <c>cadre je</c>: Agenda for Change job evaluation from the command line: score a suite or a job, match a job to
/// the national profile library, validate a suite before import, and show the factor plan.
/// </summary>
public static class JeCommand
{
    public static Command Create()
    {
        var command = new Command("je", "Agenda for Change job evaluation: score profiles and jobs, match jobs to national profiles.");
        command.Subcommands.Add(JeScoreCommand.Create());
        command.Subcommands.Add(JeMatchCommand.Create());
        command.Subcommands.Add(JeImportCommand.Create());
        command.Subcommands.Add(JePlanCommand.Create());
        command.Subcommands.Add(JeProfileCommand.Create());
        return command;
    }
}
