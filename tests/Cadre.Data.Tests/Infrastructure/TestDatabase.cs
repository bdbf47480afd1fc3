using Cadre.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cadre.Data.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test on SQLite (a file in a temp folder) or PostgreSQL (a new database
/// <c>cadre_test_&lt;guid&gt;</c> on the server named by <c>CADRE_TEST_PG</c>), removed afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";
    public const string PostgresVariable = "CADRE_TEST_PG";

    /// <summary>
    /// Both databases, unless PostgreSQL is not configured on a developer's machine. In CI (CI=true) PostgreSQL is always
    /// listed, so a missing server fails the run instead of passing silently.
    /// </summary>
    public static TheoryData<string> Kinds
    {
        get
        {
            var kinds = new TheoryData<string> { Sqlite };
            if (PostgresAdminConnection is not null || IsCi) kinds.Add(PostgreSql);
            return kinds;
        }
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
    private static string? PostgresAdminConnection => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } c ? c : null;

    public string Kind { get; }
    public DatabaseOptions Options { get; }
    private readonly string? _folder;
    private readonly string? _databaseName;

    private TestDatabase(string kind, DatabaseOptions options, string? folder, string? databaseName)
    {
        Kind = kind;
        Options = options;
        _folder = folder;
        _databaseName = databaseName;
    }

    public static async Task<TestDatabase> CreateAsync(string kind, bool migrate = true)
    {
        TestDatabase db;
        if (kind == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "cadre-test-" + Guid.NewGuid().ToString("N"));
            db = new TestDatabase(kind, DatabaseOptions.Sqlite(folder), folder, null);
        }
        else
        {
            var admin = PostgresAdminConnection ?? throw new InvalidOperationException(
                $"The PostgreSQL data tests need a server: set {PostgresVariable} to an Npgsql connection string (./test starts one and sets it).");
            var name = "cadre_test_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
            db = new TestDatabase(kind, DatabaseOptions.PostgreSql(builder.ConnectionString), null, name);
        }
        if (migrate)
        {
            await using var context = db.NewContext(OrganisationScope.System);
            await context.Database.MigrateAsync();
        }
        return db;
    }

    public CadreDbContext NewContext(IOrganisationScope scope, IAuditActor? actor = null) =>
        new(Options.BuildContextOptions(), scope, actor ?? AuditActor.System("test"));

    /// <summary>A service provider as the command line builds it (system scope), for the initialiser and Identity.</summary>
    public ServiceProvider NewServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOrganisationScope>(OrganisationScope.System);
        services.AddSingleton<IAuditActor>(AuditActor.System("test"));
        services.AddCadreData(Options).AddCadreIdentityCore();
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_databaseName is not null && PostgresAdminConnection is { } admin)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
