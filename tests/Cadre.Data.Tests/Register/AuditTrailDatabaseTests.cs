using Cadre.Core.Register;
using Cadre.Data.Register.Queries;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Register;

public class AuditTrailDatabaseTests
{
    /// <summary>The second lock: even SQL that goes round the data layer cannot rewrite or remove history.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task The_database_itself_refuses_to_update_or_delete_audit_entries(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var db = database.NewContext(OrganisationScope.System);
        db.Organisations.Add(new Organisation { Name = "Trust", OdsCode = "ZZA" });
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync());

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Who\" = 'someone else'"));
        Assert.NotNull(update);
        Assert.Contains("append-only", update!.Message);
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.NotNull(delete);
        Assert.Contains("append-only", delete!.Message);
        var bulk = await Record.ExceptionAsync(() => db.AuditEntries.ExecuteDeleteAsync());
        Assert.NotNull(bulk);

        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Who == "test"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task The_dashboard_summary_counts_what_the_user_can_see(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind, migrate: false);
        await using (var services = database.NewServices())
            await CadreDatabaseInitialiser.InitialiseAsync(services, new InitialiseOptions { CreateAdministrator = false });
        await using var system = database.NewContext(OrganisationScope.System);
        var demo = await system.Organisations.SingleAsync(o => o.OdsCode == Demo.DemoOrganisations.DemoOdsCode);
        var expectedPosts = await system.Posts.CountAsync(p => p.OrganisationId == demo.Id);
        var expectedVacant = await system.Posts.CountAsync(p => p.OrganisationId == demo.Id && p.Status == PostStatus.Vacant);

        await using var db = database.NewContext(OrganisationScope.For([demo.Id]));
        var summary = await RegisterSummary.ComputeAsync(db, Demo.DemoOrganisations.AsAt);
        Assert.Equal(expectedPosts, summary.Posts);
        Assert.Equal(expectedVacant, summary.VacantPosts);
        Assert.Equal(summary.Posts, summary.ByBand.Sum(s => s.Posts));
        Assert.Equal(summary.Posts, summary.ByTheme.Sum(s => s.Posts));
        Assert.Equal(["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"], summary.ByBand.Select(s => s.Key));
        Assert.Contains(summary.ByTheme, s => s.Key == "H" && s.Posts > 40);
        Assert.InRange(summary.Headcount, summary.FundedPosts - 5, summary.FundedPosts);
        Assert.True(summary.FilledWte < summary.FundedWte && summary.FilledWte > summary.FundedWte * 0.7m, $"{summary.FilledWte} of {summary.FundedWte}");
    }
}
