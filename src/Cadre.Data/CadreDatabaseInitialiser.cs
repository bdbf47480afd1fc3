using System.Security.Cryptography;
using Cadre.Data.Demo;
using Cadre.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Data;

public sealed record InitialiseOptions
{
    /// <summary>Load the demo organisations when the database has no organisation yet.</summary>
    public bool LoadDemo { get; init; } = true;
    /// <summary>Create the first administrator (with a generated password) when there are no users yet.</summary>
    public bool CreateAdministrator { get; init; } = true;
    public string AdministratorEmail { get; init; } = "admin@cadre.local";
}

/// <summary>What the initialiser did. <see cref="AdministratorPassword"/> is set only on the run that created the account: print it once.</summary>
public sealed record InitialisationResult(
    IReadOnlyList<string> AppliedMigrations,
    bool DemoLoaded,
    string? AdministratorEmail,
    string? AdministratorPassword);

/// <summary>
/// Brings a database to a usable state, safe to run on every start: migrate, create the roles, load the demo
/// organisation into an empty database, and create the first administrator. No password is written in code: the first
/// administrator's is generated and returned once.
/// </summary>
public static class CadreDatabaseInitialiser
{
    /// <param name="services">A provider with <see cref="ServiceCollectionExtensions.AddCadreData"/> and Identity (either
    /// <c>AddIdentity</c> or <see cref="ServiceCollectionExtensions.AddCadreIdentityCore"/>) registered.</param>
    public static async Task<InitialisationResult> InitialiseAsync(IServiceProvider services, InitialiseOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new InitialiseOptions();
        await using var scope = services.CreateAsyncScope();
        var contextOptions = scope.ServiceProvider.GetRequiredService<DbContextOptions<CadreDbContext>>();
        // System work: every organisation is in scope, and the audit says the initialiser did it.
        await using var db = new CadreDbContext(contextOptions, OrganisationScope.System, AuditActor.System("cadre (first-run set-up)"));

        // Several instances may start at once on one PostgreSQL database: one sets it up while the others wait, then
        // find nothing left to do. The lock is the session's own, so it is released when this context closes.
        await using var setUpLock = await StartUpLock.TakeAsync(db, cancellationToken);
        var pending = await PendingMigrationsAsync(db, cancellationToken);
        // Only when there is something to apply: on PostgreSQL the app may run as a role that cannot change the schema
        // (docs/deploy.md), and Migrate would try to create the history table even when it exists.
        if (pending.Count > 0) await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            // Write-ahead logging lets the web app read while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in CadreRoles.Stored)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");

        // The national profile library ships with Cadre: load the seed suites the database does not hold yet.
        await JobEvaluation.JeLibraryStore.EnsureSeedAsync(db, cancellationToken);

        var demoLoaded = false;
        if (options.LoadDemo && !await db.Organisations.AnyAsync(cancellationToken))
        {
            var demo = DemoOrganisations.Build();
            db.Organisations.AddRange(demo.Organisations);
            db.Posts.AddRange(demo.Posts);
            db.People.AddRange(demo.People);
            await db.SaveChangesAsync(cancellationToken);
            await DemoSurvey.AddAsync(db, demo.Organisations.Single(o => o.OdsCode == DemoOrganisations.DemoOdsCode).Id, cancellationToken);
            demoLoaded = true;
        }

        string? email = null, password = null;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        if (options.CreateAdministrator && !await users.Users.AnyAsync(cancellationToken))
        {
            email = options.AdministratorEmail;
            password = PasswordGenerator.Generate();
            var organisationId = await db.Organisations.OrderBy(o => o.OdsCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
            await CreateUserAsync(users, email, "Administrator", password, CadreRoles.Administrator, organisationId);
        }
        return new InitialisationResult(pending, demoLoaded, email, password);
    }

    /// <summary>
    /// The migrations not yet applied. On a new database there is no history table yet, and asking EF would make it log
    /// the failed query as an error, which an operator reads as a fault on every first start: so look first.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(CadreDbContext db, CancellationToken cancel)
    {
        var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
        if (!await history.ExistsAsync(cancel)) return db.Database.GetMigrations().ToList();
        return (await db.Database.GetPendingMigrationsAsync(cancel)).ToList();
    }

    /// <summary>Creates a user with one role and (optionally) one organisation; throws with Identity's own words on failure.</summary>
    /// <param name="mustChangePassword">True when someone other than the user chose the password: they pick their own at first sign-in.</param>
    public static async Task<CadreUser> CreateUserAsync(UserManager<CadreUser> users, string email, string displayName, string password, string role, Guid? organisationId,
        IEnumerable<Guid>? departmentIds = null, bool mustChangePassword = false)
    {
        var user = new CadreUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, MustChangePassword = mustChangePassword };
        if (organisationId is { } org) user.Organisations.Add(new UserOrganisation { OrganisationId = org });
        foreach (var department in departmentIds ?? []) user.Departments.Add(new UserDepartmentScope { DepartmentId = department });
        Check(await users.CreateAsync(user, password), $"create user {email}");
        Check(await users.AddToRoleAsync(user, role), $"give {email} the role {role}");
        return user;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

/// <summary>Passwords for accounts created without one: long, random, and meeting <see cref="CadreRoles.ConfigureIdentity"/>.</summary>
public static class PasswordGenerator
{
    // No look-alike characters (0/O, 1/l/I), since the password is read off a terminal and typed.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static string Generate(int length = 20)
    {
        if (length < 12) throw new ArgumentOutOfRangeException(nameof(length), "A generated password is at least 12 characters.");
        var all = Upper + Lower + Digits;
        var chars = new char[length];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
