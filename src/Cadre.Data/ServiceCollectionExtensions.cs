using Cadre.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cadre.Data;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CadreDbContext"/> for the chosen database. The web app registers its own
    /// <see cref="IOrganisationScope"/> and <see cref="IAuditActor"/> (from the signed-in user) before or after this call;
    /// the fall-backs registered here see nothing and record changes as "unknown", so a missing registration fails safe.
    /// </summary>
    public static IServiceCollection AddCadreData(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddDbContext<CadreDbContext>(database.Configure);
        services.TryAddScoped<IOrganisationScope>(_ => OrganisationScope.None);
        services.TryAddScoped<IAuditActor>(_ => AuditActor.System("unknown"));
        return services;
    }

    /// <summary>Identity's user and role managers on Cadre's database, without cookies: for the command line and tests.</summary>
    public static IServiceCollection AddCadreIdentityCore(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddIdentityCore<CadreUser>(CadreRoles.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CadreDbContext>()
            .AddCadreSignInSecurity();
        return services;
    }
}
