using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Cadre.Core.Register;
using Cadre.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Cadre.Data.Register.Import;

/// <summary>
/// Writes an import's records and their audit entries without EF's change tracker or per-row save, for files of a
/// million rows (docs/decisions/bulk-import.md). It does by hand what <see cref="CadreSaveChangesInterceptor"/> and
/// <see cref="AuditChainInterceptor"/> do for an ordinary save, and no less: the organisation's scope is checked, every
/// record created, changed or removed gets one audit entry with the same before/after JSON, the entries are sealed into
/// the hash chain under the chain lock, and everything runs in the caller's one transaction. What it saves is the work
/// EF does per row: tracking, change detection over every tracked object, one statement and one round trip a row.
/// On SQLite rows go through prepared, parameterised commands (SQLite is in-process, so a prepared statement per row
/// inside one transaction is its bulk path); on PostgreSQL new rows and audit entries go through binary COPY, and
/// changed or removed rows as batched statements.
/// </summary>
/// <remarks>
/// Use: <see cref="Track"/> a loaded record before changing it, <see cref="Add"/> a new one, <see cref="Remove"/> one to
/// delete, then <see cref="FlushAsync"/> each batch. A tracked record whose values did not change writes nothing.
/// </remarks>
public sealed class RegisterBulkWriter : IAsyncDisposable
{
    // Parent tables before children, so foreign keys hold at every statement; audit entries go last.
    private static readonly Type[] InsertOrder =
    [
        typeof(Department), typeof(Post), typeof(PostActivity), typeof(Person), typeof(Assignment), typeof(ProfessionalRegistration),
        typeof(Certificate), typeof(TrainingEnrolment), typeof(AuditEntry),
    ];

    private readonly CadreDbContext _db;
    private readonly Guid _organisationId;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly bool _postgres;
    private readonly AuditChainKey _key;
    private readonly Dictionary<Type, TableMap> _maps = [];
    private readonly Dictionary<object, object?[]> _tracked = new(ReferenceEqualityComparer.Instance);
    private readonly List<object> _added = [];
    private readonly HashSet<object> _addedSet = new(ReferenceEqualityComparer.Instance);
    private readonly List<object> _removed = [];
    private readonly List<AuditEntry> _audit = [];
    private readonly ArrayBufferWriter<byte> _json = new(512);
    private long _sequence;
    private string _previousHash;

    private RegisterBulkWriter(CadreDbContext db, Guid organisationId, AuditChainKey key, long sequence, string previousHash)
    {
        _db = db;
        _organisationId = organisationId;
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        _postgres = _connection is NpgsqlConnection;
        _key = key;
        _sequence = sequence;
        _previousHash = previousHash;
    }

    /// <summary>Records created, changed or removed so far (each has one audit entry).</summary>
    public long Changes { get; private set; }

    /// <summary>
    /// Starts writing for one organisation inside the caller's transaction: checks the user may change that organisation's
    /// whole register, takes the audit chain's lock (held until the transaction ends) and reads the chain's last seal.
    /// </summary>
    public static async Task<RegisterBulkWriter> BeginAsync(CadreDbContext db, Guid organisationId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A bulk write runs inside the import's transaction.");
        var scope = db.Scope;
        if (!scope.IsUnrestricted && !scope.OrganisationIds.Contains(organisationId))
            throw new OrganisationScopeException("This import is for an organisation you do not have access to; the change was refused.");
        // An import may create departments and move posts between them; only someone with the whole organisation may
        // (the web's import role never has a department-limited scope, so this refuses nothing a page offers).
        if (!scope.IsUnrestricted && scope.DepartmentIds is not null)
            throw new OrganisationScopeException("An import changes the whole organisation's register; it needs access to the whole organisation, not some departments. The change was refused.");

        var key = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<AuditChainInterceptor>().FirstOrDefault()?.Key
            ?? AuditChainKey.Unkeyed;
        // SQLite's transaction already holds the write lock (Microsoft.Data.Sqlite begins IMMEDIATE); PostgreSQL's chain
        // lock is the advisory lock every save takes (AuditChainInterceptor), so no other writer can seal in between.
        if (db.Database.GetDbConnection() is NpgsqlConnection)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainInterceptor.ChainLock})", cancellationToken);
        var tail = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        return new RegisterBulkWriter(db, organisationId, key, tail?.Sequence ?? 0, tail?.Hash ?? "");
    }

    /// <summary>Notes a record read from the database before it is changed; its values now are the audit's "before".</summary>
    public void Track<T>(T entity) where T : class
    {
        // A record added in this batch is written whole as created; later rows changing it need no "before".
        if (!_addedSet.Contains(entity) && !_tracked.ContainsKey(entity)) _tracked[entity] = Map(typeof(T)).Values(entity);
    }

    /// <summary>A new record, written and audited as created at the next flush.</summary>
    public void Add<T>(T entity) where T : class
    {
        Map(typeof(T));
        Owned(entity);
        if (_addedSet.Add(entity)) _added.Add(entity);
    }

    /// <summary>A record to delete, audited with its values as they were read.</summary>
    public void Remove<T>(T entity) where T : class
    {
        Map(typeof(T));
        Owned(entity);
        _removed.Add(entity);
    }

    /// <summary>
    /// Writes what this batch created, changed and removed, with one sealed audit entry each, then forgets it all so
    /// memory stays flat. Returns how many records it wrote.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var when = AuditChain.ToMicroseconds(DateTime.UtcNow);
        var inserts = new Dictionary<Type, List<object>>();
        var updates = new List<(TableMap Map, object Entity, Guid Version)>();
        foreach (var entity in _added)
        {
            var map = _maps[entity.GetType()];
            (inserts.TryGetValue(map.ClrType, out var list) ? list : inserts[map.ClrType] = []).Add(entity);
            Audit(map, entity, AuditAction.Created, null, map.Values(entity), when);
        }
        var removed = _removed.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var (entity, before) in _tracked)
        {
            if (removed.Contains(entity)) continue;
            var map = _maps[entity.GetType()];
            var after = map.Values(entity);
            if (!map.Differs(before, after)) continue;
            Owned(entity);
            var version = Guid.Empty;
            if (entity is IVersioned versioned)
            {
                // As on every save: a changed record gets a new version, and the write checks the old one still holds.
                version = versioned.Version;
                versioned.Version = Guid.NewGuid();
                after = map.Values(entity);
            }
            updates.Add((map, entity, version));
            Audit(map, entity, AuditAction.Updated, before, after, when);
        }
        foreach (var entity in _removed)
        {
            var map = _maps[entity.GetType()];
            Audit(map, entity, AuditAction.Deleted, _tracked.TryGetValue(entity, out var before) ? before : map.Values(entity), null, when);
        }
        if (_audit.Count > 0) (inserts[typeof(AuditEntry)] = []).AddRange(_audit);

        var written = _added.Count + updates.Count + _removed.Count;
        // The stored coding proposals of the posts this batch touches are removed in the same transaction, as on a save.
        var coding = new Coding.CodingInputChanges();
        foreach (var entity in _added) coding.Note(entity);
        foreach (var (map, entity, _) in updates)
        {
            var before = _tracked[entity];
            coding.Note(entity, name => Array.FindIndex(map.Properties, p => p.Name == name) is var i and >= 0 ? before[i] : null);
        }
        foreach (var entity in _removed) coding.Note(entity);
        await coding.ApplyAsync(_db, cancellationToken);
        foreach (var type in InsertOrder)
            if (inserts.TryGetValue(type, out var rows)) await InsertAsync(Map(type), rows, cancellationToken);
        if (updates.Count > 0) await UpdateAsync(updates, cancellationToken);
        if (_removed.Count > 0) await DeleteAsync(cancellationToken);

        Changes += written;
        _added.Clear();
        _addedSet.Clear();
        _removed.Clear();
        _tracked.Clear();
        _audit.Clear();
        return written;
    }

    private void Owned(object entity)
    {
        // Every record an import writes is its organisation's; anything else is a bug, refused before it is written.
        if (entity is IOrganisationOwned owned && owned.OrganisationId != _organisationId)
            throw new OrganisationScopeException($"This {entity.GetType().Name} belongs to an organisation you do not have access to; the change was refused.");
    }

    private void Audit(TableMap map, object entity, AuditAction action, object?[]? before, object?[]? after, DateTime when)
    {
        var entry = new AuditEntry
        {
            OrganisationId = _organisationId,
            When = when,
            Who = _db.Actor.Name,
            WhoUserId = _db.Actor.UserId,
            EntityType = map.ClrType.Name,
            EntityId = map.KeyText(entity),
            Action = action,
            Before = before is null ? null : Snapshot(map, before),
            After = after is null ? null : Snapshot(map, after),
            Sequence = ++_sequence,
        };
        entry.Hash = _key.Seal(entry, _previousHash);
        _previousHash = entry.Hash;
        _audit.Add(entry);
    }

    /// <summary>The record's own columns as JSON, exactly as <see cref="CadreSaveChangesInterceptor"/> writes them.</summary>
    private string Snapshot(TableMap map, object?[] values)
    {
        _json.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_json))
        {
            json.WriteStartObject();
            foreach (var i in map.AuditOrder)
            {
                var property = map.Properties[i];
                json.WritePropertyName(property.Name);
                AuditValueJson.Write(json, property, values[i]);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(_json.WrittenSpan);
    }


    private TableMap Map(Type type)
    {
        if (_maps.TryGetValue(type, out var map)) return map;
        if (Array.IndexOf(InsertOrder, type) < 0) throw new InvalidOperationException($"{type.Name} is not written by imports.");
        return _maps[type] = new TableMap(_db.Model.FindEntityType(type)!);
    }

    private async Task InsertAsync(TableMap map, List<object> rows, CancellationToken cancellationToken)
    {
        if (_postgres)
        {
            var columns = string.Join(", ", map.Columns.Select(Quote));
            await using var copy = await ((NpgsqlConnection)_connection).BeginBinaryImportAsync($"COPY {Quote(map.Table)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                for (var i = 0; i < map.Properties.Length; i++)
                {
                    var value = map.Provider(i, row);
                    if (value is null) await copy.WriteNullAsync(cancellationToken);
                    else await copy.WriteAsync(PgValue(value), PgType(value), cancellationToken);
                }
            }
            await copy.CompleteAsync(cancellationToken);
            return;
        }
        var insert = map.SqliteInsert ??= Prepare(
            $"INSERT INTO {Quote(map.Table)} ({string.Join(", ", map.Columns.Select(Quote))}) VALUES ({string.Join(", ", map.Columns.Select((_, i) => "$p" + i))})",
            map.Columns.Length);
        foreach (var row in rows)
        {
            for (var i = 0; i < map.Properties.Length; i++) insert.Parameters[i].Value = SqliteValue(map.Provider(i, row));
            insert.ExecuteNonQuery();
        }
    }

    private async Task UpdateAsync(List<(TableMap Map, object Entity, Guid Version)> updates, CancellationToken cancellationToken)
    {
        if (_postgres)
        {
            foreach (var chunk in updates.Chunk(500))
            {
                await using var batch = new NpgsqlBatch((NpgsqlConnection)_connection, (NpgsqlTransaction)_transaction);
                foreach (var (map, entity, version) in chunk)
                {
                    var command = new NpgsqlBatchCommand(UpdateSql(map, version != Guid.Empty, "$"));
                    for (var i = 0; i < map.Properties.Length; i++) command.Parameters.Add(PgParameter(map.Provider(i, entity)));
                    command.Parameters.Add(PgParameter(map.Key(entity)));
                    if (version != Guid.Empty) command.Parameters.Add(PgParameter(version));
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync(cancellationToken);
                foreach (var command in batch.BatchCommands) if (command.RecordsAffected != 1) throw Concurrency();
            }
            return;
        }
        foreach (var (map, entity, version) in updates)
        {
            var versioned = version != Guid.Empty;
            var update = versioned
                ? map.SqliteVersionedUpdate ??= Prepare(UpdateSql(map, true, "$p"), map.Columns.Length + 2)
                : map.SqliteUpdate ??= Prepare(UpdateSql(map, false, "$p"), map.Columns.Length + 1);
            for (var i = 0; i < map.Properties.Length; i++) update.Parameters[i].Value = SqliteValue(map.Provider(i, entity));
            update.Parameters[map.Columns.Length].Value = SqliteValue(map.Key(entity));
            if (versioned) update.Parameters[map.Columns.Length + 1].Value = SqliteValue(version);
            if (update.ExecuteNonQuery() != 1) throw Concurrency();
        }
    }

    private async Task DeleteAsync(CancellationToken cancellationToken)
    {
        foreach (var entity in _removed)
        {
            var map = _maps[entity.GetType()];
            await using var delete = _connection.CreateCommand();
            delete.Transaction = _transaction;
            delete.CommandText = $"DELETE FROM {Quote(map.Table)} WHERE {Quote(map.KeyColumn)} = {(_postgres ? "$1" : "$p0")}";
            if (_postgres) delete.Parameters.Add(PgParameter(map.Key(entity)));
            else
            {
                var p = delete.CreateParameter();
                p.ParameterName = "$p0";
                p.Value = SqliteValue(map.Key(entity));
                delete.Parameters.Add(p);
            }
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Numbered from 1 on PostgreSQL ($1...), named $p0... on SQLite; the key and the old version come after the columns.
    private static string UpdateSql(TableMap map, bool versioned, string prefix)
    {
        var first = prefix == "$" ? 1 : 0;
        var set = string.Join(", ", map.Columns.Select((c, i) => $"{Quote(c)} = {prefix}{i + first}"));
        var sql = $"UPDATE {Quote(map.Table)} SET {set} WHERE {Quote(map.KeyColumn)} = {prefix}{map.Columns.Length + first}";
        return versioned ? sql + $" AND {Quote(nameof(IVersioned.Version))} = {prefix}{map.Columns.Length + first + 1}" : sql;
    }

    private static DbUpdateConcurrencyException Concurrency() =>
        new("A record the import changes was changed by someone else meanwhile; import the file again.");

    private DbCommand Prepare(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p" + i;
            command.Parameters.Add(p);
        }
        command.Prepare();
        return command;
    }

    private static string Quote(string name) => "\"" + name + "\"";

    /// <summary>Values as EF Core's SQLite provider stores them: GUIDs as upper-case text, times and dates as ISO text.</summary>
    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        char c => c.ToString(),
        bool b => b ? 1L : 0L,
        _ => value,
    };

    private static object PgValue(object value) => value is char c ? c.ToString() : value;

    private static NpgsqlDbType PgType(object value) => value switch
    {
        Guid => NpgsqlDbType.Uuid,
        string or char => NpgsqlDbType.Text,
        double => NpgsqlDbType.Double,
        int => NpgsqlDbType.Integer,
        long => NpgsqlDbType.Bigint,
        bool => NpgsqlDbType.Boolean,
        DateTime => NpgsqlDbType.TimestampTz,
        DateOnly => NpgsqlDbType.Date,
        _ => throw new NotSupportedException($"An import does not write values of type {value.GetType().Name}."),
    };

    private static NpgsqlParameter PgParameter(object? value) =>
        value is null ? new NpgsqlParameter { Value = DBNull.Value } : new NpgsqlParameter { Value = PgValue(value), NpgsqlDbType = PgType(value) };

    public async ValueTask DisposeAsync()
    {
        foreach (var map in _maps.Values) await map.DisposeAsync();
    }

    /// <summary>One table: its columns from EF's model, how to read each from the object and convert it for the database.</summary>
    private sealed class TableMap : IAsyncDisposable
    {
        public Type ClrType { get; }
        public string Table { get; }
        public IProperty[] Properties { get; }
        public string[] Columns { get; }
        public string KeyColumn { get; }
        /// <summary>The properties the audit snapshot lists, in its order (by name; not the version stamp).</summary>
        public int[] AuditOrder { get; }
        public DbCommand? SqliteInsert { get; set; }
        public DbCommand? SqliteUpdate { get; set; }
        public DbCommand? SqliteVersionedUpdate { get; set; }

        private readonly IClrPropertyGetter[] _getters;
        private readonly ValueConverter?[] _converters;
        private readonly ValueComparer[] _comparers;
        private readonly int _key;

        public TableMap(IEntityType type)
        {
            ClrType = type.ClrType;
            Table = type.GetTableName()!;
            var table = StoreObjectIdentifier.Table(Table, type.GetSchema());
            // Every column is a CLR property in the register's types: a shadow column could not be read from the object.
            if (type.GetProperties().FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
                throw new NotSupportedException($"{ClrType.Name}.{shadow.Name} is a shadow property; the bulk writer reads columns from the object.");
            Properties = type.GetProperties().ToArray();
            Columns = Properties.Select(p => p.GetColumnName(table)!).ToArray();
            _getters = Properties.Select(p => p.GetGetter()).ToArray();
            _converters = Properties.Select(p => p.GetTypeMapping().Converter).ToArray();
            _comparers = Properties.Select(p => p.GetValueComparer()).ToArray();
            var key = type.FindPrimaryKey()!.Properties.Single();
            _key = Array.IndexOf(Properties, key);
            KeyColumn = Columns[_key];
            AuditOrder = Enumerable.Range(0, Properties.Length).Where(i => Properties[i].Name != nameof(IVersioned.Version))
                .OrderBy(i => Properties[i].Name, StringComparer.Ordinal).ToArray();
        }

        public object?[] Values(object entity)
        {
            var values = new object?[_getters.Length];
            for (var i = 0; i < values.Length; i++) values[i] = _getters[i].GetClrValueUsingContainingEntity(entity);
            return values;
        }

        /// <summary>Whether any column differs, compared as EF compares them (1.0 and 1.00 are the same WTE).</summary>
        public bool Differs(object?[] before, object?[] after)
        {
            for (var i = 0; i < before.Length; i++)
                if (Properties[i].Name != nameof(IVersioned.Version) && !_comparers[i].Equals(before[i], after[i])) return true;
            return false;
        }

        /// <summary>The column's value as the database stores it (bands as "8a", enums by name, WTE as a double).</summary>
        public object? Provider(int i, object entity)
        {
            var value = _getters[i].GetClrValueUsingContainingEntity(entity);
            return value is null || _converters[i] is not { } converter ? value : converter.ConvertToProvider(value);
        }

        public object Key(object entity) => _getters[_key].GetClrValueUsingContainingEntity(entity)!;

        /// <summary>The key as the audit names it, as <see cref="CadreSaveChangesInterceptor"/> does.</summary>
        public string KeyText(object entity) => Key(entity).ToString()!;

        public async ValueTask DisposeAsync()
        {
            if (SqliteInsert is not null) await SqliteInsert.DisposeAsync();
            if (SqliteUpdate is not null) await SqliteUpdate.DisposeAsync();
            if (SqliteVersionedUpdate is not null) await SqliteVersionedUpdate.DisposeAsync();
        }
    }
}
