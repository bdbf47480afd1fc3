using System.Text.Json;
using Cadre.Core;
using Cadre.Core.JobEvaluation;

namespace Cadre.Cli.Tests.JobEvaluation;

/// <summary>
/// <c>cadre je score|match|profile --data DIR</c> work on the database's library (what was imported into it), and
/// without it on the shipped suites. Runs the real program against a real SQLite database made by <c>cadre je import</c>.
/// </summary>
public class JeDatabaseLibraryCliTests
{
    private const string Renamed = "Senior Coding Lead (Trust X)";

    [Fact]
    public void ScoreMatchAndProfileUseTheDatabasesLibraryWhenGivenOne()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cadre-je-lib-" + Guid.NewGuid().ToString("N"));
        try
        {
            // A trust's copy of the suite, dated later, with one profile under a local title: only the database holds it.
            var text = ReferenceFiles.ReadAllText("job-evaluation/profiles/patient-services.txt")
                .Replace("Nov 2023", "Dec 2026").Replace("Clinical Coding Officer Higher Level", Renamed);
            using var file = new CadreProcess.TempFile(text);
            var imported = CadreProcess.Run("je", "import", file.Path, "--data", dir);
            Assert.True(imported.ExitCode == 0, imported.Stderr + imported.Stdout);

            // score: the database's current profiles (the 17 imported and the shipped "Higher Level", which nothing superseded).
            var scored = CadreProcess.Run("je", "score", "--data", dir, "--json");
            Assert.True(scored.ExitCode == 0, scored.Stderr);
            var rows = JsonDocument.Parse(scored.Stdout).RootElement.EnumerateArray().ToList();
            Assert.Equal(18, rows.Count);
            var renamed = rows.Single(r => r.GetProperty("title").GetString() == Renamed);
            var original = rows.Single(r => r.GetProperty("title").GetString() == "Clinical Coding Officer Higher Level");
            Assert.Equal(original.GetProperty("computedMin").GetInt32(), renamed.GetProperty("computedMin").GetInt32());
            Assert.Equal(original.GetProperty("computedMax").GetInt32(), renamed.GetProperty("computedMax").GetInt32());
            var misprint = rows.Single(r => r.GetProperty("title").GetString() == "Clinical Coding Service Manager");
            Assert.Equal(482, misprint.GetProperty("computedMin").GetInt32());
            Assert.Contains(misprint.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("481"));
            var table = CadreProcess.Run("je", "score", "--data", dir);
            Assert.Contains($"the library in SQLite database {Path.Combine(Path.GetFullPath(dir), "cadre.db")}: 18 current profiles", table.Stdout);

            // match: the local title is a candidate from the database, and not from the shipped suites.
            var levels = JeReference.Default.LoadLibrary().OfferedForMatching.Single(p => p.Title == "Clinical Coding Officer Higher Level").Factors.Select(f => f.Levels.Min).ToArray();
            using var job = new CadreProcess.TempFile(JsonSerializer.Serialize(new { title = "Coder", levels }), ".json");
            var fromDb = CadreProcess.Run("je", "match", job.Path, "--data", dir, "--json");
            Assert.True(fromDb.ExitCode == 0, fromDb.Stderr);
            var candidates = JsonDocument.Parse(fromDb.Stdout).RootElement.EnumerateArray().ToList();
            Assert.Equal(18, candidates.Count);
            var local = candidates.Single(c => c.GetProperty("title").GetString() == Renamed);
            Assert.Equal("match", local.GetProperty("outcome").GetString());
            Assert.Equal("Dec 2026", local.GetProperty("version").GetString());
            var shipped = CadreProcess.Run("je", "match", job.Path, "--json");
            Assert.Equal(17, JsonDocument.Parse(shipped.Stdout).RootElement.GetArrayLength());
            Assert.DoesNotContain(Renamed, shipped.Stdout);

            // profile: found in the database, not in the shipped suites.
            var profile = CadreProcess.Run("je", "profile", Renamed, "--data", dir);
            Assert.True(profile.ExitCode == 0, profile.Stderr);
            Assert.Contains($"Patient Services - {Renamed} (band", profile.Stdout);
            Assert.Contains("version Dec 2026, current", profile.Stdout);
            var list = CadreProcess.Run("je", "profile", "--data", dir);
            Assert.Contains(Renamed, list.Stdout);
            Assert.Contains("archived", list.Stdout);
            CadreProcess.AssertPlainError(CadreProcess.Run("je", "profile", Renamed), $"no profile titled '{Renamed}'");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    [Fact]
    public void AMissingDatabaseIsRefusedNamingTheOptionAndNotCreated()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cadre-je-none-" + Guid.NewGuid().ToString("N"));
        foreach (var args in new[] { new[] { "je", "score", "--data", dir }, ["je", "profile", "--data", dir] })
        {
            var r = CadreProcess.Run(args);
            CadreProcess.AssertPlainError(r, $"--data {dir}: no Cadre database there");
            Assert.DoesNotContain("   at ", r.Stderr + r.Stdout);
        }
        Assert.False(File.Exists(Path.Combine(dir, "cadre.db")));
        using var file = new CadreProcess.TempFile("x");
        CadreProcess.AssertPlainError(CadreProcess.Run("je", "score", file.Path, "--data", dir), "give FILE, --levels or a database, not more than one");
    }
}
