using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cadre.Data;

/// <summary>
/// On PostgreSQL the web app runs as a role of its own with only the rights it needs (issue 12, docs/deploy.md): it reads
/// and writes the register, but may not change or remove audit entries (no UPDATE, DELETE or TRUNCATE on
/// <c>AuditEntries</c>), owns nothing, and so cannot alter the schema, drop the append-only trigger or take the table over.
/// Migrations run as the owner, which then grants the app role its rights again (tables added by a migration included).
/// </summary>
public static partial class AppRole
{
    /// <summary>Tables whose rows are never changed once written: the app role may only read and add to them.</summary>
    public static readonly string[] AppendOnlyTables = ["AuditEntries"];

    /// <summary>What <see cref="GrantAsync"/> did, in words for the operator.</summary>
    public sealed record Granted(string Role, int Tables);

    /// <summary>
    /// Grants <paramref name="role"/> what `cadre serve` needs on the database <paramref name="db"/> is connected to, as
    /// the owner. Throws <see cref="InvalidOperationException"/> with a plain message when the role cannot be a
    /// restricted app role (missing, a superuser, or the owner of the tables).
    /// </summary>
    public static async Task<Granted> GrantAsync(CadreDbContext db, string role, CancellationToken cancel)
    {
        if (!db.Database.IsNpgsql())
            throw new InvalidOperationException("the app role is for PostgreSQL: on SQLite Cadre runs as the account that owns the data folder.");
        if (!RoleName().IsMatch(role))
            throw new InvalidOperationException($"'{role}' is not a plain role name (letters, digits and _, starting with a letter or _).");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancel);
        try
        {
            var facts = await QueryAsync(connection, """
                SELECT r.rolsuper, r.rolname = current_user,
                       (SELECT count(*) FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = r.rolname),
                       (SELECT count(*) FROM pg_tables t WHERE t.schemaname = 'public' AND t.tablename = '__EFMigrationsHistory')
                FROM pg_roles r WHERE r.rolname = @role
                """, role, cancel);
            if (facts is null)
                throw new InvalidOperationException($"there is no role {role}: create it first, e.g. CREATE ROLE {role} LOGIN PASSWORD '…';");
            var (superuser, isMe, owns, migrated) = facts.Value;
            if (superuser) throw new InvalidOperationException($"{role} is a superuser, which no privilege can restrict: give the app a role of its own.");
            if (isMe || owns > 0) throw new InvalidOperationException($"{role} owns Cadre's tables; migrations run as the owner and the app as another role.");
            if (migrated == 0) throw new InvalidOperationException("the database has no Cadre schema yet: run `cadre db migrate` first.");

            var r = $"\"{role}\"";
            var database = $"\"{connection.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            var appendOnly = string.Join(", ", AppendOnlyTables.Select(t => $"\"{t}\""));
            // One transaction: the role never holds the broad grant without the audit table's restriction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            foreach (var statement in new[]
            {
                $"GRANT CONNECT ON DATABASE {database} TO {r}",
                $"GRANT USAGE ON SCHEMA public TO {r}",
                $"REVOKE CREATE ON SCHEMA public FROM {r}",
                $"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {r}",
                $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r}",
                $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}",
                // Audit entries are added and read, never changed or removed; the schema's history is read only.
                $"REVOKE UPDATE, DELETE, TRUNCATE ON {appendOnly} FROM {r}",
                $"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON \"__EFMigrationsHistory\" FROM {r}",
            })
                await db.Database.ExecuteSqlRawAsync(statement, cancel);
            await transaction.CommitAsync(cancel);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
            return new Granted(role, Convert.ToInt32(await count.ExecuteScalarAsync(cancel), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(bool Superuser, bool IsMe, long Owns, long Migrated)?> QueryAsync(NpgsqlConnection connection, string sql, string role, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("role", role);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        if (!await reader.ReadAsync(cancel)) return null;
        static bool Truth(object value) => value is bool b ? b : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0;
        return (Truth(reader.GetValue(0)), Truth(reader.GetValue(1)), reader.GetInt64(2), reader.GetInt64(3));
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
