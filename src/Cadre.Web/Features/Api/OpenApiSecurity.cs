using Microsoft.OpenApi;

namespace Cadre.Web.Features.Api;

/// <summary>Declares how the API authenticates: a bearer token for programs, the sign-in cookie for a browser.</summary>
internal static class OpenApiSecurity
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";

    public static void Declare(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "cadre_…",
            Description = "An API token made by an administrator at /tokens: tied to one organisation, read or read-write, for the parts of the API it names.",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "cadre.auth",
            Description = "The cookie set by signing in at /sign-in (for the web pages' own scripts).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, document)] = [] });
    }
}
