using System.Collections.Concurrent;
using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadre.Data.Auditing;

/// <summary>
/// Seals every new audit entry into the hash chain, after <see cref="CadreSaveChangesInterceptor"/> has added them.
/// Reading the last seal and writing the next must not interleave with another writer (two entries would follow the
/// same one), so the save runs in a transaction that holds the chain lock until it commits: on SQLite the transaction
/// itself (Microsoft.Data.Sqlite begins IMMEDIATE, taking the write lock), on PostgreSQL a transaction-scoped advisory
/// lock, which also serialises several app instances. A unique index on the sequence number is the last guard.
/// </summary>
public sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    // Any fixed number works; it names Cadre's chain among the advisory locks of the database.
    internal const long ChainLock = 0x43616472_65417564;
    private static readonly ConcurrentDictionary<string, AuditChainInterceptor> ByKeyFolder = new();

    private readonly AuditChainKey _key;
    private AuditChainInterceptor(AuditChainKey key) => _key = key;

    /// <summary>One interceptor per key folder, so EF sees the same options each time and caches its services.</summary>
    public static AuditChainInterceptor For(string? keyDirectory) =>
        ByKeyFolder.GetOrAdd(keyDirectory ?? "", folder => new AuditChainInterceptor(AuditChainKey.Load(folder.Length == 0 ? null : folder)));

    public AuditChainKey Key => _key;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CadreDbContext db && NewEntries(db) is { Count: > 0 } added)
        {
            if (db.Database.CurrentTransaction is null) db.ChainTransaction = db.Database.BeginTransaction();
            if (IsPostgres(db)) db.Database.ExecuteSqlRaw($"SELECT pg_advisory_xact_lock({ChainLock})");
            AuditChain.SealNew(db, added, _key);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CadreDbContext db && NewEntries(db) is { Count: > 0 } added)
        {
            if (db.Database.CurrentTransaction is null) db.ChainTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (IsPostgres(db)) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
            AuditChain.SealNew(db, added, _key);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is CadreDbContext { ChainTransaction: { } transaction } db) { transaction.Commit(); End(db); }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CadreDbContext { ChainTransaction: { } transaction } db) { await transaction.CommitAsync(cancellationToken); End(db); }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RollBack(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => RollBack(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData.Context);
        return Task.CompletedTask;
    }

    private static void RollBack(DbContext? context)
    {
        if (context is not CadreDbContext { ChainTransaction: { } transaction } db) return;
        try { transaction.Rollback(); } finally { End(db); }
    }

    private static void End(CadreDbContext db)
    {
        db.ChainTransaction?.Dispose();
        db.ChainTransaction = null;
    }

    private static List<AuditEntry> NewEntries(CadreDbContext db) =>
        db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    private static bool IsPostgres(DbContext db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
