using System.Text;
using Cadre.Core.JobEvaluation;

namespace Cadre.Core.Tests.JobEvaluation;

/// <summary>The reader must give the same answers from untidy copies as from the clean seed.</summary>
public class SuiteReaderTests
{
    private static readonly JeReference Ref = JeReference.Default;

    private static string Summary(ProfileSuite suite) => string.Join("\n", suite.Profiles.Select(p =>
    {
        var s = p.IsScorable ? Ref.Scorer.Score(p.Ranges, p.PrintedBand) : null;
        return $"{p.Title}|{string.Join(",", p.Factors.Select(f => f.Levels.Canonical))}|{s?.Min}-{s?.Max}|{p.PrintedTotal}|{p.PrintedBand}|{string.Join(";", p.Warnings)}|{string.Join(";", p.Errors)}";
    }));

    private static readonly string Clean = Summary(SeedSuiteTests.ReadSeed());

    private static ProfileSuite Read(string text) => Ref.SuiteReader().Read(text);

    [Fact]
    public void WindowsLineEndingsReadTheSame() => Assert.Equal(Clean, Summary(Read(SeedSuiteTests.SeedText().Replace("\n", "\r\n"))));

    [Fact]
    public void PageBreaksWithFootersAndRepeatedHeadersReadTheSame()
    {
        var lines = SeedSuiteTests.SeedText().Split('\n');
        var sb = new StringBuilder();
        var page = 1;
        for (var i = 0; i < lines.Length; i++)
        {
            sb.Append(lines[i]).Append('\n');
            if (i % 9 == 8)
            {
                sb.Append($"\n\nPage {page++} of 99\n\f\n");
                if (i % 2 == 0) sb.Append("Factor\t\tLevel descriptor and example job information\tJE Level\tJE Score\n");
            }
        }
        Assert.Equal(Clean, Summary(Read(sb.ToString())));
    }

    [Fact]
    public void CellsWrappedOverSeveralLinesReadTheSame()
    {
        // Wrap every factor row's descriptor cell: the row continues on following lines, the level and score on the last.
        var sb = new StringBuilder();
        foreach (var line in SeedSuiteTests.SeedText().Split('\n'))
        {
            var cells = line.Split('\t');
            if (cells.Length == 5 && cells[0].EndsWith('.') && cells[2].Length > 40)
            {
                var cut = cells[2].IndexOf(' ', 20);
                var cut2 = cells[2].IndexOf(' ', cut + 10);
                sb.Append($"{cells[0]}\t{cells[1]}\t{cells[2][..cut]}\n");
                if (cut2 > 0) sb.Append($"{cells[2][(cut + 1)..cut2]}\n{cells[2][(cut2 + 1)..]}\t{cells[3]}\t{cells[4]}\n");
                else sb.Append($"{cells[2][(cut + 1)..]}\t{cells[3]}\t{cells[4]}\n");
            }
            else sb.Append(line).Append('\n');
        }
        var suite = Read(sb.ToString());
        Assert.Equal(Clean, Summary(suite));
    }

    [Fact]
    public void LevelAndScoreCellsSplitByAPageBreakReadTheSame()
    {
        // "2abcd– 3ac" split after the dash, continued under its column after a page break.
        var text = SeedSuiteTests.SeedText();
        var row = "\t2abcd– 3ac\t7-12";
        Assert.Contains(row, text);
        var split = text.Replace(row, "\t2abcd–\t7-\n\n\nPage 7\n\f\t\t\t3ac\t12");
        Assert.Equal(Clean, Summary(Read(split)));
    }

    [Fact]
    public void HtmlFragmentsAndEntitiesAreRemoved()
    {
        var text = SeedSuiteTests.SeedText()
            .Replace("Budget holder for clinical coding department.", "Budget holder &amp; signatory for clinical coding&nbsp;department.")
            .Replace("\t4(a)\t32\n9.", "\t<span>4(a)</span>\t<b>32</b>\n9.");
        var suite = Read(text);
        Assert.Equal(Clean, Summary(suite));
        var p = suite.Profiles.Single(x => x.Title == "Clinical Coding Service Manager");
        Assert.Contains("Budget holder & signatory for clinical coding department.", p.Factors[7].Descriptor);
    }

    [Theory]
    [InlineData("JE Score 405 - 461\t\t\tBand 6\t")]
    [InlineData("JE score 405-461\t\t\tBand 6")]
    [InlineData("Score 405 – 461\tBand 6")]
    [InlineData("JE SCORE 405 to 461\n\nBand 6")]
    public void ScoreLineVariantsAreRead(string scoreLine)
    {
        var text = SeedSuiteTests.SeedText().Replace("Score 405 - 461\t\t\tBand 6\t", scoreLine);
        var p = Read(text).Profiles.Single(x => x.Title == "Voluntary Services Manager");
        Assert.Equal((405, 461), (p.PrintedTotal!.Min, p.PrintedTotal.Max));
        Assert.Equal("6", p.PrintedBand!.Low.Name);
        Assert.Empty(p.Warnings);
    }

    [Fact]
    public void AMissingBandAndAWrongBandAreWarned()
    {
        var text = SeedSuiteTests.SeedText();
        var noBand = Read(text.Replace("JE Score 217\t\t\tBand 3\t", "JE Score 217")).Profiles.Single(x => x.Title == "Clinical Coding Officer");
        Assert.Equal("No band printed.", Assert.Single(noBand.Warnings));
        var wrong = Read(text.Replace("JE Score 217\t\t\tBand 3\t", "JE Score 217\t\t\tBand 4\t")).Profiles.Single(x => x.Title == "Clinical Coding Officer");
        Assert.Equal("Band: the levels (217) give band 3; the profile prints band 4. [JE-PRINT-01, JE-BAND-01]", Assert.Single(wrong.Warnings));
    }

    [Fact]
    public void PropertyGeneratedSuitesRoundTripThroughWriterAndReader()
    {
        var generator = new SyntheticProfiles(Ref.Scorer, seed: 1234);
        var profiles = generator.Profiles(300);
        var writer = new StringWriter();
        new ProfileSuiteWriter(Ref.Scorer).Write(profiles, writer);
        var suite = Read(writer.ToString());
        Assert.Equal(profiles.Count, suite.Profiles.Count);
        for (var i = 0; i < profiles.Count; i++)
        {
            var expected = profiles[i];
            var actual = suite.Profiles[i];
            Assert.Equal(expected.Title, actual.Title);
            Assert.Equal(expected.Factors.Select(f => f.Levels.Canonical), actual.Factors.Select(f => f.Levels.Canonical));
            Assert.Equal(expected.PrintedTotal!.ToString(), actual.PrintedTotal!.ToString());
            Assert.Equal(expected.PrintedBandText, actual.PrintedBandText);
            Assert.Empty(actual.Warnings);
        }
    }

    [Fact]
    public void ALabelWrappedOntoTheNextLineIsJoined()
    {
        var text = SeedSuiteTests.SeedText().Replace(
            "Patient Services - Health Records Section Manager / Assistant Health Records Manager (Multi Section Unit)\n",
            "Patient Services - Health Records Section Manager / Assistant\nHealth Records Manager (Multi Section Unit)\n");
        Assert.Equal(Clean, Summary(Read(text)));
    }

    [Fact]
    public void ARowRepeatedAtThePageTopIsIgnoredButAConflictingRepeatIsAnError()
    {
        var text = SeedSuiteTests.SeedText();
        const string row = "11.\tResearch & Development\tUndertakes surveys/audits.\t1\t5\n";
        Assert.Contains(row, text);
        Assert.Equal(Clean, Summary(Read(text.Replace(row, row + "\f" + row))));
        var conflicting = Read(text.Replace(row, row + row.Replace("\t1\t5", "\t2\t12"))).Profiles.Single(p => p.Title == "Practice Manager (Small Practice)");
        Assert.Contains("factor 11 appears twice with different contents", Assert.Single(conflicting.Errors));
    }

    [Fact]
    public void TextWithNoProfilesSaysSo()
    {
        var suite = Read("just some text\nand more\n");
        Assert.Empty(suite.Profiles);
        Assert.Contains(suite.Notes, n => n.StartsWith("No profile found"));
    }
}
