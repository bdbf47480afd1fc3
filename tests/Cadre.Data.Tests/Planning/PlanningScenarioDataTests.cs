using Cadre.Core.Planning;
using Cadre.Core.Register;
using Cadre.Data.Auditing;
using Cadre.Data.Planning;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Planning;

/// <summary>Saved planning scenarios on both databases: stored and read back, audited, stale edits refused, scoped.</summary>
public class PlanningScenarioDataTests
{
    private static async Task<(Guid Org, Guid Other, Guid Department, Guid OtherDepartment)> ArrangeAsync(TestDatabase database)
    {
        await using (var services = database.NewServices())
            await CadreDatabaseInitialiser.InitialiseAsync(services, new InitialiseOptions { CreateAdministrator = false });
        await using var db = database.NewContext(OrganisationScope.System);
        var orgs = await db.Organisations.OrderBy(o => o.OdsCode).Select(o => o.Id).ToListAsync();
        var departments = await db.Departments.Where(d => d.OrganisationId == orgs[0]).OrderBy(d => d.Name).Select(d => d.Id).Take(2).ToListAsync();
        return (orgs[0], orgs[1], departments[0], departments[1]);
    }

    /// <summary>A scenario from the demo register's posts, as the web app makes it.</summary>
    private static async Task<PlanningScenario> FromRegisterAsync(CadreDbContext db, Guid organisation, Guid? department, string name)
    {
        var on = new DateOnly(2026, 11, 1);
        var posts = await db.Posts.AsNoTracking().Where(p => p.OrganisationId == organisation && (department == null || p.DepartmentId == department))
            .Include(p => p.Assignments).ThenInclude(a => a.Person).AsSplitQuery().ToListAsync();
        var people = posts.SelectMany(p => p.Assignments).Select(a => a.PersonId).ToList();
        var enrolments = await db.TrainingEnrolments.AsNoTracking().Where(e => people.Contains(e.PersonId)).ToListAsync();
        var document = RegisterScenario.Build(name, "Healthcare Science", posts, enrolments, on);
        return new PlanningScenario
        {
            OrganisationId = organisation, DepartmentId = department, Name = name, ScopeLabel = name, BaselineOn = on, ScenarioJson = document.ToJson(),
            CreatedAt = DateTime.UtcNow, CreatedBy = "tester", UpdatedAt = DateTime.UtcNow, UpdatedBy = "tester",
        };
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_scenario_is_stored_with_its_json_audited_and_a_stale_edit_is_refused(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (org, _, _, _) = await ArrangeAsync(database);
        Guid id;
        string json;
        await using (var db = database.NewContext(OrganisationScope.For([org]), AuditActor.System("Wendy Workforce")))
        {
            var scenario = await FromRegisterAsync(db, org, null, "Directorate 2026");
            scenario.ScienceTheme = 'H';
            db.PlanningScenarios.Add(scenario);
            await db.SaveChangesAsync();
            (id, json) = (scenario.Id, scenario.ScenarioJson);
        }
        Guid version;
        await using (var db = database.NewContext(OrganisationScope.For([org])))
        {
            var read = await db.PlanningScenarios.SingleAsync(s => s.Id == id);
            Assert.Equal(json, read.ScenarioJson);
            Assert.Equal('H', read.ScienceTheme);
            Assert.Equal(new DateOnly(2026, 11, 1), read.BaselineOn);
            Assert.Equal(3, ScenarioDocument.FromJson(read.ScenarioJson).Parse().Segments.Count);
            version = read.Version;
            var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(PlanningScenario) && e.EntityId == id.ToString());
            Assert.Equal((AuditAction.Created, "Wendy Workforce", org), (audit.Action, audit.Who, audit.OrganisationId));
            Assert.Contains("Directorate 2026", audit.After);
        }

        // Two editors read the same version; the first save wins and changes the version, the second is refused.
        await using var first = database.NewContext(OrganisationScope.For([org]));
        await using var second = database.NewContext(OrganisationScope.For([org]));
        var a = await first.PlanningScenarios.SingleAsync(s => s.Id == id);
        var b = await second.PlanningScenarios.SingleAsync(s => s.Id == id);
        a.Name = "First editor";
        await first.SaveChangesAsync();
        Assert.NotEqual(version, a.Version);
        b.Name = "Second editor";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext(OrganisationScope.System);
        Assert.Equal("First editor", (await check.PlanningScenarios.SingleAsync(s => s.Id == id)).Name);
        Assert.Equal(2, await check.AuditEntries.CountAsync(e => e.EntityId == id.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Scenarios_stay_in_their_organisation_and_a_service_lead_reaches_only_their_departments(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var (org, other, department, otherDepartment) = await ArrangeAsync(database);
        Guid wide, own, elsewhere;
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            var w = await FromRegisterAsync(db, org, null, "Organisation-wide");
            var o = await FromRegisterAsync(db, org, department, "Own department");
            var e = await FromRegisterAsync(db, other, null, "Other trust");
            db.PlanningScenarios.AddRange(w, o, e);
            await db.SaveChangesAsync();
            (wide, own, elsewhere) = (w.Id, o.Id, e.Id);
        }

        await using (var user = database.NewContext(OrganisationScope.For([org])))
        {
            Assert.Equal(new[] { own, wide }.Order(), (await user.PlanningScenarios.Select(s => s.Id).ToListAsync()).Order());
            Assert.Null(await user.PlanningScenarios.FirstOrDefaultAsync(s => s.Id == elsewhere));
            var forged = await FromRegisterAsync(user, org, null, "Put in the other trust");
            forged.OrganisationId = other;
            user.PlanningScenarios.Add(forged);
            await Assert.ThrowsAsync<OrganisationScopeException>(() => user.SaveChangesAsync());
        }

        await using var system = database.NewContext(OrganisationScope.System);
        await using (var lead = database.NewContext(OrganisationScope.For([org], [department])))
        {
            Assert.Equal([own], await lead.PlanningScenarios.Select(s => s.Id).ToListAsync());
            var mine = await lead.PlanningScenarios.SingleAsync();
            mine.Name = "Own department, revised";
            await lead.SaveChangesAsync();
            lead.PlanningScenarios.Add(await FromRegisterAsync(system, org, null, "Lead tries the whole trust"));
            await Assert.ThrowsAsync<OrganisationScopeException>(() => lead.SaveChangesAsync());
        }
        await using (var lead = database.NewContext(OrganisationScope.For([org], [department])))
        {
            lead.PlanningScenarios.Add(await FromRegisterAsync(system, org, otherDepartment, "Lead tries another department"));
            await Assert.ThrowsAsync<OrganisationScopeException>(() => lead.SaveChangesAsync());
        }

        await using var check = database.NewContext(OrganisationScope.System);
        Assert.Equal(3, await check.PlanningScenarios.CountAsync());
        Assert.Equal("Own department, revised", (await check.PlanningScenarios.SingleAsync(s => s.Id == own)).Name);
    }
}
