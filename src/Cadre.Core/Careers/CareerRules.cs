namespace Cadre.Core.Careers;

/// <summary>A careers rule and the paragraph it rests on.</summary>
public sealed record CareerRule(string Id, string Summary, string Citation);

/// <summary>The careers rules that are not single route steps (those are in reference/careers/routes.tsv). Ids are stable.</summary>
public static class CareerRules
{
    public static readonly CareerRule AlreadyMet = new("CAREER-MET-01",
        "A person who already holds a credential the post requires needs no further route.",
        "Modernising Scientific Careers: The England Action Plan (DH 2010) ch.5 para 25 (on completion trainees compete for posts suited to their new skills)");

    public static readonly CareerRule InProgress = new("CAREER-PROG-01",
        "A route whose first step is the programme the person is already on (active or interrupted) is that person's route, shown first.",
        "IPEM Workforce Intelligence Unit report Is HSST meeting the needs of the Medical Physics profession? (2023) Background (withdrawals are recorded, so enrolments are kept); Modernising Scientific Careers: The England Action Plan (DH 2010) ch.5 para 25");

    public static readonly CareerRule ConsultantNotAutomatic = new("CAREER-CONS-01",
        "HSSR registration is evidence of the skills a Consultant Clinical Scientist needs, not a guarantee of a post: experience counts too. Consultant posts sit at band 8c, 8d or 9.",
        "IPEM Workforce Intelligence Unit report Is HSST meeting the needs of the Medical Physics profession? (2023) Background (bands 8c, 8d, 9) and Recommendation 1; IPEM Workforce Intelligence Unit report Is HSST meeting the needs of the Medical Physics profession? (2023) The Position of HSST Relative to CCS Posts; IPEM policy statement on leadership and management of Medical Physics and Clinical Engineering services section 5 (HSSR ensures HSST standards are met by eligible applicants)");

    public static readonly CareerRule PtpPost = new("CAREER-TRAIN-PTP",
        "A PTP trainee trains for a practitioner role, so the post's entry requirement should be Practitioner.",
        "Modernising Scientific Careers: The England Action Plan (DH 2010) ch.4 para 26 and Annex 3 (Healthcare Science Practitioner)");

    public static readonly CareerRule StpPost = new("CAREER-TRAIN-STP",
        "An STP trainee trains to be a Clinical Scientist, so the post's entry requirement should be Clinical Scientist; direct-entry trainees are on fixed-term band 6 posts, in-service trainees keep their own band.",
        "Modernising Scientific Careers: The England Action Plan (DH 2010) ch.4 para 26; National School of Healthcare Science programme guidance (STP: direct entry fixed-term band 6, or in-service)");

    public static readonly CareerRule HsstRegistered = new("CAREER-TRAIN-HSST-REG",
        "An HSST trainee must already be a registered clinical (or biomedical) scientist.",
        "National School of Healthcare Science programme guidance (HSST entry); IPEM Workforce Intelligence Unit report Is HSST meeting the needs of the Medical Physics profession? (2023) The Position of HSST Relative to CCS Posts (one or two years as a clinical scientist is the minimum)");

    public static readonly CareerRule HsstBand = new("CAREER-TRAIN-HSST-BAND",
        "HSST trainees are employed at band 7 or above.",
        "National School of Healthcare Science programme guidance (HSST: band 7 or above); IPEM guidance on coding Medical Physics and Clinical Engineering staff within ESR (trainees coded at their substantive level, ESR-TRAIN-02)");

    public static readonly CareerRule HsstPost = new("CAREER-TRAIN-HSST-POST",
        "An HSST trainee holds a clinical scientist, biomedical scientist or consultant-track post; a practitioner, associate or assistant post is not a route to HSST.",
        "Modernising Scientific Careers: The England Action Plan (DH 2010) Annex 3 (Senior Healthcare Scientist competes for HSST); National School of Healthcare Science programme guidance");

    public static readonly CareerRule HsseNotTraining = new("CAREER-TRAIN-HSSE",
        "HSSE is an equivalence route, not a training programme: there is no trainee post, but the person must be a registered scientist building a portfolio against the HSSR standards.",
        "IPEM Workforce Intelligence Unit report Is HSST meeting the needs of the Medical Physics profession? (2023) Other Considerations (HSSE: no formal training in the same sense as HSST)");

    public static IReadOnlyList<CareerRule> All { get; } = [AlreadyMet, InProgress, ConsultantNotAutomatic, PtpPost, StpPost, HsstRegistered, HsstBand, HsstPost, HsseNotTraining];
}
