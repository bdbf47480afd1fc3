using Cadre.Core.JobEvaluation;

namespace Cadre.Core.Tests.JobEvaluation;

/// <summary>The shipped Patient Services suite (seed 003) is the oracle: its levels must reproduce its printed figures.</summary>
public class SeedSuiteTests
{
    private static readonly JeReference Ref = JeReference.Default;

    internal static string SeedText() => ReferenceFiles.ReadAllText("job-evaluation/profiles/patient-services.txt");

    internal static ProfileSuite ReadSeed() => Ref.SuiteReader().Read(SeedText());

    // The two profiles whose print disagrees with their levels; every other profile must agree exactly.
    private const string MisprintedTotal = "Clinical Coding Service Manager";
    private const string MisprintedFactor = "Practice Manager (Group Practice)";

    [Fact]
    public void ReadsAllSeventeenProfilesWithSixteenFactorsEach()
    {
        var suite = ReadSeed();
        Assert.Equal(17, suite.Profiles.Count);
        Assert.All(suite.Profiles, p => Assert.True(p.IsScorable, $"{p.Title}: {string.Join("; ", p.Errors)}"));
        Assert.Equal("Patient Services", suite.Name);
        Assert.Equal("Nov 2023", suite.Version);
        Assert.Equal("Clerical Officer (Data Entry)", suite.Profiles[0].Title);
        Assert.Equal("Health Records Services Manager", suite.Profiles[^1].Title);
    }

    public static TheoryData<string> AgreeingTitles()
    {
        var data = new TheoryData<string>();
        foreach (var p in ReadSeed().Profiles.Where(p => p.Title is not MisprintedTotal and not MisprintedFactor)) data.Add(p.Title);
        return data;
    }

    [Theory]
    [MemberData(nameof(AgreeingTitles))]
    public void ProfileReproducesItsPrintedTotalAndBand(string title)
    {
        var p = ReadSeed().Profiles.Single(x => x.Title == title);
        var score = Ref.Scorer.Score(p.Ranges, p.PrintedBand);
        Assert.NotNull(p.PrintedTotal);
        Assert.NotNull(p.PrintedBand);
        Assert.Equal(p.PrintedTotal!.Min, score.Min);
        Assert.Equal(p.PrintedTotal.Max, score.Max);
        Assert.Equal(p.PrintedBand!.Low.Name, score.MinBandName);
        Assert.Equal(p.PrintedBand.High.Name, score.MaxBandName);
        // Every factor's printed points agree with its level too.
        foreach (var f in p.Factors)
        {
            var fs = score.Factors[f.Factor.Number - 1];
            Assert.Equal(f.PrintedPoints!.Min, fs.MinPoints);
            Assert.Equal(f.PrintedPoints.Max, fs.MaxPoints);
        }
        Assert.Empty(p.Warnings);
    }

    [Fact]
    public void ClinicalCodingServiceManagerMisprintsItsMinimumAs481()
    {
        var p = ReadSeed().Profiles.Single(x => x.Title == MisprintedTotal);
        var score = Ref.Scorer.Score(p.Ranges, p.PrintedBand);
        Assert.Equal(481, p.PrintedTotal!.Min);
        Assert.Equal(482, score.Min);
        Assert.Equal(489, score.Max);
        Assert.Equal("7", score.MinBandName);
        Assert.Equal("7", score.MaxBandName);
        var warning = Assert.Single(p.Warnings);
        Assert.Contains("482-489", warning);
        Assert.Contains("481-489", warning);
    }

    [Fact]
    public void PracticeManagerGroupPracticePrints21ForHumanResourcesLevel3aOr4a()
    {
        var p = ReadSeed().Profiles.Single(x => x.Title == MisprintedFactor);
        var hr = p.Factors[8];
        Assert.Equal("3(a) / 4(a)", hr.Levels.Notation);
        Assert.Equal("3a-4a", hr.Levels.Canonical);
        Assert.Equal(21, hr.PrintedPoints!.Min);
        Assert.Equal(21, hr.PrintedPoints.Max);
        var score = Ref.Scorer.Score(p.Ranges, p.PrintedBand);
        // The printed total 409-424 is only reached when HR runs 21-32, which confirms the range reading.
        Assert.Equal(409, score.Min);
        Assert.Equal(424, score.Max);
        var warning = Assert.Single(p.Warnings);
        Assert.StartsWith("Factor 9 (Responsibilities for human resources)", warning);
        Assert.Contains("21-32", warning);
    }

    [Fact]
    public void HealthRecordsServicesManagerSpansBands8aTo8c()
    {
        var p = ReadSeed().Profiles.Single(x => x.Title == "Health Records Services Manager");
        Assert.Equal("8a-c", p.PrintedBandText);
        Assert.Equal("8a", p.PrintedBand!.Low.Name);
        Assert.Equal("8c", p.PrintedBand.High.Name);
        var score = Ref.Scorer.Score(p.Ranges, p.PrintedBand);
        Assert.Equal((556, 635), (score.Min, score.Max));
        Assert.Equal(("8a", "8c"), (score.MinBandName, score.MaxBandName));
    }

    [Fact]
    public void VersionHistoryArchivesSevenProfilesThatStayReadable()
    {
        var suite = ReadSeed();
        Assert.Equal(7, suite.Archived.Count);
        Assert.All(suite.Archived, p => Assert.Equal(ProfileStatus.Archived, p.Status));
        Assert.All(suite.Archived, p => Assert.Contains("July 2019", p.StatusNote));
        Assert.Equal(["CO (Admissions)", "CO (Reception)", "CO (Wards)", "Receptionist (A&E)", "CO Team Leader (Outpatients)", "Receptionist Higher Level (GP)", "MDT Co-ordinator"],
            suite.Archived.Select(a => a.Title).ToArray());
        Assert.Equal(["2", "2", "2", "2", "3", "3", "4"], suite.Archived.Select(a => a.PrintedBand!.Low.Name).ToArray());
    }

    [Fact]
    public void ContentsTitlesThatDifferFromTheProfilesAreNoted()
    {
        var notes = ReadSeed().Notes;
        Assert.Contains(notes, n => n.Contains("'Clinical Coding Services Manager'") && n.Contains("'Clinical Coding Service Manager'"));
        Assert.Contains(notes, n => n.Contains("'Health Records Service Manager'") && n.Contains("'Health Records Services Manager'"));
        Assert.Equal(2, notes.Count);
    }

    [Fact]
    public void WrappedCellsAreJoinedToTheirFactor()
    {
        var suite = ReadSeed();
        var entry = suite.Profiles.Single(p => p.Title == "Clinical Coding Officer Entry Level");
        Assert.Contains("Inputting into computer system requires accuracy", entry.Factors[13].Descriptor);
        var dept = suite.Profiles.Single(p => p.Title == "Health Records Department Manager");
        Assert.Contains("have an impact in other areas", dept.Factors[6].Descriptor);
        Assert.DoesNotContain("<p>", dept.Factors[6].Descriptor);
        Assert.StartsWith("1. Responsible for the overall management", dept.JobStatement);
    }
}
