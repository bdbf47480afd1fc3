using Cadre.Core.Text;

namespace Cadre.Core.Tests.Text;

public class NameSearchTests
{
    [Theory]
    [InlineData("Siobhan", "Siobhán", "Ní Bhriain", "20400001", true)]
    [InlineData("ni bhriain", "Siobhán", "Ní Bhriain", "20400001", true)]
    [InlineData("nowak sophie", "Sophie", "Nowak", "20400002", true)]
    [InlineData("SOPH NOW", "Sophie", "Nowak", "20400002", true)]
    [InlineData("oconnor", "Aoife", "O'Connor", "1", true)]
    [InlineData("o'connor", "Aoife", "O’Connor", "1", true)]
    [InlineData("smith jones", "Ann", "Smith-Jones", "1", true)]
    [InlineData("Nguyen", "Zoë", "Nguyễn", "1", true)]
    [InlineData("zoe", "Zoë", "Nguyễn", "1", true)]
    [InlineData("lodz", "Paweł", "Łódź", "1", true)]
    [InlineData("0400002", "Sophie", "Nowak", "20400002", true)]
    // Every word must match: a second name that is not theirs leaves them out.
    [InlineData("sophie smith", "Sophie", "Nowak", "20400002", false)]
    // A word matches the start of a name, not any middle: "ann" finds Ann but not Joanne.
    [InlineData("ann", "Joanne", "Bell", "1", false)]
    public void A_person_is_found_as_people_type_them(string query, string given, string family, string staff, bool found) =>
        Assert.Equal(found, NameSearch.Matches(NameSearch.Words(query), given, family, staff));

    [Fact]
    public void Nothing_to_search_for_matches_everyone() =>
        Assert.True(NameSearch.Matches(NameSearch.Words("  ,  "), "A", "B", "C"));
}
