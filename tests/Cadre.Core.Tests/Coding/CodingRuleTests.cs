using Cadre.Core.Coding;
using EntryRequirement = Cadre.Core.Register.EntryRequirement;
using TraineeProgramme = Cadre.Core.Register.TraineeProgramme;
using ConsultantAppointment = Cadre.Core.Register.ConsultantAppointment;
using PayBand = Cadre.Core.Register.PayBand;
using static Cadre.Core.Tests.Coding.Roles;

namespace Cadre.Core.Tests.Coding;

/// <summary>Each rule, and each example in seed 000's text, as a head of department would put the case.</summary>
public class PostNotPersonTests
{
    [Fact]
    public void Level_follows_the_posts_entry_requirement_not_the_holders_registration()
    {
        // A practitioner post held by a registered clinical scientist is still a practitioner post (seed 000, Background).
        var d = Decide(Role(entry: EntryRequirement.Practitioner, band: "5", title: "Clinical Technologist", registrations: "HCPC Clinical Scientist"));
        Assert.Equal("U4H", d.ProposedCode?.Value);
        Assert.Contains("ESR-POST-01", d.Rules);
        Assert.Contains("post is coded, not the person", d.Reason);
    }

    [Theory]
    [InlineData(EntryRequirement.Assistant, false, "3", "U9H")]
    [InlineData(EntryRequirement.Associate, false, "4", "U5H")]
    [InlineData(EntryRequirement.Practitioner, false, "5", "U4H")]
    [InlineData(EntryRequirement.Practitioner, true, "6", "U3H")]
    [InlineData(EntryRequirement.ClinicalScientist, false, "7", "U2H")]
    [InlineData(EntryRequirement.ClinicalScientist, true, "8a", "U1H")]
    public void Entry_requirement_sets_the_level(EntryRequirement entry, bool specialist, string band, string code)
    {
        var d = Decide(Role(entry: entry, specialist: specialist, band: band, title: "Healthcare Scientist", registrations: ""));
        Assert.Equal(code, d.ProposedCode?.Value);
        Assert.Contains("ESR-LEVEL-01", d.Rules);
    }

    [Theory]
    [InlineData(false, "UEA")]
    [InlineData(true, "UDA")]
    public void Biomedical_scientist_levels_exist_in_life_sciences(bool specialist, string code)
    {
        var d = Decide(Role("Clinical Biochemistry:100", band: "6", entry: EntryRequirement.BiomedicalScientist, specialist: specialist, title: "Biomedical Scientist", registrations: "HCPC Biomedical Scientist"));
        Assert.Equal(code, d.ProposedCode?.Value);
    }

    [Fact]
    public void Biomedical_scientist_level_outside_life_sciences_is_reviewed_without_a_code()
    {
        var d = Decide(Role("Radiotherapy Physics:100", entry: EntryRequirement.BiomedicalScientist, title: "Scientist", registrations: ""));
        Assert.Null(d.ProposedCode);
        Assert.Equal(CodingStatus.Review, d.Status);
    }
}

public class ThemeByActivityTests
{
    [Fact]
    public void Vascular_scientists_in_medical_physics_are_UxE()
    {
        var d = Decide(Role("Vascular Science:100", title: "Clinical Scientist (Vascular)", department: "Medical Physics", current: "U2H"));
        Assert.Equal("U2E", d.ProposedCode?.Value);
        Assert.Equal("Vascular Science", d.ProposedAreaOfWork);
        Assert.Equal(CodingStatus.Recode, d.Status);
        Assert.Contains("ESR-THEME-01", d.Rules);
        Assert.Contains("not the Medical Physics department", d.Reason);
        Assert.Contains("wrong theme (coded by department, not activity)", d.MiscodingCauses);
    }

    [Fact]
    public void EBME_staff_in_estates_are_UxJ()
    {
        var d = Decide(Role("EBME:100", entry: EntryRequirement.Practitioner, band: "5", title: "Medical Engineering Technician", department: "Estates", current: "G3C", registrations: ""));
        Assert.Equal("U4J", d.ProposedCode?.Value);
        Assert.Equal("Medical Equipment Management / EBME", d.ProposedAreaOfWork);
        Assert.Contains("ESR-THEME-01", d.Rules);
    }

    [Theory]
    [InlineData("Cardiac Physiology:100", 'E')]
    [InlineData("Respiratory Physiology:100", 'E')]
    [InlineData("Sleep Physiology:100", 'E')]
    [InlineData("Audiology:100", 'F')]
    [InlineData("Neurophysiology:100", 'F')]
    [InlineData("Urodynamics:100", 'G')]
    [InlineData("Haematology:100", 'A')]
    [InlineData("Microbiology:100", 'B')]
    [InlineData("Histopathology:100", 'C')]
    [InlineData("Genomics:100", 'D')]
    [InlineData("Bioinformatics:100", 'K')]
    [InlineData("Nuclear Medicine:100", 'H')]
    [InlineData("Renal Technology:100", 'J')]
    public void Specialisms_map_to_their_themes(string activities, char theme)
    {
        var d = Decide(Role(activities, title: "Healthcare Scientist", registrations: ""));
        Assert.Equal(theme, d.ProposedCode!.Value.Theme);
    }

    [Fact]
    public void Theme_with_a_majority_wins_even_across_themes()
    {
        var d = Decide(Role("Radiation Safety:70;EBME:30", title: "Clinical Engineer"));
        Assert.Equal('H', d.ProposedCode!.Value.Theme);
        Assert.Equal("Radiation Safety", d.ProposedAreaOfWork);
    }
}

public class AreaOfWorkTests
{
    [Fact]
    public void More_than_half_the_time_decides_the_area()
    {
        var d = Decide(Role("Radiotherapy Physics:60;Radiation Safety:40"));
        Assert.Equal("Radiotherapy Physics", d.ProposedAreaOfWork);
        Assert.Contains("ESR-AREA-01", d.Rules);
    }

    [Fact]
    public void Clinical_engineer_split_50_50_with_radiation_safety_is_coded_as_a_clinical_engineer()
    {
        // Seed 000, Mixed roles: "should be coded as a Clinical Engineer, on the basis of their job title".
        var d = Decide(Role("EBME:50;Radiation Safety:50", title: "Clinical Engineer", registrations: "HCPC Clinical Scientist"));
        Assert.Equal("U2J", d.ProposedCode?.Value);
        Assert.Equal("Medical Equipment Management / EBME", d.ProposedAreaOfWork);
        Assert.Contains("ESR-AREA-02", d.Rules);
        Assert.NotEqual(CodingStatus.Review, d.Status);
    }

    [Fact]
    public void A_bracket_naming_the_other_half_does_not_outweigh_the_job_title()
    {
        // The demo's 50:50 post: the job is "Clinical Engineer"; the bracket says what the halves are.
        var d = Decide(Role("EBME:50;Radiation Safety:50", title: "Clinical Engineer (Equipment and Radiation Safety)", registrations: "HCPC Clinical Scientist"));
        Assert.Equal("U2J", d.ProposedCode?.Value);
        Assert.Contains("ESR-AREA-02", d.Rules);
    }

    [Fact]
    public void Exact_50_50_within_a_theme_is_settled_by_the_title()
    {
        var d = Decide(Role("Radiotherapy Physics:50;Nuclear Medicine:50", title: "Nuclear Medicine Physicist"));
        Assert.Equal("Nuclear Medicine", d.ProposedAreaOfWork);
        Assert.Contains("ESR-AREA-02", d.Rules);
    }

    [Fact]
    public void Exact_50_50_the_title_cannot_settle_goes_to_review()
    {
        var d = Decide(Role("Radiotherapy Physics:50;Nuclear Medicine:50", title: "Clinical Scientist"));
        Assert.Equal(CodingStatus.Review, d.Status);
        Assert.Equal("U2H", d.ProposedCode?.Value);
        Assert.Contains(d.ReviewFlags, f => f.RuleId == "ESR-AREA-02");
    }

    [Fact]
    public void Exact_50_50_between_themes_the_title_cannot_settle_has_no_code()
    {
        var d = Decide(Role("Audiology:50;Vascular Science:50", title: "Healthcare Scientist", registrations: ""));
        Assert.Equal(CodingStatus.Review, d.Status);
        Assert.Null(d.ProposedCode);
    }

    [Fact]
    public void Predominantly_mammography_is_mammography()
    {
        var d = Decide(Role("Mammography:80;Mammography QA services:20"));
        Assert.Equal("Mammography", d.ProposedAreaOfWork);
    }

    [Fact]
    public void Mammography_as_one_of_several_imaging_modalities_is_diagnostic_and_interventional_radiology()
    {
        var d = Decide(Role("Mammography:30;CT:30;Fluoroscopy:20;DEXA:20"));
        Assert.Equal("Diagnostic and Interventional Radiology", d.ProposedAreaOfWork);
        Assert.Contains("ESR-AREA-03", d.Rules);
    }

    [Fact]
    public void Solely_breast_screening_techniques_including_mammography_is_breast_screening()
    {
        var d = Decide(Role("Breast Screening:60;Mammography:40"));
        Assert.Equal("Breast Screening (except mammography)", d.ProposedAreaOfWork);
    }

    [Fact]
    public void Work_spread_thinly_across_a_theme_gets_the_broad_area_not_an_over_specific_one()
    {
        var d = Decide(Role("Radiotherapy Physics:40;Nuclear Medicine:40;Radiation Safety:20"));
        Assert.Equal("Medical Physics", d.ProposedAreaOfWork);
        Assert.Contains("ESR-AREA-03", d.Rules);
    }

    [Theory]
    [InlineData("Wheelchair Services:100", "Rehabilitation Engineering")]
    [InlineData("Electronic Assistive Technology:100", "Rehabilitation Engineering")]
    [InlineData("Clinical Gait Laboratory:100", "Rehabilitation Engineering")]
    [InlineData("Maxillo-facial (inc Prosthetics):100", "Maxillo-facial (inc Prosthetics)")]
    [InlineData("Equipment Library:100", "Medical Equipment Management / EBME")]
    [InlineData("Theatre Tech Services & Equipment Maintenance:100", "Medical Equipment Management / EBME")]
    [InlineData("Mechanical Workshop:100", "Medical Engineering Design & Manufacture")]
    [InlineData("Radiotherapy Equipment Maintenance:100", "Radiation Engineering (Radiotherapy Engineering)")]
    [InlineData("PET Imaging:100", "Nuclear Medicine")]
    [InlineData("Laser Safety LPA services:100", "Radiation Safety")]
    [InlineData("Ultrasound:100", "Non-ionising Radiation")]
    [InlineData("Cyclotron and Radiochemistry:100", "Radiopharmacy")]
    [InlineData("Treatment Planning:100", "Radiotherapy Physics")]
    public void Local_services_are_recorded_under_the_List_of_Services_area(string activities, string area)
    {
        var d = Decide(Role(activities));
        Assert.Equal(area, d.ProposedAreaOfWork);
    }

    [Fact]
    public void A_post_with_two_job_descriptions_gets_two_codes_each_with_its_WTE()
    {
        var roles = new[]
        {
            Role("Radiotherapy Physics:100", wte: 0.6m, postId: "MP9", role: "physicist"),
            Role("EBME:100", wte: 0.4m, postId: "MP9", role: "engineer", title: "Clinical Engineer"),
        };
        var ds = CodingEngine.Default.DecidePost(roles, Today);
        Assert.Equal(2, ds.Count);
        Assert.Equal("U2H", ds[0].ProposedCode?.Value);
        Assert.Equal("U2J", ds[1].ProposedCode?.Value);
        Assert.Equal(0.6m, ds[0].AreasOfWork.Single().Wte);
        Assert.Equal(0.4m, ds[1].AreasOfWork.Single().Wte);
        Assert.All(ds, d => Assert.Contains("ESR-POST-02", d.Rules));
    }
}

public class ConsultantTests
{
    [Theory]
    [InlineData(ConsultantAppointment.Panel)]
    [InlineData(ConsultantAppointment.PeerReview)]
    public void Consultant_title_band_8c_and_rigorous_appointment_is_UA(ConsultantAppointment appointment)
    {
        var d = Decide(Role(title: "Consultant Clinical Scientist", band: "8c", entry: EntryRequirement.Consultant, appointment: appointment, specialist: true));
        Assert.Equal("UAH", d.ProposedCode?.Value);
        Assert.Contains("ESR-CONS-01", d.Rules);
        Assert.Equal(CodingStatus.Recode, d.Status);
    }

    [Fact]
    public void Consultant_medical_physicist_is_UAH_in_v12_named_consultant_healthcare_scientist()
    {
        var d = Decide(Role(title: "Consultant Medical Physicist", band: "8d", entry: EntryRequirement.Consultant, appointment: ConsultantAppointment.Panel), InV12);
        Assert.Equal("UAH", d.ProposedCode?.Value);
        Assert.StartsWith("Consultant Healthcare Scientist", d.ProposedCodeTitle);
        Assert.Equal("12", d.ManualVersion);
    }

    [Theory]
    [InlineData("Consultant Clinical Scientist", "8b", ConsultantAppointment.Panel, "below band 8c")]
    [InlineData("Consultant Clinical Scientist", "8c", ConsultantAppointment.None, "no consultant appointment panel")]
    [InlineData("Principal Clinical Scientist", "8c", ConsultantAppointment.Panel, "does not say Consultant")]
    public void Consultant_criteria_not_all_met_is_specialist_level_and_reviewed(string title, string band, ConsultantAppointment appointment, string why)
    {
        var d = Decide(Role(title: title, band: band, entry: EntryRequirement.Consultant, appointment: appointment));
        Assert.Equal("U1H", d.ProposedCode?.Value);
        Assert.Equal(CodingStatus.Review, d.Status);
        Assert.Contains(why, d.Reason);
    }

    [Fact]
    public void Consultant_biomedical_scientist_is_UC_in_life_sciences()
    {
        var d = Decide(Role("Haematology:100", title: "Consultant Biomedical Scientist", band: "8c", entry: EntryRequirement.BiomedicalScientist,
            appointment: ConsultantAppointment.Panel, registrations: "HCPC Biomedical Scientist"));
        Assert.Equal("UCA", d.ProposedCode?.Value);
    }

    [Fact]
    public void Consultant_practitioner_is_UB_in_v22_1()
    {
        var d = Decide(Role("EBME:100", title: "Consultant Clinical Technologist", band: "8c", entry: EntryRequirement.Practitioner,
            appointment: ConsultantAppointment.PeerReview, registrations: ""));
        Assert.Equal("UBJ", d.ProposedCode?.Value);
    }

    [Fact]
    public void Consultant_practitioner_has_no_code_in_v12()
    {
        var d = Decide(Role("EBME:100", title: "Consultant Clinical Technologist", band: "8c", entry: EntryRequirement.Practitioner,
            appointment: ConsultantAppointment.PeerReview, registrations: ""), InV12);
        Assert.Null(d.ProposedCode);
        Assert.Equal(CodingStatus.Review, d.Status);
    }
}

public class ManagerTests
{
    [Fact]
    public void Manager_with_10_percent_or_less_direct_science_who_needs_the_qualification_is_U0()
    {
        var d = Decide(Role(title: "Head of Medical Physics", band: "8d", manages: true, directPct: 10, current: "UAH"));
        Assert.Equal("U0H", d.ProposedCode?.Value);
        Assert.Contains("ESR-MGR-01", d.Rules);
    }

    [Fact]
    public void Manager_with_more_than_10_percent_direct_science_is_coded_for_the_science_role_usually_UA()
    {
        var d = Decide(Role(title: "Consultant Clinical Scientist, Head of Radiotherapy Physics", band: "8d", manages: true, directPct: 11,
            entry: EntryRequirement.Consultant, appointment: ConsultantAppointment.PeerReview, current: "U0H"));
        Assert.Equal("UAH", d.ProposedCode?.Value);
        Assert.Contains("ESR-MGR-02", d.Rules);
        Assert.Contains("coded as manager despite direct science (more than 10%)", d.MiscodingCauses);
    }

    [Fact]
    public void Senior_technologist_manager_with_science_is_a_practitioner_not_a_manager()
    {
        var d = Decide(Role("EBME:100", title: "EBME Manager", band: "7", manages: true, directPct: 30, entry: EntryRequirement.Practitioner, specialist: true, registrations: ""));
        Assert.Equal("U3J", d.ProposedCode?.Value);
        Assert.Contains("ESR-MGR-02", d.Rules);
    }

    [Theory]
    [InlineData("8a", "G1C")]
    [InlineData("8c", "G0C")]
    public void Manager_who_needs_no_HCS_qualification_is_on_the_G_matrix(string band, string code)
    {
        var d = Decide(Role(title: "Service Manager", band: band, manages: true, directPct: 0, requiresQualification: false, current: "U0H", registrations: ""));
        Assert.Equal(code, d.ProposedCode?.Value);
        Assert.Contains("ESR-MGR-03", d.Rules);
        Assert.Contains("manager needing no HCS qualification on the U matrix", d.MiscodingCauses);
    }
}

public class TraineeTests
{
    [Theory]
    [InlineData(TraineeProgramme.Stp, "Nuclear Medicine:100", "U6H")]
    [InlineData(TraineeProgramme.Ptp, "Cardiac Physiology:100", "U7E")]
    [InlineData(TraineeProgramme.Associate, "Audiology:100", "U8F")]
    [InlineData(TraineeProgramme.Bms, "Microbiology:100", "UFB")]
    public void Trainees_take_their_programmes_trainee_level(TraineeProgramme programme, string activities, string code)
    {
        var d = Decide(Role(activities, band: "6", trainee: programme, title: "Trainee Clinical Scientist", registrations: ""));
        Assert.Equal(code, d.ProposedCode?.Value);
        Assert.Contains("ESR-TRAIN-01", d.Rules);
    }

    [Fact]
    public void HSST_trainees_are_coded_at_their_substantive_level()
    {
        var d = Decide(Role(band: "8a", trainee: TraineeProgramme.Hsst, specialist: true, title: "Principal Clinical Scientist (HSST)"));
        Assert.Equal("U1H", d.ProposedCode?.Value);
        Assert.Contains("ESR-TRAIN-02", d.Rules);
    }
}

public class PlausibilityTests
{
    [Theory]
    [InlineData(EntryRequirement.Assistant, "2", false)]
    [InlineData(EntryRequirement.Assistant, "3", false)]
    [InlineData(EntryRequirement.Assistant, "4", true)]
    [InlineData(EntryRequirement.Associate, "4", false)]
    [InlineData(EntryRequirement.Associate, "3", true)]
    [InlineData(EntryRequirement.Associate, "5", true)]
    public void Assistants_and_associates_outside_their_usual_bands_are_reviewed(EntryRequirement entry, string band, bool review)
    {
        var d = Decide(Role(entry: entry, band: band, title: "Healthcare Science Support", registrations: ""));
        Assert.Equal(review, d.ReviewFlags.Any(f => f.RuleId == "ESR-BAND-01"));
        Assert.Contains("ESR-BAND-01", d.Rules);
    }

    [Theory]
    [InlineData("6", false)]
    [InlineData("7", true)]
    [InlineData("8a", true)]
    public void Practitioner_entry_posts_on_band_7_or_above_are_flagged(string band, bool flagged)
    {
        var d = Decide(Role("EBME:100", entry: EntryRequirement.Practitioner, specialist: true, band: band, title: "Senior Clinical Technologist", registrations: ""));
        Assert.Equal("U3J", d.ProposedCode?.Value);
        Assert.Equal(flagged, d.ReviewFlags.Any(f => f.RuleId == "ESR-TECH-01"));
    }

    [Fact]
    public void Clinical_scientist_title_without_registration_recorded_is_reviewed()
    {
        var d = Decide(Role(title: "Clinical Scientist", registrations: ""));
        Assert.Contains(d.ReviewFlags, f => f.RuleId == "ESR-TITLE-01");
        Assert.Contains("Professional Registration", d.Reason);
    }

    [Fact]
    public void Clinical_scientist_title_with_registration_is_fine()
    {
        var d = Decide(Role(title: "Clinical Scientist", registrations: "HCPC Clinical Scientist", current: "U2H", currentArea: "Radiotherapy Physics"));
        Assert.Equal(CodingStatus.Unchanged, d.Status);
        Assert.Contains("ESR-TITLE-01", d.Rules);
    }

    [Fact]
    public void Vacant_clinical_scientist_post_is_not_sent_to_review_for_a_missing_registration()
    {
        var d = Decide(Role(title: "Clinical Scientist", registrations: "", current: "U2H", currentArea: "Radiotherapy Physics") with { HasHolder = false });
        Assert.DoesNotContain(d.ReviewFlags, f => f.RuleId == "ESR-TITLE-01");
        Assert.Equal(CodingStatus.Unchanged, d.Status);
        Assert.Contains("vacant", d.Reason);
    }

    [Fact]
    public void Trainee_clinical_scientist_title_needs_no_registration()
    {
        var d = Decide(Role(title: "Trainee Clinical Scientist", trainee: TraineeProgramme.Stp, band: "6", registrations: ""));
        Assert.DoesNotContain(d.ReviewFlags, f => f.RuleId == "ESR-TITLE-01");
    }

    [Fact]
    public void Protected_title_on_a_practitioner_post_is_reviewed()
    {
        var d = Decide(Role(title: "Clinical Scientist", entry: EntryRequirement.Practitioner, band: "5"));
        Assert.Contains(d.ReviewFlags, f => f.Message.Contains("does not require one"));
    }
}

public class SMatrixTests
{
    [Fact]
    public void OT_technician_supporting_existing_equipment_stays_S4C()
    {
        var d = Decide(Role("Occupational Therapy Technical Support:100", entry: EntryRequirement.Assistant, band: "3", title: "OT Technician", current: "S4C", registrations: ""));
        Assert.Equal("S4C", d.ProposedCode?.Value);
        Assert.Equal(CodingStatus.Unchanged, d.Status);
        Assert.Contains("ESR-SMAT-01", d.Rules);
    }

    [Fact]
    public void OT_technician_who_develops_or_modifies_equipment_is_U4J_rehabilitation_engineering()
    {
        var d = Decide(Role("Medical Engineering Design & Manufacture:100", entry: EntryRequirement.Practitioner, band: "5", title: "Technician", current: "S4C", registrations: ""));
        Assert.Equal("U4J", d.ProposedCode?.Value);
        Assert.Equal("Rehabilitation Engineering", d.ProposedAreaOfWork);
        Assert.Contains("ESR-SMAT-01", d.Rules);
    }

    [Fact]
    public void S4F_is_closed_and_becomes_U4H()
    {
        var d = Decide(Role("X-ray QA:100", entry: EntryRequirement.Practitioner, band: "5", title: "Radiography Technician", current: "S4F", registrations: ""));
        Assert.Equal("U4H", d.ProposedCode?.Value);
        Assert.Equal(CodingStatus.Recode, d.Status);
        Assert.Contains("ESR-SMAT-02", d.Rules);
    }

    [Theory]
    [InlineData("S2X")]
    [InlineData("S4X")]
    public void Valid_S_codes_moved_to_the_U_matrix_are_reviewed(string current)
    {
        var d = Decide(Role(current: current));
        Assert.Equal("U2H", d.ProposedCode?.Value);
        Assert.Equal(CodingStatus.Review, d.Status);
        Assert.Contains("ESR-SMAT-03", d.Rules);
    }

    [Fact]
    public void Retired_S_code_is_recoded()
    {
        var d = Decide(Role(current: "S2N"));
        Assert.Equal(CodingStatus.Recode, d.Status);
        Assert.Contains("ESR-SMAT-03", d.Rules);
        Assert.Contains("retired code", d.MiscodingCauses);
    }

    [Fact]
    public void T_codes_are_retired_and_coded_afresh()
    {
        var d = Decide(Role(current: "T1Q"));
        Assert.Equal("U2H", d.ProposedCode?.Value);
        Assert.Contains("ESR-TMAT-01", d.Rules);
        Assert.Contains("retired T-matrix code", d.MiscodingCauses);
    }
}

public class DecisionShapeTests
{
    [Fact]
    public void Every_decision_has_a_code_area_status_rules_and_one_plain_sentence()
    {
        var d = Decide(Role(current: "U2H", currentArea: "Radiotherapy Physics"));
        Assert.Equal("U2H", d.ProposedCode?.Value);
        Assert.Equal("Radiotherapy Physics", d.AreasOfWork.Single().AreaOfWork);
        Assert.Equal(1.0m, d.AreasOfWork.Single().Wte);
        Assert.Equal(CodingStatus.Unchanged, d.Status);
        Assert.NotEmpty(d.Rules);
        Assert.StartsWith("Keep U2H", d.Reason);
        Assert.EndsWith(".", d.Reason);
        Assert.Single(d.Reason.Split(". ", StringSplitOptions.None));
    }

    [Fact]
    public void Right_code_wrong_area_is_a_recode_of_the_area_only()
    {
        var d = Decide(Role(current: "U2H", currentArea: "Medical Physics"));
        Assert.Equal(CodingStatus.Recode, d.Status);
        Assert.Contains("record the Area of Work as Radiotherapy Physics", d.Reason);
        Assert.Equal(["wrong Area of Work"], d.MiscodingCauses);
    }

    [Fact]
    public void Every_rule_id_used_is_in_the_catalogue_with_its_source()
    {
        Assert.Equal(CodingRules.All.Count, CodingRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(CodingRules.All, r => { Assert.NotEmpty(r.Document); Assert.NotEmpty(r.Section); });
        var d = Decide(Role("EBME:50;Radiation Safety:50", title: "Clinical Engineer", current: "T1R"));
        Assert.All(d.Rules, id => Assert.Contains(CodingRules.All, r => r.Id == id));
    }
}

public class SMatrixLevelTests
{
    [Fact]
    public void OT_technician_developing_equipment_on_an_assistant_entry_post_is_U4J_and_reviewed()
    {
        var d = Decide(Role("Rehabilitation Engineering:100", entry: EntryRequirement.Assistant, band: "3", title: "OT Technician", current: "S4C", registrations: ""));
        Assert.Equal("U4J", d.ProposedCode?.Value);
        Assert.Equal(CodingStatus.Review, d.Status);
        Assert.Contains(d.ReviewFlags, f => f.RuleId == "ESR-SMAT-01");
    }

    [Fact]
    public void S4F_on_an_assistant_entry_post_is_reviewed_against_note_16()
    {
        var d = Decide(Role("X-ray QA:100", entry: EntryRequirement.Assistant, band: "3", title: "Radiography Helper", current: "S4F", registrations: ""));
        Assert.Equal("U9H", d.ProposedCode?.Value);
        Assert.Contains(d.ReviewFlags, f => f.RuleId == "ESR-SMAT-02");
    }

    [Fact]
    public void Only_the_broad_theme_given_is_recorded_with_a_nudge_to_be_specific()
    {
        var d = Decide(Role("Clinical Engineering:100", title: "Clinical Engineer"));
        Assert.Equal("Clinical Engineering", d.ProposedAreaOfWork);
        Assert.Contains("only the broad Clinical Engineering was given", d.Reason);
    }
}
