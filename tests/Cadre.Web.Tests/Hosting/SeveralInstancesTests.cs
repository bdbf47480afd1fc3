using System.Net;
using Cadre.Data;
using Cadre.Data.Security;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Hosting;

/// <summary>
/// Several `cadre serve` instances on one PostgreSQL database, as behind a load balancer without sticky sessions: they
/// share the key ring (so a cookie or a form from one is good on the other), set the database up once between them
/// when started together, and say when they are ready. Each test makes its own database on the server ./test starts.
/// </summary>
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private readonly string _server = Environment.GetEnvironmentVariable("CADRE_TEST_PG") is { Length: > 0 } pg ? pg
        : throw new InvalidOperationException("CADRE_TEST_PG is not set: ./test starts a PostgreSQL server and sets it.");
    private readonly string _database = "cadre_instances_" + Guid.NewGuid().ToString("N");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cadre-instances-" + Guid.NewGuid().ToString("N"));
    private readonly List<WebApplication> _apps = [];
    private string _certificate = "";

    private string Postgres => new Npgsql.NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = false }.ConnectionString;

    public Task InitializeAsync()
    {
        _certificate = KeyRingCertificate.Write(Path.Combine(_folder, "certificate"));
        return Task.CompletedTask;
    }

    private CadreWebOptions Options(string name) => new()
    {
        Urls = "http://127.0.0.1:0", DataDirectory = Path.Combine(_folder, name), Environment = "Production", Postgres = Postgres,
        KeysCertificate = _certificate, KeysCertificatePassword = KeyRingCertificate.Password,
    };

    private WebApplication Build(string name)
    {
        var app = CadreWebApp.Build(Options(name));
        _apps.Add(app);
        return app;
    }

    [Fact]
    public async Task Two_instances_started_together_on_an_empty_database_both_come_up_and_set_it_up_once()
    {
        var a = Build("a");
        var b = Build("b");
        var started = await Task.WhenAll(CadreWebApp.InitialiseAsync(a, Options("a")), CadreWebApp.InitialiseAsync(b, Options("b")));

        // One of them migrated and loaded the demo; the other found it done. One first administrator, one password shown.
        Assert.Equal(1, started.Count(s => s.Result.AppliedMigrations.Count > 0));
        Assert.Equal(1, started.Count(s => s.Result.DemoLoaded));
        Assert.Equal(1, started.Count(s => s.Result.AdministratorPassword is not null));
        await using var db = SystemContext(a);
        Assert.Equal(["ZZ1", "ZZ2"], await db.Organisations.OrderBy(o => o.OdsCode).Select(o => o.OdsCode).ToListAsync());
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var client = new HttpClient();
        foreach (var app in new[] { a, b })
        {
            var ready = await client.GetAsync(new Uri(new Uri(app.Urls.First()), "/health/ready"));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Ready", await ready.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_sign_in_and_a_form_from_one_instance_are_good_on_the_other()
    {
        var a = Build("a");
        var first = await CadreWebApp.InitialiseAsync(a, Options("a"));
        var b = Build("b");
        await CadreWebApp.InitialiseAsync(b, Options("b"));
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        var onA = new Uri(a.Urls.First());
        var onB = new Uri(b.Urls.First());

        // One cookie jar for both, as one browser behind a round-robin proxy (cookies are not kept per port).
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        var signIn = await PostFormAsync(browser, new Uri(onA, "/sign-in"), new Uri(onB, "/sign-in"),
            new() { ["Input.UserName"] = first.Result.AdministratorEmail!, ["Input.Password"] = first.Result.AdministratorPassword! });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode); // A's anti-forgery token, accepted by B; B's cookie follows
        // An administrator sets up a second factor before anything else (docs/decisions/sign-in.md): the key from A's
        // page, the code posted to B.
        var setUp = await browser.GetStringAsync(new Uri(onA, "/account/two-factor"));
        var key = System.Text.RegularExpressions.Regex.Match(setUp, "data-testid=\"authenticator-key\">([^<]+)<").Groups[1].Value;
        var enrolled = await PostFormAsync(browser, new Uri(onA, "/account/two-factor"), new Uri(onB, "/account/two-factor"),
            new() { ["Input.Code"] = Infrastructure.Totp.CodeNow(key) });
        Assert.Contains("Save your recovery codes", await enrolled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(onA, "/api/v1/posts"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(onB, "/api/v1/posts"))).StatusCode);

        var added = await PostFormAsync(browser, new Uri(onB, "/users/new"), new Uri(onA, "/users/new"),
            new() { ["Input.Email"] = "across@a.test", ["Input.DisplayName"] = "Alex Across", ["Input.Roles"] = "Viewer" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("Alex Across can now sign in", await added.Content.ReadAsStringAsync());

        // The shared keys are encrypted at rest with the operator's certificate.
        await using var db = SystemContext(a);
        var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.Single(keys);
        Assert.Contains("encryptedSecret", keys[0]);
        Assert.DoesNotContain("<value>", keys[0]);
    }

    [Fact]
    public void Production_on_postgresql_without_a_certificate_refuses_to_start_and_says_what_to_give()
    {
        var options = Options("a");
        options.KeysCertificate = null;
        Environment.SetEnvironmentVariable("CADRE_KEYS_CERTIFICATE", null);
        var refused = Assert.Throws<CadreStartupException>(() => CadreWebApp.Build(options));
        Assert.Contains("--keys-certificate", refused.Message);
        Assert.Contains("CADRE_KEYS_CERTIFICATE_PASSWORD", refused.Message);

        options.KeysCertificate = Path.Combine(_folder, "missing.pfx");
        Assert.Contains("there is no file", Assert.Throws<CadreStartupException>(() => CadreWebApp.Build(options)).Message);
        options.KeysCertificate = _certificate;
        options.KeysCertificatePassword = "wrong";
        Assert.Contains("could not be read as a certificate", Assert.Throws<CadreStartupException>(() => CadreWebApp.Build(options)).Message);
    }

    [Fact]
    public async Task An_instance_is_not_ready_until_the_database_is_migrated()
    {
        // SQLite here: a new data folder gives a database that answers but has no tables yet.
        var options = new CadreWebOptions { Urls = "http://127.0.0.1:0", DataDirectory = Path.Combine(_folder, "sqlite"), Environment = "Production" };
        var app = CadreWebApp.Build(options);
        _apps.Add(app);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var waiting = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
        Assert.StartsWith("Not ready: the database is waiting for", await waiting.Content.ReadAsStringAsync());

        await CadreWebApp.InitialiseAsync(app, options);
        Assert.Equal("Ready", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }

    private static CadreDbContext SystemContext(WebApplication app) =>
        new(app.Services.GetRequiredService<DatabaseOptions>().BuildContextOptions(), OrganisationScope.System, AuditActor.System("tests"));

    /// <summary>GETs a form from one instance and posts it, with that page's anti-forgery token, to another.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, Uri formFrom, Uri postTo, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(formFrom);
        var token = CadreWebFixture.AntiForgeryToken(html) ?? throw new InvalidOperationException($"No anti-forgery token on {formFrom}");
        return await client.PostAsync(postTo, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            try { await app.StopAsync(); } catch (InvalidOperationException) { } // never started
            await app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        await using var admin = new Npgsql.NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
