using Cadre.Core.Register;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cadre.Data.Tests.Register;

/// <summary>From a user's memberships to the scope their requests run with, as the web app signs them in.</summary>
public class SignInScopeTests
{
    [Fact]
    public async Task Sign_in_claims_carry_the_organisations_and_a_service_leads_departments()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        await using var services = database.NewServices();
        await CadreDatabaseInitialiser.InitialiseAsync(services, new InitialiseOptions { CreateAdministrator = false });
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var factory = new CadreClaimsPrincipalFactory(users, scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(),
            scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>(), db);

        await using var system = database.NewContext(OrganisationScope.System);
        var demo = await system.Organisations.SingleAsync(o => o.OdsCode == "ZZ1");
        var audiology = await system.Departments.SingleAsync(d => d.OrganisationId == demo.Id && d.Name == "Audiology");

        var lead = await CadreDatabaseInitialiser.CreateUserAsync(users, "lead@example.nhs.uk", "Sian Hughes", "Correct-Horse-9-Battery", CadreRoles.ServiceLead, demo.Id, [audiology.Id]);
        var leadScope = OrganisationScope.FromClaims(await factory.CreateAsync(lead));
        Assert.Equal([demo.Id], leadScope.OrganisationIds);
        Assert.Equal([audiology.Id], leadScope.DepartmentIds!);
        Assert.False(leadScope.IsUnrestricted);
        await using (var asLead = database.NewContext(leadScope))
            Assert.All(await asLead.Posts.ToListAsync(), p => Assert.Equal(audiology.Id, p.DepartmentId));

        var wio = await CadreDatabaseInitialiser.CreateUserAsync(users, "wio@example.nhs.uk", "Ola", "Correct-Horse-9-Battery", CadreRoles.WorkforceInformation, demo.Id);
        var principal = await factory.CreateAsync(wio);
        var wioScope = OrganisationScope.FromClaims(principal);
        Assert.Null(wioScope.DepartmentIds);
        Assert.Equal("Ola", AuditActor.FromClaims(principal).Name);
        Assert.Equal(wio.Id, AuditActor.FromClaims(principal).UserId);
        await using (var asWio = database.NewContext(wioScope))
            Assert.Equal(await system.Posts.CountAsync(p => p.OrganisationId == demo.Id), await asWio.Posts.CountAsync());

        // Nobody signed in: nothing.
        Assert.Empty(OrganisationScope.FromClaims(new System.Security.Claims.ClaimsPrincipal()).OrganisationIds);
    }
}
