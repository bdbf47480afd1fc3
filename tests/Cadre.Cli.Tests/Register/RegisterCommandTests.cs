
namespace Cadre.Cli.Tests.Register;

/// <summary>Runs the real <c>cadre</c> program as a process against a SQLite database in a temp folder.</summary>
public sealed class RegisterCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cadre-cli-" + Guid.NewGuid().ToString("N"));
    private string Data => Path.Combine(_folder, "data");

    public RegisterCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [Fact]
    public async Task Migrate_add_users_import_and_export_work_end_to_end()
    {
        var migrate = await CadreProcess.RunAsync(null, "db", "migrate", "--data", Data);
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("20261122000001_Initial", migrate.Stdout);
        Assert.True(File.Exists(Path.Combine(Data, "cadre.db")));
        Assert.Contains("up to date", (await CadreProcess.RunAsync(null, "db", "migrate", "--data", Data)).Stdout);

        var demo = await CadreProcess.RunAsync(null, "db", "migrate", "--with-demo", "--data", Data);
        Assert.Equal(0, demo.ExitCode);
        Assert.Matches("password \\(shown once, keep it safe\\): [A-Za-z0-9]{20}", demo.Stdout);

        var user = await CadreProcess.RunAsync(null, "users", "add", "wio@example.nhs.uk", "--role", "workforce-information", "--organisation", "ZZ1", "--data", Data);
        Assert.Equal(0, user.ExitCode);
        Assert.Contains("as WorkforceInformation of ZZ1", user.Stdout);
        Assert.Matches("Password \\(shown once, keep it safe\\): [A-Za-z0-9]{20}", user.Stdout);
        var piped = await CadreProcess.RunAsync("Correct-Horse-Battery-9", "users", "add", "lead@example.nhs.uk", "--role", "ServiceLead", "--organisation", "ZZ1", "--department", "Audiology", "--password-stdin", "--data", Data);
        Assert.Equal(0, piped.ExitCode);
        Assert.DoesNotContain("Password", piped.Stdout);

        var posts = Path.Combine(_folder, "posts.csv");
        File.WriteAllText(posts, "Post Number,Title,Department,Pay Band,Funded WTE,Time Split\r\nNEW001,Clinical Scientist (MRI Physics),Imaging Physics and Vascular Laboratory,7,1,H:Magnetic Resonance Imaging=100\r\n");
        var import = await CadreProcess.RunAsync(null, "import", "posts", posts, "--organisation", "ZZ1", "--data", Data);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("1 created", import.Stdout);

        var csv = Path.Combine(_folder, "out.csv");
        var export = await CadreProcess.RunAsync(null, "export", "posts", csv, "--organisation", "ZZ1", "--data", Data);
        Assert.Equal(0, export.ExitCode);
        var lines = File.ReadAllLines(csv);
        Assert.Contains(lines, l => l.StartsWith("NEW001,", StringComparison.Ordinal));
        Assert.DoesNotContain("Post Holders", lines[0]);
        var xlsx = Path.Combine(_folder, "out.xlsx");
        Assert.Equal(0, (await CadreProcess.RunAsync(null, "export", "posts", xlsx, "--organisation", "ZZ1", "--as-role", "Administrator", "--data", Data)).ExitCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(xlsx)[..2]));

        // The export imports back unchanged.
        var back = await CadreProcess.RunAsync(null, "import", "posts", xlsx, "--organisation", "ZZ1", "--data", Data);
        Assert.Equal(0, back.ExitCode);
        Assert.Contains("0 created", back.Stdout);
    }

    [Fact]
    public async Task A_lost_second_factor_is_reset_from_the_command_line()
    {
        Assert.Equal(0, (await CadreProcess.RunAsync(null, "db", "migrate", "--with-demo", "--data", Data)).ExitCode);
        Assert.Equal(0, (await CadreProcess.RunAsync(null, "users", "add", "sole@example.nhs.uk", "--role", "Administrator", "--organisation", "ZZ1", "--data", Data)).ExitCode);
        var database = Path.Combine(Data, "cadre.db");
        // As the set-up page leaves it: a key, and the factor turned on.
        await ExecuteAsync(database, "UPDATE AspNetUsers SET TwoFactorEnabled = 1 WHERE Email = 'sole@example.nhs.uk'");
        var stampBefore = await ScalarAsync(database, "SELECT SecurityStamp FROM AspNetUsers WHERE Email = 'sole@example.nhs.uk'");

        var reset = await CadreProcess.RunAsync(null, "users", "reset-second-factor", "sole@example.nhs.uk", "--data", Data);
        Assert.Equal(0, reset.ExitCode);
        Assert.Contains("is turned off and their sessions have ended", reset.Stdout);
        Assert.Equal("0", await ScalarAsync(database, "SELECT TwoFactorEnabled FROM AspNetUsers WHERE Email = 'sole@example.nhs.uk'"));
        Assert.NotEqual(stampBefore, await ScalarAsync(database, "SELECT SecurityStamp FROM AspNetUsers WHERE Email = 'sole@example.nhs.uk'"));
        // In the audit trail like any change to an account: the factor on before, off after.
        Assert.Equal("1", await ScalarAsync(database, "SELECT count(*) FROM AuditEntries WHERE EntityType = 'User' AND Action = 'Updated' AND Before LIKE '%\"TwoFactorEnabled\":\"True\"%' AND After LIKE '%\"TwoFactorEnabled\":\"False\"%'"));

        var unknown = await CadreProcess.RunAsync(null, "users", "reset-second-factor", "nobody@example.nhs.uk", "--data", Data);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("no user has the email nobody@example.nhs.uk", unknown.Stderr + unknown.Stdout);
        Assert.DoesNotContain("   at ", unknown.Stderr);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(string database, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Mistakes_get_one_clear_line_and_a_non_zero_exit_never_a_stack_trace()
    {
        Assert.Equal(0, (await CadreProcess.RunAsync(null, "db", "migrate", "--with-demo", "--data", Data)).ExitCode);
        var bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(bad, "Post Number,Title,Department,Pay Band,Funded WTE\r\nX1,Clinical Scientist,Audiology,8e,1\r\nX2,Clinical Scientist,Audiology,7,two\r\n");

        var cases = new (string[] Args, string Expected)[]
        {
            (["import", "posts", bad, "--organisation", "ZZ1", "--data", Data], "bad.csv, row 2, column 'Pay Band': '8e'"),
            (["import", "posts", bad, "--data", Data], "say which with --organisation ODS"),
            (["import", "posts", Path.Combine(_folder, "missing.csv"), "--data", Data], "no such file"),
            (["import", "posts", bad, "--organisation", "QQQ", "--data", Data], "no organisation has the ODS code 'QQQ'"),
            (["export", "posts", Path.Combine(_folder, "x.pdf"), "--organisation", "ZZ1", "--data", Data], "use .csv or .xlsx"),
            (["export", "people", Path.Combine(_folder, "p.csv"), "--organisation", "ZZ1", "--data", Data], "may not export people's details"),
            (["users", "add", "x@example.nhs.uk", "--role", "wizard", "--data", Data], "'wizard' is not a role"),
            (["users", "add", "admin@cadre.local", "--role", "Viewer", "--organisation", "ZZ1", "--data", Data], "already exists"),
            (["users", "add", "l@example.nhs.uk", "--role", "ServiceLead", "--organisation", "ZZ1", "--data", Data], "give at least one --department"),
            (["db", "migrate", "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2"], "could not use the database"),
        };
        foreach (var (args, expected) in cases)
        {
            var run = await CadreProcess.RunAsync(null, args);
            Assert.True(run.ExitCode != 0, $"{string.Join(' ', args)} exited 0");
            Assert.Contains(expected, run.Stderr);
            Assert.DoesNotContain("   at ", run.Stderr);
            Assert.DoesNotContain("Exception", run.Stderr);
        }
        var badRun = await CadreProcess.RunAsync(null, "import", "posts", bad, "--organisation", "ZZ1", "--data", Data);
        Assert.Contains("row 3, column 'Funded WTE': 'two'", badRun.Stderr);
        Assert.Contains("nothing was written", badRun.Stderr);
    }
}
