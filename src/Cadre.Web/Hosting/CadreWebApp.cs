using System.Text.Json;
using Cadre.Data;
using Cadre.Web.Features.Api;
using Cadre.Web.Features.Export;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;

namespace Cadre.Web;

/// <summary>How `cadre serve` (and the tests and benchmarks) want the web app.</summary>
public sealed class CadreWebOptions
{
    /// <summary>Addresses to listen on, e.g. http://127.0.0.1:5080 (semicolon-separated); port 0 picks a free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The data folder: the SQLite database (cadre.db) and the cookie-protection keys live here.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>A PostgreSQL connection string; when set, it is used instead of SQLite.</summary>
    public string? Postgres { get; set; }

    /// <summary>ASP.NET Core environment name; null reads ASPNETCORE_ENVIRONMENT and defaults to Production.</summary>
    public string? Environment { get; set; }

    /// <summary>Load the demo organisation into a new database.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>Framework log lines at Information and above (off by default: `cadre serve` prints its own lines).</summary>
    public bool VerboseLogging { get; set; }

    /// <summary>On PostgreSQL: the certificate (.pfx/.p12, or .pem with its key) that encrypts the shared key ring; null reads CADRE_KEYS_CERTIFICATE.</summary>
    public string? KeysCertificate { get; set; }

    /// <summary>The .pfx's password; null reads CADRE_KEYS_CERTIFICATE_PASSWORD.</summary>
    public string? KeysCertificatePassword { get; set; }

    /// <summary>
    /// Host names this instance answers to, separated by ';' (e.g. cadre.example.nhs.uk); other Host headers get 400.
    /// Null reads CADRE_ALLOWED_HOSTS; unset, any host is answered (a workstation, or a proxy that checks the host itself).
    /// </summary>
    public string? AllowedHosts { get; set; }

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, separated by ';'. Null reads
    /// CADRE_KNOWN_PROXIES; unset, only a proxy on this machine (loopback) is believed.
    /// </summary>
    public string? KnownProxies { get; set; }

    /// <summary>Certificates being retired, separated by ';': keys they encrypted stay readable; null reads CADRE_KEYS_PREVIOUS_CERTIFICATES.</summary>
    public string? KeysPreviousCertificates { get; set; }
}

public static class CadreWebApp
{
    public static WebApplication Build(CadreWebOptions options)
    {
        var webRoot = Path.Combine(AppContext.BaseDirectory, "web");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The Razor Pages live in this library, not in the `cadre` entry assembly.
            ApplicationName = typeof(CadreWebMarker).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Directory.Exists(webRoot) ? webRoot : null,
            EnvironmentName = options.Environment,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false); // no product name for a scanner
        builder.WebHost.UseStaticWebAssets(); // harmless outside Development; lets `dotnet run` pick up edits
        builder.Logging.SetMinimumLevel(options.VerboseLogging ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", options.VerboseLogging ? LogLevel.Information : LogLevel.Error);
        // A failed command is also thrown, and logged where it is handled; logged here too it only adds noise, such as
        // Migrate's expected read of a history table a new PostgreSQL database does not have yet (npgsql/efcore.pg
        // #3407), which an operator reads as a fault on every first start.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", options.VerboseLogging ? LogLevel.Information : LogLevel.None);
        // Where the keys live and how they are protected is KeyRing's; its warnings about an unencrypted ring in the data
        // folder are expected there (see docs/decisions/spine-web-security.md).
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Data.DataFolder.Ensure(dataDirectory);
        var services = builder.Services;
        var database = DatabaseOptionsFor(options, dataDirectory);
        services.AddSingleton(options);
        services.AddCadreWebScope();
        services.AddCadreData(database);
        services.AddCadreBackgroundWork();
        Features.Coding.CodingSetup.AddCadreCoding(services);

        // Password rules and lockout (5 wrong passwords lock the account for 15 minutes) are shared with `cadre users`.
        services.AddIdentity<CadreUser, IdentityRole>(CadreRoles.ConfigureIdentity)
            .AddEntityFrameworkStores<CadreDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CadreClaimsPrincipalFactory>()
            .AddCadreSignInSecurity();
        // Every request checks the cookie's security stamp against the database and rebuilds the user's roles and
        // organisations from it, so sign-out, a role or organisation change, a password reset or a lockout (each of
        // which gives the user a new stamp, see SessionEnder) ends every session at once, not after Identity's default
        // 30 minutes (ASVS 3.3.1, 3.3.3; docs/decisions/sessions-and-tokens.md).
        services.Configure<SecurityStampValidatorOptions>(stamp =>
        {
            stamp.ValidationInterval = TimeSpan.Zero;
            stamp.OnRefreshingPrincipal = CadreClaimsPrincipalFactory.KeepSessionClaims;
        });
        Features.IdentityProviders.OrganisationSignInSetup.AddCadreOrganisationSignIn(services);

        services.AddCadreApiTokens();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "cadre.auth";
            cookie.Cookie.HttpOnly = true;
            // Lax, not Strict, so a link from an email opens signed in; cross-site POSTs still carry no cookie.
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS (directly or via a proxy that sets X-Forwarded-Proto).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/sign-in";
            cookie.LogoutPath = "/sign-out";
            cookie.AccessDeniedPath = "/access-denied";
            cookie.ReturnUrlParameter = "returnUrl";
            // The API answers with status codes; a redirect to an HTML sign-in page is no use to a program.
            cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            // A role refusal is a 403 on pages too (the error page says it in words), not a redirect that answers 200:
            // a script, a proxy's log or an auditor reads the status, and the address stays the one the user asked for.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "cadre.af";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddCadreKeyRing(options, database, dataDirectory, builder.Environment);
        services.AddAuthorization(CadrePolicies.Add);
        services.AddCadreProxyAndHosts(options);
        services.Configure<RouteOptions>(route => route.LowercaseUrls = true);
        services.AddRazorPages(pages =>
            {
                // Pages are organised by feature under /Features rather than the default /Pages.
                pages.RootDirectory = "/Features";
                pages.Conventions.AddPageRoute("/Posts/Edit", "/posts/new");
                pages.Conventions.AddPageRoute("/People/Edit", "/people/new");
                pages.Conventions.AddPageRoute("/Users/Edit", "/users/new");
                pages.Conventions.AddPageRoute("/Departments/Edit", "/departments/new");
                pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
                pages.Conventions.AllowAnonymousToPage("/Account/SignInCode");
                pages.Conventions.AllowAnonymousToPage("/Account/SignInWith");
                pages.Conventions.AllowAnonymousToPage("/Account/SignInReturn");
                pages.Conventions.AllowAnonymousToPage("/Errors/Error");
                pages.Conventions.AllowAnonymousToPage("/Errors/AccessDenied");
            })
            .AddApplicationPart(typeof(CadreWebMarker).Assembly);
        services.AddProblemDetails();
        // Binding failures are thrown to the API's exception handler, which says what was wrong (not a bare 400).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        services.AddOpenApi("v1", openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Cadre API";
                document.Info.Version = "v1";
                document.Info.Description = "The Healthcare Science establishment register: posts, people and departments. " +
                    "Programs send an API token made by an administrator at /tokens as `Authorization: Bearer <token>`; " +
                    "in a browser the API uses the sign-in cookie. Unsafe methods take JSON bodies only; every PUT carries the version read.";
                OpenApiSecurity.Declare(document);
                return Task.CompletedTask;
            });
        });

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void Configure(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHostFiltering();
        app.UseWhen(IsApi, api => api.UseExceptionHandler(failure => failure.Run(async context =>
        {
            // A body or parameter the API cannot read (RouteHandlerOptions.ThrowOnBadRequest) says what was wrong.
            if (context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad)
            {
                context.Response.StatusCode = bad.StatusCode;
                await Results.Problem(title: "The request could not be read", detail: Features.Api.ApiRequestRules.Describe(bad),
                    statusCode: bad.StatusCode).ExecuteAsync(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await Results.Problem(title: "Something went wrong", detail: "The request could not be completed. It has been logged.",
                statusCode: 500).ExecuteAsync(context);
        })));
        if (app.Environment.IsDevelopment())
        {
            app.UseWhen(c => !IsApi(c), pages => pages.UseDeveloperExceptionPage());
        }
        else
        {
            // A request the endpoint could not read keeps its 400 (binding failures are thrown, see ThrowOnBadRequest).
            app.UseWhen(c => !IsApi(c), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = failure => failure is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            }));
        }
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseCadreSecurityHeaders();
        if (app.Environment.WebRootPath is { } root && Directory.Exists(root))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
        }
        app.UseRouting();
        // A file larger than its page takes is refused on its declared length, before the form is read: reading it
        // would fail inside anti-forgery's form read, which answers "the form may have expired". A client that asks
        // first (Expect: 100-continue) is refused before it sends a byte; the error page names the page's limit.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit
                && context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseAuthentication();
        app.UseCadreApiTokenRules();
        app.UseAuthorization();
        app.UseCadrePasswordChangeGate();
        Features.Account.SecondFactorGate.UseCadreSecondFactorGate(app);

        // Liveness (the process answers) and readiness (the database is reachable and migrated), as a load balancer asks.
        app.MapGet("/health", async (CadreDbContext db, CancellationToken cancel) =>
                await db.Database.CanConnectAsync(cancel) ? Results.Text("Healthy") : Results.Text("Unhealthy", statusCode: 503))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/ready", Readiness.CheckAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        app.MapCadreApi();
        Features.JobEvaluation.JeApiEndpoints.MapJeApi(app);
        app.MapCadreExports();
        Features.Coding.CodingEndpoints.MapCadreCoding(app);
        Features.Planning.PlanningApi.MapPlanningApi(app);
        Features.Reports.ReportsApi.MapReportsApi(app);
        Features.Surveys.SurveysApi.MapSurveysApi(app);
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // The handler builds an absolute address from the request's Host header; send only the path, so a forged Host is
        // never reflected into a redirect.
        context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }

    private static DatabaseOptions DatabaseOptionsFor(CadreWebOptions options, string dataDirectory) =>
        DatabaseOptions.FromCommandLine(dataDirectory, options.Postgres);

    /// <summary>Migrates the database, loads the demo organisation and creates the first administrator when needed.</summary>
    public static async Task<CadreStartup> InitialiseAsync(WebApplication app, CadreWebOptions options, CancellationToken cancel = default, bool interactive = false)
    {
        InitialisationResult result;
        try
        {
            result = await CadreDatabaseInitialiser.InitialiseAsync(app.Services, new InitialiseOptions { LoadDemo = options.Demo }, cancel);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege)
        {
            // The app's restricted role (docs/deploy.md) met a database that still needs its owner's work.
            throw new CadreStartupException("The database is not ready for this connection's role, which may not change the schema " +
                $"({e.MessageText}). Run `cadre db migrate --app-role ROLE` as the database owner first, then start Cadre again.");
        }
        var message = result.AdministratorPassword is { } password
            ? FirstAdministratorNotice.Write(Path.GetFullPath(options.DataDirectory), result.AdministratorEmail!, password, interactive)
            : "Sign in with your Cadre account (an administrator can add users with `cadre users add`).";
        return new CadreStartup(result, message);
    }

    /// <summary>Runs the app until Ctrl+C: initialise, listen, print the address and how to sign in.</summary>
    public static async Task<int> ServeAsync(CadreWebOptions options, TextWriter output, CancellationToken cancel = default)
    {
        await using var app = Build(options);
        // A person at a terminal sees the first password; a service's output goes to a log, so it goes to a 0600 file.
        var startup = await InitialiseAsync(app, options, cancel, interactive: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
        await app.StartAsync(cancel);
        var address = app.Urls.FirstOrDefault() ?? options.Urls;
        output.WriteLine($"Cadre is running at {address}");
        output.WriteLine(startup.SignInMessage);
        output.WriteLine("Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync(cancel);
        return 0;
    }
}

/// <summary>What the first start tells the person running Cadre: how to sign in.</summary>
public sealed record CadreStartup(InitialisationResult Result, string SignInMessage);
