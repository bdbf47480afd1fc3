using Cadre.Core.JobEvaluation;
using Cadre.Core.Register;
using Cadre.Data.Demo;
using Cadre.Data.JobEvaluation;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.JobEvaluation;

/// <summary>The job evaluation tables on both databases: the library, panels with members and levels, reviews, audit.</summary>
public class JeDataTests
{
    private static readonly string[] SeedLevels = ["3a", "2", "2", "2", "2", "2", "1", "2a", "1", "1", "2", "1", "1", "1", "1", "1"];

    private static async Task<(Guid Org, Guid OtherOrg, Post Post)> ArrangeAsync(TestDatabase database)
    {
        await using (var services = database.NewServices())
            await CadreDatabaseInitialiser.InitialiseAsync(services, new InitialiseOptions { CreateAdministrator = false });
        await using var db = database.NewContext(OrganisationScope.System);
        var orgs = await db.Organisations.OrderBy(o => o.OdsCode).ToListAsync();
        var post = await db.Posts.AsNoTracking().Where(p => p.OrganisationId == orgs[0].Id).OrderBy(p => p.PostNumber).FirstAsync();
        return (orgs[0].Id, orgs[1].Id, post);
    }

    private static JeOutcomeInput Panel(Post post, Guid? profileId = null, params string[] names) => new()
    {
        PostId = post.Id, Date = new DateOnly(2026, 10, 1), Process = profileId is null ? JeProcess.LocalEvaluation : JeProcess.Matching, ProfileId = profileId,
        Members = (names.Length == 0 ? ["Alice Manager", "Bob Manager", "Carol Staff", "Dan Staff"] : names)
            .Select((n, i) => new JeMemberInput(n, i % 2 == 0 ? PartnershipSide.Management : PartnershipSide.StaffSide))
            .Append(new JeMemberInput("Eve Adviser", PartnershipSide.Management, IsJobAdviser: true))
            .Append(new JeMemberInput("Finn Adviser", PartnershipSide.StaffSide, IsJobAdviser: true)).ToList(),
        Documents = [new("Job description", "v3", new DateOnly(2026, 9, 1)), new("Person specification", "v2", null), new("Organisation chart", "", new DateOnly(2026, 8, 1))],
        Levels = SeedLevels,
        Rationale = Enumerable.Range(1, 16).Select(i => $"Evidence for factor {i} from the job description").ToList(),
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task The_seed_suite_is_stored_once_with_its_warnings_and_archived_profiles(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await ArrangeAsync(database);
        await using var db = database.NewContext(OrganisationScope.None);
        Assert.Equal(0, await JeLibraryStore.EnsureSeedAsync(db));
        var profiles = await db.Set<JeProfile>().Include(p => p.Factors).ToListAsync();
        Assert.Equal(17, profiles.Count(p => p.Status == ProfileStatus.Current));
        Assert.Equal(7, profiles.Count(p => p.Status == ProfileStatus.Archived));
        var coding = profiles.Single(p => p.Title.StartsWith("Clinical Coding Service Manager"));
        Assert.Equal(482, coding.ComputedMin);
        Assert.Contains(coding.WarningList, w => w.Contains("481"));
        Assert.Equal(16, coding.Factors.Count);
        Assert.All(profiles.Where(p => p.Status == ProfileStatus.Current), p => Assert.Equal(16, p.Factors.Count));
        Assert.Equal(17, (await JeLibraryStore.OfferedForMatchingAsync(db)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_new_version_supersedes_and_a_bad_file_stores_nothing(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await ArrangeAsync(database);
        await using var db = database.NewContext(OrganisationScope.System);
        var text = ReferenceText().Replace("Nov 2023", "Dec 2026");
        var suite = JeReference.Default.SuiteReader().Read(text, "Patient Services", "Dec 2026");
        var result = await JeLibraryStore.ImportAsync(db, suite, "test", "tester");
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(24, result.Superseded);
        Assert.Equal(17, await db.Set<JeProfile>().CountAsync(p => p.Status == ProfileStatus.Current && p.Revision == 2));
        Assert.Equal(7, await db.Set<JeProfile>().CountAsync(p => p.Status == ProfileStatus.Archived && p.Revision == 2));
        Assert.Equal(24, await db.Set<JeProfile>().CountAsync(p => p.Status == ProfileStatus.Superseded));

        var before = await db.Set<JeProfile>().CountAsync();
        var bad = text.Replace("\t4(a)", "\t9(a)");
        var refused = await JeLibraryStore.ImportFileAsync(db, System.Text.Encoding.UTF8.GetBytes(bad), "bad.txt", "tester");
        Assert.False(refused.Succeeded);
        Assert.NotEmpty(refused.Problems);
        Assert.All(refused.Problems, p => Assert.StartsWith("Profile '", p));
        Assert.Equal(before, await db.Set<JeProfile>().CountAsync());
        Assert.Equal(17, await db.Set<JeProfile>().CountAsync(p => p.Status == ProfileStatus.Current));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_panel_is_stored_and_read_back_with_members_levels_documents_and_audit(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (org, other, post) = await ArrangeAsync(database);
        Guid id;
        await using (var db = database.NewContext(OrganisationScope.For([org]), AuditActor.System("panel chair")))
        {
            var profile = await db.Set<JeProfile>().FirstAsync(p => p.Title == "Clerical Officer (Data Entry)" && p.Status == ProfileStatus.Current);
            var result = await JeOutcomeService.RecordAsync(db, Panel(post, profile.Id), "panel chair");
            Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
            id = result.Value!.Id;
        }
        await using (var db = database.NewContext(OrganisationScope.For([org])))
        {
            var stored = await db.Set<JeOutcome>().Include(o => o.Members).Include(o => o.Factors).Include(o => o.Documents).SingleAsync(o => o.Id == id);
            Assert.Equal(6, stored.Members.Count);
            Assert.Equal(2, stored.Members.Count(m => m.IsJobAdviser));
            Assert.Equal(16, stored.Factors.Count);
            Assert.Equal("a", stored.Factors.Single(f => f.Factor == 1).SubLetters);
            Assert.Equal(3, stored.Documents.Count);
            Assert.Equal(JeScore(), stored.Total);
            Assert.Contains("JE-MATCH", stored.Reasons);
            var audited = await db.AuditEntries.Where(a => a.EntityId == id.ToString() || a.EntityType == nameof(JePanelMember) || a.EntityType == nameof(JeOutcomeFactor)).ToListAsync();
            Assert.Contains(audited, a => a.EntityType == nameof(JeOutcome) && a.Who == "panel chair");
            Assert.Equal(6, audited.Count(a => a.EntityType == nameof(JePanelMember)));
            Assert.Equal(16, audited.Count(a => a.EntityType == nameof(JeOutcomeFactor)));
        }
        await using (var db = database.NewContext(OrganisationScope.For([other])))
        {
            Assert.False(await db.Set<JeOutcome>().AnyAsync(o => o.Id == id));
            Assert.False(await db.Set<JePanelMember>().AnyAsync(m => m.OutcomeId == id));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Panel_rules_refuse_and_write_nothing(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (org, _, post) = await ArrangeAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]));
        var onlyManagers = Panel(post) with { Members = [new("A", PartnershipSide.Management), new("B", PartnershipSide.Management), new("C", PartnershipSide.Management), new("D", PartnershipSide.Management)] };
        var result = await JeOutcomeService.RecordAsync(db, onlyManagers, "x");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Key == "Members" && e.Value.Contains("JE-PANEL-01"));
        var three = Panel(post, null, "A", "B", "C");
        Assert.Contains((await JeOutcomeService.RecordAsync(db, three, "x")).Errors, e => e.Value.Contains("JE-PANEL-02"));
        Assert.True((await JeOutcomeService.RecordAsync(db, three with { RestAgreedToSitAsThree = true }, "x")).Succeeded);
        Assert.Contains((await JeOutcomeService.RecordAsync(db, Panel(post) with { ReachedByConsensus = false }, "x")).Errors, e => e.Value.Contains("JE-PANEL-04"));
        Assert.Equal(1, await db.Set<JeOutcome>().CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Reviews_are_refused_when_late_and_review_panels_must_be_mostly_new(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (org, _, post) = await ArrangeAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]));
        var first = (await JeOutcomeService.RecordAsync(db, Panel(post) with { Date = new DateOnly(2026, 6, 1) }, "x")).Value!;
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var notLater = await JeOutcomeService.RecordNotificationAsync(db, first.Id, tomorrow, "Letter");
        Assert.Contains(notLater.Errors, e => e.Key == "NotifiedOn" && e.Value.Contains("cannot be in the future"));
        Assert.True((await JeOutcomeService.RecordNotificationAsync(db, first.Id, new DateOnly(2026, 6, 5), "Letter")).Succeeded);
        var future = await JeOutcomeService.RequestReviewAsync(db, first.Id, tomorrow, true, [3, 7], "More responsibility");
        Assert.Equal([new("ReceivedOn", $"The date the written request was received ({tomorrow:d MMM yyyy}) cannot be in the future")], future.Errors);
        var late = await JeOutcomeService.RequestReviewAsync(db, first.Id, new DateOnly(2026, 9, 6), true, [3, 7], "More responsibility");
        Assert.Contains(late.Errors, e => e.Key == "ReceivedOn" && e.Value.Contains("late") && e.Value.Contains("JE-REVIEW-01") && e.Value.Contains("5 Sep 2026"));
        Assert.Equal(0, await db.Set<JeReviewRequest>().CountAsync());
        var onTime = await JeOutcomeService.RequestReviewAsync(db, first.Id, new DateOnly(2026, 9, 5), true, [3, 7], "More responsibility");
        Assert.True(onTime.Succeeded);

        var samePanel = Panel(post, null, "Alice Manager", "Carol Staff", "Bob Manager", "Zed Staff") with { ReviewOfId = first.Id };
        var refused = await JeOutcomeService.RecordAsync(db, samePanel, "x");
        Assert.Contains(refused.Errors, e => e.Value.Contains("JE-REVIEW-03"));
        var fresh = Panel(post, null, "Gina", "Hal", "Ivy", "Alice Manager") with { ReviewOfId = first.Id };
        var review = await JeOutcomeService.RecordAsync(db, fresh, "x");
        Assert.True(review.Succeeded, string.Join("\n", review.Errors));
        Assert.Equal(JeProcess.Review, review.Value!.Process);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_panel_session_is_checked_once_and_its_jobs_outcomes_link_to_it(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (org, _, post) = await ArrangeAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]));
        var day = new DateOnly(2026, 9, 14);
        JeMemberInput[] advisers = [new("Eve Adviser", PartnershipSide.Management, IsJobAdviser: true), new("Finn Adviser", PartnershipSide.StaffSide, IsJobAdviser: true)];

        // Composition is refused at the session, naming the rule, and nothing is written.
        var managersOnly = await JeOutcomeService.CreateSessionAsync(db, new JeSessionInput
        {
            Date = day, Members = [new("A", PartnershipSide.Management), new("B", PartnershipSide.Management), new("C", PartnershipSide.Management), new("D", PartnershipSide.Management), .. advisers],
        }, "x");
        Assert.Contains(managersOnly.Errors, e => e.Key == "Members" && e.Value.Contains("JE-PANEL-01"));
        var future = await JeOutcomeService.CreateSessionAsync(db, new JeSessionInput { Date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1) }, "x");
        Assert.Contains(future.Errors, e => e.Key == "Date" && e.Value.Contains("cannot be in the future"));
        Assert.Equal(0, await db.Set<JePanelSession>().CountAsync());
        Assert.Equal(0, await db.Set<JeSessionMember>().CountAsync());

        var created = await JeOutcomeService.CreateSessionAsync(db, new JeSessionInput
        {
            Date = day, Members = [new("Alice Manager", PartnershipSide.Management), new("Carol Staff", PartnershipSide.StaffSide), new("Bob Manager", PartnershipSide.Management), new("Dan Staff", PartnershipSide.StaffSide), .. advisers],
        }, "x");
        Assert.True(created.Succeeded, string.Join("\n", created.Errors));
        var sessionId = created.Value!.Id;

        // Two jobs heard that day: no members given, the session's panel and date are used.
        var jobs = new List<Guid>();
        foreach (var title in new[] { "Session job one", "Session job two" })
        {
            var input = Panel(post) with { JobTitle = title, SessionId = sessionId, Members = [], Date = null };
            var result = await JeOutcomeService.RecordAsync(db, input, "x");
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            jobs.Add(result.Value!.Id);
        }
        await using var read = database.NewContext(OrganisationScope.For([org]));
        var outcomes = await read.Set<JeOutcome>().Include(o => o.Members).Where(o => o.SessionId == sessionId).OrderBy(o => o.JobTitle).ToListAsync();
        Assert.Equal(["Session job one", "Session job two"], outcomes.Select(o => o.JobTitle));
        Assert.All(outcomes, o =>
        {
            Assert.Equal(day, o.Date);
            Assert.Equal(["Alice Manager", "Bob Manager", "Carol Staff", "Dan Staff", "Eve Adviser", "Finn Adviser"], o.Members.Select(m => m.Name).Order());
            Assert.Contains("Panel session of 14 Sep 2026: ", o.Reasons);
            Assert.Contains("JE-PANEL-01", o.Reasons);
        });
        Assert.Equal(6, await read.Set<JeSessionMember>().CountAsync(m => m.SessionId == sessionId));

        // Another organisation's session is not found, so nothing is linked to it.
        await using var other = database.NewContext(OrganisationScope.For([Guid.NewGuid()]));
        Assert.False(await other.Set<JePanelSession>().AnyAsync());
        var stranger = await JeOutcomeService.RecordAsync(db, Panel(post) with { SessionId = Guid.NewGuid() }, "x");
        Assert.Contains(stranger.Errors, e => e.Key == "SessionId");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_session_is_changed_with_the_rules_checked_again_refused_when_stale_and_closed_once_a_job_is_heard(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (org, _, post) = await ArrangeAsync(database);
        await using var db = database.NewContext(OrganisationScope.For([org]), new AuditActor("u1", "Pat Panel"));
        JeMemberInput[] advisers = [new("Eve Adviser", PartnershipSide.Management, IsJobAdviser: true), new("Finn Adviser", PartnershipSide.StaffSide, IsJobAdviser: true)];
        JeSessionInput Sitting(DateOnly day, params JeMemberInput[] members) => new() { Date = day, Members = [.. members, .. advisers] };
        var created = await JeOutcomeService.CreateSessionAsync(db, Sitting(new DateOnly(2026, 9, 14),
            new("Alice Manager", PartnershipSide.Management), new("Carol Staff", PartnershipSide.StaffSide), new("Bob Manager", PartnershipSide.Management), new("Dan Staff", PartnershipSide.StaffSide)), "x");
        var id = created.Value!.Id;
        var version = JeOutcomeService.SessionVersion(created.Value);

        var oneSided = await JeOutcomeService.UpdateSessionAsync(db, id, Sitting(new DateOnly(2026, 9, 15),
            new("Alice Manager", PartnershipSide.Management), new("Bob Manager", PartnershipSide.Management), new("Gil Manager", PartnershipSide.Management)), version);
        Assert.Equal(JeOutcomeService.SessionRefusal.None, oneSided.Refusal);
        Assert.Contains(oneSided.Result.Errors, e => e.Key == "Members" && e.Value.EndsWith("[JE-PANEL-01]", StringComparison.Ordinal));

        db.ChangeTracker.Clear();
        var changed = await JeOutcomeService.UpdateSessionAsync(db, id, Sitting(new DateOnly(2026, 9, 15),
            new("Alice Manager", PartnershipSide.Management), new("Cara Staff", PartnershipSide.StaffSide), new("Bob Manager", PartnershipSide.Management), new("Dan Staff", PartnershipSide.StaffSide)), version);
        Assert.True(changed.Result.Succeeded, string.Join("\n", changed.Result.Errors));
        var stale = await JeOutcomeService.UpdateSessionAsync(db, id, Sitting(new DateOnly(2026, 9, 16)), version);
        Assert.Equal(JeOutcomeService.SessionRefusal.Stale, stale.Refusal);
        var missing = await JeOutcomeService.UpdateSessionAsync(db, Guid.NewGuid(), Sitting(new DateOnly(2026, 9, 16)), null);
        Assert.Equal(JeOutcomeService.SessionRefusal.NotFound, missing.Refusal);

        await using (var read = database.NewContext(OrganisationScope.For([org])))
        {
            var session = await read.Set<JePanelSession>().Include(s => s.Members).SingleAsync(s => s.Id == id);
            Assert.Equal(new DateOnly(2026, 9, 15), session.Date);
            Assert.Equal(["Alice Manager", "Bob Manager", "Cara Staff", "Dan Staff", "Eve Adviser", "Finn Adviser"], session.Members.Select(m => m.Name).Order());
            Assert.Equal(6, await read.Set<JeSessionMember>().CountAsync());
            Assert.Equal(6, await read.AuditEntries.CountAsync(e => e.EntityType == nameof(JeSessionMember) && e.Action == AuditAction.Deleted && e.Who == "Pat Panel"));
            Assert.Equal(1, await read.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Action == AuditAction.Updated && e.Who == "Pat Panel"));
        }

        var heard = await JeOutcomeService.RecordAsync(db, Panel(post) with { SessionId = id, Members = [], Date = null }, "x");
        Assert.True(heard.Succeeded, string.Join("\n", heard.Errors));
        db.ChangeTracker.Clear();
        var closed = await JeOutcomeService.UpdateSessionAsync(db, id, Sitting(new DateOnly(2026, 9, 16),
            new("Alice Manager", PartnershipSide.Management), new("Cara Staff", PartnershipSide.StaffSide), new("Bob Manager", PartnershipSide.Management), new("Dan Staff", PartnershipSide.StaffSide)), null);
        Assert.Equal(JeOutcomeService.SessionRefusal.JobsHeard, closed.Refusal);
        db.ChangeTracker.Clear();
        Assert.Equal(new DateOnly(2026, 9, 15), (await db.Set<JePanelSession>().SingleAsync(s => s.Id == id)).Date);
    }

    private static int JeScore() => JeReference.Default.Scorer.Score(Job.Parse("", SeedLevels, JeReference.Default.Plan)).Total;

    private static string ReferenceText()
    {
        using var reader = new StreamReader(Core.ReferenceFiles.Open("job-evaluation/profiles/patient-services.txt"));
        return reader.ReadToEnd();
    }
}
