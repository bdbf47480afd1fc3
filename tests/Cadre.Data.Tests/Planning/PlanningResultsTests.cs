using Cadre.Core.Planning;
using Cadre.Data.Planning;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Planning;

/// <summary>
/// A scenario's projection is computed once per version and kept (issue 14: planning work shared through the database):
/// read back exactly as computed, never computed twice for one version even when asked at once, computed again for a
/// new version, and taken up when the instance computing it stopped. On SQLite and PostgreSQL.
/// </summary>
public class PlanningResultsTests
{
    private static async Task<PlanningScenario> ScenarioAsync(TestDatabase database)
    {
        await using (var services = database.NewServices())
            await CadreDatabaseInitialiser.InitialiseAsync(services, new InitialiseOptions { CreateAdministrator = false });
        await using var db = database.NewContext(OrganisationScope.System);
        var organisation = await db.Organisations.OrderBy(o => o.OdsCode).Select(o => o.Id).FirstAsync();
        var on = new DateOnly(2026, 11, 1);
        var posts = await db.Posts.AsNoTracking().Where(p => p.OrganisationId == organisation)
            .Include(p => p.Assignments).ThenInclude(a => a.Person).AsSplitQuery().ToListAsync();
        var people = posts.SelectMany(p => p.Assignments).Select(a => a.PersonId).ToList();
        var enrolments = await db.TrainingEnrolments.AsNoTracking().Where(e => people.Contains(e.PersonId)).ToListAsync();
        var scenario = new PlanningScenario
        {
            OrganisationId = organisation, Name = "Stored", ScopeLabel = "Stored", BaselineOn = on,
            ScenarioJson = RegisterScenario.Build("Stored", "Healthcare Science", posts, enrolments, on).ToJson(),
            CreatedAt = DateTime.UtcNow, CreatedBy = "tester", UpdatedAt = DateTime.UtcNow, UpdatedBy = "tester",
        };
        db.PlanningScenarios.Add(scenario);
        await db.SaveChangesAsync();
        return scenario;
    }

    private static PlanResult Project(PlanningScenario saved) =>
        PlanningEngine.Project(ScenarioDocument.FromJson(saved.ScenarioJson).Parse(), 200, 7);

    private static string Figures(PlanResult r) => System.Text.Json.JsonSerializer.Serialize(PlanDocument.From(r, Guid.Empty, null),
        new System.Text.Json.JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_version_is_computed_once_even_when_asked_at_once_and_read_back_with_the_same_figures(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var saved = await ScenarioAsync(database);
        var computed = 0;
        PlanResult Counted() { Interlocked.Increment(ref computed); return Project(saved); }

        // Three requests at once, as on three instances: one computes, the others wait for its result.
        var asked = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var db = database.NewContext(OrganisationScope.System);
            return await PlanningResults.GetOrComputeAsync(db, saved, 200, 7, Counted, CancellationToken.None);
        }));
        Assert.Equal(1, computed);
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            var again = await PlanningResults.GetOrComputeAsync(db, saved, 200, 7, Counted, CancellationToken.None);
            Assert.Equal(1, computed);
            var expected = Figures(Project(saved));
            Assert.All(asked.Append(again), r => Assert.Equal(expected, Figures(r)));
            Assert.Equal((200, 7), (again.Runs, again.Seed));
            Assert.Single(await db.PlanningResults.ToListAsync());
        }

        // A new version is computed again, and the old version's figures are dropped.
        saved.Version = Guid.NewGuid();
        await using (var db = database.NewContext(OrganisationScope.System))
        {
            await PlanningResults.GetOrComputeAsync(db, saved, 200, 7, Counted, CancellationToken.None);
            Assert.Equal(2, computed);
            Assert.Equal(saved.Version, (await db.PlanningResults.SingleAsync()).ScenarioVersion);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_computation_whose_instance_stopped_is_taken_up(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var saved = await ScenarioAsync(database);
        await using var db = database.NewContext(OrganisationScope.System);
        // As an instance that stopped mid-way leaves it: no figures, its heartbeat minutes old.
        db.PlanningResults.Add(new PlanningResult { ScenarioId = saved.Id, ScenarioVersion = saved.Version, Runs = 200, Seed = 7,
            CreatedAt = DateTime.UtcNow.AddMinutes(-5), HeartbeatAt = DateTime.UtcNow.AddMinutes(-4), Attempts = 1 });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var result = await PlanningResults.GetOrComputeAsync(db, saved, 200, 7, () => Project(saved), CancellationToken.None);
        Assert.Equal(Figures(Project(saved)), Figures(result));
        var row = await db.PlanningResults.AsNoTracking().SingleAsync();
        Assert.Equal(2, row.Attempts);
        Assert.NotNull(row.ResultJson);
    }
}
