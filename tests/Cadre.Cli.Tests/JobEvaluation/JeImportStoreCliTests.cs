using Cadre.Core;
using Cadre.Core.JobEvaluation;
using Cadre.Data;
using Cadre.Data.JobEvaluation;
using Cadre.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Cli.Tests.JobEvaluation;

/// <summary><c>cadre je import FILE --data DIR</c> stores the suite: a new version supersedes; a bad file stores nothing.</summary>
public class JeImportStoreCliTests
{
    [Fact]
    public async Task ImportStoresANewVersionAndRefusesABadFileWhole()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cadre-je-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var text = ReferenceFiles.ReadAllText("job-evaluation/profiles/patient-services.txt").Replace("Nov 2023", "Dec 2026");
            using var file = new CadreProcess.TempFile(text);
            var r = CadreProcess.Run("je", "import", file.Path, "--data", dir);
            Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
            Assert.Contains("17 profile(s), 7 archived, 24 earlier version(s) superseded", r.Stdout);

            using var bad = new CadreProcess.TempFile(text.Replace("\t4(a)", "\t9(a)"));
            var refused = CadreProcess.Run("je", "import", bad.Path, "--data", dir);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("Nothing was stored", refused.Stdout);
            Assert.DoesNotContain("   at ", refused.Stdout + refused.Stderr);

            var options = DatabaseOptions.Sqlite(dir);
            await using var db = new CadreDbContext(options.BuildContextOptions(), OrganisationScope.System, AuditActor.System("test"));
            Assert.Equal(17, await db.Set<JeProfile>().CountAsync(p => p.Status == ProfileStatus.Current && p.Version == "Dec 2026"));
            Assert.Equal(24, await db.Set<JeProfile>().CountAsync(p => p.Status == ProfileStatus.Superseded));
            Assert.Equal(2, await db.Set<JeSuite>().CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
