using System.Text.Json;
using Cadre.Core;

namespace Cadre.Cli.Tests.JobEvaluation;

public class JeImportCliTests
{
    private static string SeedText() => ReferenceFiles.ReadAllText("job-evaluation/profiles/patient-services.txt");

    [Fact]
    public void ImportValidatesTheSeedSuiteAndReportsArchivedProfiles()
    {
        using var file = new CadreProcess.TempFile(SeedText());
        var r = CadreProcess.Run("je", "import", file.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Profiles: 17 read, 17 scorable; 2 warning(s), 0 error(s)", r.Stdout);
        Assert.Contains("Archived (readable, not offered for matching): 7", r.Stdout);
        Assert.Contains("MDT Co-ordinator (band 4)", r.Stdout);

        var json = CadreProcess.Run("je", "import", file.Path, "--json");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.True(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(17, doc.RootElement.GetProperty("profiles").GetArrayLength());
        Assert.Equal(7, doc.RootElement.GetProperty("archived").GetArrayLength());
    }

    [Fact]
    public void AWindows1252CopyReadsTheSameAsUtf8()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var path = Path.Combine(Path.GetTempPath(), $"cadre-je-{Guid.NewGuid():N}.txt");
        // The seed's bullets (U+2022) and en dashes exist in Windows-1252; its few other characters are replaced.
        File.WriteAllBytes(path, System.Text.Encoding.GetEncoding(1252).GetBytes(SeedText()));
        try
        {
            using var utf8 = new CadreProcess.TempFile(SeedText());
            var expected = CadreProcess.Run("je", "score", utf8.Path, "--json");
            var actual = CadreProcess.Run("je", "score", path, "--json");
            Assert.Equal(0, actual.ExitCode);
            Assert.Equal(expected.Stdout, actual.Stdout);
            Assert.Contains("read as Windows-1252", CadreProcess.Run("je", "import", path).Stdout);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ArchivedProfilesAreNeverOfferedForMatching()
    {
        using var job = new CadreProcess.TempFile("[2,2,2,1,2,1,1,1,1,2,1,2,2,4,1,2]", ".json");
        var r = CadreProcess.Run("je", "match", job.Path, "--json");
        Assert.Equal(0, r.ExitCode);
        foreach (var archived in new[] { "CO (Admissions)", "CO (Reception)", "CO (Wards)", "Receptionist (A&E)", "CO Team Leader (Outpatients)", "Receptionist Higher Level (GP)", "MDT Co-ordinator" })
            Assert.DoesNotContain($"\"{archived}\"", r.Stdout);
        var list = CadreProcess.Run("je", "profile");
        Assert.Contains("MDT Co-ordinator", list.Stdout);
        Assert.Contains("archived: Archived July 2019", list.Stdout);
    }

    [Fact]
    public void PlanAndProfileVerbsShowTheWorking()
    {
        var plan = CadreProcess.Run("je", "plan");
        Assert.Equal(0, plan.ExitCode);
        Assert.Contains("lowest total 86, highest 1000", plan.Stdout);
        Assert.Contains("10. Responsibilities for information resources", plan.Stdout);
        Assert.Contains("8a 540-584", plan.Stdout);
        var f13 = CadreProcess.Run("je", "plan", "--factor", "13");
        Assert.Contains("(c) Occasional light effort for several long periods", f13.Stdout);
        CadreProcess.AssertPlainError(CadreProcess.Run("je", "plan", "--factor", "17"), "there is no factor 17");

        var profile = CadreProcess.Run("je", "profile", "Clinical Coding Service Manager");
        Assert.Equal(0, profile.ExitCode);
        Assert.Contains("Total = 482 (lowest level of every range) to 489 (highest)", profile.Stdout);
        Assert.Contains("Warning: JE score: the levels give 482-489; the profile prints 481-489.", profile.Stdout);
        CadreProcess.AssertPlainError(CadreProcess.Run("je", "profile", "No Such Profile"), "no profile titled 'No Such Profile'");
    }

    [Fact]
    public void ImportOfASuiteWithAnUnreadableLevelFails()
    {
        using var file = new CadreProcess.TempFile(SeedText().Replace("\t3(a)(b)\t12-18\n", "\t3(a)(b)-9\t12-18\n").Replace("\t2(a) 3(a)(b)\t", "\t2(a) 3(a)(b) 6\t"));
        var r = CadreProcess.Run("je", "import", file.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error: Factor 14 (Mental effort) has levels 1 to 5; level 6 is above its maximum.", r.Stdout);
        Assert.Contains("Not valid", r.Stdout);
    }
}
