using Cadre.Core.Intelligence;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Intelligence;

/// <summary>Two trusts side by side: A with six people in post, B with one.</summary>
public sealed class OrganisationBenchmarkTests
{
    private static (WorkforceSnapshot Snapshot, Guid A, Guid B) TwoTrusts()
    {
        var s = new SnapshotBuilder();
        var a = s.Organisation("ZA1", "Trust A");
        var b = s.Organisation("ZB2", "Trust B");
        var physics = s.Department(a, "Medical Physics", 'H');
        for (var i = 0; i < 6; i++) s.Hold(s.Post(physics, i == 0 ? "8c" : "7", 1.0m), 1.0m);
        s.Post(physics, "7", 1.0m); // vacant
        var audiology = s.Department(b, "Audiology", 'F');
        s.Hold(s.Post(audiology, "6", 1.0m), 1.0m);
        return (s.Build(), a, b);
    }

    private static IReadOnlyList<object?> Line(Report r, string label) => r.Table("summary").Rows.Single(x => (string)x[1]! == label);

    [Fact]
    public void One_column_per_organisation_and_a_total()
    {
        var report = OrganisationBenchmark.Build(TwoTrusts().Snapshot);
        Assert.Equal(["Measure id", "Measure", "Trust A (ZA1)", "Trust B (ZB2)", "All organisations"], report.Table("summary").Columns);
        Assert.Equal([Measures.FundedWte.Id, "Funded establishment (WTE)", 7.0m, "*", "*"], Line(report, "Funded establishment (WTE)").ToArray());
        // A: 1.0 vacant of 7.0 funded = 14.3%, from one short post, so hidden; B: 0 short of 1 funded, hidden by the 1.
        Assert.Equal(["*", "*", "*"], Line(report, "Vacancy rate (%)").Skip(2).ToArray());
        Assert.True(report.DisclosureControlled);
    }

    [Fact]
    public void A_total_that_would_give_away_a_hidden_organisation_is_hidden_too()
    {
        var report = OrganisationBenchmark.Build(TwoTrusts().Snapshot);
        // Headcount: A 6, B 1 (hidden). A total of 7 would give B's 1 away, so it is hidden as well.
        Assert.Equal([6, "*", "*"], Line(report, "Headcount").Skip(2).ToArray());
        // Zeros are shown, and a total of zeros gives nothing away.
        Assert.Equal([0, 0, 0], Line(report, "Registrations lapsed").Skip(2).ToArray());
    }

    [Fact]
    public void With_no_hidden_organisation_the_total_is_shown()
    {
        var (snapshot, _, b) = TwoTrusts();
        var s = snapshot with { };
        var posts = s.Posts.ToList();
        var holders = s.Holders.ToList();
        var people = s.People.ToList();
        var audiology = s.Departments.Single(d => d.OrganisationId == b).Id;
        for (var i = 0; i < 4; i++)
        {
            var post = new PostRow(Guid.NewGuid(), b, audiology, "Audiologist", PayBand.Band6, 1.0m, PostStatus.Funded, null, TraineeProgramme.None, [], []);
            var person = Guid.NewGuid();
            posts.Add(post);
            people.Add(new PersonRow(person, 1990));
            holders.Add(new HolderRow(post.Id, person, 1.0m));
        }
        var report = OrganisationBenchmark.Build(s with { Posts = posts, Holders = holders, People = people });
        Assert.Equal([6, 5, 11], Line(report, "Headcount").Skip(2).ToArray());
    }

    [Fact]
    public void A_single_organisation_has_no_total_column()
    {
        var (snapshot, a, _) = TwoTrusts();
        var one = snapshot with
        {
            Organisations = snapshot.Organisations.Where(o => o.Id == a).ToList(),
            Departments = snapshot.Departments.Where(d => d.OrganisationId == a).ToList(),
            Posts = snapshot.Posts.Where(p => p.OrganisationId == a).ToList(),
        };
        var report = OrganisationBenchmark.Build(one);
        Assert.Equal(3, report.Table("summary").Columns.Count);
        Assert.Equal("Trust A", report.Covers);
    }
}
