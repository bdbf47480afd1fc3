using System.Net;
using System.Text.RegularExpressions;
using Cadre.Core.Register;
using Cadre.Data;
using Cadre.Data.Security;
using Cadre.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Infrastructure;

/// <summary>
/// The real app, started in-process on a free loopback port with a throw-away data folder and the demo register (two
/// fictional trusts), plus one test user per role. Tests talk to it over HTTP with cookies, as a browser would.
/// </summary>
public sealed class CadreWebFixture : IAsyncLifetime
{
    // Test-only accounts in a temporary database; not a secret.
    public const string Password = "Test-Password-2026";

    public WebApplication App { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "cadre-web-tests-" + Guid.NewGuid().ToString("N"));
    public Guid DemoOrganisation { get; private set; }
    public Guid SecondOrganisation { get; private set; }
    public Guid LeadDepartment { get; private set; }

    public static class Users
    {
        public const string Admin = "admin@a.test";
        public const string Workforce = "wi@a.test";
        public const string Viewer = "viewer@a.test";
        public const string Panel = "panel@a.test";
        public const string Lead = "lead@a.test";
        public const string OtherTrust = "wi@b.test";
        public const string Lockout = "lockout@a.test";
        public const string Library = "library@national.test";
    }

    /// <summary>A PostgreSQL connection string to run on instead of SQLite (a new database is made on that server).</summary>
    public string? PostgresServer { get; init; }
    private string? _postgresDatabase;

    public Task InitializeAsync() => StartAsync();

    private async Task StartAsync()
    {
        string? postgres = null;
        if (PostgresServer is not null)
        {
            _postgresDatabase = "cadre_web_" + Guid.NewGuid().ToString("N");
            // EF creates the database on first migration.
            postgres = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresDatabase, Pooling = false }.ConnectionString;
        }
        var options = new CadreWebOptions { Urls = "http://127.0.0.1:0", DataDirectory = DataDirectory, Environment = "Production", Postgres = postgres };
        if (postgres is not null)
        {
            options.KeysCertificate = KeyRingCertificate.Write(Path.Combine(DataDirectory, "certificate"));
            options.KeysCertificatePassword = KeyRingCertificate.Password;
        }
        App = CadreWebApp.Build(options);
        await CadreWebApp.InitialiseAsync(App, options);
        await App.StartAsync();
        BaseAddress = new Uri(App.Urls.First());

        await using var db = SystemContext();
        DemoOrganisation = await db.Organisations.Where(o => o.OdsCode == "ZZ1").Select(o => o.Id).SingleAsync();
        SecondOrganisation = await db.Organisations.Where(o => o.OdsCode == "ZZ2").Select(o => o.Id).SingleAsync();
        LeadDepartment = await db.Departments.Where(d => d.OrganisationId == DemoOrganisation).OrderByDescending(d => d.Posts.Count).Select(d => d.Id).FirstAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        await CadreDatabaseInitialiser.CreateUserAsync(users, Users.Admin, "Ada Admin", Password, CadreRoles.Administrator, DemoOrganisation);
        await CadreDatabaseInitialiser.CreateUserAsync(users, Users.Workforce, "Wendy Workforce", Password, CadreRoles.WorkforceInformation, DemoOrganisation);
        await CadreDatabaseInitialiser.CreateUserAsync(users, Users.Viewer, "Vic Viewer", Password, CadreRoles.Viewer, DemoOrganisation);
        await CadreDatabaseInitialiser.CreateUserAsync(users, Users.Panel, "Pat Panel", Password, CadreRoles.JobEvaluationPanel, DemoOrganisation);
        await CadreDatabaseInitialiser.CreateUserAsync(users, Users.Lead, "Lee Lead", Password, CadreRoles.ServiceLead, DemoOrganisation, [LeadDepartment]);
        await CadreDatabaseInitialiser.CreateUserAsync(users, Users.OtherTrust, "Bea Otherton", Password, CadreRoles.WorkforceInformation, SecondOrganisation);
        await CadreDatabaseInitialiser.CreateUserAsync(users, Users.Lockout, "Lou Lockout", Password, CadreRoles.Viewer, DemoOrganisation);
        await CadreDatabaseInitialiser.CreateUserAsync(users, Users.Library, "Lin Library", Password, CadreRoles.NationalLibrary, DemoOrganisation);
    }

    /// <summary>A context that sees every organisation, for arranging and checking data behind the app's back.</summary>
    public CadreDbContext SystemContext() =>
        new(App.Services.GetRequiredService<DatabaseOptions>().BuildContextOptions(), OrganisationScope.System, AuditActor.System("tests"));

    /// <summary>An HTTP client with its own cookie jar that does not follow redirects (so tests can see them); signed in when a user is given.</summary>
    /// <summary>A user who belongs to both demo organisations (ZZ1 and ZZ2), with one role, signing in with <see cref="Password"/>.</summary>
    public async Task AddUserOfBothOrganisationsAsync(string email, string name, string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var user = await CadreDatabaseInitialiser.CreateUserAsync(users, email, name, Password, role, DemoOrganisation);
        await using var db = SystemContext();
        db.UserOrganisations.Add(new UserOrganisation { UserId = user.Id, OrganisationId = SecondOrganisation });
        await db.SaveChangesAsync();
    }

    public async Task<HttpClient> ClientAsync(string? user = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = BaseAddress,
        };
        if (user is not null)
        {
            var response = await SignInAsync(client, user, Password);
            if (response.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Sign-in as {user} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password) =>
        PostFormAsync(client, "/sign-in", new() { ["Input.UserName"] = user, ["Input.Password"] = password });

    /// <summary>GETs the page, reads its anti-forgery token and posts the fields back to the same address.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiForgeryToken(html) ?? throw new InvalidOperationException($"No anti-forgery token on {url} ({(int)page.StatusCode})");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(postUrl ?? url, new FormUrlEncodedContent(body));
    }

    /// <summary>A page a role may not use answers 403 with the access page in words, not a redirect (docs/decisions/spine-web-roles.md).</summary>
    public static async Task AssertRoleRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync());
    }

    public static string? AntiForgeryToken(string html)
    {
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    public async Task<(Guid Id, string Number)> AnyPostAsync(Guid organisation, Func<IQueryable<Post>, IQueryable<Post>>? filter = null)
    {
        await using var db = SystemContext();
        var posts = db.Posts.Where(p => p.OrganisationId == organisation);
        if (filter is not null) posts = filter(posts);
        var post = await posts.OrderBy(p => p.PostNumber).Select(p => new { p.Id, p.PostNumber }).FirstAsync();
        return (post.Id, post.PostNumber);
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (PostgresServer is not null && _postgresDatabase is not null)
        {
            await using var admin = new Npgsql.NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<CadreWebFixture>
{
    public const string Name = "Cadre web app";
}
