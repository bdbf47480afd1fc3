using System.CommandLine;
using System.Globalization;
using Cadre.Cli.Commands.Coding;

namespace Cadre.Cli.Commands;

/// <summary><c>cadre code IN.csv --out OUT.csv [--report DIR] [--on DATE]</c>: recode an ESR extract by the U-matrix and the IPEM guidance.</summary>
public static class CodeCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "CSV with one row per role: " + string.Join(", ", Cadre.Core.Coding.Extract.ExtractReader.Columns) };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Where to write the decisions (one row per role). Written only when every input row is good.", Required = true };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Also write the before/after report here: summary.txt, codes.csv, moves.csv, causes.csv, review.csv and esr-changes.csv (the ESR-ready change list)." };
        var on = new Option<string?>("--on") { Description = "Code against the Occupation Code Manual version in force on this date (yyyy-MM-dd); default today." };

        var command = new Command("code", "Propose ESR occupation codes and Areas of Work for Healthcare Science roles, with the rules and a reason for each.");
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(report);
        command.Options.Add(on);
        command.SetAction(parseResult =>
        {
            var onText = parseResult.GetValue(on);
            var date = DateOnly.FromDateTime(DateTime.UtcNow);
            if (onText is not null && !DateOnly.TryParseExact(onText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                Console.Error.WriteLine($"cadre code: --on '{onText}' is not a date; expected yyyy-MM-dd, e.g. 2025-04-01.");
                return 2;
            }
            return RecodeRun.Execute(parseResult.GetValue(input)!, parseResult.GetValue(output)!, parseResult.GetValue(report), date, Console.Out, Console.Error);
        });
        return command;
    }
}
