namespace Cadre.Core.Register;

/// <summary>Whether a post is in the funded establishment and filled. Stored by name, so the order here can change.</summary>
public enum PostStatus
{
    /// <summary>Funded and (normally) held by someone.</summary>
    Funded,
    /// <summary>Funded but nobody is in it: an open vacancy.</summary>
    Vacant,
    /// <summary>Kept on the establishment but not to be recruited to (no spend).</summary>
    Frozen,
}

/// <summary>
/// The educational entry level the post requires. Seed 000: it is this, not what the holder happens to have, that decides
/// the level character of the occupation code.
/// </summary>
public enum EntryRequirement
{
    Assistant,
    Associate,
    Practitioner,
    ClinicalScientist,
    BiomedicalScientist,
    Consultant,
}

/// <summary>How a consultant post was appointed to (seed 000: panels are rare now; equivalent peer review counts too).</summary>
public enum ConsultantAppointment
{
    None,
    Panel,
    PeerReview,
}

/// <summary>State of a department's service accreditation (for example UKAS MPACE against BS 70000).</summary>
public enum AccreditationStatus
{
    Planned,
    Applied,
    Accredited,
    Suspended,
    Lapsed,
    Withdrawn,
}

/// <summary>The registers a healthcare scientist can be on.</summary>
public enum RegistrationType
{
    /// <summary>HCPC, protected title Clinical Scientist.</summary>
    HcpcClinicalScientist,
    /// <summary>HCPC, protected title Biomedical Scientist.</summary>
    HcpcBiomedicalScientist,
    /// <summary>Academy for Healthcare Science accredited register (practitioners, associates).</summary>
    Ahcs,
    /// <summary>Higher Specialist Scientist Register (after HSST or HSSE).</summary>
    Hssr,
}

/// <summary>Statutory and expert roles that a person is certified for, which services must be able to name.</summary>
public enum CertificateType
{
    /// <summary>Medical Physics Expert (IR(ME)R).</summary>
    Mpe,
    /// <summary>Radiation Protection Adviser (IRR17).</summary>
    Rpa,
    /// <summary>Radioactive Waste Adviser.</summary>
    Rwa,
    /// <summary>Dangerous Goods Safety Adviser.</summary>
    Dgsa,
    /// <summary>Laser Protection Adviser.</summary>
    Lpa,
}

/// <summary>National Healthcare Science training programmes (Modernising Scientific Careers).</summary>
public enum TrainingProgramme
{
    /// <summary>Practitioner Training Programme (BSc).</summary>
    Ptp,
    /// <summary>Scientist Training Programme (3 years, MSc).</summary>
    Stp,
    /// <summary>Higher Specialist Scientist Training (5 years, doctoral).</summary>
    Hsst,
    /// <summary>Higher Specialist Scientist Equivalence.</summary>
    Hsse,
}

public enum StudyMode
{
    FullTime,
    PartTime,
}

/// <summary>Where a trainee is; withdrawals are kept (not deleted) because withdrawal rates are reported (seed 004).</summary>
public enum TrainingStatus
{
    Active,
    Interrupted,
    Completed,
    Withdrawn,
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    // Events, not changes (docs/decisions/audit-events-and-chain.md): the Data Security and Protection Toolkit asks
    // for access to personal data to be recorded as well as changes to it.
    SignedIn,
    SignInFailed,
    SignedOut,
    TokenUsed,
    TokenRefused,
    Exported,
    Viewed,
    // The second factor (docs/decisions/sign-in.md): set up, reset (by the user or an administrator), a wrong code.
    SecondFactorEnrolled,
    SecondFactorReset,
    SecondFactorRefused,
}

/// <summary>
/// The national training programme a trainee post is for, as recorded on the post (the coding engine's
/// <c>trainee_programme</c>). <see cref="None"/> is a recorded "not a trainee post"; a post that records nothing holds
/// null and the programme is read from its title. Stored by name.
/// </summary>
public enum TraineeProgramme
{
    /// <summary>Not a trainee post.</summary>
    None,
    /// <summary>Scientist Training Programme: a trainee clinical scientist.</summary>
    Stp,
    /// <summary>Practitioner Training Programme (or an apprenticeship to practitioner).</summary>
    Ptp,
    /// <summary>A trainee associate (apprenticeship to associate).</summary>
    Associate,
    /// <summary>Trainee biomedical scientist (IBMS registration portfolio).</summary>
    Bms,
    /// <summary>Higher Specialist Scientist Training.</summary>
    Hsst,
}
