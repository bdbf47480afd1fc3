using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Auditing;

/// <summary>
/// The key that seals the audit trail: each entry's <see cref="AuditEntry.Hash"/> is an HMAC-SHA256, under this key, of
/// the entry and the previous entry's hash. It lives in a file beside the cookie keys (<c>DATA/keys/audit-chain.key</c>,
/// readable by Cadre's own account only), not in the database, so someone who can only write to the database cannot
/// forge a sealed entry. Without a key folder (some tests) the seal is a plain keyed-by-nothing HMAC: edits and
/// deletions are still found, forgeries by someone who knows the scheme are not. See docs/decisions/audit-events-and-chain.md.
/// </summary>
public sealed class AuditChainKey
{
    public const string FileName = "audit-chain.key";
    /// <summary>The key itself (base64 of 32 bytes), for several instances on one PostgreSQL database: each must seal alike.</summary>
    public const string KeyVariable = "CADRE_AUDIT_KEY";
    public static AuditChainKey Unkeyed { get; } = new([]);

    private readonly byte[] _key;
    private AuditChainKey(byte[] key) => _key = key;

    public bool IsKeyed => _key.Length > 0;

    /// <summary>Reads the key from the folder, making it (32 random bytes, mode 0600) on first use.</summary>
    public static AuditChainKey Load(string? keyDirectory)
    {
        if (Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } shared) return new AuditChainKey(Convert.FromBase64String(shared.Trim()));
        if (keyDirectory is null) return Unkeyed;
        Directory.CreateDirectory(keyDirectory);
        var path = Path.Combine(keyDirectory, FileName);
        if (!File.Exists(path))
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var writer = new StreamWriter(path, Encoding.ASCII, options);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(path)) { } // another process made it first: use theirs
        }
        return new AuditChainKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    /// <summary>The seal of an entry that follows <paramref name="previousHash"/>.</summary>
    public string Seal(AuditEntry entry, string previousHash)
    {
        // A JSON array of the values: no separator inside a value can make two different entries read the same.
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            entry.Sequence, previousHash, entry.OrganisationId.ToString("D"), AuditChain.Stamp(entry.When), entry.Who, entry.WhoUserId,
            entry.EntityType, entry.EntityId, entry.Action.ToString(), entry.Before, entry.After, entry.Address, entry.UserAgent,
        });
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, canonical));
    }
}

/// <summary>What <c>cadre audit verify</c> and the administrators' page report.</summary>
public sealed record AuditChainReport(long Checked, long BeforeChain, long? BrokenAt, string? Problem, string LastHash)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>Seals new audit entries in order and checks the whole chain.</summary>
public static class AuditChain
{
    /// <summary>
    /// PostgreSQL stores microseconds, SQLite every tick: times are cut to the microsecond before sealing so the seal
    /// reads the same value back from either database.
    /// </summary>
    public static DateTime ToMicroseconds(DateTime when) => new(when.Ticks - when.Ticks % 10, DateTimeKind.Utc);

    internal static string Stamp(DateTime when) => when.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gives each new entry the next sequence number and its seal. Runs under the chain lock.</summary>
    internal static void SealNew(CadreDbContext db, IReadOnlyList<AuditEntry> added, AuditChainKey key)
    {
        var tail = db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefault();
        var sequence = tail?.Sequence ?? 0;
        var previous = tail?.Hash ?? "";
        foreach (var entry in added)
        {
            entry.When = ToMicroseconds(entry.When);
            entry.Sequence = ++sequence;
            entry.Hash = key.Seal(entry, previous);
            previous = entry.Hash;
        }
    }

    /// <summary>
    /// Walks the trail in sequence order and reports the first broken link: a missing number (an entry deleted), a
    /// number out of order or repeated (an entry inserted), or a seal that does not match (an entry changed, or forged
    /// without the key). Entries from before the chain began (no seal) may only come first.
    /// </summary>
    public static async Task<AuditChainReport> VerifyAsync(CadreDbContext db, AuditChainKey key, CancellationToken cancel)
    {
        long expected = 1, checkedCount = 0, beforeChain = 0;
        var previous = "";
        await foreach (var entry in db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(a => a.Sequence).ThenBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancel))
        {
            string? problem = null;
            if (entry.Sequence > expected)
                problem = expected == entry.Sequence - 1 ? $"entry {expected} is missing: it has been deleted" : $"entries {expected} to {entry.Sequence - 1} are missing: they have been deleted";
            else if (entry.Sequence < expected)
                problem = $"there is a second entry numbered {entry.Sequence}: an entry has been inserted";
            else if (entry.Hash.Length == 0 && (previous.Length > 0))
                problem = $"entry {entry.Sequence} has no seal although entries before it do: it has been inserted";
            else if (entry.Hash.Length > 0 && key.Seal(entry, previous) != entry.Hash)
                problem = $"entry {entry.Sequence} does not match its seal: it has been changed, or written by something other than Cadre";
            if (problem is not null)
                return new AuditChainReport(checkedCount, beforeChain, entry.Sequence < expected ? entry.Sequence : Math.Min(expected, entry.Sequence), problem, previous);
            if (entry.Hash.Length == 0) beforeChain++;
            previous = entry.Hash;
            expected++;
            checkedCount++;
        }
        return new AuditChainReport(checkedCount, beforeChain, null, null, previous);
    }
}
