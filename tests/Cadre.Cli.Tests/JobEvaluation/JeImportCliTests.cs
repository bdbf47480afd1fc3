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
    public void ImportOfASuiteWithAnUnreadableLevelFails()
    {
        using var file = new CadreProcess.TempFile(SeedText().Replace("\t3(a)(b)\t12-18\n", "\t3(a)(b)-9\t12-18\n").Replace("\t2(a) 3(a)(b)\t", "\t2(a) 3(a)(b) 6\t"));
        var r = CadreProcess.Run("je", "import", file.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error: Factor 14 (Mental effort) has levels 1 to 5; level 6 is above its maximum.", r.Stdout);
        Assert.Contains("Not valid", r.Stdout);
    }
}
