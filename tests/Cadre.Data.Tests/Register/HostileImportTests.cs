using System.Text;
using Cadre.Core.Register;
using Cadre.Data.Register.Import;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Cadre.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Register;

/// <summary>Issue 12: decompression bombs, huge cells and bad bytes through the register importer. Each is refused whole.</summary>
public class HostileImportTests
{
    private static async Task<(TestDatabase Database, Guid Organisation)> DatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var db = database.NewContext(OrganisationScope.System);
        var org = new Organisation { Name = "Trust ZZB", OdsCode = "ZZB" };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return (database, org.Id);
    }

    // Reads on this thread so the bytes it allocates can be counted without other tests' allocations.
    private static (string Message, long Allocated) Refusal(byte[] file, string name)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<ImportFormatException>(() =>
        {
            using var reader = TableReader.Open(new MemoryStream(file), name);
            while (reader.Read()) { }
        });
        return (refused.Message, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_small_workbook_that_unzips_to_300_MB_is_refused_before_it_is_expanded()
    {
        var bomb = HostileFiles.Bomb();
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        var (message, allocated) = Refusal(bomb, "bomb.xlsx");
        Assert.StartsWith("bomb.xlsx: ", message);
        Assert.Contains("unzipped", message);
        Assert.True(allocated < 16 * 1024 * 1024, $"refusing the bomb allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_workbook_part_that_unzips_beyond_the_size_it_declares_is_stopped_there()
    {
        var (message, allocated) = Refusal(HostileFiles.LyingBomb(), "liar.xlsx");
        Assert.StartsWith("liar.xlsx: ", message);
        Assert.True(allocated < 16 * 1024 * 1024, $"refusing the bomb allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_cell_longer_than_excel_allows_is_refused_by_row_and_column()
    {
        var (message, _) = Refusal(HostileFiles.HugeCell(), "huge.xlsx");
        Assert.Equal("huge.xlsx: row 2, column B holds more than 32,767 characters, more than an Excel cell can; nothing was read", message);
        var csv = Encoding.UTF8.GetBytes(HostileFiles.PostsHeader + "\nBIG1," + new string('x', 40_000) + ",Radiotherapy Physics,7,1\n");
        Assert.Equal("huge.csv: row 2, column 2 holds more than 32,767 characters, more than a spreadsheet cell can; nothing was imported", Refusal(csv, "huge.csv").Message);
    }

    [Fact]
    public async Task The_importer_lists_the_refusal_naming_the_file_and_writes_nothing()
    {
        var (database, org) = await DatabaseAsync();
        await using (database)
        {
            await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("u1", "Importer"));
            var result = await new PostImporter(db).ImportAsync(org, new MemoryStream(HostileFiles.Bomb()), "bomb.xlsx");
            Assert.False(result.Succeeded);
            Assert.Contains("bomb.xlsx", result.Problems.Single().Expected);
            Assert.False(await db.Posts.AnyAsync());
        }
    }

    [Fact]
    public void A_name_with_accents_is_read_from_UTF8_with_or_without_a_byte_order_mark()
    {
        const string csv = "Staff Number,Given Name,Family Name\nS1,Zoë,Nguyễn\n";
        foreach (var bytes in new[] { Encoding.UTF8.GetBytes(csv), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)], Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(csv)).ToArray() })
        {
            using var reader = TableReader.Open(new MemoryStream(bytes), "people.csv");
            Assert.True(reader.Read());
            Assert.Equal(("Zoë", "Nguyễn"), (reader.Get(1), reader.Get(2)));
        }
    }

    [Fact]
    public void One_byte_that_is_not_UTF8_refuses_the_file_by_row_and_column_and_is_never_read_as_windows_1252()
    {
        var bytes = HostileFiles.OneBadByte("Staff Number,Given Name,Family Name\nS1,Zoë,Nguyễn\nS2,Ren,Cafe\n", "Caf");
        var (message, _) = Refusal(bytes, "people.csv");
        Assert.StartsWith("people.csv: row 3, column 'Family Name' holds a byte that is not UTF-8 text (just after 'Caf')", message);
        Assert.DoesNotContain("Ã", message);

        // Declared, the same bytes are read in the encoding named.
        using var reader = TableReader.Open(new MemoryStream(HostileFiles.OneBadByte("Staff Number,Given Name\nS2,Caf\n", "Caf")), "people.csv",
            Cadre.Core.Text.TextEncodings.Named("windows-1252", out _));
        Assert.True(reader.Read());
        Assert.Equal("Café", reader.Get(1));
    }
}

public class ExportRoundTripTests
{
    [Theory]
    [InlineData("posts.csv")]
    [InlineData("posts.xlsx")]
    public async Task An_export_imports_back_losslessly_formulas_unneutralised_and_time_split_rows_kept(string file)
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        Guid org;
        await using (var setup = database.NewContext(OrganisationScope.System))
        {
            var o = new Organisation { Name = "Trust ZZC", OdsCode = "ZZC" };
            o.Departments.Add(new Department { OrganisationId = o.Id, Name = "Radiotherapy Physics", ScienceTheme = 'H' });
            setup.Organisations.Add(o);
            await setup.SaveChangesAsync();
            org = o.Id;
        }
        await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("u1", "Importer"));
        var dept = await db.Departments.SingleAsync();
        var post = new Post
        {
            OrganisationId = org, DepartmentId = dept.Id, PostNumber = "RT1", Title = HostileFiles.FormulaCells[0], CostCentre = "-4101", Band = PayBand.Band7, FundedWte = 1m,
            Activities = [new PostActivity { OrganisationId = org, Service = "External Beam Physics", ScienceTheme = 'H', Percent = 70 },
                          new PostActivity { OrganisationId = org, Service = "Brachytherapy Physics", ScienceTheme = 'H', Percent = 30 }],
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        var activityIds = post.Activities.Select(a => a.Id).Order().ToList();

        var export = new MemoryStream();
        await new Cadre.Data.Register.Export.RegisterExporter(db).ExportPostsAsync(export, Cadre.Data.Register.Export.TableWriter.FormatFor(file), [CadreRoles.Administrator]);
        export.Position = 0;
        db.ChangeTracker.Clear();
        var result = await new PostImporter(db).ImportAsync(org, export, file);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));

        db.ChangeTracker.Clear();
        var back = await db.Posts.Include(p => p.Activities).SingleAsync();
        Assert.Equal((HostileFiles.FormulaCells[0], "-4101"), (back.Title, back.CostCentre));
        Assert.Equal(activityIds, back.Activities.Select(a => a.Id).Order().ToList());
        Assert.Equal([30, 70], back.Activities.Select(a => a.Percent).Order());
    }
}

public class HiddenCharacterImportTests
{
    [Fact]
    public async Task A_people_file_with_a_bidirectional_override_in_a_name_is_refused_by_row_and_column()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        Guid org;
        await using (var setup = database.NewContext(OrganisationScope.System))
        {
            var o = new Organisation { Name = "Trust ZZD", OdsCode = "ZZD" };
            setup.Organisations.Add(o);
            await setup.SaveChangesAsync();
            org = o.Id;
        }
        await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("u1", "Importer"));
        var csv = "Staff Number,Given Name,Family Name\nS1,Zoë,Nguyễn\nS2,Ada\u202Eecal,Love\nS3,Ad\u200Ba,Love\n";
        var result = await new PeopleImporter(db).ImportAsync(org, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "people.csv");
        Assert.Equal([(3, "Given Name"), (4, "Given Name")], result.Problems.Select(p => (p.Row, p.Column)));
        Assert.Contains("U+202E", result.Problems[0].Expected);
        Assert.False(await db.People.AnyAsync());
    }
}
