using System.Text.Json;
using Cadre.Core.Register;
using Cadre.Data.Auditing;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Register;

/// <summary>Round trips, the audit trail and organisation isolation, on each database.</summary>
public class RegisterDataTests
{
    private static async Task<(Organisation A, Department DeptA, Organisation B, Department DeptB)> TwoOrganisationsAsync(TestDatabase database)
    {
        await using var db = database.NewContext(OrganisationScope.System);
        var a = new Organisation { Name = "Trust A", OdsCode = "ZZA" };
        var b = new Organisation { Name = "Trust B", OdsCode = "ZZB" };
        var deptA = new Department { OrganisationId = a.Id, Name = "Radiotherapy Physics", ScienceTheme = 'H' };
        var deptB = new Department { OrganisationId = b.Id, Name = "Clinical Engineering", ScienceTheme = 'J' };
        a.Departments.Add(deptA);
        b.Departments.Add(deptB);
        db.Organisations.AddRange(a, b);
        await db.SaveChangesAsync();
        return (a, deptA, b, deptB);
    }

    private static Post NewPost(Department d, string number) => new()
    {
        OrganisationId = d.OrganisationId, DepartmentId = d.Id, PostNumber = number, Title = "Clinical Scientist (Radiotherapy Physics)",
        Band = PayBand.Band8a, FundedWte = 0.8m, CostCentre = "410150", OccupationCode = "U2H", AreaOfWork = "Radiotherapy Physics",
        EntryRequirement = EntryRequirement.ClinicalScientist,
        Activities = [new() { Service = "External Beam Physics", AreaOfWork = "Radiotherapy Physics", ScienceTheme = 'H', Percent = 70 },
                      new() { Service = "Brachytherapy Physics", AreaOfWork = "Radiotherapy Physics", ScienceTheme = 'H', Percent = 30 }],
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Recorded_coding_inputs_round_trip_and_not_recorded_stays_null(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (a, deptA, _, _) = await TwoOrganisationsAsync(database);
        var scope = OrganisationScope.For([a.Id]);
        await using (var db = database.NewContext(scope))
        {
            var recorded = NewPost(deptA, "RT0101");
            recorded.Specialist = false;
            recorded.TraineeProgramme = TraineeProgramme.Stp;
            var recordedNone = NewPost(deptA, "RT0102");
            recordedNone.Specialist = true;
            recordedNone.TraineeProgramme = TraineeProgramme.None;
            db.Posts.AddRange(recorded, recordedNone, NewPost(deptA, "RT0103"));
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext(scope))
        {
            var posts = await db.Posts.OrderBy(p => p.PostNumber).ToListAsync();
            Assert.Equal([(false, TraineeProgramme.Stp), (true, TraineeProgramme.None)], posts.Take(2).Select(p => ((bool, TraineeProgramme))(p.Specialist!.Value, p.TraineeProgramme!.Value)));
            Assert.Null(posts[2].Specialist);
            Assert.Null(posts[2].TraineeProgramme);
            // Stored by name, and queryable by value in the database.
            Assert.Equal(1, await db.Posts.CountAsync(p => p.TraineeProgramme == TraineeProgramme.Stp));
            Assert.Equal(1, await db.Posts.CountAsync(p => p.TraineeProgramme == null && p.Specialist == null));
            var after = await db.AuditEntries.Where(e => e.EntityType == nameof(Post) && e.EntityId == posts[0].Id.ToString()).Select(e => e.After).SingleAsync();
            Assert.Contains("\"TraineeProgramme\"", after);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Posts_and_people_round_trip_with_every_field(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (a, deptA, _, _) = await TwoOrganisationsAsync(database);
        var scope = OrganisationScope.For([a.Id]);
        await using (var db = database.NewContext(scope))
        {
            var post = NewPost(deptA, "RT0001");
            post.Roles.Add(new PostRole { Title = "Clinical Scientist", Wte = 0.5m, OccupationCode = "U2H" });
            var person = new Person
            {
                OrganisationId = a.Id, StaffNumber = "20400001", GivenName = "Priya", FamilyName = "Shah", YearOfBirth = 1988,
                Registrations = [new() { Type = RegistrationType.HcpcClinicalScientist, Number = "CS012345", ExpiresOn = new DateOnly(2027, 5, 31) }],
                Certificates = [new() { Type = CertificateType.Mpe, Number = "MPE-1", Scope = "Radiotherapy", ExpiresOn = new DateOnly(2028, 1, 1) }],
                TrainingEnrolments = [new() { Programme = TrainingProgramme.Hsst, Specialism = "Radiotherapy Physics", StartDate = new DateOnly(2024, 9, 1), ExpectedEndDate = new DateOnly(2029, 8, 31), Mode = StudyMode.PartTime }],
                Assignments = [new() { Post = post, Wte = 0.8m, StartDate = new DateOnly(2020, 1, 6) }],
            };
            db.Posts.Add(post);
            db.People.Add(person);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(scope))
        {
            var post = await db.Posts.Include(p => p.Activities).Include(p => p.Roles).Include(p => p.Department).SingleAsync(p => p.PostNumber == "RT0001");
            Assert.Equal(PayBand.Band8a, post.Band);
            Assert.Equal(0.8m, post.FundedWte);
            Assert.Equal("Radiotherapy Physics", post.Department!.Name);
            Assert.Equal(100, post.Activities.Sum(x => x.Percent));
            Assert.All(post.Activities.Concat<IOrganisationOwned>(post.Roles), x => Assert.Equal(a.Id, x.OrganisationId));
            var person = await db.People.Include(p => p.Registrations).Include(p => p.Certificates).Include(p => p.TrainingEnrolments).Include(p => p.Assignments)
                .SingleAsync(p => p.StaffNumber == "20400001");
            Assert.Equal("Priya Shah", person.DisplayName);
            Assert.Equal(1988, person.YearOfBirth);
            Assert.Equal(RegistrationType.HcpcClinicalScientist, person.Registrations.Single().Type);
            Assert.Equal(StudyMode.PartTime, person.TrainingEnrolments.Single().Mode);
            Assert.Equal(0.8m, person.Assignments.Single().Wte);
            // Bands sort in pay order in the database too, and WTE sums there (SQLite cannot sum decimals).
            Assert.Equal(0.8, (double)await db.Posts.SumAsync(p => p.FundedWte), 3);
            Assert.Equal(1, await db.Posts.CountAsync(p => p.Band == PayBand.Band8a));

            post.Title = "Principal Clinical Scientist";
            post.Band = PayBand.Band8b;
            await db.SaveChangesAsync();
            // A held post cannot be deleted: the assignment goes first.
            db.Assignments.RemoveRange(person.Assignments);
            await db.SaveChangesAsync();
            db.Posts.Remove(post);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(scope))
        {
            Assert.False(await db.Posts.AnyAsync());
            Assert.False(await db.PostActivities.AnyAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Every_change_is_audited_with_before_and_after_and_the_trail_cannot_be_edited(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (a, deptA, _, _) = await TwoOrganisationsAsync(database);
        var scope = OrganisationScope.For([a.Id]);
        var actor = new AuditActor("user-1", "Grace Hall");
        Guid postId;
        await using (var db = database.NewContext(scope, actor))
        {
            var post = NewPost(deptA, "RT0002");
            postId = post.Id;
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            post.Band = PayBand.Band8b;
            post.Status = PostStatus.Vacant;
            await db.SaveChangesAsync();
            db.Posts.Remove(post);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(scope))
        {
            var trail = await db.AuditEntries.Where(e => e.EntityType == nameof(Post) && e.EntityId == postId.ToString()).OrderBy(e => e.When).ThenBy(e => e.Id).ToListAsync();
            Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], trail.Select(e => e.Action));
            Assert.All(trail, e => { Assert.Equal("Grace Hall", e.Who); Assert.Equal("user-1", e.WhoUserId); Assert.Equal(a.Id, e.OrganisationId); });
            Assert.Null(trail[0].Before);
            Assert.Equal("8a", Json(trail[0].After)["Band"].GetString());
            Assert.Equal("8a", Json(trail[1].Before)["Band"].GetString());
            Assert.Equal("8b", Json(trail[1].After)["Band"].GetString());
            Assert.Equal("Funded", Json(trail[1].Before)["Status"].GetString());
            Assert.Equal("Vacant", Json(trail[1].After)["Status"].GetString());
            Assert.Equal("RT0002", Json(trail[2].Before)["PostNumber"].GetString());
            Assert.Null(trail[2].After);
            // The activities created with the post are audited too.
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(PostActivity) && e.Action == AuditAction.Created));

            var entry = trail[1];
            entry.Who = "someone else";
            await Assert.ThrowsAsync<AuditTrailException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.NewContext(OrganisationScope.System))
        {
            var entry = await db.AuditEntries.FirstAsync();
            db.AuditEntries.Remove(entry);
            await Assert.ThrowsAsync<AuditTrailException>(() => db.SaveChangesAsync());
        }
        await using (var db = database.NewContext(OrganisationScope.System))
            Assert.DoesNotContain(await db.AuditEntries.Select(e => e.Who).ToListAsync(), w => w == "someone else");
    }

    private static Dictionary<string, JsonElement> Json(string? text) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(text!)!;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_user_of_one_organisation_can_neither_read_nor_write_another(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (a, deptA, b, deptB) = await TwoOrganisationsAsync(database);
        Guid postB;
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            db.Posts.Add(NewPost(deptA, "A-1"));
            var p = NewPost(deptB, "B-1");
            postB = p.Id;
            db.Posts.Add(p);
            db.People.Add(new Person { OrganisationId = b.Id, StaffNumber = "B-P1", GivenName = "Tomasz", FamilyName = "Nowak" });
            await db.SaveChangesAsync();
        }

        var userOfA = OrganisationScope.For([a.Id]);
        await using (var db = database.NewContext(userOfA))
        {
            // Reads: B's rows are not there, whichever way they are asked for.
            Assert.Equal(["A-1"], await db.Posts.Select(p => p.PostNumber).ToListAsync());
            Assert.Null(await db.Posts.FindAsync(postB));
            Assert.Null(await db.Posts.FirstOrDefaultAsync(p => p.Id == postB));
            Assert.Empty(await db.People.ToListAsync());
            Assert.Equal(["ZZA"], await db.Organisations.Select(o => o.OdsCode).ToListAsync());
            Assert.Equal([deptA.Id], await db.Departments.Select(d => d.Id).ToListAsync());
            Assert.All(await db.AuditEntries.ToListAsync(), e => Assert.Equal(a.Id, e.OrganisationId));
            Assert.All(await db.PostActivities.ToListAsync(), x => Assert.Equal(a.Id, x.OrganisationId));

            // Writes: creating in B, editing B's row (attached by id) and moving A's row to B are all refused.
            db.Posts.Add(NewPost(deptB, "B-2"));
            await Assert.ThrowsAsync<OrganisationScopeException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            var forged = new Post { Id = postB, OrganisationId = b.Id, DepartmentId = deptB.Id, PostNumber = "B-1", Title = "Hijacked" };
            db.Posts.Update(forged);
            await Assert.ThrowsAsync<OrganisationScopeException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            var mine = await db.Posts.SingleAsync();
            mine.OrganisationId = b.Id;
            mine.DepartmentId = deptB.Id;
            await Assert.ThrowsAsync<OrganisationScopeException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.Organisations.Add(new Organisation { Name = "Made up", OdsCode = "ZZX" });
            await Assert.ThrowsAsync<OrganisationScopeException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.NewContext(OrganisationScope.System))
        {
            Assert.Equal("Clinical Scientist (Radiotherapy Physics)", (await db.Posts.SingleAsync(p => p.Id == postB)).Title);
            Assert.Equal(2, await db.Posts.CountAsync());
        }

        // No scope at all (the safe default) sees nothing.
        await using (var db = database.NewContext(OrganisationScope.None))
            Assert.Equal(0, await db.Posts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_service_lead_sees_and_changes_only_their_departments(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (a, deptA, _, _) = await TwoOrganisationsAsync(database);
        var other = new Department { OrganisationId = a.Id, Name = "Nuclear Medicine", ScienceTheme = 'H' };
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            db.Departments.Add(other);
            db.Posts.AddRange(NewPost(deptA, "RT-1"), NewPost(other, "NM-1"));
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            var rtPost = await db.Posts.SingleAsync(p => p.PostNumber == "RT-1");
            var nmPost = await db.Posts.SingleAsync(p => p.PostNumber == "NM-1");
            db.People.Add(new Person { OrganisationId = a.Id, StaffNumber = "RT-P", GivenName = "Isla", FamilyName = "Wood",
                Assignments = [new() { PostId = rtPost.Id, StartDate = new DateOnly(2020, 1, 1) }],
                Registrations = [new() { Type = RegistrationType.HcpcClinicalScientist, Number = "CS1" }] });
            db.People.Add(new Person { OrganisationId = a.Id, StaffNumber = "NM-P", GivenName = "Hamza", FamilyName = "Ali",
                Assignments = [new() { PostId = nmPost.Id, StartDate = new DateOnly(2020, 1, 1) }],
                Registrations = [new() { Type = RegistrationType.HcpcClinicalScientist, Number = "CS2" }] });
            await db.SaveChangesAsync();
        }
        await using var lead = database.NewContext(OrganisationScope.For([a.Id], [deptA.Id]));
        Assert.Equal(["RT-1"], await lead.Posts.Select(p => p.PostNumber).ToListAsync());
        Assert.Equal(["RT-P"], await lead.People.Select(p => p.StaffNumber).ToListAsync());
        Assert.Equal(["CS1"], await lead.Registrations.Select(r => r.Number).ToListAsync());
        Assert.Single(await lead.Assignments.ToListAsync());
        Assert.Equal(2, await lead.PostActivities.CountAsync());
        // The whole organisation's view still sees both.
        await using (var everyone = database.NewContext(OrganisationScope.For([a.Id])))
            Assert.Equal(2, await everyone.People.CountAsync());
        Assert.Equal(["Radiotherapy Physics"], await lead.Departments.Select(d => d.Name).ToListAsync());
        lead.Posts.Add(NewPost(other, "NM-2"));
        await Assert.ThrowsAsync<OrganisationScopeException>(() => lead.SaveChangesAsync());
        lead.ChangeTracker.Clear();

        // Rows that hang off another department's post are refused too, even when the post's id is known.
        Guid nmPostId;
        await using (var db = database.NewContext(OrganisationScope.System))
            nmPostId = await db.Posts.Where(p => p.PostNumber == "NM-1").Select(p => p.Id).SingleAsync();
        lead.PostActivities.Add(new PostActivity { OrganisationId = a.Id, PostId = nmPostId, Service = "X", ScienceTheme = 'H', Percent = 10 });
        await Assert.ThrowsAsync<OrganisationScopeException>(() => lead.SaveChangesAsync());
        lead.ChangeTracker.Clear();

        // ...while their own post can be changed.
        var own = await lead.Posts.Include(p => p.Activities).SingleAsync();
        own.Activities.Add(new PostActivity { Service = "Brachytherapy", ScienceTheme = 'H', Percent = 10 });
        own.Activities[0].Percent -= 10;
        await lead.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_service_lead_changes_only_people_who_hold_a_post_in_their_departments(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (a, deptA, _, _) = await TwoOrganisationsAsync(database);
        var other = new Department { OrganisationId = a.Id, Name = "Nuclear Medicine", ScienceTheme = 'H' };
        Guid rtPost, nmPost, outsider;
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            db.Departments.Add(other);
            var rt = NewPost(deptA, "RT-1");
            var nm = NewPost(other, "NM-1");
            db.Posts.AddRange(rt, nm);
            var person = new Person { OrganisationId = a.Id, StaffNumber = "NM-P", GivenName = "Hamza", FamilyName = "Ali",
                Assignments = [new() { PostId = nm.Id, StartDate = new DateOnly(2020, 1, 1) }] };
            db.People.Add(person);
            await db.SaveChangesAsync();
            (rtPost, nmPost, outsider) = (rt.Id, nm.Id, person.Id);
        }
        await using var lead = database.NewContext(OrganisationScope.For([a.Id], [deptA.Id]));

        // Someone in another department, reached by id behind the filters' back: name, registration, certificate,
        // training all refused.
        lead.Attach(new Person { Id = outsider, OrganisationId = a.Id, StaffNumber = "NM-P", GivenName = "Hamza", FamilyName = "Changed" })
            .Property(p => p.FamilyName).IsModified = true;
        await Assert.ThrowsAsync<OrganisationScopeException>(() => lead.SaveChangesAsync());
        lead.ChangeTracker.Clear();
        lead.Registrations.Add(new ProfessionalRegistration { OrganisationId = a.Id, PersonId = outsider, Type = RegistrationType.Hssr, Number = "H1" });
        await Assert.ThrowsAsync<OrganisationScopeException>(() => lead.SaveChangesAsync());
        lead.ChangeTracker.Clear();
        lead.Certificates.Add(new Certificate { OrganisationId = a.Id, PersonId = outsider, Type = CertificateType.Rpa });
        await Assert.ThrowsAsync<OrganisationScopeException>(() => lead.SaveChangesAsync());
        lead.ChangeTracker.Clear();
        lead.TrainingEnrolments.Add(new TrainingEnrolment { OrganisationId = a.Id, PersonId = outsider, Programme = TrainingProgramme.Stp,
            Specialism = "Nuclear Medicine", StartDate = new DateOnly(2025, 9, 1), ExpectedEndDate = new DateOnly(2028, 8, 31) });
        await Assert.ThrowsAsync<OrganisationScopeException>(() => lead.SaveChangesAsync());
        lead.ChangeTracker.Clear();

        // A new person with no post, or with a post elsewhere, is refused; with a post of their own, saved.
        lead.People.Add(new Person { OrganisationId = a.Id, StaffNumber = "X-1", GivenName = "No", FamilyName = "Post" });
        await Assert.ThrowsAsync<OrganisationScopeException>(() => lead.SaveChangesAsync());
        lead.ChangeTracker.Clear();
        lead.People.Add(new Person { OrganisationId = a.Id, StaffNumber = "X-2", GivenName = "Wrong", FamilyName = "Post",
            Assignments = [new() { PostId = nmPost, StartDate = new DateOnly(2025, 1, 1) }] });
        await Assert.ThrowsAsync<OrganisationScopeException>(() => lead.SaveChangesAsync());
        lead.ChangeTracker.Clear();
        var starter = new Person { OrganisationId = a.Id, StaffNumber = "RT-NEW", GivenName = "Ruth", FamilyName = "Okafor", YearOfBirth = 1994,
            Assignments = [new() { PostId = rtPost, Wte = 0.8m, StartDate = new DateOnly(2025, 10, 1) }] };
        lead.People.Add(starter);
        await lead.SaveChangesAsync();
        lead.ChangeTracker.Clear();

        // Their own starter's records can then be changed.
        lead.Registrations.Add(new ProfessionalRegistration { OrganisationId = a.Id, PersonId = starter.Id, Type = RegistrationType.HcpcClinicalScientist, Number = "CS77" });
        var own = await lead.People.SingleAsync(p => p.Id == starter.Id);
        own.FamilyName = "Okafor-Reid";
        await lead.SaveChangesAsync();
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            Assert.Equal("Okafor-Reid", (await db.People.SingleAsync(p => p.Id == starter.Id)).FamilyName);
            Assert.Equal("Ali", (await db.People.SingleAsync(p => p.Id == outsider)).FamilyName);
            Assert.Equal(0, await db.People.CountAsync(p => p.StaffNumber.StartsWith("X-")));
            Assert.Equal(0, await db.Registrations.CountAsync(r => r.PersonId == outsider));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Two_editors_of_one_post_collide_instead_of_overwriting(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (a, deptA, _, _) = await TwoOrganisationsAsync(database);
        var scope = OrganisationScope.For([a.Id]);
        await using (var db = database.NewContext(scope)) { db.Posts.Add(NewPost(deptA, "RT-9")); await db.SaveChangesAsync(); }
        await using var first = database.NewContext(scope);
        await using var second = database.NewContext(scope);
        var p1 = await first.Posts.SingleAsync();
        var p2 = await second.Posts.SingleAsync();
        p1.Title = "First edit";
        await first.SaveChangesAsync();
        p2.Title = "Second edit";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
