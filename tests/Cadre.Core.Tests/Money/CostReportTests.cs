using Cadre.Core.Intelligence;
using Cadre.Core.Tests.Intelligence;

namespace Cadre.Core.Tests.Money;

/// <summary>INTEL-COST-01 in the head of service report, worked by hand, with and without disclosure control.</summary>
public class CostReportTests
{
    // The day (30 June 2026) is in 2026/27, which Cadre has no scale for, so the 2025/26 scale is used and said to be.
    // Mid-band, 2025/26: band 7's intermediate point 50,273, on-costs 50,273 × 0.2988 − 750 = 14,271.5724, a WTE
    // 64,544.5724; band 5's 33,487, on-costs 9,255.9156, a WTE 42,742.9156.
    private static Report Build(bool control)
    {
        var s = new SnapshotBuilder();
        var trust = s.Organisation("ZA1", "Trust A");
        var physics = s.Department(trust, "Radiotherapy Physics", 'H');
        for (var i = 0; i < 5; i++) s.Hold(s.Post(physics, "7", 1.0m), 1.0m);
        s.Post(physics, "7", 1.0m);
        for (var i = 0; i < 2; i++) s.Hold(s.Post(physics, "5", 1.0m), 1.0m);
        return HeadOfServiceReport.Build(s.Build(), control: control);
    }

    [Fact]
    public void The_establishment_is_costed_by_band_at_mid_point_with_on_costs()
    {
        var table = Build(control: false).Table("INTEL-COST-01");
        Assert.Equal(["Band", "Funded establishment (£)", "Staff in post (£)", "Vacancy WTE", "Vacancies (£)"], table.Columns);
        // Band 5: 2 × 42,742.9156 = 85,485.8312, nothing vacant.
        Assert.Equal(["Band 5", 85486m, 85486m, 0m, 0m], table.Rows[0]);
        // Band 7: 6 funded × 64,544.5724 = 387,267.4344; 5 in post = 322,722.862; 1 vacant = 64,544.5724.
        Assert.Equal(["Band 7", 387267m, 322723m, 1.00m, 64545m], table.Rows[1]);
        // All bands: 85,485.8312 + 387,267.4344 = 472,753.2656; in post 85,485.8312 + 322,722.862 = 408,208.6932.
        Assert.Equal(["All bands", 472753m, 408209m, 1.00m, 64545m], table.Rows[2]);
        Assert.Contains("NHS Employers: Agenda for Change pay scales 2025/26 (the latest Cadre holds; 2026/27 not yet loaded)", table.Note);
    }

    [Fact]
    public void Under_disclosure_control_a_band_of_fewer_than_5_people_shows_no_money()
    {
        var table = Build(control: true).Table("INTEL-COST-01");
        Assert.Equal(["Band 5", "*", "*", 0m, 0m], table.Rows[0]);
        // Five people in band 7: shown; its one vacant post is hidden as every count of 1 to 4 is.
        Assert.Equal(["Band 7", 387267m, 322723m, "*", "*"], table.Rows[1]);
        // The total would give band 5 back (total less band 7), so it is hidden with it.
        Assert.Equal(["All bands", "*", "*", "*", "*"], table.Rows[2]);
    }
}

/// <summary>Pages show a cost total to a role that sees no people only when it rests on no one or on 5 or more people.</summary>
public class CostDisclosureTests
{
    [Theory]
    [InlineData(0, false, true)]
    [InlineData(1, false, false)]
    [InlineData(4, false, false)]
    [InlineData(5, false, true)]
    [InlineData(1, true, true)]
    public void A_cost_resting_on_1_to_4_people_is_shown_only_to_roles_that_see_people(int people, bool maySeePeople, bool shown) =>
        Assert.Equal(shown, WorkforceCost.MayShow(people, maySeePeople));
}
