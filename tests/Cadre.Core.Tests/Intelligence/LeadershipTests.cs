using Cadre.Core.Intelligence;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Intelligence;

/// <summary>
/// INTEL-LEAD-01, the IPEM policy statement's 6.3: a Medical Physics or Clinical Engineering service led by a
/// Consultant Clinical Scientist (band 8c+ and on the HSSR). Five services, one of each finding; Audiology (F) is not
/// asked about.
/// </summary>
public sealed class LeadershipTests
{
    [Fact]
    public void Each_physics_or_engineering_service_is_judged_by_its_recorded_lead()
    {
        var s = new SnapshotBuilder();
        var trust = s.Organisation("ZA1", "Trust A");
        Guid Service(string name, char theme, Guid? lead)
        {
            var id = s.Department(trust, name, theme);
            s.Departments[^1] = s.Departments[^1] with { LeadPersonId = lead };
            return id;
        }
        var home = s.Department(trust, "Physics office", 'H');
        var consultant = s.Hold(s.Post(home, "8d", 1.0m), 1.0m);
        s.Registrations.Add(new(consultant, RegistrationType.Hssr, null));
        var notOnHssr = s.Hold(s.Post(home, "8c", 1.0m), 1.0m);
        s.Registrations.Add(new(notOnHssr, RegistrationType.Hssr, SnapshotBuilder.Day.AddDays(-1))); // lapsed the day before
        var band8b = s.Hold(s.Post(home, "8b", 1.0m), 1.0m);
        s.Registrations.Add(new(band8b, RegistrationType.Hssr, null));
        Service("Radiotherapy Physics", 'H', consultant);
        Service("Nuclear Medicine", 'H', notOnHssr);
        Service("Clinical Engineering", 'J', band8b);
        Service("Rehabilitation Engineering", 'J', Guid.NewGuid()); // someone holding no post here
        Service("EBME", 'J', null);
        Service("Audiology", 'F', null);

        var report = HeadOfServiceReport.Build(s.Build());
        var rows = report.Table(Measures.ServiceLeadership.Id).Rows.ToDictionary(r => (string)r[0]!, r => (string)r[2]!);
        Assert.Equal("Yes", rows["Radiotherapy Physics"]);
        Assert.Equal("No", rows["Nuclear Medicine"]);
        Assert.Equal("No", rows["Clinical Engineering"]);
        Assert.Equal("No", rows["Rehabilitation Engineering"]);
        Assert.Equal("No", rows["EBME"]);
        Assert.Equal("No", rows["Physics office"]); // no lead recorded
        Assert.False(rows.ContainsKey("Audiology"));
        var findings = Leadership.Check(new Workforce(s.Build()), s.Departments).ToDictionary(l => l.Department.Name, l => l.Finding);
        Assert.Equal(Leadership.Finding.ConsultantBandNotOnHssr, findings["Nuclear Medicine"]);
        Assert.Equal(Leadership.Finding.LeadBelowConsultant, findings["Clinical Engineering"]);
        Assert.Equal(Leadership.Finding.LeadNotInPost, findings["Rehabilitation Engineering"]);
        Assert.Equal(Leadership.Finding.NoLeadRecorded, findings["EBME"]);

        // The key figure and the benchmark count the same five services not led by a Consultant Clinical Scientist.
        Assert.Equal(5, report.Table("summary").Rows.Single(r => (string)r[1]! == KeyFigures.LeadershipNotMet)[2]);
        Assert.Equal(5, OrganisationBenchmark.Build(s.Build()).Table("summary").Rows.Single(r => (string)r[1]! == KeyFigures.LeadershipNotMet)[2]);
    }
}
