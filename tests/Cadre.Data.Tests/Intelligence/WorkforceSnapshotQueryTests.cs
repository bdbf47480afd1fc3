using Cadre.Core.Register;
using Cadre.Data.Demo;
using Cadre.Data.Intelligence;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Intelligence;

/// <summary>The reports' snapshot holds exactly what the reader's scope lets them see, on both databases.</summary>
public class WorkforceSnapshotQueryTests
{
    private static readonly DateOnly Day = DemoOrganisations.AsAt;

    private static async Task<TestDatabase> DemoAsync(string kind)
    {
        var database = await TestDatabase.CreateAsync(kind, migrate: false);
        await using var services = database.NewServices();
        await CadreDatabaseInitialiser.InitialiseAsync(services);
        return database;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task An_organisations_snapshot_holds_its_own_rows_and_no_others(string kind)
    {
        await using var database = await DemoAsync(kind);
        await using var system = database.NewContext(OrganisationScope.System);
        var first = await system.Organisations.SingleAsync(o => o.OdsCode == DemoOrganisations.DemoOdsCode);
        var second = await system.Organisations.SingleAsync(o => o.OdsCode == DemoOrganisations.SecondOdsCode);
        var posts = await system.Posts.CountAsync(p => p.OrganisationId == first.Id);

        await using var db = database.NewContext(OrganisationScope.For([first.Id]));
        var snapshot = await WorkforceSnapshotQuery.BuildAsync(db, Day);
        Assert.Equal([first.Id], snapshot.Organisations.Select(o => o.Id).ToArray());
        Assert.Equal(posts, snapshot.Posts.Count);
        Assert.All(snapshot.Posts, p => Assert.Equal(first.Id, p.OrganisationId));
        Assert.All(snapshot.Departments, d => Assert.Equal(first.Id, d.OrganisationId));
        var postIds = snapshot.Posts.Select(p => p.Id).ToHashSet();
        Assert.All(snapshot.Holders, h => Assert.Contains(h.PostId, postIds));
        Assert.True(snapshot.CodingChecked);
        Assert.Equal(posts, snapshot.Coding.Count);
        Assert.NotEmpty(snapshot.Certificates);
        Assert.NotEmpty(snapshot.Enrolments);
        Assert.NotEmpty(snapshot.Accreditations);

        // A member of both, narrowed to one, gets that one only.
        await using var both = database.NewContext(OrganisationScope.For([first.Id, second.Id]));
        var narrowed = await WorkforceSnapshotQuery.BuildAsync(both, Day, second.Id, checkCoding: false);
        Assert.Equal([second.Id], narrowed.Organisations.Select(o => o.Id).ToArray());
        Assert.All(narrowed.Posts, p => Assert.Equal(second.Id, p.OrganisationId));
        Assert.False(narrowed.CodingChecked);
        Assert.Empty(narrowed.Coding);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_service_leads_snapshot_holds_their_departments_people_only(string kind)
    {
        await using var database = await DemoAsync(kind);
        await using var system = database.NewContext(OrganisationScope.System);
        var trust = await system.Organisations.SingleAsync(o => o.OdsCode == DemoOrganisations.DemoOdsCode);
        var radiotherapy = await system.Departments.SingleAsync(d => d.OrganisationId == trust.Id && d.Name == "Radiotherapy Physics");
        var theirPeople = await system.Assignments.Where(a => a.Post!.DepartmentId == radiotherapy.Id).Select(a => a.PersonId).Distinct().ToListAsync();

        await using var db = database.NewContext(OrganisationScope.For([trust.Id], [radiotherapy.Id]));
        var snapshot = await WorkforceSnapshotQuery.BuildAsync(db, Day);
        Assert.Equal([radiotherapy.Id], snapshot.Departments.Select(d => d.Id).ToArray());
        Assert.All(snapshot.Posts, p => Assert.Equal(radiotherapy.Id, p.DepartmentId));
        Assert.All(snapshot.People, p => Assert.Contains(p.Id, theirPeople));
        Assert.All(snapshot.Registrations, r => Assert.Contains(r.PersonId, theirPeople));
        Assert.All(snapshot.Certificates, c => Assert.Contains(c.PersonId, theirPeople));
        Assert.All(snapshot.Enrolments, e => Assert.Contains(e.PersonId, theirPeople));
        Assert.All(snapshot.Accreditations, a => Assert.Equal(radiotherapy.Id, a.DepartmentId));
        Assert.Contains(snapshot.Certificates, c => c.Type == CertificateType.Mpe);
    }
}
