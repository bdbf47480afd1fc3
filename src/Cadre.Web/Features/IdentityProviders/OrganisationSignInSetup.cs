namespace Cadre.Web.Features.IdentityProviders;

public static class OrganisationSignInSetup
{
    /// <summary>Organisations' own OpenID Connect sign-in: the protocol client (one per app, caching discovery) and the secret's protector.</summary>
    public static void AddCadreOrganisationSignIn(IServiceCollection services)
    {
        services.AddHttpClient(OpenIdConnectClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<OpenIdConnectClient>();
        services.AddSingleton<OrganisationSignInSecret>();
    }
}
