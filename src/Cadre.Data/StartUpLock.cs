using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cadre.Data;

/// <summary>
/// Serialises first-run set-up (migrations, roles, the shipped profile library, the demo organisations and the first
/// administrator) between instances sharing one PostgreSQL database (docs/decisions/hosting-several-instances.md).
/// A PostgreSQL session advisory lock, held on the context's connection until disposed; the second instance waits
/// for it and then finds the work done. SQLite has one instance per data folder and needs nothing.
/// </summary>
public sealed class StartUpLock : IAsyncDisposable
{
    // Any fixed number: advisory locks are named by a 64-bit key. "Cadre" in ASCII.
    private const long Key = 0x4361647265;
    private readonly CadreDbContext? _db;

    private StartUpLock(CadreDbContext? db) => _db = db;

    public static async Task<StartUpLock> TakeAsync(CadreDbContext db, CancellationToken cancel)
    {
        if (!db.Database.IsNpgsql()) return new StartUpLock(null);
        await CreateDatabaseAsync(db, cancel);
        await db.Database.OpenConnectionAsync(cancel);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})", cancel);
        return new StartUpLock(db);
    }

    /// <summary>
    /// The lock needs a database to connect to. Two instances may both find none and both create it: the loser's
    /// "already exists" is the outcome it wanted. Creating it here rather than inside Migrate also keeps EF from
    /// logging the missing history table as a failure on every first start.
    /// </summary>
    private static async Task CreateDatabaseAsync(CadreDbContext db, CancellationToken cancel)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancel)) return;
        try { await creator.CreateAsync(cancel); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null) return;
        await _db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})");
        await _db.Database.CloseConnectionAsync();
    }
}
