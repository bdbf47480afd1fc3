using Cadre.Core.Register;
using Cadre.Data.Auditing;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cadre.Data.Tests.Register;

/// <summary>
/// The hash chain on both databases: each test writes a trail through the data layer, then tampers with it the way
/// someone with SQL access would (lifting the append-only trigger first), and the check must name the first broken entry.
/// </summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "cadre-chain-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_keys, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The database's options with a key folder (SQLite keeps its own data folder; PostgreSQL gets one).</summary>
    private DatabaseOptions Keyed(TestDatabase database) =>
        database.Options.Provider == DatabaseProvider.Sqlite ? database.Options : database.Options with { DataDirectory = _keys };

    private static CadreDbContext Context(DatabaseOptions options) => new(options.BuildContextOptions(), OrganisationScope.System, AuditActor.System("test"));

    private static AuditChainKey KeyOf(DatabaseOptions options) => AuditChainInterceptor.For(options.KeyDirectory).Key;

    /// <summary>Five saves: an organisation, then four departments one by one, each audited.</summary>
    private static async Task WriteTrailAsync(DatabaseOptions options)
    {
        await using var db = Context(options);
        var organisation = new Organisation { Name = "Trust", OdsCode = "ZZC" };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        for (var i = 1; i <= 4; i++)
        {
            db.Departments.Add(new Department { OrganisationId = organisation.Id, Name = $"Department {i}", ScienceTheme = 'E' });
            await db.SaveChangesAsync();
        }
    }

    private static async Task<AuditChainReport> VerifyAsync(DatabaseOptions options)
    {
        await using var db = Context(options);
        return await AuditChain.VerifyAsync(db, KeyOf(options), CancellationToken.None);
    }

    /// <summary>Lifts the append-only triggers, as someone with the database owner's rights could.</summary>
    private static async Task LiftTriggersAsync(CadreDbContext db)
    {
        if (db.Database.ProviderName!.Contains("Sqlite"))
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEntries_no_update";""");
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEntries_no_delete";""");
        }
        else await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEntries" DISABLE TRIGGER "AuditEntries_append_only";""");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task An_untouched_trail_is_intact_numbered_from_one_without_gaps(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var options = Keyed(database);
        await WriteTrailAsync(options);
        var report = await VerifyAsync(options);
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(5, report.Checked);
        await using var db = Context(options);
        Assert.Equal([1L, 2, 3, 4, 5], await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.All(await db.AuditEntries.Select(e => e.Hash).ToListAsync(), h => Assert.Equal(64, h.Length));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task An_edited_entry_is_found(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var options = Keyed(database);
        await WriteTrailAsync(options);
        await using (var db = Context(options))
        {
            await LiftTriggersAsync(db);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "Who" = 'someone else' WHERE "Sequence" = 3""");
        }
        var report = await VerifyAsync(options);
        Assert.False(report.Intact);
        Assert.Equal(3, report.BrokenAt);
        Assert.Contains("entry 3 does not match its seal", report.Problem);
        Assert.Equal("The audit trail is broken at entry 3: entry 3 does not match its seal: it has been changed, or written by something other than Cadre.",
            AuditChainWords.Describe(report)[0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_deleted_entry_is_found(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var options = Keyed(database);
        await WriteTrailAsync(options);
        await using (var db = Context(options))
        {
            await LiftTriggersAsync(db);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 2""");
        }
        var report = await VerifyAsync(options);
        Assert.Equal(2, report.BrokenAt);
        Assert.Equal("entry 2 is missing: it has been deleted", report.Problem);
        Assert.Equal(1, report.Checked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_forged_entry_is_found_even_with_the_next_number_and_a_well_formed_seal(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var options = Keyed(database);
        await WriteTrailAsync(options);
        await using (var db = Context(options))
        {
            // The forger knows the scheme and the last seal but not the key (it is not in the database).
            var last = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
            var forged = new AuditEntry
            {
                OrganisationId = last.OrganisationId, When = AuditChain.ToMicroseconds(DateTime.UtcNow), Who = "Ada Admin", EntityType = "Post",
                EntityId = Guid.NewGuid().ToString(), Action = AuditAction.Deleted, Before = "{}", Sequence = last.Sequence + 1,
            };
            forged.Hash = AuditChainKey.Unkeyed.Seal(forged, last.Hash);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "AuditEntries" ("Id", "OrganisationId", "When", "Who", "EntityType", "EntityId", "Action", "Before", "Sequence", "Hash")
                VALUES ({forged.Id}, {forged.OrganisationId}, {forged.When}, {forged.Who}, {forged.EntityType}, {forged.EntityId}, {"Deleted"}, {forged.Before}, {forged.Sequence}, {forged.Hash})
                """);
        }
        var report = await VerifyAsync(options);
        Assert.Equal(6, report.BrokenAt);
        Assert.Contains("written by something other than Cadre", report.Problem);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Writers_saving_at_once_still_make_one_unbroken_chain(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var options = Keyed(database);
        await WriteTrailAsync(options);
        Guid organisation;
        await using (var db = Context(options)) organisation = await db.Organisations.Select(o => o.Id).SingleAsync();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await using var db = Context(options);
                db.Departments.Add(new Department { OrganisationId = organisation, Name = $"Writer {writer} department {i}", ScienceTheme = 'F' });
                await db.SaveChangesAsync();
            }
        })));
        var report = await VerifyAsync(options);
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(35, report.Checked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Entries_written_before_the_chain_are_numbered_first_and_the_chain_follows_them(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind, migrate: false);
        var options = Keyed(database);
        await using (var db = Context(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261202010000_ApiTokensAndAuditEvents");
            var org = Guid.NewGuid();
            foreach (var minute in new[] { 3, 1, 2 })
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "AuditEntries" ("Id", "OrganisationId", "When", "Who", "EntityType", "EntityId", "Action")
                    VALUES ({Guid.NewGuid()}, {org}, {new DateTime(2026, 11, 1, 9, minute, 0, DateTimeKind.Utc)}, {"old"}, {"Post"}, {minute.ToString()}, {"Created"})
                    """);
            await db.Database.MigrateAsync();
            Assert.Equal(["1", "2", "3"], await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.EntityId).ToListAsync());
        }
        await WriteTrailAsync(options);
        var report = await VerifyAsync(options);
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(8, report.Checked);
        Assert.Equal(3, report.BeforeChain);
    }
}
