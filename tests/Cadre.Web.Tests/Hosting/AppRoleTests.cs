using System.Diagnostics;
using System.Net;
using Cadre.Data;
using Cadre.Data.Security;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cadre.Web.Tests.Hosting;

/// <summary>
/// PostgreSQL least privilege (issue 12): migrations run as the database owner, the app as a role that
/// `cadre db migrate --app-role` (or `cadre db grant-app-role`) has given only what it needs. The app starts and works as
/// that role, adds to the audit trail, and `cadre audit verify` runs as it; changing, deleting or truncating audit
/// entries, or lifting the append-only trigger, is refused by PostgreSQL itself. On the server ./test starts.
/// </summary>
public sealed class AppRoleTests : IAsyncLifetime
{
    private readonly string _server = Environment.GetEnvironmentVariable("CADRE_TEST_PG") is { Length: > 0 } pg ? pg
        : throw new InvalidOperationException("CADRE_TEST_PG is not set: ./test starts a PostgreSQL server and sets it.");
    private readonly string _database = "cadre_approle_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _role = "cadre_app_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cadre-approle-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    private string Owner => new NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = false }.ConnectionString;
    private string App => new NpgsqlConnectionStringBuilder(_server) { Database = _database, Username = _role, Pooling = false }.ConnectionString;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE ROLE \"{_role}\" LOGIN", connection);
        await create.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_app_role_works_and_adds_to_the_audit_trail_but_postgresql_refuses_it_changing_deleting_or_truncating_entries()
    {
        // As the owner: the schema, the demo register, and the app role's rights.
        var migrated = await CadreAsync("db", "migrate", "--with-demo", "--postgres", Owner, "--data", _folder, "--app-role", _role);
        Assert.True(migrated.ExitCode == 0, migrated.Stderr);
        Assert.Contains($"{_role} may now read and write", migrated.Stdout);

        // As the app role: Cadre starts (nothing to migrate, so it never needs the owner's rights), answers and signs forms.
        var options = new CadreWebOptions
        {
            Urls = "http://127.0.0.1:0", DataDirectory = _folder, Environment = "Production", Postgres = App,
            KeysCertificate = KeyRingCertificate.Write(Path.Combine(_folder, "certificate")), KeysCertificatePassword = KeyRingCertificate.Password,
        };
        _app = CadreWebApp.Build(options);
        await CadreWebApp.InitialiseAsync(_app, options);
        await _app.StartAsync();
        using (var client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) })
        {
            Assert.Equal("Ready", await client.GetStringAsync("/health/ready"));
            var signIn = await client.GetAsync("/sign-in"); // writes the shared key ring's first key, as the app role
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        // A change made as the app role is written and audited.
        await using (var db = new CadreDbContext(DatabaseOptions.FromCommandLine(_folder, App).BuildContextOptions(), OrganisationScope.System, AuditActor.System("app role test")))
        {
            var post = await db.Posts.OrderBy(p => p.PostNumber).FirstAsync();
            post.Title += " (renamed by the app role)";
            await db.SaveChangesAsync();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == post.Id.ToString() && e.After!.Contains("renamed by the app role")));
        }

        // The trail cannot be changed by the app role, whatever the SQL.
        await using (var connection = new NpgsqlConnection(App))
        {
            await connection.OpenAsync();
            foreach (var sql in new[]
            {
                """UPDATE "AuditEntries" SET "EntityType" = 'Nothing'""",
                """DELETE FROM "AuditEntries" """,
                """TRUNCATE "AuditEntries" """,
                """ALTER TABLE "AuditEntries" DISABLE TRIGGER ALL""",
                """DROP TABLE "AuditEntries" """,
                """CREATE TABLE "Mine" ("Id" int)""",
                """DELETE FROM "__EFMigrationsHistory" """,
            })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState} {refused.MessageText}");
            }
            await using var count = new NpgsqlCommand("""SELECT count(*) FROM "AuditEntries" """, connection);
            Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
        }

        // The check runs as the app role, and finds the trail whole.
        var verified = await CadreAsync("audit", "verify", "--postgres", App, "--data", _folder);
        Assert.True(verified.ExitCode == 0, verified.Stdout + verified.Stderr);
    }

    [Fact]
    public async Task Granting_refuses_an_unmigrated_database_a_missing_role_and_a_superuser_in_words()
    {
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        AssertRefused(await CadreAsync("db", "grant-app-role", _role, "--postgres", Owner), "the database has no Cadre schema yet: run `cadre db migrate` first");
        Assert.Equal(0, (await CadreAsync("db", "migrate", "--postgres", Owner)).ExitCode);
        AssertRefused(await CadreAsync("db", "grant-app-role", "no_such_role_here", "--postgres", Owner), "there is no role no_such_role_here: create it first");
        AssertRefused(await CadreAsync("db", "grant-app-role", new NpgsqlConnectionStringBuilder(_server).Username!, "--postgres", Owner), "is a superuser");
        AssertRefused(await CadreAsync("db", "grant-app-role", "x; DROP TABLE y", "--postgres", Owner), "is not a plain role name");
    }

    private static void AssertRefused(Run run, string expected)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    private sealed record Run(int ExitCode, string Stdout, string Stderr);

    /// <summary>The real `cadre` program beside the tests, as an operator runs it.</summary>
    private static async Task<Run> CadreAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cadre.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("CADRE_DB");
        start.Environment.Remove("CADRE_AUDIT_KEY");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", $"DROP ROLE IF EXISTS \"{_role}\"" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
