using Cadre.Core.Money;
using System.Text;
using Cadre.Core.Register;
using Cadre.Data.Register.Export;
using Cadre.Data.Register.Import;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Register;

public class ImportExportTests
{
    private const string GoodPosts =
        "Position Number,Position Title,Department,Pay Band,Funded WTE,Cost Centre,Status,Occupation Code,Area of Work,Entry Requirement,Manages Department,Direct HCS %,Consultant Appointment,Time Split\r\n" +
        "RT0001,Clinical Scientist (Radiotherapy Physics),Radiotherapy Physics,7,1.00,410150,Funded,U2H,Radiotherapy Physics,Clinical Scientist,No,100,None,External Beam Physics=70; Brachytherapy Physics=30\r\n" +
        "RT0002,\"Consultant Clinical Scientist, Head of Service\",Radiotherapy Physics,Band 8C,1,410150,Funded,UAH,Radiotherapy Physics,Consultant,Yes,40,Peer review,\r\n" +
        "VS0001,Clinical Vascular Scientist,Imaging Physics,7,0.6,410175,Vacant,U2E,Vascular Science,clinical_scientist,no,100,none,E:Vascular ultrasound=100\r\n";

    private static async Task<Guid> OrganisationAsync(TestDatabase database, string ods = "ZZA")
    {
        await using var db = database.NewContext(OrganisationScope.System);
        var org = new Organisation { Name = "Trust " + ods, OdsCode = ods };
        org.Departments.Add(new Department { OrganisationId = org.Id, Name = "Radiotherapy Physics", ScienceTheme = 'H' });
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return org.Id;
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>Turns CSV text into an XLSX workbook with the same cells, using the exporter's writer.</summary>
    private static MemoryStream ToXlsx(string csv)
    {
        var output = new MemoryStream();
        using (var reader = TableReader.Open(Utf8(csv), "x.csv"))
        using (var writer = TableWriter.Create(output, ExportFormat.Xlsx, "Posts"))
        {
            writer.WriteRow(reader.Headers.ToList());
            while (reader.Read()) writer.WriteRow(Enumerable.Range(0, reader.Headers.Count).Select(i => (object?)reader.Get(i)).ToList());
        }
        output.Position = 0;
        return output;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_good_CSV_file_imports_every_post_and_a_second_run_updates_them(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("u1", "Importer"));

        var result = await new PostImporter(db).ImportAsync(org, Utf8(GoodPosts), "posts.csv");
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((3, 3, 0, 1), (result.RowsRead, result.Created, result.Updated, result.DepartmentsCreated));

        var posts = await db.Posts.Include(p => p.Activities).Include(p => p.Department).OrderBy(p => p.PostNumber).ToListAsync();
        Assert.Equal(["RT0001", "RT0002", "VS0001"], posts.Select(p => p.PostNumber));
        Assert.Equal("Consultant Clinical Scientist, Head of Service", posts[1].Title);
        Assert.Equal(PayBand.Band8c, posts[1].Band);
        Assert.Equal(ConsultantAppointment.PeerReview, posts[1].ConsultantAppointment);
        Assert.True(posts[1].ManagesDepartment);
        Assert.Equal(40, posts[1].DirectHcsPercent);
        Assert.Equal(0.6m, posts[2].FundedWte);
        Assert.Equal(PostStatus.Vacant, posts[2].Status);
        Assert.Equal("Imaging Physics", posts[2].Department!.Name);
        Assert.Equal([('H', 70), ('H', 30)], posts[0].Activities.OrderByDescending(a => a.Percent).Select(a => (a.ScienceTheme, a.Percent)));
        Assert.Equal('E', posts[2].Activities.Single().ScienceTheme);
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Post) && e.Who == "Importer"));

        var again = await new PostImporter(db).ImportAsync(org, Utf8(GoodPosts.Replace("RT0001,Clinical Scientist (Radiotherapy Physics),Radiotherapy Physics,7", "RT0001,Principal Clinical Scientist,Radiotherapy Physics,8a")), "posts.csv");
        Assert.True(again.Succeeded, string.Join("\n", again.Problems));
        Assert.Equal((0, 3), (again.Created, again.Updated));
        db.ChangeTracker.Clear();
        var updated = await db.Posts.Include(p => p.Activities).SingleAsync(p => p.PostNumber == "RT0001");
        Assert.Equal(PayBand.Band8a, updated.Band);
        Assert.Equal(2, updated.Activities.Count);
        Assert.Equal(3, await db.Posts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_good_XLSX_file_imports_like_the_CSV(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]));
        var result = await new PostImporter(db).ImportAsync(org, ToXlsx(GoodPosts), "posts.xlsx");
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(3, result.Created);
        var post = await db.Posts.SingleAsync(p => p.PostNumber == "RT0002");
        Assert.Equal(PayBand.Band8c, post.Band);
        Assert.Equal(1.0m, post.FundedWte);
    }

    private const string BadPosts =
        "Post Number,Title,Department,Pay Band,Funded WTE,Status,Occupation Code,Time Split\r\n" +
        "RT0001,Clinical Scientist,Radiotherapy Physics,7,1.00,Funded,U2H,Radiotherapy Physics=100\r\n" +   // good
        "RT0002,Clinical Scientist,Radiotherapy Physics,8e,1.00,Funded,U2H,\r\n" +                         // row 3: band
        "RT0003,Clinical Scientist,Radiotherapy Physics,7,1.5,Funded,U2H,\r\n" +                           // row 4: WTE
        "RT0004,,Radiotherapy Physics,7,1.00,Open,U2H,\r\n" +                                              // row 5: title, status
        "RT0005,Clinical Scientist,Radiotherapy Physics,6,1.00,Funded,U2H,A=60; B=30\r\n" +                // row 6: split 90
        "RT0001,Clinical Scientist,Radiotherapy Physics,7,1.00,Funded,U2H,\r\n";                           // row 7: duplicate

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_bad_rows_is_refused_whole_with_every_problem_located(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]));
        var before = (await db.Posts.CountAsync(), await db.AuditEntries.CountAsync(), await db.Departments.CountAsync());

        foreach (var (stream, name) in new[] { (Utf8(BadPosts), "bad.csv"), (ToXlsx(BadPosts), "bad.xlsx") })
        {
            var result = await new PostImporter(db).ImportAsync(org, stream, name);
            Assert.False(result.Succeeded);
            Assert.Equal(0, result.Created);
            var found = result.Problems.Select(p => (p.File, p.Row, p.Column, p.Value)).ToList();
            Assert.Contains((name, 3, "Pay Band", "8e"), found);
            Assert.Contains((name, 4, "Funded WTE", "1.5"), found);
            Assert.Contains((name, 5, "Title", ""), found);
            Assert.Contains((name, 5, "Status", "Open"), found);
            Assert.Contains((name, 6, "Time Split", "A=60; B=30"), found);
            Assert.Contains((name, 7, "Post Number", "RT0001"), found);
            Assert.DoesNotContain(result.Problems, p => p.Row == 2);
            Assert.Contains("expected one of 1, 2, 3", result.Problems.Single(p => p.Row == 3).Expected.Replace("'8e' is not an Agenda for Change pay band; ", ""), StringComparison.Ordinal);
            Assert.Contains("90%", result.Problems.Single(p => p.Row == 6).Expected);
            Assert.Contains("row 2", result.Problems.Single(p => p.Row == 7).Expected);
            Assert.Contains("nothing was written", result.Summary);
        }
        Assert.Equal(before, (await db.Posts.CountAsync(), await db.AuditEntries.CountAsync(), await db.Departments.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Specialist_and_trainee_programme_import_export_and_refuse_a_bad_value(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]));
        const string header = "Post Number,Title,Department,Pay Band,Funded WTE,specialist,trainee_programme\r\n";

        var bad = await new PostImporter(db).ImportAsync(org, Utf8(header +
            "TR0001,Clinical Scientist,Radiotherapy Physics,6,1.00,,MSc\r\n" +
            "TR0002,Clinical Scientist,Radiotherapy Physics,6,1.00,perhaps,STP\r\n"), "bad.csv");
        Assert.False(bad.Succeeded);
        var found = bad.Problems.Select(p => (p.Row, p.Column, p.Value)).ToList();
        Assert.Equal([(2, "Trainee Programme", "MSc"), (3, "Specialist", "perhaps")], found);
        Assert.Contains("None, STP, PTP, Associate, BMS or HSST", bad.Problems[0].Expected);
        Assert.Contains("Yes or No", bad.Problems[1].Expected);
        Assert.Equal(0, await db.Posts.CountAsync());

        var good = await new PostImporter(db).ImportAsync(org, Utf8(header +
            "TR0001,Clinical Scientist,Radiotherapy Physics,6,1.00,no,stp\r\n" +
            "TR0002,Principal Clinical Scientist,Radiotherapy Physics,8a,1.00,Yes,None\r\n" +
            "TR0003,Clinical Scientist,Radiotherapy Physics,7,1.00,,\r\n"), "good.csv");
        Assert.True(good.Succeeded, string.Join("\n", good.Problems));
        var posts = await db.Posts.AsNoTracking().OrderBy(p => p.PostNumber).ToListAsync();
        Assert.Equal([(false, TraineeProgramme.Stp), (true, TraineeProgramme.None), (null, null)],
            posts.Select(p => (p.Specialist, p.TraineeProgramme)).ToList<(bool?, TraineeProgramme?)>());

        // The export writes them back in the import's words; a file without the columns keeps what is recorded.
        using var output = new MemoryStream();
        await new RegisterExporter(db).ExportPostsAsync(output, ExportFormat.Csv, [CadreRoles.Viewer]);
        var csv = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("Specialist,Trainee Programme", csv);
        Assert.Contains(",No,STP,", csv);
        Assert.Contains(",Yes,None,", csv);
        var again = await new PostImporter(db).ImportAsync(org, Utf8("Post Number,Title,Department,Pay Band,Funded WTE\r\nTR0001,Clinical Scientist,Radiotherapy Physics,6,1.00\r\n"), "again.csv");
        Assert.True(again.Succeeded, string.Join("\n", again.Problems));
        Assert.Equal(TraineeProgramme.Stp, (await db.Posts.AsNoTracking().SingleAsync(p => p.PostNumber == "TR0001")).TraineeProgramme);
        // ...and a blank cell in a file with the column clears it back to not recorded.
        var cleared = await new PostImporter(db).ImportAsync(org, Utf8(header + "TR0001,Clinical Scientist,Radiotherapy Physics,6,1.00,,\r\n"), "cleared.csv");
        Assert.True(cleared.Succeeded, string.Join("\n", cleared.Problems));
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.PostNumber == "TR0001");
        Assert.Null(post.TraineeProgramme);
        Assert.Null(post.Specialist);
    }

    [Fact]
    public async Task A_file_missing_a_required_column_or_not_a_table_says_so()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]));
        var missing = await new PostImporter(db).ImportAsync(org, Utf8("Post Number,Title\r\nX1,Y\r\n"), "thin.csv");
        Assert.Contains(missing.Problems, p => p.Column == "Pay Band" && p.Row == 1 && p.Expected.Contains("required"));
        var notXlsx = await new PostImporter(db).ImportAsync(org, Utf8("hello"), "fake.xlsx");
        Assert.Contains("not a readable .xlsx", notXlsx.Problems.Single().ToString());
        var wrongType = await new PostImporter(db).ImportAsync(org, Utf8("hello"), "posts.txt");
        Assert.Contains(".txt", wrongType.Problems.Single().Expected);
        Assert.Equal(0, await db.Posts.CountAsync());
    }

    [Fact]
    public void A_CSV_saved_by_Excel_in_the_Windows_code_page_keeps_its_accents_when_its_encoding_is_named()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var ansi = Encoding.GetEncoding(1252).GetBytes("Given Name,Family Name\r\nSi\u00e2n,Zo\u00eb-M\u00fcller\r\n");
        Assert.Throws<ImportFormatException>(() => TableReader.Open(new MemoryStream(ansi), "people.csv").Read());
        using var reader = TableReader.Open(new MemoryStream(ansi), "people.csv", Encoding.GetEncoding(1252));
        Assert.True(reader.Read());
        Assert.Equal(("Si\u00e2n", "Zo\u00eb-M\u00fcller"), (reader.Get(0), reader.Get(1)));
        using var utf8 = TableReader.Open(new MemoryStream(Encoding.UTF8.GetBytes("A\r\nSi\u00e2n\r\n")), "people.csv");
        Assert.True(utf8.Read());
        Assert.Equal("Si\u00e2n", utf8.Get(0));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Exports_neutralise_formulas_and_keep_personal_details_from_viewers(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]));
        var dept = await db.Departments.SingleAsync();
        var post = new Post { OrganisationId = org, DepartmentId = dept.Id, PostNumber = "X1", Title = "=HYPERLINK(\"http://evil\",\"click\")", CostCentre = "+4101", Band = PayBand.Band7 };
        db.Posts.Add(post);
        db.People.Add(new Person
        {
            OrganisationId = org, StaffNumber = "20400999", GivenName = "@Amelia", FamilyName = "-Okafor", YearOfBirth = 1980,
            Assignments = [new Assignment { PostId = post.Id, Wte = 1.0m, StartDate = new DateOnly(2020, 1, 1) }],
        });
        await db.SaveChangesAsync();

        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            var file = format == ExportFormat.Csv ? "posts.csv" : "posts.xlsx";
            var rows = await ExportAndReadAsync(s => new RegisterExporter(db).ExportPostsAsync(s, format, [CadreRoles.WorkforceInformation]), file);
            var header = rows[0];
            var row = rows[1];
            Assert.Equal("'=HYPERLINK(\"http://evil\",\"click\")", row[header.IndexOf("Title")]);
            Assert.Equal("'+4101", row[header.IndexOf("Cost Centre")]);
            Assert.Equal("'@Amelia '-Okafor".Replace(" '", " "), row[header.IndexOf(RegisterExporter.HoldersColumn)].Replace(" '", " "));
            Assert.StartsWith("'@", row[header.IndexOf(RegisterExporter.HoldersColumn)]);
            Assert.Equal("20400999", row[header.IndexOf(RegisterExporter.HolderStaffNumbersColumn)]);

            var viewer = await ExportAndReadAsync(s => new RegisterExporter(db).ExportPostsAsync(s, format, [CadreRoles.Viewer]), file);
            Assert.DoesNotContain(RegisterExporter.HoldersColumn, viewer[0]);
            Assert.DoesNotContain(RegisterExporter.HolderStaffNumbersColumn, viewer[0]);
            Assert.DoesNotContain(viewer.SelectMany(r => r), cell => cell.Contains("Amelia") || cell.Contains("20400999") || cell.Contains("Okafor"));
            Assert.Equal("X1", viewer[1][0]);

            await Assert.ThrowsAsync<ExportNotAllowedException>(() => new RegisterExporter(db).ExportPeopleAsync(new MemoryStream(), format, [CadreRoles.Viewer]));
            var people = await ExportAndReadAsync(s => new RegisterExporter(db).ExportPeopleAsync(s, format, [CadreRoles.Administrator]), file);
            Assert.Equal("'@Amelia", people[1][people[0].IndexOf("Given Name")]);
        }
    }

    private static async Task<List<List<string>>> ExportAndReadAsync(Func<Stream, Task<int>> export, string file)
    {
        var stream = new MemoryStream();
        await export(stream);
        stream.Position = 0;
        using var reader = TableReader.Open(stream, file);
        var rows = new List<List<string>> { reader.Headers.ToList() };
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.Headers.Count).Select(i => reader.GetAsWritten(i) ?? "").ToList());
        return rows;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task People_import_links_assignments_to_posts_and_refuses_unknown_posts(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]));
        Assert.True((await new PostImporter(db).ImportAsync(org, Utf8(GoodPosts), "posts.csv")).Succeeded);

        const string people =
            "Staff Number,Given Name,Family Name,Year of Birth,Post Number,Assignment WTE,Assignment Start,Assignment End,Registration,Registration Number,Registration Expiry\r\n" +
            "20400001,Priya,Shah,1985,RT0001,0.6,01/09/2019,,HCPC Clinical Scientist,CS012345,2027-05-31\r\n" +
            "20400001,Priya,Shah,1985,VS0001,0.4,2021-04-01,,,,\r\n" +
            "20400002,Kwame,Mensah,1990,,,,,AHCS,AHCS0001,\r\n";
        var result = await new PeopleImporter(db).ImportAsync(org, Utf8(people), "people.csv");
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Created);
        var priya = await db.People.Include(p => p.Assignments).Include(p => p.Registrations).SingleAsync(p => p.StaffNumber == "20400001");
        Assert.Equal(1.0m, priya.Assignments.Sum(a => a.Wte));
        Assert.Equal(new DateOnly(2019, 9, 1), priya.Assignments.Single(a => a.Wte == 0.6m).StartDate);
        Assert.Equal("CS012345", priya.Registrations.Single().Number);

        // Certificates and training, then the export of everyone imports back without creating anybody.
        const string trainees =
            "Staff Number,Given Name,Family Name,Certificates,Training Programme,Training Specialism,Training Start,Training Expected End,Training Mode,Training Status\r\n" +
            "20400001,Priya,Shah,MPE:MPE-1234:2028-01-31; RPA,HSST,Radiotherapy Physics,2024-09-01,2029-08-31,Part time,Active\r\n" +
            "20400002,Kwame,Mensah,,STP,Clinical Engineering,2022-09-01,2025-08-31,,Withdrawn\r\n";
        var withTraining = await new PeopleImporter(db).ImportAsync(org, Utf8(trainees), "trainees.csv");
        Assert.True(withTraining.Succeeded, string.Join("\n", withTraining.Problems));
        db.ChangeTracker.Clear();
        var hsst = await db.TrainingEnrolments.SingleAsync(t => t.Programme == TrainingProgramme.Hsst);
        Assert.Equal((StudyMode.PartTime, new DateOnly(2029, 8, 31)), (hsst.Mode, hsst.ExpectedEndDate));
        Assert.Equal(TrainingStatus.Withdrawn, (await db.TrainingEnrolments.SingleAsync(t => t.Programme == TrainingProgramme.Stp)).Status);
        Assert.Equal(new DateOnly(2028, 1, 31), (await db.Certificates.SingleAsync(c => c.Type == CertificateType.Mpe)).ExpiresOn);
        Assert.Equal(2, await db.Certificates.CountAsync());

        var export = await ExportAndReadAsync(st => new RegisterExporter(db).ExportPeopleAsync(st, ExportFormat.Xlsx, [CadreRoles.WorkforceInformation]), "people.xlsx");
        Assert.Equal(4, export.Count); // header, Priya twice (two posts), Kwame once (no post)
        var roundTrip = new MemoryStream();
        await new RegisterExporter(db).ExportPeopleAsync(roundTrip, ExportFormat.Csv, [CadreRoles.WorkforceInformation]);
        roundTrip.Position = 0;
        var reimport = await new PeopleImporter(db).ImportAsync(org, roundTrip, "people-export.csv");
        Assert.True(reimport.Succeeded, string.Join("\n", reimport.Problems));
        Assert.Equal((0, 2), (reimport.Created, reimport.Updated));
        Assert.Equal(2, await db.Certificates.CountAsync());
        Assert.Equal(2, await db.TrainingEnrolments.CountAsync());
        Assert.Equal(2, await db.Assignments.CountAsync());

        const string bad =
            "Staff Number,Given Name,Family Name,Year of Birth,Post Number,Assignment WTE,Assignment Start\r\n" +
            "20400003,Ella,Hill,1979-04-12,NOPE1,0.5,2020-01-01\r\n" +
            "20400004,Rhys,Evans,1991,RT0001,1.2,tomorrow\r\n";
        var before = await db.People.CountAsync();
        var refused = await new PeopleImporter(db).ImportAsync(org, Utf8(bad), "people.csv");
        Assert.False(refused.Succeeded);
        var found = refused.Problems.Select(p => (p.Row, p.Column, p.Value)).ToList();
        Assert.Contains((2, "Year of Birth", "1979-04-12"), found);
        Assert.Contains((2, "Post Number", "NOPE1"), found);
        Assert.Contains((3, "Assignment WTE", "1.2"), found);
        Assert.Contains((3, "Assignment Start", "tomorrow"), found);
        Assert.Equal(before, await db.People.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Holders_pay_points_import_export_and_a_file_without_the_column_keeps_them(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("u1", "Importer"));
        Assert.True((await new PostImporter(db).ImportAsync(org, Utf8(GoodPosts), "posts.csv")).Succeeded);

        // RT0001 is band 7 (entry, intermediate, top); RT0002 band 8c (entry and top only).
        const string bad =
            "Staff Number,Given Name,Family Name,Post Number,Assignment WTE,Assignment Start,Assignment Pay Point\r\n" +
            "20400001,Priya,Shah,RT0001,1.0,2019-09-01,Spine 34\r\n" +
            "20400002,Kwame,Mensah,RT0002,1.0,2020-01-01,Intermediate\r\n" +
            "20400003,Ella,Hill,,,,Top\r\n";
        var refused = await new PeopleImporter(db).ImportAsync(org, Utf8(bad), "people.csv");
        Assert.False(refused.Succeeded);
        Assert.Equal([(2, "Assignment Pay Point", "Spine 34"), (3, "Assignment Pay Point", "Intermediate"), (4, "Assignment Pay Point", "Top")],
            refused.Problems.Select(p => (p.Row, p.Column, p.Value)));
        Assert.Contains("Band 8c has no intermediate pay point; it has entry and top", refused.Problems[1].Expected);
        Assert.Equal(0, await db.People.CountAsync());

        const string good =
            "Staff Number,Given Name,Family Name,Post Number,Assignment WTE,Assignment Start,Pay Point,Incremental Date\r\n" +
            "20400001,Priya,Shah,RT0001,1.0,2019-09-01,intermediate,2021-09-01\r\n" +
            "20400002,Kwame,Mensah,RT0002,1.0,2020-01-01,TOP,\r\n";
        Assert.True((await new PeopleImporter(db).ImportAsync(org, Utf8(good), "people.csv")).Succeeded);
        db.ChangeTracker.Clear();
        Assert.Equal([(PayPoint.Intermediate, new DateOnly(2021, 9, 1)), (PayPoint.Top, (DateOnly?)null)],
            (await db.Assignments.OrderBy(a => a.StartDate).ToListAsync()).Select(a => (a.PayPoint!.Value, a.PayPointSince)));
        const string futureDate =
            "Staff Number,Given Name,Family Name,Post Number,Assignment WTE,Assignment Start,Pay Point,Assignment Pay Point Since\r\n" +
            "20400001,Priya,Shah,RT0001,1.0,2019-09-01,Top,2099-01-01\r\n" +
            "20400002,Kwame,Mensah,RT0002,1.0,2020-01-01,,2021-01-01\r\n";
        var refusedDates = await new PeopleImporter(db).ImportAsync(org, Utf8(futureDate), "people.csv");
        Assert.Equal([(2, "Assignment Pay Point Since", "2099-01-01"), (3, "Assignment Pay Point Since", "2021-01-01")],
            refusedDates.Problems.Select(p => (p.Row, p.Column, p.Value)));

        // A file from ESR without the column changes nothing it does not hold; the export carries the points and reads back.
        const string withoutColumn =
            "Staff Number,Given Name,Family Name,Post Number,Assignment WTE,Assignment Start\r\n" +
            "20400001,Priya,Shah,RT0001,1.0,2019-09-01\r\n";
        var unchanged = await new PeopleImporter(db).ImportAsync(org, Utf8(withoutColumn), "people.csv");
        Assert.True(unchanged.Succeeded, string.Join("\n", unchanged.Problems));
        Assert.Equal(0, unchanged.Changes);
        var export = await ExportAndReadAsync(st => new RegisterExporter(db).ExportPeopleAsync(st, ExportFormat.Csv, [CadreRoles.WorkforceInformation]), "people.csv");
        var column = export[0].IndexOf("Assignment Pay Point");
        Assert.Equal(["Intermediate", "Top"], export.Skip(1).Select(r => r[column]).Order());
        Assert.Contains(export.Skip(1), r => r[export[0].IndexOf("Assignment Pay Point Since")] == "2021-09-01");

        // Given with a blank, the point is cleared (not recorded), and audited.
        const string cleared =
            "Staff Number,Given Name,Family Name,Post Number,Assignment WTE,Assignment Start,Assignment Pay Point\r\n" +
            "20400001,Priya,Shah,RT0001,1.0,2019-09-01,\r\n";
        var clearing = await new PeopleImporter(db).ImportAsync(org, Utf8(cleared), "people.csv");
        Assert.True(clearing.Succeeded);
        db.ChangeTracker.Clear();
        Assert.Null((await db.Assignments.SingleAsync(a => a.StartDate == new DateOnly(2019, 9, 1))).PayPoint);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Assignment) && e.Action == AuditAction.Updated));
    }

    private static string PeopleFile(int rows, Func<int, string>? line = null)
    {
        var text = new StringBuilder("Staff Number,Given Name,Family Name,Year of Birth,Post Number,Assignment WTE,Assignment Start,Registration,Registration Number\r\n");
        for (var i = 1; i <= rows; i++)
            text.Append(line?.Invoke(i) ?? $"S{i:000000},Given{i},Family{i},1980,RT0001,0.5,2020-01-01,AHCS,AHCS{i:000000}").Append("\r\n");
        return text.ToString();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_bad_row_near_the_end_of_a_large_people_file_writes_nothing_and_is_named(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]));
        Assert.True((await new PostImporter(db).ImportAsync(org, Utf8(GoodPosts), "posts.csv")).Succeeded);
        var peopleBefore = await db.People.CountAsync();
        var auditBefore = await db.AuditEntries.CountAsync();

        // 5,000 good rows (ten batches of 500) and two bad ones among the last: the whole file is refused.
        var file = PeopleFile(5_002, i => i switch
        {
            4_990 => "S004990,Given,Family,1980,NOPE9,0.5,2020-01-01,,",
            5_001 => "S005001,Given,,1980,RT0001,1.5,2020-01-01,,",
            _ => null,
        } ?? $"S{i:000000},Given{i},Family{i},1980,RT0001,0.5,2020-01-01,AHCS,AHCS{i:000000}");
        var result = await new PeopleImporter(db) { BatchSize = 500 }.ImportAsync(org, Utf8(file), "people.csv");

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(4_991, "Post Number", "NOPE9"), (5_002, "Family Name", ""), (5_002, "Assignment WTE", "1.5")],
            result.Problems.Select(p => (p.Row, p.Column, p.Value)).ToList());
        Assert.Equal("people.csv was not imported: 3 problems found, nothing was written.", result.Summary);
        Assert.Equal(5_002, result.RowsRead);
        db.ChangeTracker.Clear();
        Assert.Equal(peopleBefore, await db.People.CountAsync());
        Assert.Equal(0, await db.Registrations.CountAsync());
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_person_whose_rows_fall_in_different_batches_is_created_once_with_their_last_rows_names(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var org = await OrganisationAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("u1", "Importer"));
        Assert.True((await new PostImporter(db).ImportAsync(org, Utf8(GoodPosts), "posts.csv")).Succeeded);
        await using (var seed = database.NewContext(OrganisationScope.System))
        {
            seed.People.Add(new Person { OrganisationId = org, StaffNumber = "OLD1", GivenName = "Ola", FamilyName = "Old", YearOfBirth = 1970 });
            await seed.SaveChangesAsync();
        }

        const string file =
            "Staff Number,Given Name,Family Name,Year of Birth,Post Number,Assignment WTE,Assignment Start\r\n" +
            "P1,Priya,Shah,1984,RT0001,0.6,2019-09-01\r\n" +
            "OLD1,Ola,Old,,RT0002,1.0,2015-01-01\r\n" +
            "P2,Kwame,Mensah,1990,,,\r\n" +
            "P3,Ama,Owusu,1992,,,\r\n" +
            "p1,Priya,Shah-Patel,1985,VS0001,0.4,2021-04-01\r\n" +
            "OLD1,Olamide,Oldfield,,,,\r\n";
        // Batches of two: Priya's rows land in the first and third batches, Ola's in the first and last.
        var result = await new PeopleImporter(db) { BatchSize = 2 }.ImportAsync(org, Utf8(file), "people.csv");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((6, 3, 1), (result.RowsRead, result.Created, result.Updated));
        db.ChangeTracker.Clear();
        // Staff numbers match whatever their case; a new person is spelt as on their last row.
        var priya = await db.People.Include(p => p.Assignments).SingleAsync(p => p.StaffNumber == "p1");
        Assert.Equal(("Priya", "Shah-Patel", 1985), (priya.GivenName, priya.FamilyName, priya.YearOfBirth));
        Assert.Equal([0.4m, 0.6m], priya.Assignments.Select(a => a.Wte).Order());
        var ola = await db.People.Include(p => p.Assignments).SingleAsync(p => p.StaffNumber == "OLD1");
        Assert.Equal(("Olamide", "Oldfield", 1970), (ola.GivenName, ola.FamilyName, ola.YearOfBirth));
        Assert.Single(ola.Assignments);
        Assert.Equal(4, await db.People.CountAsync());
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Person) && e.Action == AuditAction.Created && e.Who == "Importer"));
    }
}
