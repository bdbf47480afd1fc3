using Cadre.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadre.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Which database Cadre uses. SQLite in a data folder by default (<c>DIR/cadre.db</c>, <c>--data DIR</c>, default
/// <c>./data</c>); PostgreSQL when given a connection string (<c>--postgres "CONN"</c> or the <c>CADRE_DB</c> variable).
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, string? DataDirectory = null)
{
    public const string EnvironmentVariable = "CADRE_DB";
    public const string DefaultDataDirectory = "data";
    public const string SqliteFileName = "cadre.db";

    public static DatabaseOptions Sqlite(string dataDirectory)
    {
        var full = Path.GetFullPath(dataDirectory);
        return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(full, SqliteFileName)}", full);
    }

    /// <summary>PostgreSQL; the data folder, when given, holds the keys (the audit chain's, the cookies').</summary>
    public static DatabaseOptions PostgreSql(string connectionString, string? dataDirectory = null) =>
        new(DatabaseProvider.PostgreSql, connectionString, dataDirectory is null ? null : Path.GetFullPath(dataDirectory));

    /// <summary>Where the audit chain's key lives (DATA/keys, beside the cookie keys); null when there is no data folder.</summary>
    public string? KeyDirectory => DataDirectory is null ? null : Path.Combine(DataDirectory, "keys");

    /// <summary>The command line's choice: --postgres wins, then CADRE_DB, then SQLite in --data (or ./data).</summary>
    public static DatabaseOptions FromCommandLine(string? dataDirectory, string? postgres, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var folder = string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory : dataDirectory;
        if (!string.IsNullOrWhiteSpace(postgres)) return PostgreSql(postgres, folder);
        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment) return PostgreSql(fromEnvironment, folder);
        return Sqlite(folder);
    }

    /// <summary>A description safe to print: no password.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite database {Path.Combine(DataDirectory ?? ".", SqliteFileName)}"
        : $"PostgreSQL database {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString}";

    /// <summary>Configures an EF Core options builder for this database, with Cadre's audit and scope interceptor.</summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            if (DataDirectory is not null)
            {
                DataFolder.Ensure(DataDirectory);
                DataFolder.EnsurePrivateFile(Path.Combine(DataDirectory, SqliteFileName));
            }
            builder.UseSqlite(ConnectionString);
        }
        else
        {
            builder.UseNpgsql(ConnectionString);
        }
        // The audit hook adds entries; the chain then seals them (in this order).
        builder.AddInterceptors(CadreSaveChangesInterceptor.Instance, AuditChainInterceptor.For(KeyDirectory), Coding.CodingInputInterceptor.Instance);
        // Migrations are written by hand (the design-time package does not restore here), so there is no model snapshot
        // to compare with; the schema test compares migrated and model-created databases instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    public DbContextOptions<CadreDbContext> BuildContextOptions()
    {
        var builder = new DbContextOptionsBuilder<CadreDbContext>();
        Configure(builder);
        return builder.Options;
    }
}
