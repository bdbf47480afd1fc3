using Cadre.Core.Careers;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Careers;

public class RouteFinderTests
{
    private readonly RouteFinder _finder = new();

    [Fact]
    public void Graduate_reaches_clinical_scientist_by_the_STP_in_three_years()
    {
        var a = _finder.Find([Credential.HonoursDegree], EntryRequirement.ClinicalScientist);
        Assert.False(a.AlreadyMet);
        var first = a.Routes[0];
        Assert.Equal(["CAREER-ROUTE-STP"], first.RuleIds);
        Assert.Equal(3, first.KnownYears);
        Assert.Equal(Credential.HcpcClinicalScientist, first.Steps[^1].To);
        // The equivalence route is offered too, after the training route.
        Assert.Contains(a.Routes, r => r.RuleIds.SequenceEqual(["CAREER-EQUIV-STP-GRADUATE"]));
    }

    [Fact]
    public void Clinical_scientist_reaches_HSSR_by_HSST_or_HSSE()
    {
        var a = _finder.Find([Credential.HcpcClinicalScientist], EntryRequirement.Consultant);
        Assert.Equal(2, a.Routes.Count);
        Assert.Equal(["CAREER-ROUTE-HSST"], a.Routes[0].RuleIds);
        Assert.Equal(5, a.Routes[0].KnownYears);
        Assert.Equal(["CAREER-EQUIV-HSSE"], a.Routes[1].RuleIds);
        Assert.True(a.Routes[1].UsesEquivalence);
        Assert.All(a.Routes, r => Assert.Equal(Credential.Hssr, r.Steps[^1].To));
        // HSSR is not a guarantee of a consultant post (seed 004).
        Assert.Contains(a.Notes, n => n.Id == "CAREER-CONS-01");
    }

    [Fact]
    public void Biomedical_scientist_reaches_clinical_scientist_by_equivalence_or_in_service_STP()
    {
        var a = _finder.Find([Credential.HcpcBiomedicalScientist], EntryRequirement.ClinicalScientist);
        var ids = a.Routes.Select(r => string.Join(">", r.RuleIds)).ToList();
        Assert.Contains("CAREER-EQUIV-STP", ids);
        Assert.Contains("CAREER-ROUTE-STP-INSERVICE-BMS", ids);
        // Never sends someone back to a degree they do not need.
        Assert.DoesNotContain(ids, i => i.Contains("CAREER-ROUTE-DEGREE"));
    }

    [Fact]
    public void Nobody_with_nothing_needs_two_routes_to_consultant_that_skip_registration()
    {
        var a = _finder.Find([], EntryRequirement.Consultant);
        Assert.NotEmpty(a.Routes);
        Assert.All(a.Routes, r => Assert.Contains(r.Steps, s => s.To == Credential.HcpcClinicalScientist || s.To == Credential.HcpcBiomedicalScientist));
        Assert.Equal(["CAREER-ROUTE-PTP-BMS", "CAREER-ROUTE-HSST-BMS"], a.Routes[0].RuleIds);
    }

    [Fact]
    public void Assistant_reaches_associate_post_by_the_Foundation_degree()
    {
        var a = _finder.Find([Credential.AssistantQualification], EntryRequirement.Associate);
        Assert.Equal(["CAREER-ROUTE-ASSOCIATE"], a.Routes[0].RuleIds);
    }

    [Fact]
    public void A_holder_of_the_required_registration_already_meets_the_post()
    {
        var a = _finder.Find([Credential.HcpcClinicalScientist], EntryRequirement.ClinicalScientist);
        Assert.True(a.AlreadyMet);
        Assert.Empty(a.Routes);
        Assert.Contains("CAREER-MET-01", a.Reason);
    }

    [Fact]
    public void Every_route_step_is_cited_and_every_programme_has_its_source()
    {
        var r = CareerReference.Default;
        Assert.All(r.Steps, s => { Assert.StartsWith("CAREER-", s.Id); Assert.True(s.Citation.Contains("Modernising Scientific Careers") || s.Citation.Contains("IPEM") || s.Citation.Contains("National School of Healthcare Science"), s.Id); Assert.DoesNotContain("seed", s.Citation, StringComparison.OrdinalIgnoreCase); });
        Assert.All(r.Roles, x => Assert.Contains("Modernising Scientific Careers: The England Action Plan (DH 2010)", x.Citation));
        Assert.All(r.Programmes, x => Assert.False(string.IsNullOrWhiteSpace(x.Citation)));
        Assert.All(CareerRules.All, x => Assert.StartsWith("CAREER-", x.Id));
        Assert.Equal(3, r.Programme("STP").DurationYears);
        Assert.Equal(5, r.Programme("HSST").DurationYears);
        Assert.Equal(3, r.Programme("PTP").DurationYears);
        Assert.Null(r.Programme("HSSE").DurationYears);
        Assert.Equal("8c-9", r.Roles.Single(x => x.Id == "consultant").TypicalBands);
        Assert.Equal(r.Steps.Count, r.Steps.Select(s => s.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("HCPC Clinical Scientist", Credential.HcpcClinicalScientist)]
    [InlineData("hssr", Credential.Hssr)]
    [InlineData("biomedical-scientist", Credential.HcpcBiomedicalScientist)]
    [InlineData("degree", Credential.HonoursDegree)]
    public void Users_words_parse_to_credentials(string text, Credential expected)
    {
        Assert.True(Credentials.TryParse(text, out var c));
        Assert.Equal(expected, c);
    }
}

public class PersonCareerTests
{
    [Fact]
    public void A_clinical_scientist_on_HSST_sees_HSST_first_as_in_progress()
    {
        var person = new Person
        {
            Registrations = [new ProfessionalRegistration { Type = RegistrationType.HcpcClinicalScientist, ExpiresOn = new DateOnly(2027, 1, 31) }],
            TrainingEnrolments = [new TrainingEnrolment { Programme = TrainingProgramme.Hsst, Status = TrainingStatus.Active }],
        };
        var a = new RouteFinder().Find(PersonCareer.From(person, new DateOnly(2026, 6, 1)), EntryRequirement.Consultant);
        Assert.True(a.Routes[0].InProgress);
        Assert.Equal(["CAREER-ROUTE-HSST"], a.Routes[0].RuleIds);
        Assert.Contains(a.Notes, n => n.Id == "CAREER-PROG-01");
        Assert.StartsWith("On route already", a.Reason);
    }

    [Fact]
    public void Expired_registrations_and_withdrawn_enrolments_do_not_count()
    {
        var person = new Person
        {
            Registrations = [new ProfessionalRegistration { Type = RegistrationType.HcpcClinicalScientist, ExpiresOn = new DateOnly(2025, 1, 31) }],
            TrainingEnrolments = [new TrainingEnrolment { Programme = TrainingProgramme.Stp, Status = TrainingStatus.Withdrawn }],
        };
        var p = PersonCareer.From(person, new DateOnly(2026, 6, 1));
        Assert.Empty(p.Held);
        Assert.Empty(p.InTraining);
    }
}
