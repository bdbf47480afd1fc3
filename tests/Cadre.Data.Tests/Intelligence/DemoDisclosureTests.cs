using Cadre.Core.Intelligence;
using Cadre.Data.Demo;
using Cadre.Data.Intelligence;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Intelligence;

/// <summary>
/// The three ways issue 9 found to work a hidden count back out of the demo's professional body view, tried on the
/// published report: each must now meet a second hidden figure.
/// </summary>
public sealed class DemoDisclosureTests
{
    private static async Task<Report> DemoProfessionReportAsync()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        await using var services = database.NewServices();
        await CadreDatabaseInitialiser.InitialiseAsync(services);
        await using var system = database.NewContext(OrganisationScope.System);
        var demo = await system.Organisations.SingleAsync(o => o.OdsCode == DemoOrganisations.DemoOdsCode);
        await using var db = database.NewContext(OrganisationScope.For([demo.Id]));
        return ProfessionReport.Build(await WorkforceSnapshotQuery.BuildAsync(db, DemoOrganisations.AsAt, checkCoding: false));
    }

    // One demo database for the three tests: building it is the slow part, and the report is only read.
    private static readonly Lazy<Task<Report>> Demo = new(DemoProfessionReportAsync);

    private static bool Hidden(object? cell) => cell is Disclosure.Suppressed;

    [Fact]
    public async Task An_age_band_cannot_be_worked_back_from_the_headcount_less_the_other_bands()
    {
        var report = await Demo.Value;
        var specialisms = report.Table(Measures.BySpecialism.Id).Rows;
        var ages = report.Table(Measures.AgeProfile.Id).Rows;
        Assert.Contains(ages, r => r.Skip(1).Any(Hidden)); // the demo has small counts to protect
        // Issue 9: Clinical Engineering's "60 and over" was 59 less the other bands' 56.
        foreach (var row in ages)
        {
            var headcount = specialisms.Single(s => Equals(s[0], row[0]))[1];
            var hidden = row.Skip(1).Count(Hidden);
            Assert.False(!Hidden(headcount) && hidden == 1, $"{row[0]}: one hidden age band beside a shown headcount");
        }
    }

    [Fact]
    public async Task A_specialisms_consultants_cannot_be_worked_back_from_the_key_findings_share()
    {
        var report = await Demo.Value;
        var specialisms = report.Table(Measures.BySpecialism.Id).Rows;
        var findings = report.Table(Measures.Findings.Id).Rows;
        // Issue 9: Clinical Engineering's consultants were 6.9% of 131 (9) less Medical Physics' 7.
        var share = findings.Single(r => ((string)r[0]!).StartsWith("Consultant Clinical Scientists", StringComparison.Ordinal))[1];
        var total = findings.Single(r => (string)r[0]! == "Headcount in post")[1];
        var consultantColumn = specialisms.Select(r => r[5]).ToList();
        Assert.False(!Hidden(share) && !Hidden(total) && consultantColumn.Count(Hidden) == 1, "one hidden consultant count beside a shown share of a shown headcount");
        foreach (var row in specialisms.Where(r => Hidden(r[5]) && !Hidden(r[1])))
            Assert.True(Hidden(row[6]), $"{row[0]}: consultant share shown beside a hidden count and a shown headcount");
    }

    [Fact]
    public async Task A_specialisms_trainees_cannot_be_worked_back_from_the_withdrawal_table()
    {
        var report = await Demo.Value;
        var specialisms = report.Table(Measures.BySpecialism.Id).Rows;
        // Issue 9: Clinical Engineering's STP trainees were the withdrawal table's 8 enrolments less Medical Physics' 6.
        var stp = report.Table(Measures.TraineeWithdrawal.Id).Rows.Single(r => (string)r[0]! == "STP");
        var stpColumn = specialisms.Select(r => r[7]).ToList();
        Assert.False(stp.Skip(1).Take(3).All(c => !Hidden(c)) && stpColumn.Count(Hidden) == 1, "one hidden STP count beside shown enrolments");
    }
}
