using Cadre.Core.Coding;
using Cadre.Core.Coding.Reference;

namespace Cadre.Core.Tests.Coding;

public class ReferenceDataTests
{
    private static readonly CodingReference Ref = CodingReference.Default;

    [Fact]
    public void V22_1_has_all_156_U_codes_and_v12_the_nine_themes_by_eleven_levels()
    {
        Assert.Equal(156, Ref.Manual.Version("22.1").UMatrix.Count);
        Assert.Equal(99, Ref.Manual.Version("12").UMatrix.Count);
        Assert.DoesNotContain(Ref.Manual.Version("12").UMatrix, e => e.Code.Theme is 'K' or 'L' or 'M');
    }

    [Fact]
    public void Level_A_is_named_by_version()
    {
        var uah = OccupationCode.Parse("UAH");
        Assert.Equal("Consultant Clinical Scientist in Medical Physics", Ref.Manual.Look(uah, new DateOnly(2026, 1, 1)).Title);
        Assert.StartsWith("Consultant Healthcare Scientist", Ref.Manual.Look(uah, new DateOnly(2014, 1, 1)).Title);
    }

    [Fact]
    public void A_code_is_judged_against_the_version_in_force_on_the_date()
    {
        var u2k = OccupationCode.Parse("U2K");
        Assert.Equal(CodeStanding.Valid, Ref.Manual.Look(u2k, new DateOnly(2025, 3, 1)).Standing);
        Assert.Equal(CodeStanding.NotInThisVersion, Ref.Manual.Look(u2k, new DateOnly(2025, 2, 28)).Standing);
        Assert.Equal(CodeStanding.Retired, Ref.Manual.Look(OccupationCode.Parse("T1Q"), new DateOnly(2026, 1, 1)).Standing);
        Assert.Equal(CodeStanding.Retired, Ref.Manual.Look(OccupationCode.Parse("S4F"), new DateOnly(2026, 1, 1)).Standing);
        Assert.Equal(CodeStanding.Valid, Ref.Manual.Look(OccupationCode.Parse("G0C"), new DateOnly(2026, 1, 1)).Standing);
        Assert.Equal(CodeStanding.Unknown, Ref.Manual.Look(OccupationCode.Parse("UZZ"), new DateOnly(2026, 1, 1)).Standing);
    }

    [Fact]
    public void BMS_levels_only_in_life_sciences_and_consultant_practitioner_only_in_E_to_M()
    {
        var v = Ref.Manual.Version("22.1");
        Assert.True(v.Offers('E', 'A'));
        Assert.False(v.Offers('E', 'H'));
        Assert.True(v.Offers('B', 'J'));
        Assert.False(v.Offers('B', 'A'));
    }

    [Fact]
    public void Areas_lost_from_the_plain_text_appendix_are_restored()
    {
        Assert.Equal(AreaKind.UMatrix, Ref.Services.FindArea("Rehabilitation Engineering")!.Kind);
        Assert.Equal(AreaKind.UMatrix, Ref.Services.FindArea("Maxillo-facial (inc Prosthetics)")!.Kind);
        Assert.Equal("Rehabilitation Engineering", Ref.Services.Resolve("Wheelchair Services").Target!.Area!.Name);
        Assert.Equal('J', Ref.Services.FindArea("Rehabilitation Engineering")!.Theme);
    }

    [Theory]
    [InlineData("uv and pulsed light sources")]
    [InlineData("  UV &  Pulsed Light Sources ")]
    [InlineData("UV& Pulsed light sources")]
    public void Service_names_are_matched_forgivingly(string name)
    {
        Assert.Equal("Non-ionising Radiation", Ref.Services.Resolve(name).Target!.Area!.Name);
    }

    [Fact]
    public void Unknown_services_are_refused_with_suggestions_not_guessed()
    {
        var r = Ref.Services.Resolve("Radiotherapy Phisics");
        Assert.Null(r.Target);
        Assert.Contains("Radiotherapy Physics", r.Suggestions);
    }

    [Fact]
    public void Every_List_of_Services_row_keeps_its_source_row()
    {
        using var reader = new StreamReader(ReferenceFiles.Open("occupation-codes/list-of-services.csv"));
        var rows = Cadre.Core.Coding.Extract.CsvText.ReadTable(reader);
        Assert.True(rows.Count >= 50);
        Assert.All(rows, r => { Assert.NotEmpty(r["source_row"]); Assert.NotNull(Ref.Services.FindArea(r["area_of_work"])); });
    }
}
