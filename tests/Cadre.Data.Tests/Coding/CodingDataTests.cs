using Cadre.Core.Coding;
using Cadre.Data.Coding;
using Cadre.Data.Demo;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using R = Cadre.Core.Register;
using TraineeProgramme = Cadre.Core.Register.TraineeProgramme;

namespace Cadre.Data.Tests.Coding;

/// <summary>The coding workflow's tables and transactions on both databases.</summary>
public class CodingDataTests
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

    private static CadreDbContext As(TestDatabase database, Guid trust, string who = "Wendy Workforce") =>
        database.NewContext(OrganisationScope.For([trust]), new AuditActor("user-1", who));

    [Fact]
    public void Recorded_specialist_and_programme_win_over_the_title_and_not_recorded_reads_the_title_as_before()
    {
        static R.Post Post(string title, string band) => new()
        {
            PostNumber = "P1", Title = title, Band = R.PayBand.Parse(band), EntryRequirement = R.EntryRequirement.ClinicalScientist,
            AreaOfWork = "Radiotherapy Physics", Department = new R.Department { Name = "Radiotherapy Physics", ScienceTheme = 'H' },
        };
        var trainee = Post("Trainee Clinical Scientist (Radiotherapy Physics)", "6");
        var principal = Post("Principal Clinical Scientist", "8b");
        var plain = Post("Clinical Scientist", "6");

        // Not recorded: exactly today's reading of the title and band.
        Assert.Equal((false, TraineeProgramme.Stp), Read(trainee));
        Assert.Equal((true, TraineeProgramme.None), Read(principal));
        Assert.Equal((false, TraineeProgramme.None), Read(plain));
        var before = PostCoding.Propose(trainee, null, new DateOnly(2026, 11, 22)).Roles.Single().Decision;

        trainee.TraineeProgramme = R.TraineeProgramme.None;
        principal.Specialist = false;
        plain.TraineeProgramme = R.TraineeProgramme.Hsst;
        plain.Specialist = true;
        Assert.Equal((false, TraineeProgramme.None), Read(trainee));
        Assert.Equal((false, TraineeProgramme.None), Read(principal));
        Assert.Equal((true, TraineeProgramme.Hsst), Read(plain));
        Assert.NotEqual(before.Reason, PostCoding.Propose(trainee, null, new DateOnly(2026, 11, 22)).Roles.Single().Decision.Reason);

        // Back to not recorded: the same proposal and sentence as before anything was recorded.
        trainee.TraineeProgramme = null;
        var after = PostCoding.Propose(trainee, null, new DateOnly(2026, 11, 22)).Roles.Single().Decision;
        Assert.Equal((before.ProposedCode, before.Reason, string.Join(";", before.Rules)), (after.ProposedCode, after.Reason, string.Join(";", after.Rules)));

        static (bool, TraineeProgramme) Read(R.Post post)
        {
            var input = PostCoding.InputFor(post, null).Single().Input;
            return (input.Specialist, input.TraineeProgramme);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Proposals_use_the_holders_registrations_and_decisions_are_kept_as_history(string kind)
    {
        var (database, trust) = await DemoAsync(kind);
        await using var _ = database;
        await using var db = As(database, trust);
        var coding = new PostCoding(db);
        var all = await coding.ProposeManyAsync(q => q);
        Assert.True(all.Count > 100);
        var estates = all.Single(p => p.Post.PostNumber == DemoOrganisations.EbmeInEstatesPost);
        Assert.Equal(CodingStatus.Recode, estates.Status);

        var id = estates.Post.Id;
        Assert.True((await coding.AcceptAsync(id, null)).Succeeded);
        var over = await coding.OverrideAsync(id, null, "U3J", "Medical Equipment Management / EBME", "Leads the equipment library: specialist");
        Assert.True(over.Succeeded, string.Join("; ", over.Problems));

        await using var read = As(database, trust);
        var history = await new PostCoding(read).HistoryAsync(id);
        Assert.Equal([CodingAction.Overridden, CodingAction.Accepted], history.Select(h => h.Action));
        Assert.Equal(["S4N", "U4J"], history.Select(h => h.PreviousCode!).Reverse());
        Assert.Equal("Leads the equipment library: specialist", history[0].OverrideReason);
        Assert.Equal("U3J", await read.Posts.Where(p => p.Id == id).Select(p => p.OccupationCode).SingleAsync());
        Assert.Equal(2, await read.AuditEntries.CountAsync(e => e.EntityType == nameof(CodingDecisionRecord)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Applying_a_run_is_one_transaction_a_failure_midway_leaves_the_register_unchanged(string kind)
    {
        var (database, trust) = await DemoAsync(kind);
        await using var _ = database;
        var csv = "post_id,role,title,department,pay_band,wte,current_code,current_area_of_work,entry_requirement,specialist,trainee_programme,manages_department,direct_hcs_pct,requires_hcs_qualification,consultant_appointment,activities,registrations\n" +
            "MP00620,Clinical Technologist (EBME),Clinical Technologist (EBME),EBME,5,1,T4R,Medical Equipment Management / EBME,practitioner,no,none,no,100,yes,none,EBME:100,\n" +
            "MP00621,Clinical Technologist (EBME),Clinical Technologist (EBME),EBME,5,1,T4R,Medical Equipment Management / EBME,practitioner,no,none,no,100,yes,none,EBME:100,\n" +
            "NOPE-1,Clinical Technologist (EBME),Clinical Technologist (EBME),EBME,5,1,T4R,Medical Equipment Management / EBME,practitioner,no,none,no,100,yes,none,EBME:100,\n";
        Guid runId;
        await using (var db = As(database, trust))
        {
            var (path, rows) = await ExtractRuns.StageAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "extract.csv", default);
            Assert.Equal(3, rows);
            var run = new CodingRun { OrganisationId = trust, FileName = "extract.csv", UploadedAt = DateTime.UtcNow, UploadedBy = "Wendy", CodedOn = DemoOrganisations.AsAt, Status = CodingRunStatus.Running };
            db.CodingRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
            await ExtractRuns.ProcessAsync(db, runId, path, new CodingRunProgress());
        }
        await using (var db = As(database, trust))
        {
            var run = await db.CodingRuns.SingleAsync(r => r.Id == runId);
            Assert.Equal(CodingRunStatus.Completed, run.Status);
            Assert.Equal((3, 3), (run.Roles, run.Recode));
            Assert.Contains("U4J", await ExtractRuns.FileAsync(db, runId, ExtractRuns.EsrChanges, default));
        }

        // A failure while saving (a post changed under us) rolls everything back: no post half-recoded.
        await using (var db = As(database, trust))
        {
            var victim = await db.Posts.SingleAsync(p => p.PostNumber == "MP00621");
            db.Entry(victim).Property(p => p.Version).OriginalValue = Guid.NewGuid();
            var failed = await Record.ExceptionAsync(() => ExtractRuns.ApplyAsync(db, runId));
            Assert.IsType<DbUpdateConcurrencyException>(failed);
        }
        await using (var db = As(database, trust))
        {
            Assert.Equal(["T4R", "T4R"], await db.Posts.Where(p => p.PostNumber == "MP00620" || p.PostNumber == "MP00621").Select(p => p.OccupationCode!).ToListAsync());
            Assert.False(await db.CodingDecisions.AnyAsync());
            Assert.Null((await db.CodingRuns.SingleAsync(r => r.Id == runId)).AppliedAt);

            var result = await ExtractRuns.ApplyAsync(db, runId);
            Assert.Equal(2, result.Applied);
            Assert.Equal("NOPE-1", Assert.Single(result.Unmatched).PostId);
        }
        await using (var db = As(database, trust))
        {
            Assert.Equal(["U4J", "U4J"], await db.Posts.Where(p => p.PostNumber == "MP00620" || p.PostNumber == "MP00621").Select(p => p.OccupationCode!).ToListAsync());
            Assert.Equal(2, await db.CodingDecisions.CountAsync(d => d.Action == CodingAction.AppliedFromExtract && d.CodingRunId == runId));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Runs_and_decisions_of_one_organisation_are_invisible_to_another(string kind)
    {
        var (database, trust) = await DemoAsync(kind);
        await using var _ = database;
        Guid other;
        await using (var sys = database.NewContext(OrganisationScope.System))
            other = await sys.Organisations.Where(o => o.Id != trust).Select(o => o.Id).FirstAsync();
        await using (var db = As(database, trust))
        {
            db.CodingRuns.Add(new CodingRun { OrganisationId = trust, FileName = "a.csv", UploadedAt = DateTime.UtcNow, UploadedBy = "W", CodedOn = DemoOrganisations.AsAt });
            await db.SaveChangesAsync();
            var post = await db.Posts.FirstAsync();
            Assert.True((await new PostCoding(db).OverrideAsync(post.Id, null, "U2H", null, "because")).Succeeded);
        }
        await using var theirs = As(database, other);
        Assert.False(await theirs.CodingRuns.AnyAsync());
        Assert.False(await theirs.CodingDecisions.AnyAsync());
    }
}
