using Cadre.Core.Coding;
using Cadre.Core.Register;
using Cadre.Data.Coding;
using Cadre.Data.Demo;
using Xunit.Abstractions;

namespace Cadre.Data.Tests.Coding;

/// <summary>The demo organisation's hard cases of seed 000, coded from the register's own post fields.</summary>
public class DemoCodingTests(ITestOutputHelper output)
{
    private static readonly DemoData Demo = DemoOrganisations.Build();

    private static PostProposal Propose(string number)
    {
        var trust = Demo.Organisations.Single(o => o.OdsCode == DemoOrganisations.DemoOdsCode);
        var post = Demo.Posts.Single(p => p.PostNumber == number && p.OrganisationId == trust.Id);
        return PostCoding.Propose(post, [], DemoOrganisations.AsAt);
    }

    [Fact]
    public void Vascular_scientist_in_medical_physics_is_coded_by_activity_to_theme_E()
    {
        var p = Propose(DemoOrganisations.VascularScientistPost);
        var role = Assert.Single(p.Roles);
        Assert.Equal("U2E", role.Decision.ProposedCode?.ToString());
        Assert.Equal("Vascular Science", role.Decision.ProposedAreaOfWork);
        Assert.Contains("ESR-THEME-01", role.Decision.Rules);
    }

    [Fact]
    public void EBME_technician_in_estates_on_an_S_code_is_recoded_to_U4J()
    {
        var p = Propose(DemoOrganisations.EbmeInEstatesPost);
        var role = Assert.Single(p.Roles);
        Assert.Equal("S4N", role.RecordedCode);
        Assert.Equal("U4J", role.Decision.ProposedCode?.ToString());
        Assert.Equal(CodingStatus.Recode, role.Decision.Status);
        Assert.Contains("ESR-THEME-01", role.Decision.Rules);
    }

    [Fact]
    public void The_fifty_fifty_role_is_decided_by_its_title_as_a_clinical_engineer()
    {
        var p = Propose(DemoOrganisations.FiftyFiftyPost);
        var role = Assert.Single(p.Roles);
        Assert.Equal("U2J", role.Decision.ProposedCode?.ToString());
        Assert.Contains("ESR-AREA-02", role.Decision.Rules);
    }

    [Fact]
    public void A_post_with_two_job_descriptions_gets_two_codes_each_with_its_WTE()
    {
        var p = Propose(DemoOrganisations.TwoJobDescriptionPost);
        Assert.Equal(2, p.Roles.Count);
        Assert.Equal([0.6m, 0.4m], p.Roles.Select(r => r.Wte));
        Assert.All(p.Roles, r => Assert.Contains("ESR-POST-02", r.Decision.Rules));
        Assert.Equal(["Nuclear Medicine", "Radiation Safety"], p.Roles.Select(r => r.Decision.ProposedAreaOfWork));
    }

    [Fact]
    public void Old_T_and_S_codes_in_the_demo_are_all_proposed_for_recode_or_review()
    {
        var trust = Demo.Organisations.Single(o => o.OdsCode == DemoOrganisations.DemoOdsCode);
        var old = Demo.Posts.Where(p => p.OrganisationId == trust.Id && p.OccupationCode is ['T' or 'S', ..]).ToList();
        Assert.NotEmpty(old);
        foreach (var post in old)
        {
            var proposal = PostCoding.Propose(post, [], DemoOrganisations.AsAt);
            Assert.All(proposal.Roles, r => Assert.NotEqual(CodingStatus.Unchanged, r.Decision.Status));
            Assert.All(proposal.Roles, r => Assert.False(r.Decision.ProposedCode?.ToString() is ['T' or 'S', ..]));
        }
    }

    [Fact]
    public void Summary_of_the_demo_register()
    {
        var trust = Demo.Organisations.Single(o => o.OdsCode == DemoOrganisations.DemoOdsCode);
        var all = Demo.Posts.Where(p => p.OrganisationId == trust.Id).Select(p => PostCoding.Propose(p, [], DemoOrganisations.AsAt)).ToList();
        foreach (var g in all.GroupBy(p => p.Status)) output.WriteLine($"{g.Key}: {g.Count()}");
        foreach (var p in all.Where(p => p.Status != CodingStatus.Unchanged))
            foreach (var r in p.Roles) output.WriteLine($"{p.Post.PostNumber} {p.Post.Title} [{r.RecordedCode}->{r.Decision.ProposedCode}] {r.Decision.Status}: {r.Decision.Reason}");
        // Most of a well-kept register stays as it is.
        Assert.True(all.Count(p => p.Status == CodingStatus.Unchanged) > all.Count / 2, "most posts should be unchanged");
    }
}
