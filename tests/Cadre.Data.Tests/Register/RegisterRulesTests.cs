using Cadre.Core.Register;

namespace Cadre.Data.Tests.Register;

/// <summary>The register's own rules (Core), which forms, API and importers share.</summary>
public class RegisterRulesTests
{
    [Theory]
    [InlineData("5", "5")]
    [InlineData("Band 8a", "8a")]
    [InlineData(" band 8C ", "8c")]
    [InlineData("AfC 9", "9")]
    [InlineData("8 d", "8d")]
    public void Pay_bands_are_read_as_people_write_them(string text, string code) =>
        Assert.Equal(code, PayBand.Parse(text).Code);

    [Theory]
    [InlineData("8")]
    [InlineData("8e")]
    [InlineData("10")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("seven")]
    public void Impossible_bands_are_refused(string text)
    {
        Assert.False(PayBand.TryParse(text, out _));
        Assert.Contains("8a, 8b, 8c, 8d, 9", PayBand.ExpectedText(text));
    }

    [Fact]
    public void Bands_sort_in_pay_order_and_their_codes_sort_the_same_way()
    {
        Assert.True(PayBand.Band7 < PayBand.Band8a && PayBand.Band8d < PayBand.Band9);
        Assert.Equal(8, PayBand.Band8c.Number);
        // The database sorts the stored codes as text; that must agree with pay order.
        Assert.Equal(PayBand.All.Select(b => b.Code), PayBand.All.Select(b => b.Code).Order(StringComparer.Ordinal));
    }

    private static Post Valid() => new()
    {
        PostNumber = "P1", Title = "Clinical Scientist", Band = PayBand.Band7, FundedWte = 1.0m, OccupationCode = "U2H",
        Activities = [new() { Service = "A", ScienceTheme = 'H', Percent = 50 }, new() { Service = "B", ScienceTheme = 'E', Percent = 50 }],
    };

    [Fact]
    public void A_well_formed_post_has_no_problems() => Assert.Empty(RegisterRules.Check(Valid()));

    [Fact]
    public void Each_broken_post_rule_names_its_field_and_says_what_is_wrong()
    {
        var post = Valid();
        post.FundedWte = 1.2m;
        post.Activities[1].Percent = 40;
        post.Activities[0].ScienceTheme = 'I';
        post.DirectHcsPercent = 120;
        post.OccupationCode = "u2h!";
        post.ConsultantAppointment = ConsultantAppointment.Panel;
        var problems = RegisterRules.Check(post).ToDictionary(p => p.Field, p => p.Message);
        Assert.Contains("1.2", problems["FundedWte"]);
        Assert.Contains("90%", problems["Activities"]);
        Assert.Contains("'I' is not a science theme", problems["Activities[1].ScienceTheme"]);
        Assert.Contains("120", problems["DirectHcsPercent"]);
        Assert.Contains("u2h!", problems["OccupationCode"]);
        Assert.Contains("Consultant", problems["ConsultantAppointment"]);
    }

    [Fact]
    public void Frozen_posts_may_be_held_at_zero_but_funded_ones_may_not()
    {
        var post = Valid();
        post.FundedWte = 0m;
        Assert.Contains(RegisterRules.Check(post), p => p.Field == "FundedWte");
        post.Status = PostStatus.Frozen;
        Assert.DoesNotContain(RegisterRules.Check(post), p => p.Field == "FundedWte");
    }

    [Fact]
    public void Two_roles_may_not_fund_more_time_than_the_post()
    {
        var post = Valid();
        post.FundedWte = 0.8m;
        post.Roles = [new() { Title = "Clinical Scientist", Wte = 0.5m }, new() { Title = "RPA", Wte = 0.5m }];
        Assert.Contains(RegisterRules.Check(post), p => p.Field == "Roles" && p.Message.Contains("1.00"));
    }

    [Fact]
    public void Assignments_and_people_keep_to_WTE_dates_and_year_of_birth()
    {
        var assignment = new Assignment { Wte = 0.333m, StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2023, 1, 1) };
        var problems = RegisterRules.Check(assignment).Select(p => p.Field).ToList();
        Assert.Equal(["Wte", "EndDate"], problems);

        var person = new Person { StaffNumber = "1", GivenName = "A", FamilyName = "B", YearOfBirth = 2020 };
        Assert.Contains(RegisterRules.Check(person, 2026), p => p.Field == "YearOfBirth");
        var day = new DateOnly(2026, 11, 1);
        var two = new[] { new Assignment { Wte = 0.6m, StartDate = day }, new Assignment { Wte = 0.6m, StartDate = day } };
        Assert.NotNull(RegisterRules.CheckTotalWte(two, day));
        two[1].EndDate = day.AddDays(-1);
        Assert.Null(RegisterRules.CheckTotalWte(two, day));
    }
}

public class SpreadsheetSafetyTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("Clinical Scientist", "Clinical Scientist")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("", "")]
    public void Text_that_a_spreadsheet_would_run_is_made_inert(string text, string expected) =>
        Assert.Equal(expected, Cadre.Core.Text.SpreadsheetSafety.Neutralise(text));
}
