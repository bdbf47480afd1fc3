using Microsoft.Data.Sqlite;

namespace Cadre.Cli.Tests.Register;

/// <summary>`cadre audit verify` on a real database: intact, then edited behind Cadre's back (trigger dropped first).</summary>
public sealed class AuditVerifyCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "cadre-cli-audit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Verify_reports_an_intact_trail_then_the_first_entry_edited_with_the_trigger_dropped()
    {
        Assert.Equal(0, (await CadreProcess.RunAsync(null, "db", "migrate", "--with-demo", "--data", _data)).ExitCode);
        var intact = await CadreProcess.RunAsync(null, "audit", "verify", "--data", _data);
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("The audit trail is intact:", intact.Stdout);
        Assert.True(File.Exists(Path.Combine(_data, "keys", "audit-chain.key")));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_data, "keys", "audit-chain.key")));

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "cadre.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """DROP TRIGGER "AuditEntries_no_update"; UPDATE "AuditEntries" SET "After" = '{"Name":"Forged"}' WHERE "Sequence" = 7;""";
            await command.ExecuteNonQueryAsync();
        }
        var broken = await CadreProcess.RunAsync(null, "audit", "verify", "--data", _data);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("The audit trail is broken at entry 7: entry 7 does not match its seal", broken.Stderr);
        Assert.Contains("The 6 entries before it are intact.", broken.Stderr);
        Assert.DoesNotContain("   at ", broken.Stderr);
    }
}
