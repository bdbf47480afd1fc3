using System.CommandLine;
using Cadre.Data;
using Cadre.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Cli.Commands;

/// <summary>
/// <c>cadre db migrate</c>: bring the database schema up to date; <c>cadre db grant-app-role ROLE</c>: on PostgreSQL, give
/// the role the web app runs as what it needs and no more (no changing the audit trail; docs/deploy.md). Both run as the
/// database's owner.
/// </summary>
public static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "Work on the database itself.");
        var migrate = new Command("migrate", "Create the database if needed and apply every migration (safe to run again).");
        var withDemo = new Option<bool>("--with-demo") { Description = "Also do the first-run set-up of 'cadre serve': load the demo organisations into an empty database and create the first administrator." };
        migrate.Options.Add(withDemo);
        var appRole = new Option<string?>("--app-role") { Description = "On PostgreSQL: afterwards, grant this role what `cadre serve` needs, as `cadre db grant-app-role` does (so tables a migration added are covered)." };
        migrate.Options.Add(appRole);
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
                await GrantAsync(services, parse.GetValue(appRole), cancellationToken);
                return 0;
            }
            await using var db = DatabaseArguments.Context(services);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            await DatabaseArguments.EnsureRolesAsync(services);
            Console.WriteLine(pending.Count == 0
                ? $"{database.Describe()} is up to date."
                : $"{database.Describe()}: applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            await GrantAsync(services, parse.GetValue(appRole), cancellationToken);
            return 0;
        }));
        command.Subcommands.Add(migrate);

        var grant = new Command("grant-app-role", "On PostgreSQL: let ROLE (made beforehand with CREATE ROLE … LOGIN) read and write the register but never change or remove audit entries; run as the owner after each migration.");
        var role = new Argument<string>("role") { Description = "The PostgreSQL role `cadre serve` connects as (its connection string goes in CADRE_DB)." };
        grant.Arguments.Add(role);
        DatabaseArguments.AddTo(grant);
        grant.SetAction(Guarded.Action("cadre db grant-app-role", async (parse, cancellationToken) =>
        {
            var database = DatabaseArguments.Read(parse);
            await using var services = DatabaseArguments.Services(database, "cadre db grant-app-role");
            await GrantAsync(services, parse.GetValue(role), cancellationToken);
            return 0;
        }));
        command.Subcommands.Add(grant);
        return command;
    }

    private static async Task GrantAsync(IServiceProvider services, string? role, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(role)) return;
        await using var db = DatabaseArguments.Context(services);
        try
        {
            var granted = await AppRole.GrantAsync(db, role.Trim(), cancel);
            Console.WriteLine($"{granted.Role} may now read and write Cadre's {granted.Tables} tables, add to the audit trail but not change, " +
                $"delete or truncate it, and not change the schema. Give `cadre serve` a connection string with Username={granted.Role}.");
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(e.Message);
        }
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
