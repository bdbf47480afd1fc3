using Cadre.Core.JobEvaluation;
using Cadre.Core.Intelligence;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Intelligence;

/// <summary>
/// One small trust worked by hand. Radiotherapy Physics (H): P1 8c consultant 1.0 held 1.0; P2 band 7 1.0 vacant; P3 band 6
/// 0.6 held 0.4 by someone unregistered, split H 50 / E 50; P4 STP trainee 1.0 held 1.0. Audiology (F): P5 frozen at 0;
/// P6 band 5 1.0 held 1.0. Funded 4.6 WTE, in post 3.4, vacancy 1.0 + 0.2 = 1.2 (26.1%).
/// </summary>
public sealed class HeadOfServiceReportTests
{
    private readonly SnapshotBuilder _s = new();
    private readonly Guid _radiotherapy, _audiology, _p1, _p2, _p3, _p4, _p5, _p6;

    public HeadOfServiceReportTests()
    {
        var trust = _s.Organisation("ZA1", "Trust A");
        _radiotherapy = _s.Department(trust, "Radiotherapy Physics", 'H');
        _audiology = _s.Department(trust, "Audiology", 'F');
        _p1 = _s.Post(_radiotherapy, "8c", 1.0m, title: "Consultant Clinical Scientist", code: "UAH", areas: ["Radiotherapy Physics"]);
        _p2 = _s.Post(_radiotherapy, "7", 1.0m, PostStatus.Vacant, title: "Clinical Scientist", code: "U2H");
        _p3 = _s.Post(_radiotherapy, "6", 0.6m, title: "Clinical Scientist (Radiotherapy)", code: "U2H", split: [new('H', 50), new('E', 50)]);
        _p4 = _s.Post(_radiotherapy, "6", 1.0m, title: "Trainee Clinical Scientist (STP)", code: "U6H", programme: TraineeProgramme.Stp);
        _p5 = _s.Post(_audiology, "5", 0m, PostStatus.Frozen, title: "Audiologist");
        _p6 = _s.Post(_audiology, "5", 1.0m);

        var consultant = _s.Hold(_p1, 1.0m, born: 1965);
        _s.Hold(_p3, 0.4m);
        var trainee = _s.Hold(_p4, 1.0m, born: 2000);
        var practitioner = _s.Hold(_p6, 1.0m);

        _s.Registrations.Add(new(consultant, RegistrationType.HcpcClinicalScientist, new DateOnly(2026, 8, 15))); // due: within 90 days
        _s.Registrations.Add(new(consultant, RegistrationType.Hssr, null));
        _s.Registrations.Add(new(practitioner, RegistrationType.Ahcs, new DateOnly(2026, 1, 1))); // lapsed
        _s.Certificates.Add(new(consultant, CertificateType.Mpe, new DateOnly(2027, 3, 1)));
        _s.Enrolments.Add(new(trainee, TrainingProgramme.Stp, "Radiotherapy Physics", new DateOnly(2024, 1, 2), new DateOnly(2026, 12, 31), TrainingStatus.Active, StudyMode.FullTime));
        _s.Accreditations.Add(new(_radiotherapy, "UKAS MPACE", "BS 70000", AccreditationStatus.Accredited, new DateOnly(2026, 10, 1)));
        _s.Accreditations.Add(new(_audiology, "UKAS IQIPS", "IQIPS", AccreditationStatus.Applied, null));
        _s.CodingChecked = true;
        _s.Coding.AddRange([new(_p1, 1, 1, 0, 0), new(_p2, 1, 1, 1, 0), new(_p3, 1, 1, 1, 0), new(_p4, 1, 1, 0, 0), new(_p5, 1, 1, 0, 0), new(_p6, 1, 0, 0, 1)]);
        _s.JobEvaluations.AddRange([new(_p2, JeBand.Parse("7")), new(_p3, JeBand.Parse("7"))]);
        _s.CodingDecisions.AddRange([new(_p1, false), new(_p6, true)]);
    }

    private static object? Key(Report report, string label) => report.Table("summary").Rows.Single(r => (string)r[1]! == label)[2];

    [Fact]
    public void Establishment_in_post_and_vacancy_are_worked_out_from_funded_posts()
    {
        var report = HeadOfServiceReport.Build(_s.Build());
        Assert.Equal(4.6m, Key(report, "Funded establishment (WTE)"));
        Assert.Equal(3.4m, Key(report, "Contracted WTE in post"));
        Assert.Equal(1.2m, Key(report, "Vacancy (WTE)"));
        Assert.Equal(26.1m, Key(report, "Vacancy rate (%)")); // 1.2 / 4.6 = 26.09%
        Assert.Equal(5, Key(report, "Funded posts"));
        Assert.Equal(4, Key(report, "Funded posts filled"));
        Assert.Equal(1, Key(report, "Funded posts vacant"));
        Assert.Equal(1, Key(report, "Frozen posts"));
        Assert.Equal(4, Key(report, "Headcount"));
    }

    [Fact]
    public void Consultant_posts_are_bands_8c_8d_and_9()
    {
        var report = HeadOfServiceReport.Build(_s.Build());
        Assert.Equal(1, Key(report, "Consultant posts (8c, 8d, 9)"));
        Assert.Equal(21.7m, Key(report, "Consultant share of funded WTE (%)")); // 1.0 / 4.6
        Assert.Equal(25.0m, Key(report, "Consultant share of headcount (%)")); // 1 of 4
        var all = report.Table(Measures.ConsultantPosts.Id).Rows.Single(r => (string)r[0]! == "All consultant bands");
        Assert.Equal([1, 1, 0, 1.0m, 21.7m, 1], all.Skip(1).ToArray());
    }

    [Fact]
    public void Registrations_due_lapsed_and_protected_titles_without_registration()
    {
        var report = HeadOfServiceReport.Build(_s.Build());
        Assert.Equal(1, Key(report, "Registrations to renew in 90 days"));
        Assert.Equal(1, Key(report, "Registrations lapsed"));
        // P1's consultant is registered; P3's holder is not; P4 is a pre-registration STP post and is left out.
        Assert.Equal(1, Key(report, "Protected-title posts without registration"));
        var clinical = report.Table(Measures.ProtectedTitles.Id).Rows.Single(r => (string)r[0]! == "Clinical Scientist");
        Assert.Equal(2, clinical[2]);
        Assert.Equal(1, clinical[3]);
    }

    [Fact]
    public void Radiotherapy_needs_an_MPE_and_an_RPA_and_only_the_MPE_is_in_post()
    {
        var report = HeadOfServiceReport.Build(_s.Build());
        var cover = report.Table(Measures.ExpertCover.Id).Rows;
        Assert.Equal(2, cover.Count); // Audiology needs neither
        Assert.Equal(["Radiotherapy Physics", "Medical Physics Expert (MPE)"], cover[0].Take(2).ToArray());
        Assert.Equal(1, cover[0][3]);
        Assert.Equal("In the department", cover[0][6]);
        Assert.Equal("Radiation Protection Adviser (RPA)", cover[1][1]);
        Assert.StartsWith("No one certified in post", (string)cover[1][6]!);
        Assert.Equal(1, Key(report, "Expert roles needed with no one certified in post"));
    }

    [Fact]
    public void An_RPA_elsewhere_in_the_organisation_covers_the_department_but_an_MPE_must_be_in_it()
    {
        var protection = _s.Department(_s.Organisations[0].Id, "Radiation Protection Service", 'H');
        var rpa = _s.Hold(_s.Post(protection, "8b", 1.0m, areas: ["Radiation Safety"]), 1.0m);
        _s.Certificates.Add(new(rpa, CertificateType.Rpa, null));
        _s.Certificates.Add(new(rpa, CertificateType.Mpe, null));
        var report = HeadOfServiceReport.Build(_s.Build(), _radiotherapy);
        var rows = report.Table(Measures.ExpertCover.Id).Rows;
        Assert.Equal("Elsewhere in the organisation", rows.Single(r => (string)r[1]! == "Radiation Protection Adviser (RPA)")[6]);
        Assert.Equal(0, Key(report, "Expert roles needed with no one certified in post"));
    }

    [Fact]
    public void Trainees_by_programme_and_when_they_finish()
    {
        var stp = HeadOfServiceReport.Build(_s.Build()).Table(Measures.Trainees.Id).Rows.Single(r => (string)r[0]! == "STP");
        Assert.Equal([1, 0, 0, 1, 0], stp.Skip(1).ToArray()); // 31 Dec 2026 is 6 to 12 months after 30 Jun 2026
    }

    [Fact]
    public void Coding_health_is_miscoded_roles_over_roles_with_a_proposal()
    {
        var report = HeadOfServiceReport.Build(_s.Build());
        Assert.Equal(40.0m, Key(report, "Roles miscoded (%)")); // 2 of the 5 roles with a proposal
        var row = report.Table(Measures.Miscoded.Id).Rows.Single();
        Assert.Equal([6, 5, 2, 40.0m, 1, 2, 1, "at least 26% (IPEM guidance on coding MP & CE posts in ESR)"], row.ToArray());
    }

    [Fact]
    public void Coding_not_checked_is_said_not_shown_as_zero()
    {
        _s.CodingChecked = false;
        var report = HeadOfServiceReport.Build(_s.Build());
        Assert.Equal("n/a", Key(report, "Roles miscoded (%)"));
        Assert.Equal("not checked", report.Table(Measures.Miscoded.Id).Rows.Single()[0]);
    }

    [Fact]
    public void Job_evaluation_mismatches_and_accreditation_expiring()
    {
        var report = HeadOfServiceReport.Build(_s.Build());
        Assert.Equal(2, Key(report, "Posts with a job evaluation"));
        Assert.Equal(1, Key(report, "Posts whose band differs from their job evaluation")); // P3 is band 6, JE gave 7
        Assert.Equal(1, Key(report, "Accredited services"));
        Assert.Equal(1, Key(report, "Accreditations expiring within 180 days"));
        var rows = report.Table(Measures.Accreditation.Id).Rows;
        Assert.Equal("Expires within 180 days", rows.Single(r => (string)r[1]! == "UKAS MPACE")[5]);
        Assert.Equal("Applied", rows.Single(r => (string)r[1]! == "UKAS IQIPS")[3]);
        Assert.Equal(2, rows.Count); // Audiology (F) has an application; Radiotherapy (H) its MPACE: no "None recorded" row
    }

    [Fact]
    public void An_accreditation_counts_only_while_in_date()
    {
        // Audiology's IQIPS, recorded as Accredited, expired the day before: only Radiotherapy's MPACE (to 1 Oct) counts.
        _s.Accreditations.Add(new(_audiology, "UKAS IQIPS", "IQIPS", AccreditationStatus.Accredited, new DateOnly(2026, 6, 29)));
        var report = HeadOfServiceReport.Build(_s.Build());
        Assert.Equal(1, Key(report, "Accredited services"));
        Assert.Equal("Expired", report.Table(Measures.Accreditation.Id).Rows.Single(r => Equals(r[4], "2026-06-29"))[5]);
        // On its last day it still counts.
        _s.Accreditations[^1] = _s.Accreditations[^1] with { ExpiresOn = SnapshotBuilder.Day };
        Assert.Equal(2, Key(HeadOfServiceReport.Build(_s.Build()), "Accredited services"));
    }

    [Fact]
    public void A_physics_or_engineering_service_with_no_accreditation_is_flagged()
    {
        var engineering = _s.Department(_s.Organisations[0].Id, "Clinical Engineering", 'J');
        _s.Department(_s.Organisations[0].Id, "Cardiac Physiology", 'E');
        var rows = HeadOfServiceReport.Build(_s.Build()).Table(Measures.Accreditation.Id).Rows;
        var none = rows.Single(r => (string)r[1]! == "None recorded");
        Assert.Equal("Clinical Engineering", none[0]);
        Assert.Contains("IPEM policy statement on leadership and management of MP & CE services", (string)none[5]!);
        Assert.DoesNotContain(rows, r => (string)r[0]! == "Cardiac Physiology");
    }

    [Fact]
    public void Mix_by_band_level_and_theme()
    {
        var report = HeadOfServiceReport.Build(_s.Build());
        var band6 = report.Table(Measures.ByBand.Id).Rows.Single(r => (string)r[0]! == "Band 6");
        Assert.Equal([2, 2, 0, 0, 1.6m, 1.4m, 0.2m], band6.Skip(1).ToArray());
        var levels = report.Table(Measures.ByLevel.Id).Rows;
        Assert.Equal(2, levels.Single(r => (string)r[0]! == "2")[2]);
        Assert.Equal("Consultant Clinical Scientist", levels.Single(r => (string)r[0]! == "A")[1]);
        Assert.Equal(2, levels.Single(r => (string)r[1]! == "Not coded")[2]);
        var themes = report.Table(Measures.ByTheme.Id).Rows.ToDictionary(r => (string)r[0]!, r => r[1]);
        Assert.Equal(3.3m, themes["Medical Physics (H)"]); // 1 + 1 + 0.3 + 1
        Assert.Equal(0.3m, themes.Single(t => t.Key.EndsWith("(E)")).Value);
        Assert.Equal(1.0m, themes["Neurosensory Sciences (F)"]);
    }

    [Fact]
    public void One_department_only()
    {
        var report = HeadOfServiceReport.Build(_s.Build(), _radiotherapy);
        Assert.Equal("Radiotherapy Physics, Trust A", report.Covers);
        Assert.Equal(3.6m, Key(report, "Funded establishment (WTE)"));
        Assert.Equal(33.3m, Key(report, "Vacancy rate (%)")); // 1.2 / 3.6
        Assert.Single(report.Table(Measures.ByDepartment.Id).Rows);
        Assert.DoesNotContain(report.Table(Measures.Accreditation.Id).Rows, r => (string)r[0]! == "Audiology");
    }

    [Fact]
    public void Zero_establishment_gives_no_vacancy_rate_rather_than_a_division_by_zero()
    {
        var s = new SnapshotBuilder();
        var department = s.Department(s.Organisation("ZA1", "Trust A"), "Audiology", 'F');
        s.Post(department, "5", 0m, PostStatus.Frozen);
        var report = HeadOfServiceReport.Build(s.Build());
        Assert.Equal(0m, Key(report, "Funded establishment (WTE)"));
        Assert.Equal("n/a", Key(report, "Vacancy rate (%)"));
        Assert.Equal("n/a", Key(report, "Consultant share of headcount (%)"));
        Assert.Equal(0, Key(report, "Headcount"));
    }

    [Fact]
    public void All_vacant_is_a_hundred_percent_vacancy()
    {
        var s = new SnapshotBuilder();
        var department = s.Department(s.Organisation("ZA1", "Trust A"), "Audiology", 'F');
        s.Post(department, "5", 1.0m);
        s.Post(department, "6", 0.5m, PostStatus.Vacant);
        var report = HeadOfServiceReport.Build(s.Build());
        Assert.Equal(1.5m, Key(report, "Vacancy (WTE)"));
        Assert.Equal(100.0m, Key(report, "Vacancy rate (%)"));
        Assert.Equal(0m, Key(report, "Contracted WTE in post"));
        Assert.Equal(2, Key(report, "Funded posts vacant"));
    }

    [Fact]
    public void Under_disclosure_control_small_counts_are_hidden()
    {
        var report = HeadOfServiceReport.Build(_s.Build(), control: true);
        Assert.Equal("*", Key(report, "Headcount")); // 4
        Assert.Equal("*", Key(report, "Vacancy rate (%)")); // from 2 posts
        Assert.Equal("*", Key(report, "Registrations lapsed")); // 1
        Assert.Equal(5, Key(report, "Funded posts")); // 5 is shown
        Assert.Equal(4.6m, Key(report, "Funded establishment (WTE)")); // from 5 posts: shown

        Assert.True(report.DisclosureControlled);
    }

    [Fact]
    public void Every_table_measure_has_a_definition_and_no_names_are_possible()
    {
        var report = HeadOfServiceReport.Build(_s.Build());
        var defined = report.Table("definitions").Rows.Select(r => (string)r[0]!).ToHashSet();
        foreach (var t in report.Tables.Where(t => t.Id.StartsWith("INTEL-"))) Assert.Contains(t.Id, defined);
        Assert.Contains(Measures.VacancyRate.Id, defined);
        // The snapshot's person row has an id and a year of birth only: there is nowhere for a name to come from.
        Assert.Equal(["Id", "YearOfBirth"], typeof(PersonRow).GetProperties().Select(p => p.Name).Order().ToArray());
    }
}
