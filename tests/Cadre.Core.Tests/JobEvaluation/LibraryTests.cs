using Cadre.Core.JobEvaluation;

namespace Cadre.Core.Tests.JobEvaluation;

public class LibraryTests
{
    private static readonly JeReference Ref = JeReference.Default;

    [Fact]
    public void ShippedLibraryOffersSeventeenCurrentProfilesAndKeepsSevenArchived()
    {
        var library = Ref.LoadLibrary();
        Assert.Equal(24, library.All.Count);
        Assert.Equal(17, library.OfferedForMatching.Count);
        var archived = library.All.Where(p => p.Status == ProfileStatus.Archived).ToList();
        Assert.Equal(7, archived.Count);
        Assert.DoesNotContain(library.OfferedForMatching, p => p.Status == ProfileStatus.Archived);
        Assert.Equal(ProfileStatus.Archived, library.Find("MDT Co-ordinator")!.Status);
        Assert.Equal("4", library.Find("MDT Co-ordinator")!.PrintedBand!.Low.Name);
    }

    [Fact]
    public void ReimportingASuiteSupersedesTheOlderVersions()
    {
        var library = Ref.LoadLibrary();
        var reader = Ref.SuiteReader();
        var text = SeedSuiteTests.SeedText();
        library.Import(reader.Read(text, "Patient Services", "2025 test revision"));
        Assert.Equal(17, library.OfferedForMatching.Count);
        Assert.All(library.OfferedForMatching, p => Assert.Equal("2025 test revision", p.Version));
        var history = library.History("Patient Services", "Practice Manager (Small Practice)");
        Assert.Equal(2, history.Count);
        Assert.Equal((1, ProfileStatus.Superseded), (history[0].Revision, history[0].Status));
        Assert.Equal((2, ProfileStatus.Current), (history[1].Revision, history[1].Status));
    }

    [Fact]
    public void AProfileWithAMissingFactorIsReadableButNotOffered()
    {
        var text = SeedSuiteTests.SeedText();
        var start = text.IndexOf("Profile Suite and Label\tPatient Services - Voluntary Services Manager", StringComparison.Ordinal);
        var row = text.IndexOf("\n11.\tResearch & Development", start, StringComparison.Ordinal);
        var end = text.IndexOf('\n', row + 1);
        var broken = text[..row] + text[end..];
        var suite = Ref.SuiteReader().Read(broken);
        var p = suite.Profiles.Single(x => x.Title == "Voluntary Services Manager");
        Assert.False(p.IsScorable);
        Assert.Equal("Factor 11 (Responsibilities for research and development): row missing.", Assert.Single(p.Errors));
        var library = ProfileLibrary.Of(suite);
        Assert.Equal(16, library.OfferedForMatching.Count);
        Assert.NotNull(library.Find("Voluntary Services Manager"));
    }

    [Fact]
    public void ALevelAboveTheFactorMaximumInASuiteIsAnErrorNamingTheFactor()
    {
        var text = SeedSuiteTests.SeedText().Replace("15.\tEmotional Effort\tOccasional/frequent distressing or emotional situations. Deals with performance issues.\t2(b) 3(a)",
            "15.\tEmotional Effort\tOccasional/frequent distressing or emotional situations. Deals with performance issues.\t2(b) 5(a)");
        var p = Ref.SuiteReader().Read(text).Profiles.Single(x => x.Title == "Voluntary Services Manager");
        Assert.Equal("Factor 15 (Emotional effort) has levels 1 to 4; level 5 is above its maximum.", Assert.Single(p.Errors));
    }
}
