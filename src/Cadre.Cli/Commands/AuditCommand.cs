using System.CommandLine;
using Cadre.Data;
using Cadre.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Cli.Commands;

/// <summary>
/// <c>cadre audit verify</c>: walks the audit trail's hash chain and reports the first broken link (exit 1), or that it
/// is intact with the newest entry's number and seal (exit 0), which an operator can note elsewhere to notice later if
/// the newest entries were removed. Needs the data folder for the chain's key (also with --postgres).
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Check the audit trail.");
        var verify = new Command("verify", "Check that no audit entry has been changed, removed or inserted since it was written.");
        DatabaseArguments.AddTo(verify);
        verify.SetAction(Guarded.Action("cadre audit verify", async (parse, cancellationToken) =>
        {
            var database = DatabaseArguments.Read(parse);
            if (database.Provider == DatabaseProvider.Sqlite && !File.Exists(Path.Combine(database.DataDirectory!, DatabaseOptions.SqliteFileName)))
                throw new CliException($"no Cadre database in {database.DataDirectory}: give the folder with --data.");
            var key = AuditChainInterceptor.For(database.KeyDirectory).Key;
            await using var services = DatabaseArguments.Services(database, "cadre audit verify");
            await using var db = DatabaseArguments.Context(services);
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                throw new CliException($"{database.Describe()} is not up to date; run 'cadre db migrate' first.");
            var report = await AuditChain.VerifyAsync(db, key, cancellationToken);
            foreach (var line in AuditChainWords.Describe(report)) (report.Intact ? Console.Out : Console.Error).WriteLine(line);
            return report.Intact ? 0 : 1;
        }));
        command.Subcommands.Add(verify);
        return command;
    }
}
