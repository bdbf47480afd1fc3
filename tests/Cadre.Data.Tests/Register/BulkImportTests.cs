using System.Text;
using System.Text.Json;
using Cadre.Core.Register;
using Cadre.Data.Auditing;
using Cadre.Data.Register.Import;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Register;

/// <summary>
/// The imports' bulk path (RegisterBulkWriter): a file that matches the register writes nothing, a re-import writes and
/// audits only what changed, the trail it writes seals into the chain and reads like an ordinary save's, and a very
/// large file with one bad row at the end is refused whole.
/// </summary>
public sealed class BulkImportTests : IDisposable
{
    private const string Posts =
        "Post Number,Title,Department,Pay Band,Funded WTE,Status,Time Split\r\n" +
        "RT0001,Clinical Scientist,Radiotherapy Physics,7,1.00,Funded,External Beam Physics=70; Brachytherapy Physics=30\r\n" +
        "RT0002,Head of Radiotherapy Physics,Radiotherapy Physics,8c,1,Funded,\r\n" +
        "VS0001,Clinical Vascular Scientist,Imaging Physics,7,0.6,Vacant,E:Vascular ultrasound=100\r\n";

    private const string People =
        "Staff Number,Given Name,Family Name,Year of Birth,Post Number,Assignment WTE,Assignment Start,Registration,Registration Number\r\n" +
        "S1,Priya,Shah,1984,RT0001,0.6,2019-09-01,HCPC Clinical Scientist,CS012345\r\n" +
        "S2,Kwame,Mensah,1990,RT0002,1.0,2015-01-01,,\r\n" +
        "S3,Ama,Owusu,1992,VS0001,0.6,2021-04-01,,\r\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cadre-bulk-import-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<Guid> OrganisationAsync(TestDatabase database, DatabaseOptions? options = null)
    {
        await using var db = options is null ? database.NewContext(OrganisationScope.System)
            : new CadreDbContext(options.BuildContextOptions(), OrganisationScope.System, AuditActor.System("test"));
        var org = new Organisation { Name = "Trust ZZA", OdsCode = "ZZA" };
        org.Departments.Add(new Department { OrganisationId = org.Id, Name = "Radiotherapy Physics", ScienceTheme = 'H' });
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return org.Id;
    }

    /// <summary>The database's options with a key folder, so the chain is sealed with a real key on both databases.</summary>
    private DatabaseOptions Keyed(TestDatabase database) =>
        database.Options.Provider == DatabaseProvider.Sqlite ? database.Options : database.Options with { DataDirectory = _folder };

    private static async Task<AuditChainReport> VerifyAsync(DatabaseOptions options)
    {
        await using var db = new CadreDbContext(options.BuildContextOptions(), OrganisationScope.System, AuditActor.System("test"));
        return await AuditChain.VerifyAsync(db, AuditChainInterceptor.For(options.KeyDirectory).Key, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task An_import_that_changes_nothing_writes_nothing_and_says_so(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("u1", "Importer"));
        Assert.True((await new PostImporter(db).ImportAsync(org, Utf8(Posts), "posts.csv")).Succeeded);
        Assert.True((await new PeopleImporter(db).ImportAsync(org, Utf8(People), "people.csv")).Succeeded);
        var audit = await db.AuditEntries.CountAsync();
        var versions = await db.Posts.OrderBy(p => p.PostNumber).Select(p => p.Version).ToListAsync();

        var posts = await new PostImporter(db).ImportAsync(org, Utf8(Posts), "posts.csv");
        var people = await new PeopleImporter(db).ImportAsync(org, Utf8(People), "people.csv");

        Assert.True(posts.NothingChanged, posts.Summary);
        Assert.Equal((3, 0, 3, 0L), (posts.RowsRead, posts.Created, posts.Updated, posts.Changes!.Value));
        Assert.Equal("Nothing to import: all 3 rows of posts.csv already match the register, so nothing was written.", posts.Summary);
        Assert.True(people.NothingChanged, people.Summary);
        Assert.Equal("Nothing to import: all 3 rows of people.csv already match the register, so nothing was written.", people.Summary);
        Assert.Equal(audit, await db.AuditEntries.CountAsync());
        Assert.Equal(versions, await db.Posts.OrderBy(p => p.PostNumber).Select(p => p.Version).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_reimport_changing_a_few_rows_writes_and_audits_only_those(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var options = Keyed(database);
        var org = await OrganisationAsync(database, options);
        await using var db = new CadreDbContext(options.BuildContextOptions(), OrganisationScope.For([org]), new AuditActor("u1", "Importer"));
        var first = await new PostImporter(db).ImportAsync(org, Utf8(Posts), "posts.csv");
        // 3 posts, 3 shares of time (RT0002 has none) and 1 new department (Imaging Physics).
        Assert.Equal(7L, first.Changes);
        Assert.True((await new PeopleImporter(db).ImportAsync(org, Utf8(People), "people.csv")).Succeeded);
        var lastBefore = await db.AuditEntries.MaxAsync(a => a.Sequence);
        var rt2Version = await db.Posts.Where(p => p.PostNumber == "RT0002").Select(p => p.Version).SingleAsync();

        // RT0001 goes to band 8a; VS0001's post is unchanged but its one share becomes two.
        var changed = Posts
            .Replace("RT0001,Clinical Scientist,Radiotherapy Physics,7,", "RT0001,Clinical Scientist,Radiotherapy Physics,8a,")
            .Replace("E:Vascular ultrasound=100", "E:Vascular ultrasound=60; E:Echocardiography=40");
        var posts = await new PostImporter(db).ImportAsync(org, Utf8(changed), "posts.csv");
        // Ama's family name changes; nothing else about anyone does.
        var people = await new PeopleImporter(db).ImportAsync(org, Utf8(People.Replace("S3,Ama,Owusu", "S3,Ama,Owusu-Ansah")), "people.csv");

        Assert.True(posts.Succeeded, string.Join("\n", posts.Problems));
        Assert.Equal((0, 3, 3L), (posts.Created, posts.Updated, posts.Changes!.Value));
        Assert.Equal("Imported 3 rows from posts.csv: 0 created, 3 updated; 3 records written and audited.", posts.Summary);
        Assert.Equal((0, 3, 1L), (people.Created, people.Updated, people.Changes!.Value));
        db.ChangeTracker.Clear();
        var trail = await db.AuditEntries.Where(a => a.Sequence > lastBefore).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(
            [("Post", AuditAction.Updated), ("PostActivity", AuditAction.Created), ("PostActivity", AuditAction.Updated), ("Person", AuditAction.Updated)],
            trail.Select(a => (a.EntityType, a.Action)).OrderBy(t => t.EntityType == "Person").ThenBy(t => t.EntityType).ThenBy(t => t.Action).ToList());
        var rt1 = await db.Posts.SingleAsync(p => p.PostNumber == "RT0001");
        var postEntry = trail.Single(a => a.EntityType == "Post");
        Assert.Equal(rt1.Id.ToString(), postEntry.EntityId);
        Assert.Equal("7", JsonDocument.Parse(postEntry.Before!).RootElement.GetProperty("Band").GetString());
        Assert.Equal("8a", JsonDocument.Parse(postEntry.After!).RootElement.GetProperty("Band").GetString());
        Assert.Equal("Owusu-Ansah", JsonDocument.Parse(trail.Single(a => a.EntityType == "Person").After!).RootElement.GetProperty("FamilyName").GetString());
        Assert.All(trail, a => Assert.Equal(("Importer", "u1", org), (a.Who, a.WhoUserId, a.OrganisationId)));
        Assert.Equal(rt2Version, await db.Posts.Where(p => p.PostNumber == "RT0002").Select(p => p.Version).SingleAsync());
        Assert.Equal([40, 60], (await db.PostActivities.Where(a => a.Post!.PostNumber == "VS0001").Select(a => a.Percent).ToListAsync()).Order());

        var report = await VerifyAsync(options);
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(await db.AuditEntries.IgnoreQueryFilters().CountAsync(), report.Checked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task The_bulk_trail_reads_like_an_ordinary_saves(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("u1", "Importer"));
        Assert.True((await new PostImporter(db).ImportAsync(org, Utf8(Posts), "posts.csv")).Succeeded);
        var department = await db.Departments.SingleAsync(d => d.Name == "Radiotherapy Physics");
        db.Posts.Add(new Post { OrganisationId = org, DepartmentId = department.Id, PostNumber = "EF0001", Title = "Saved by EF", Band = PayBand.Parse("7") });
        await db.SaveChangesAsync();
        var imported = await db.Posts.SingleAsync(p => p.PostNumber == "RT0001");
        var saved = await db.Posts.SingleAsync(p => p.PostNumber == "EF0001");

        static string[] Names(string json) => JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        var bulk = (await db.AuditEntries.SingleAsync(a => a.EntityId == imported.Id.ToString())).After!;
        var ordinary = (await db.AuditEntries.SingleAsync(a => a.EntityId == saved.Id.ToString())).After!;
        // The same columns in the same order, and values written the same way.
        Assert.Equal(Names(ordinary), Names(bulk));
        var values = JsonDocument.Parse(bulk).RootElement;
        Assert.Equal(("RT0001", "7", "Funded", imported.DepartmentId.ToString()),
            (values.GetProperty("PostNumber").GetString(), values.GetProperty("Band").GetString(), values.GetProperty("Status").GetString(), values.GetProperty("DepartmentId").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_million_row_posts_file_with_a_bad_last_row_writes_nothing(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "posts.csv");
        const int rows = 1_000_000;
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            await writer.WriteAsync("Post Number,Title,Department,Pay Band,Funded WTE\n");
            var line = new StringBuilder();
            for (var i = 1; i < rows; i++)
            {
                line.Clear().Append('P').Append(i).Append(",Clinical Scientist,Department ").Append(i % 40).Append(",7,1.00\n");
                await writer.WriteAsync(line);
            }
            await writer.WriteAsync($"P{rows},Clinical Scientist,Department 1,10,1.00\n");
        }
        await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("u1", "Importer"));
        var audit = await db.AuditEntries.CountAsync();

        var result = await new PostImporter(db).ImportFileAsync(org, path);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        // The header is row 1, so the millionth post is on row 1,000,001.
        Assert.Equal(("posts.csv", rows + 1, "Pay Band", "10"), (problem.File, problem.Row, problem.Column, problem.Value));
        Assert.Equal(rows, result.RowsRead);
        Assert.Equal("posts.csv was not imported: 1 problem found, nothing was written.", result.Summary);
        Assert.Equal(0, await db.Posts.CountAsync());
        Assert.Equal(1, await db.Departments.CountAsync());
        Assert.Equal(audit, await db.AuditEntries.CountAsync());
    }
}
