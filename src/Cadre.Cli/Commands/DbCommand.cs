using System.CommandLine;
using Cadre.Data;
using Cadre.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Cli.Commands;

/// <summary><c>cadre db migrate</c>: bring the database schema up to date.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "Work on the database itself.");
        var migrate = new Command("migrate", "Create the database if needed and apply every migration (safe to run again).");
        var withDemo = new Option<bool>("--with-demo") { Description = "Also do the first-run set-up of 'cadre serve': load the demo organisations into an empty database and create the first administrator." };
        migrate.Options.Add(withDemo);
        DatabaseArguments.AddTo(migrate);
        migrate.SetAction(Guarded.Action("cadre db migrate", async (parse, cancellationToken) =>
        {
            var database = DatabaseArguments.Read(parse);
            await using var services = DatabaseArguments.Services(database, "cadre db migrate");
            if (parse.GetValue(withDemo))
            {
                var result = await CadreDatabaseInitialiser.InitialiseAsync(services, cancellationToken: cancellationToken);
                Console.WriteLine($"{database.Describe()}: applied {result.AppliedMigrations.Count} migration(s){(result.DemoLoaded ? "; loaded the demo organisations" : "")}.");
                if (result.AdministratorPassword is not null)
                    Console.WriteLine($"Administrator: {result.AdministratorEmail}  password (shown once, keep it safe): {result.AdministratorPassword}");
                return 0;
            }
            await using var db = DatabaseArguments.Context(services);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            await DatabaseArguments.EnsureRolesAsync(services);
            Console.WriteLine(pending.Count == 0
                ? $"{database.Describe()} is up to date."
                : $"{database.Describe()}: applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            return 0;
        }));
        command.Subcommands.Add(migrate);
        return command;
    }
}

/// <summary>The options every database command shares, and the set-up they need.</summary>
internal static class DatabaseArguments
{
    public static readonly Option<string?> Data = new("--data") { Description = "Folder of the SQLite database (DIR/cadre.db). Default ./data." };
    public static readonly Option<string?> Postgres = new("--postgres") { Description = $"PostgreSQL connection string instead of SQLite (or set {DatabaseOptions.EnvironmentVariable})." };
    public static readonly Option<string?> Organisation = new("--organisation") { Description = "ODS code of the organisation; needed when the database holds more than one." };

    public static void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
    }

    public static DatabaseOptions Read(ParseResult parse) => DatabaseOptions.FromCommandLine(parse.GetValue(Data), parse.GetValue(Postgres));

    /// <summary>System scope: the command line is run by whoever operates the server, on the organisation they name.</summary>
    public static ServiceProvider Services(DatabaseOptions database, string what)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOrganisationScope>(OrganisationScope.System);
        services.AddSingleton<IAuditActor>(AuditActor.System($"{what} (by {Environment.UserName})"));
        services.AddCadreData(database).AddCadreIdentityCore();
        return services.BuildServiceProvider();
    }

    public static CadreDbContext Context(IServiceProvider services) =>
        new(services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<CadreDbContext>>(),
            services.GetRequiredService<IOrganisationScope>(), services.GetRequiredService<IAuditActor>());

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in CadreRoles.Stored)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>The organisation named by --organisation, or the only one; otherwise a message saying which exist.</summary>
    public static async Task<Core.Register.Organisation> FindOrganisationAsync(CadreDbContext db, string? ods, CancellationToken cancellationToken)
    {
        var all = await db.Organisations.OrderBy(o => o.OdsCode).ToListAsync(cancellationToken);
        if (all.Count == 0) throw new CliException("the database has no organisation yet: run 'cadre serve' once (it loads the demo) or create one first.");
        var list = string.Join(", ", all.Select(o => $"{o.OdsCode} ({o.Name})"));
        if (ods is null)
            return all.Count == 1 ? all[0] : throw new CliException($"the database holds {all.Count} organisations; say which with --organisation ODS: {list}");
        return all.FirstOrDefault(o => string.Equals(o.OdsCode, ods.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException($"no organisation has the ODS code '{ods}'; the database holds: {list}");
    }
}

/// <summary>
/// Wraps a command's action so any failure becomes one line on standard error and exit status 1. System.CommandLine's own
/// handler would print a stack trace, which users must never see.
/// </summary>
internal static class Guarded
{
    public static Func<ParseResult, CancellationToken, Task<int>> Action(string name, Func<ParseResult, CancellationToken, Task<int>> action) =>
        async (parse, cancellationToken) =>
        {
            try
            {
                return await action(parse, cancellationToken);
            }
            catch (CliException e)
            {
                Console.Error.WriteLine($"{name}: {e.Message}");
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or TimeoutException)
            {
                Console.Error.WriteLine($"{name}: could not use the database: {e.Message}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{name}: {e.Message}");
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"{name}: {(e.InnerException ?? e).Message}");
            }
            return 1;
        };
}

/// <summary>A problem the user can fix, reported as one line and exit status 1 (never a stack trace).</summary>
public sealed class CliException(string message) : Exception(message);
