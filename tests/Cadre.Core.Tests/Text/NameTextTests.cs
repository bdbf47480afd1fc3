using Cadre.Core.Register;
using Cadre.Core.Text;

namespace Cadre.Core.Tests.Text;

public sealed class NameTextTests
{
    [Theory]
    [InlineData("Zoë", null)]
    [InlineData("Nguyễn", null)]
    [InlineData("O'Brien-Smith", null)]
    [InlineData("Ada\u202Enacnol", "U+202E")]
    [InlineData("Ada\u2066x\u2069", "U+2066")]
    [InlineData("Ad\u200Ba", "U+200B")]
    [InlineData("Ad\u200Da", "U+200D")]
    [InlineData("\uFEFFAda", "U+FEFF")]
    public void Hidden_direction_and_zero_width_characters_are_refused_in_names(string name, string? code)
    {
        var problem = NameText.Problem(name);
        if (code is null) Assert.Null(problem);
        else Assert.Contains(code, problem);
    }

    [Fact]
    public void A_person_whose_family_name_hides_an_override_is_refused_by_field()
    {
        var person = new Person { StaffNumber = "1", GivenName = "Ada", FamilyName = "Love\u202Eecal" };
        var problem = Assert.Single(RegisterRules.Check(person, 2026));
        Assert.Equal(nameof(Person.FamilyName), problem.Field);
        Assert.StartsWith("Family name contains a hidden right-to-left or left-to-right control (U+202E)", problem.Message);
    }
}
