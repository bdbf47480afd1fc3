using Cadre.Core.Money;
using Cadre.Core.Planning;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Money;

/// <summary>The cost of training commissions, worked by hand on the 2025/26 scale and on-costs.</summary>
public class CommissionCostTests
{
    private static readonly FinancialYear Y2526 = new(2025);
    private static PayScale Scale => PayScales.For(Y2526);
    private static OnCosts On => OnCosts.For(Y2526);

    [Fact]
    public void An_STP_commission_costs_three_years_split_by_payer()
    {
        // Two trainees commissioned in plan year 1 on the STP (3 years, PLAN-DUR-STP).
        // A trainee-year: band 6 entry 38,682 + on-costs 10,808.1816 = 49,490.1816 salary, 100% central (PLAN-COST-STP-SALARY);
        // central: 49,490.1816 + tuition 6,000 = 55,490.1816; employer: placement 10,000 less 20% of salary 9,898.03632
        // = 101.96368. Two trainees, three years: central 332,941.0896; employer 611.78208.
        var years = CommissionCosts.ForPlan([new TraineeIntake(TrainingProgramme.Stp, 1, 2)], p => 3, Scale, On);
        Assert.Equal([1, 2, 3], years.Select(y => y.Year));
        Assert.All(years, y => Assert.Equal(110980.3632m, y.By(Payer.Central)));
        Assert.All(years, y => Assert.Equal(203.92736m, y.By(Payer.Employer)));
        var total = CommissionCosts.TotalByPayer(years);
        Assert.Equal(332941.0896m, total[Payer.Central]);
        Assert.Equal(611.78208m, total[Payer.Employer]);
        Assert.False(total.ContainsKey(Payer.Trainee));
        Assert.Contains("PLAN-COST-STP-SALARY", years[0].Shares.Single(s => s.Payer == Payer.Central).Ids);
        Assert.Contains("PAY-AFC-01", years[0].Shares.Single(s => s.Payer == Payer.Central).Ids);
    }

    [Fact]
    public void One_trainee_over_a_programme_is_the_plans_trainee_year_times_its_length()
    {
        var stp = CommissionCosts.OfProgramme("STP", 3, Scale, On);
        Assert.Equal(101.96368m, stp.PerYearBy(Payer.Employer));
        Assert.Equal(305.89104m, stp.OverProgrammeBy(Payer.Employer));
        Assert.Equal(166470.5448m, stp.OverProgrammeBy(Payer.Central));
        Assert.True(stp.LocalInputNeeded);
        var hsse = CommissionCosts.OfProgramme("HSSE", null, Scale, On);
        Assert.Equal(1000m, hsse.PerYearBy(Payer.Employer));
        Assert.Null(hsse.OverProgrammeBy(Payer.Employer));
    }

    [Fact]
    public void A_PTP_students_fee_is_theirs_and_the_placement_central()
    {
        var year = CommissionCosts.PerTraineeYear("PTP", Scale, On);
        Assert.Equal([(Payer.Central, 3000m), (Payer.Trainee, 9535m)], year.Select(s => (s.Payer, s.Gbp)));
    }

    [Fact]
    public void Every_programme_is_costed_and_every_assumption_is_cited()
    {
        Assert.Equal(["STP", "PTP", "HSST", "HSSE", "ASSOCIATE"], CommissionCosts.Programmes);
        Assert.All(CommissionCosts.Defaults, a => Assert.StartsWith("PLAN-COST-", a.Id));
        Assert.All(CommissionCosts.Defaults, a => Assert.Contains("Modernising Scientific Careers: The England Action Plan (DH 2010)", a.Source));
        Assert.Equal(CommissionCosts.Defaults.Count, CommissionCosts.Defaults.Select(a => a.Id).Distinct().Count());
        // An HSST trainee on band 7 (employer-paid) contributing half their cost: 61,345.628 − 30,672.814 + 5,000 supervision.
        var hsst = CommissionCosts.PerTraineeYear("HSST", Scale, On);
        Assert.Equal(35672.814m, hsst.Single(s => s.Payer == Payer.Employer).Gbp);
        Assert.Equal(12000m, hsst.Single(s => s.Payer == Payer.Central).Gbp);
        Assert.Equal(PayBand.Band3, CommissionCosts.Defaults.Single(a => a.Id == "PLAN-COST-ASSOCIATE-SALARY").Band);
    }
}
