using System.Text;
using Cadre.Core.Coding;
using Cadre.Core.Register;
using Cadre.Data.Coding;
using Cadre.Data.Demo;
using Cadre.Data.Register.Import;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PostRole = Cadre.Core.Register.PostRole;

namespace Cadre.Data.Tests.Coding;

/// <summary>
/// The stored coding proposals (issue 12, docs/decisions/coding-stored-proposals.md): the same answers as the engine run
/// afresh, kept in step with every write that changes an input, dated by the holders' start and end, and read only in
/// the reader's scope. On both databases.
/// </summary>
public sealed class StoredProposalTests
{
    private static async Task<(TestDatabase Database, Guid Trust)> DemoAsync(string kind)
    {
        var database = await TestDatabase.CreateAsync(kind, migrate: false);
        await using (var services = database.NewServices())
            await CadreDatabaseInitialiser.InitialiseAsync(services, new InitialiseOptions { CreateAdministrator = false });
        await using var db = database.NewContext(OrganisationScope.System);
        var trust = await db.Organisations.Where(o => o.OdsCode == DemoOrganisations.DemoOdsCode).Select(o => o.Id).SingleAsync();
        return (database, trust);
    }

    private static CadreDbContext As(TestDatabase database, Guid trust) =>
        database.NewContext(OrganisationScope.For([trust]), new AuditActor("user-1", "Wendy Workforce"));

    /// <summary>
    /// The demo trust grown by posts of every shape the engine reads: titles that read as trainee or specialist, recorded
    /// codes current, retired and missing, time splits, two job descriptions, holders now, gone and still to start, with
    /// and without registrations.
    /// </summary>
    private static async Task GrowAsync(TestDatabase database, Guid trust, int posts)
    {
        var today = PostCoding.Today;
        var random = new Random(1205);
        await using var db = database.NewContext(OrganisationScope.System);
        var departments = await db.Departments.Where(d => d.OrganisationId == trust).Select(d => d.Id).ToListAsync();
        string[] titles = ["Clinical Scientist (Radiotherapy Physics)", "Clinical Technologist", "Principal Clinical Scientist", "Healthcare Science Practitioner",
            "Trainee Clinical Scientist", "Biomedical Scientist", "Medical Engineer", "Consultant Clinical Scientist", "Clinical Engineer (Equipment and Radiation Safety)"];
        string?[] codes = ["U2H", "U4J", "U1H", "T2H", null, "U3E", "U6H", "u2h"];
        string[] services = ["External Beam Physics", "Brachytherapy Physics", "Vascular ultrasound", "Equipment management"];
        for (var i = 0; i < posts; i++)
        {
            var post = new Post
            {
                OrganisationId = trust, DepartmentId = departments[random.Next(departments.Count)], PostNumber = $"SP{i:00000}",
                Title = titles[random.Next(titles.Length)], Band = PayBand.All[random.Next(1, 11)], FundedWte = random.Next(5) == 0 ? 0.6m : 1.0m,
                Status = PostStatus.Funded, OccupationCode = codes[random.Next(codes.Length)],
                EntryRequirement = (EntryRequirement)random.Next(6), ManagesDepartment = random.Next(12) == 0, DirectHcsPercent = random.Next(0, 101),
            };
            if (random.Next(4) == 0)
            {
                var first = random.Next(10, 91);
                post.Activities.Add(new PostActivity { OrganisationId = trust, Service = services[random.Next(services.Length)], ScienceTheme = 'H', Percent = first });
                post.Activities.Add(new PostActivity { OrganisationId = trust, Service = services[random.Next(services.Length)], ScienceTheme = 'H', Percent = 100 - first });
            }
            if (random.Next(10) == 0)
            {
                post.Roles.Add(new PostRole { OrganisationId = trust, Title = "Clinical Scientist", Wte = 0.6m, OccupationCode = "U2H", AreaOfWork = "Radiotherapy Physics" });
                post.Roles.Add(new PostRole { OrganisationId = trust, Title = "Medical Engineer", Wte = 0.4m, AreaOfWork = "Clinical Engineering" });
            }
            db.Posts.Add(post);
            if (random.Next(10) < 6)
            {
                var person = new Person { OrganisationId = trust, StaffNumber = $"SP{i:00000}", GivenName = "Stored", FamilyName = $"Holder {i}", YearOfBirth = 1980 };
                if (random.Next(3) > 0)
                    person.Registrations.Add(new ProfessionalRegistration { OrganisationId = trust, Type = (RegistrationType)random.Next(4), Number = $"R{i}", ExpiresOn = today.AddDays(300) });
                db.People.Add(person);
                var when = random.Next(8);
                db.Assignments.Add(new Assignment
                {
                    OrganisationId = trust, PostId = post.Id, PersonId = person.Id, Wte = post.FundedWte,
                    StartDate = when == 0 ? today.AddDays(10) : today.AddYears(-1), EndDate = when == 1 ? today.AddDays(-1) : when == 2 ? today : null,
                });
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Every post's stored row next to the row the engine gives now; they must be equal field by field.</summary>
    private static async Task AssertStoredEqualsFreshAsync(CadreDbContext db)
    {
        var stored = await (await new StoredProposals(db).FreshAsync(PostCoding.Today)).ToDictionaryAsync(s => s.PostId);
        var fresh = await new PostCoding(db).ProposeManyAsync(q => q);
        Assert.Equal(fresh.Count, stored.Count);
        foreach (var p in fresh)
        {
            var want = StoredProposals.Summarise(p, "", PostCoding.Today, null);
            var got = stored[p.Post.Id];
            Assert.Equal((p.Post.PostNumber, want.Status, want.Roles, want.Proposed, want.Miscoded, want.Reviews, want.Codes, want.Causes, want.DepartmentId),
                (p.Post.PostNumber, got.Status, got.Roles, got.Proposed, got.Miscoded, got.Reviews, got.Codes, got.Causes, got.DepartmentId));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Stored_proposals_equal_a_fresh_engine_run_on_a_generated_register(string kind)
    {
        var (database, trust) = await DemoAsync(kind);
        await using var _ = database;
        await GrowAsync(database, trust, 600);
        await using var db = As(database, trust);
        await AssertStoredEqualsFreshAsync(db);

        // Not a register where everything reads alike: each status is there, and so is a post with two roles.
        var rows = await db.StoredProposals.ToListAsync();
        Assert.All(Enum.GetValues<CodingStatus>(), s => Assert.Contains(rows, r => r.Status == s));
        Assert.Contains(rows, r => r.Roles == 2);
        Assert.Contains(rows, r => r.Miscoded > 0 && r.Causes.Length > 0);
        // Deciding again finds nothing stale: the second read runs the engine over no post.
        var before = rows.Select(r => (r.PostId, r.DecidedOn, r.Stamp)).ToHashSet();
        await new StoredProposals(db).DecideStaleAsync(PostCoding.Today);
        Assert.True(before.SetEquals((await db.StoredProposals.AsNoTracking().ToListAsync()).Select(r => (r.PostId, r.DecidedOn, r.Stamp))));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Each_write_to_an_input_removes_that_posts_proposal_and_the_next_read_decides_it_again(string kind)
    {
        var (database, trust) = await DemoAsync(kind);
        await using var _ = database;
        await GrowAsync(database, trust, 60);
        await using (var db = As(database, trust)) await new StoredProposals(db).DecideStaleAsync(PostCoding.Today);

        async Task<HashSet<Guid>> Missing()
        {
            await using var db = As(database, trust);
            var stored = await db.StoredProposals.Select(s => s.PostId).ToListAsync();
            return (await db.Posts.Select(p => p.Id).ToListAsync()).Except(stored).ToHashSet();
        }
        async Task<long> Counter()
        {
            await using var db = As(database, trust);
            return await db.CodingInputCounters.Where(c => c.OrganisationId == trust).Select(c => c.Changes).SingleAsync();
        }
        async Task Refresh()
        {
            await using var db = As(database, trust);
            await AssertStoredEqualsFreshAsync(db);
        }
        Assert.Empty(await Missing());

        // The post itself: a new title.
        Guid titled, split, held, holder, renamed;
        await using (var db = As(database, trust))
        {
            var post = await db.Posts.SingleAsync(p => p.PostNumber == "SP00001");
            titled = post.Id;
            post.Title = "Trainee Clinical Scientist";
            var counter = await Counter();
            await db.SaveChangesAsync();
            Assert.Equal(counter + 1, await Counter());
        }
        Assert.Equal([titled], await Missing());
        await Refresh();

        // Its time split.
        await using (var db = As(database, trust))
        {
            var post = await db.Posts.FirstAsync(p => p.PostNumber == "SP00002");
            split = post.Id;
            db.PostActivities.Add(new PostActivity { OrganisationId = trust, PostId = post.Id, Service = "Brachytherapy Physics", ScienceTheme = 'H', Percent = 100 });
            await db.SaveChangesAsync();
        }
        Assert.Equal([split], await Missing());
        await Refresh();

        // A holder's registration reaches the post they hold, and only that one.
        await using (var db = As(database, trust))
        {
            var current = await db.Assignments.Where(Establishment.CurrentOn(PostCoding.Today)).OrderBy(a => a.Id).FirstAsync(a => a.Post!.PostNumber.StartsWith("SP"));
            (held, holder) = (current.PostId, current.PersonId);
            db.Registrations.Add(new ProfessionalRegistration { OrganisationId = trust, PersonId = holder, Type = RegistrationType.Ahcs, Number = "NEW1", ExpiresOn = PostCoding.Today.AddDays(100) });
            await db.SaveChangesAsync();
        }
        await using (var db = As(database, trust))
            Assert.Equal((await db.Assignments.Where(a => a.PersonId == holder).Select(a => a.PostId).ToListAsync()).ToHashSet(), await Missing());
        await Refresh();

        // A department's new name is read by every post in it; another field of the department is not.
        await using (var db = As(database, trust))
        {
            var department = await db.Departments.OrderBy(d => d.Name).FirstAsync();
            renamed = department.Id;
            department.Name += " Service";
            await db.SaveChangesAsync();
            Assert.Equal((await db.Posts.Where(p => p.DepartmentId == renamed).Select(p => p.Id).ToListAsync()).ToHashSet(), await Missing());
        }
        await Refresh();

        // Accepting a proposal writes the post's code: the post is decided again and now reads unchanged.
        await using (var db = As(database, trust))
        {
            var recode = await db.StoredProposals.Where(s => s.Status == CodingStatus.Recode && s.Roles == 1).Select(s => s.PostId).FirstAsync();
            Assert.True((await new PostCoding(db).AcceptAsync(recode, null)).Succeeded);
            Assert.Equal([recode], await Missing());
            await Refresh();
            Assert.Equal(CodingStatus.Unchanged, await db.StoredProposals.Where(s => s.PostId == recode).Select(s => s.Status).SingleAsync());
        }

        // Removing a post removes its proposal with it.
        await using (var db = As(database, trust))
        {
            var unheld = await db.Posts.Include(p => p.Activities).Include(p => p.Roles)
                .FirstAsync(p => p.PostNumber.StartsWith("SP") && !db.Assignments.Any(a => a.PostId == p.Id) && !db.CodingDecisions.Any(d => d.PostId == p.Id));
            Assert.True(await db.StoredProposals.AnyAsync(s => s.PostId == unheld.Id));
            db.Posts.Remove(unheld);
            await db.SaveChangesAsync();
            Assert.False(await db.StoredProposals.IgnoreQueryFilters().AnyAsync(s => s.PostId == unheld.Id));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_proposal_is_good_until_a_holder_starts_or_the_day_after_one_leaves(string kind)
    {
        var (database, trust) = await DemoAsync(kind);
        await using var _ = database;
        var today = PostCoding.Today;
        await using var db = As(database, trust);
        var department = await db.Departments.FirstAsync();
        Post Make(string number) => new() { OrganisationId = trust, DepartmentId = department.Id, PostNumber = number, Title = "Clinical Scientist", Band = PayBand.Parse("7"), FundedWte = 1, OccupationCode = "U2H" };
        var starting = Make("VU1");
        var leaving = Make("VU2");
        var both = Make("VU3");
        db.Posts.AddRange(starting, leaving, both);
        Person Holder(string number) { var p = new Person { OrganisationId = trust, StaffNumber = number, GivenName = "A", FamilyName = number, YearOfBirth = 1980 }; db.People.Add(p); return p; }
        db.Assignments.Add(new Assignment { OrganisationId = trust, PostId = starting.Id, PersonId = Holder("H1").Id, Wte = 1, StartDate = today.AddDays(10) });
        db.Assignments.Add(new Assignment { OrganisationId = trust, PostId = leaving.Id, PersonId = Holder("H2").Id, Wte = 1, StartDate = today.AddYears(-2), EndDate = today });
        // Leaves in 30 days, and someone starts in 20: the start comes first.
        db.Assignments.Add(new Assignment { OrganisationId = trust, PostId = both.Id, PersonId = Holder("H3").Id, Wte = 1, StartDate = today.AddYears(-2), EndDate = today.AddDays(30) });
        db.Assignments.Add(new Assignment { OrganisationId = trust, PostId = both.Id, PersonId = Holder("H4").Id, Wte = 1, StartDate = today.AddDays(20) });
        await db.SaveChangesAsync();

        var rows = await (await new StoredProposals(db).FreshAsync(today)).ToDictionaryAsync(s => s.PostId);
        Assert.Equal(today.AddDays(10), rows[starting.Id].ValidUntil);
        Assert.Equal(today.AddDays(1), rows[leaving.Id].ValidUntil);
        Assert.Equal(today.AddDays(20), rows[both.Id].ValidUntil);

        // On the day the holder starts, that post (and only the posts whose day has come) is decided again.
        await new StoredProposals(db).DecideStaleAsync(today.AddDays(10));
        var later = await db.StoredProposals.AsNoTracking().ToDictionaryAsync(s => s.PostId);
        Assert.Equal(today.AddDays(10), later[starting.Id].DecidedOn);
        Assert.Equal(today.AddDays(10), later[leaving.Id].DecidedOn);
        Assert.Equal(today, later[both.Id].DecidedOn);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Accepting_every_recode_accepts_the_posts_stored_as_recodes_and_the_rows_follow(string kind)
    {
        var (database, trust) = await DemoAsync(kind);
        await using var _ = database;
        await GrowAsync(database, trust, 300);
        await using (var db = As(database, trust))
        {
            var recodes = (await new StoredProposals(db).FreshAsync(PostCoding.Today)).Where(s => s.Status == CodingStatus.Recode);
            var expected = await recodes.CountAsync();
            Assert.True(expected > 50);
            var change = await new PostCoding(db).AcceptRecodesMatchingAsync(q => q);
            Assert.Equal(expected, change.Records.Select(r => r.PostId).Distinct().Count());
        }
        await using (var db = As(database, trust))
        {
            await AssertStoredEqualsFreshAsync(db);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task An_abandoned_read_stops_and_stores_nothing_it_did_not_finish(string kind)
    {
        var (database, trust) = await DemoAsync(kind);
        await using var _ = database;
        await using var db = As(database, trust);
        using var abandoned = new CancellationTokenSource();
        await abandoned.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new StoredProposals(db).FreshAsync(PostCoding.Today, abandoned.Token));
        Assert.Equal(0, await db.StoredProposals.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Another_organisations_or_departments_proposals_are_never_read(string kind)
    {
        var (database, trust) = await DemoAsync(kind);
        await using var _ = database;
        Guid other, department;
        await using (var system = database.NewContext(OrganisationScope.System))
        {
            var organisation = new Organisation { Name = "Other Trust", OdsCode = "ZZO" };
            var d = new Department { OrganisationId = organisation.Id, Name = "Imaging Physics", ScienceTheme = 'H' };
            organisation.Departments.Add(d);
            system.Organisations.Add(organisation);
            system.Posts.Add(new Post { OrganisationId = organisation.Id, DepartmentId = d.Id, PostNumber = "O1", Title = "Clinical Scientist", Band = PayBand.Parse("7"), FundedWte = 1 });
            await system.SaveChangesAsync();
            other = organisation.Id;
            department = await system.Departments.Where(x => x.OrganisationId == trust).OrderBy(x => x.Name).Select(x => x.Id).FirstAsync();
        }
        await using (var db = As(database, trust))
        {
            var seen = await (await new StoredProposals(db).FreshAsync(PostCoding.Today)).ToListAsync();
            Assert.Equal(await db.Posts.CountAsync(), seen.Count);
            Assert.DoesNotContain(seen, s => s.OrganisationId == other);
        }
        // The other trust's reader decides its own post only, and sees none of the demo trust's rows stored above.
        await using (var db = database.NewContext(OrganisationScope.For([other]), new AuditActor("user-2", "Olu Other")))
        {
            var seen = await (await new StoredProposals(db).FreshAsync(PostCoding.Today)).ToListAsync();
            Assert.Equal("O1", await db.Posts.Where(p => p.Id == seen.Single().PostId).Select(p => p.PostNumber).SingleAsync());
        }
        // A service lead reads their own department's rows only.
        await using (var db = database.NewContext(OrganisationScope.For([trust], [department]), new AuditActor("user-3", "Sam Lead")))
        {
            var seen = await (await new StoredProposals(db).FreshAsync(PostCoding.Today)).ToListAsync();
            Assert.NotEmpty(seen);
            Assert.All(seen, s => Assert.Equal(department, s.DepartmentId));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task An_import_removes_the_proposals_of_the_posts_it_changes(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        Guid org;
        await using (var system = database.NewContext(OrganisationScope.System))
        {
            var organisation = new Organisation { Name = "Trust ZZA", OdsCode = "ZZA" };
            organisation.Departments.Add(new Department { OrganisationId = organisation.Id, Name = "Radiotherapy Physics", ScienceTheme = 'H' });
            system.Organisations.Add(organisation);
            await system.SaveChangesAsync();
            org = organisation.Id;
        }
        const string header = "Post Number,Title,Department,Pay Band,Funded WTE,Status\r\n";
        const string first = header + "RT0001,Clinical Scientist,Radiotherapy Physics,7,1.00,Funded\r\nRT0002,Head of Radiotherapy Physics,Radiotherapy Physics,8c,1,Funded\r\n";
        const string second = header + "RT0001,Trainee Clinical Scientist,Radiotherapy Physics,7,1.00,Funded\r\nRT0002,Head of Radiotherapy Physics,Radiotherapy Physics,8c,1,Funded\r\n";
        await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("user-1", "Wendy Workforce"));
        Assert.True((await new PostImporter(db).ImportAsync(org, new MemoryStream(Encoding.UTF8.GetBytes(first)), "posts.csv")).Succeeded);
        await new StoredProposals(db).DecideStaleAsync(PostCoding.Today);
        Assert.Equal(2, await db.StoredProposals.CountAsync());

        Assert.True((await new PostImporter(db).ImportAsync(org, new MemoryStream(Encoding.UTF8.GetBytes(second)), "posts.csv")).Succeeded);
        Assert.Equal(["RT0002"], await db.StoredProposals.Select(s => db.Posts.Where(p => p.Id == s.PostId).Select(p => p.PostNumber).Single()).ToListAsync());
        await AssertStoredEqualsFreshAsync(db);
    }
}
