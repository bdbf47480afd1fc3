using Cadre.Core.Register;

namespace Cadre.Data.Demo;

/// <summary>The organisations, departments, posts and people of the demo, ready to add to a context.</summary>
public sealed record DemoData(IReadOnlyList<Organisation> Organisations, IReadOnlyList<Post> Posts, IReadOnlyList<Person> People);

/// <summary>
/// A realistic, entirely fictional register: an acute trust's Medical Physics and Clinical Engineering directorate of about
/// 150 posts, including the hard cases of seed 000, and a second small trust so that isolation can be seen and tested.
/// The same seed gives the same register every time (names, bands, splits, vacancies); only the GUIDs differ.
/// Fictional ODS codes start with "ZZ", which no real NHS organisation uses.
/// </summary>
public static class DemoOrganisations
{
    public const string DemoOdsCode = "ZZ1";
    public const string DemoName = "Northmoor and Vale Hospitals NHS Foundation Trust (fictional)";
    public const string SecondOdsCode = "ZZ2";
    public const string SecondName = "Fenwick Community Health NHS Trust (fictional)";

    /// <summary>The date the demo describes ("today" for vacancies, expiries and who is in training).</summary>
    public static readonly DateOnly AsAt = new(2026, 11, 1);

    // Post numbers of the hard cases, so tests and walk-throughs can find them.
    public const string HeadOfDepartmentPost = "MP00001";
    public const string VascularScientistPost = "MP00401";
    public const string EbmeInEstatesPost = "MP00801";
    public const string FiftyFiftyPost = "MP00501";
    public const string TwoJobDescriptionPost = "MP00301";

    private static readonly string[] GivenNames =
    [
        "Amelia", "Oliver", "Priya", "James", "Sophie", "Mohammed", "Grace", "Thomas", "Aisha", "Daniel", "Chloe", "Samuel",
        "Hannah", "Joseph", "Fatima", "William", "Emily", "Arjun", "Lucy", "Benjamin", "Zara", "Matthew", "Olivia", "Kwame",
        "Ella", "Rhys", "Megan", "Tomasz", "Niamh", "Adebayo", "Isla", "Callum", "Sian", "Hamza", "Rachel", "Liam",
    ];
    private static readonly string[] FamilyNames =
    [
        "Smith", "Jones", "Patel", "Williams", "Taylor", "Brown", "Khan", "Davies", "Evans", "Wilson", "Thomas", "Roberts",
        "Johnson", "Okafor", "Walker", "Wright", "Robinson", "Thompson", "Ali", "Hughes", "Green", "Edwards", "Shah", "Hall",
        "Wood", "Nowak", "Clarke", "Mensah", "Jackson", "Hussain", "Turner", "Hill", "Moore", "Murphy", "Kaur", "Bennett",
    ];

    public static DemoData Build(int seed = 20261122)
    {
        var builder = new Builder(new Random(seed));
        builder.BuildDemoTrust();
        builder.BuildSecondTrust();
        return new DemoData(builder.Organisations, builder.Posts, builder.People);
    }

    /// <summary>One line of the establishment: how many posts of a kind, and how they are coded and split.</summary>
    private sealed record PostSpec(
        string Title, string Band, int Count, string? Code, EntryRequirement Entry, char Theme, string AreaOfWork,
        (string Service, string? Area, int Percent)[]? Split = null, TrainingProgramme? Training = null,
        ConsultantAppointment Appointment = ConsultantAppointment.None, CertificateType[]? Certificates = null,
        decimal Wte = 1.0m);

    private sealed class Builder(Random random)
    {
        public List<Organisation> Organisations { get; } = [];
        public List<Post> Posts { get; } = [];
        public List<Person> People { get; } = [];
        private int _postNumber;
        private int _staffNumber = 20_400_000;
        private int _registrationNumber = 12_000;

        public void BuildDemoTrust()
        {
            var trust = new Organisation { Name = DemoName, OdsCode = DemoOdsCode };
            Organisations.Add(trust);
            const string main = "Northmoor General Hospital";
            const string cancer = "Northmoor Cancer Centre";
            const string vale = "Vale Community Hospital";

            var directorate = Department(trust, "MPCE Directorate Office", 'H', main, "410100");
            var head = AddPost(trust, directorate, "410100", new PostSpec("Head of Medical Physics and Clinical Engineering", "9", 1, "UAH",
                EntryRequirement.Consultant, 'H', "Radiotherapy Physics",
                [("Directorate leadership and service delivery", "Radiotherapy Physics", 85), ("Radiotherapy Physics (clinical)", "Radiotherapy Physics", 15)],
                Appointment: ConsultantAppointment.Panel, Certificates: [CertificateType.Mpe]), number: HeadOfDepartmentPost)[0];
            head.ManagesDepartment = true;
            head.DirectHcsPercent = 15;
            head.ManagerRequiresHcsQualification = true;
            Lead(directorate, head);

            var radiotherapy = Department(trust, "Radiotherapy Physics", 'H', cancer, "410150");
            Accredit(radiotherapy, AccreditationStatus.Accredited, new DateOnly(2023, 3, 14));
            _postNumber = 100;
            var rtHead = Add(trust, radiotherapy, "410150",
                new("Consultant Clinical Scientist, Head of Radiotherapy Physics", "8d", 1, "UAH", EntryRequirement.Consultant, 'H', "Radiotherapy Physics",
                    [("External Beam Physics", "Radiotherapy Physics", 60), ("Treatment Planning", "Radiotherapy Physics", 40)],
                    Appointment: ConsultantAppointment.Panel, Certificates: [CertificateType.Mpe]));
            Lead(radiotherapy, rtHead[0]);
            Add(trust, radiotherapy, "410150", new("Consultant Clinical Scientist (Radiotherapy Physics)", "8c", 2, "UAH", EntryRequirement.Consultant, 'H', "Radiotherapy Physics",
                [("External Beam Physics", "Radiotherapy Physics", 70), ("Brachytherapy Physics", "Radiotherapy Physics", 30)],
                Appointment: ConsultantAppointment.PeerReview, Certificates: [CertificateType.Mpe]));
            Add(trust, radiotherapy, "410150", new("Principal Clinical Scientist (Radiotherapy Physics)", "8b", 3, "U1H", EntryRequirement.ClinicalScientist, 'H', "Radiotherapy Physics",
                [("External Beam Physics", "Radiotherapy Physics", 50), ("Treatment Planning", "Radiotherapy Physics", 50)], Certificates: [CertificateType.Mpe]));
            Add(trust, radiotherapy, "410150", new("Principal Clinical Scientist (Radiotherapy Physics)", "8a", 4, "U1H", EntryRequirement.ClinicalScientist, 'H', "Radiotherapy Physics"));
            // Two scientists still on the retired T matrix (Radiotherapy Physics was T*Q): the recoding exercise missed them.
            Add(trust, radiotherapy, "410150", new("Clinical Scientist (Radiotherapy Physics)", "7", 4, "U2H", EntryRequirement.ClinicalScientist, 'H', "Radiotherapy Physics"));
            Add(trust, radiotherapy, "410150", new("Clinical Scientist (Radiotherapy Physics)", "7", 2, "T1Q", EntryRequirement.ClinicalScientist, 'H', "Radiotherapy Physics"));
            Add(trust, radiotherapy, "410150", new("Clinical Scientist, HSST trainee (Radiotherapy Physics)", "8a", 1, "U2H", EntryRequirement.ClinicalScientist, 'H', "Radiotherapy Physics", Training: TrainingProgramme.Hsst));
            Add(trust, radiotherapy, "410150", new("Trainee Clinical Scientist (STP, Radiotherapy Physics)", "6", 3, "U6H", EntryRequirement.ClinicalScientist, 'H', "Radiotherapy Physics", Training: TrainingProgramme.Stp));
            Add(trust, radiotherapy, "410150", new("Specialist Clinical Technologist (Treatment Planning)", "6", 4, "U3H", EntryRequirement.Practitioner, 'H', "Radiotherapy Physics",
                [("Treatment Planning", "Radiotherapy Physics", 80), ("ICT for Radiotherapy", "Radiotherapy Physics", 20)]));
            Add(trust, radiotherapy, "410150", new("Clinical Technologist (Radiotherapy Physics)", "5", 4, "U4H", EntryRequirement.Practitioner, 'H', "Radiotherapy Physics"));
            Add(trust, radiotherapy, "410150", new("Mould Room Technician", "4", 2, "T4Q", EntryRequirement.Associate, 'H', "Radiotherapy Physics",
                [("Mould Room Services", "Radiotherapy Physics", 100)]));
            Add(trust, radiotherapy, "410150", new("Physics Assistant (Radiotherapy)", "3", 1, "U9H", EntryRequirement.Assistant, 'H', "Radiotherapy Physics"));
            // Linac engineers sit in the physics department but their work is clinical engineering: theme J by activity.
            Add(trust, radiotherapy, "410155", new("Principal Clinical Technologist (Radiotherapy Engineering)", "8a", 1, "U3J", EntryRequirement.Practitioner, 'J', "Radiation Engineering (Radiotherapy Engineering)",
                [("Radiotherapy Equipment Maintenance", "Radiation Engineering (Radiotherapy Engineering)", 100)]));
            Add(trust, radiotherapy, "410155", new("Senior Clinical Technologist (Linac Engineering)", "7", 2, "U3J", EntryRequirement.Practitioner, 'J', "Radiation Engineering (Radiotherapy Engineering)",
                [("Radiotherapy Equipment Maintenance", "Radiation Engineering (Radiotherapy Engineering)", 100)]));
            Add(trust, radiotherapy, "410155", new("Clinical Technologist (Linac Engineering)", "5", 3, "U4J", EntryRequirement.Practitioner, 'J', "Radiation Engineering (Radiotherapy Engineering)",
                [("Radiotherapy Equipment Maintenance", "Radiation Engineering (Radiotherapy Engineering)", 100)]));

            var nuclear = Department(trust, "Nuclear Medicine and Radiopharmacy", 'H', main, "410160");
            Accredit(nuclear, AccreditationStatus.Applied, null);
            _postNumber = 300;
            // The two-JD post: one person, two job descriptions, two codes with the WTE of each (seed 000).
            var twoJd = AddPost(trust, nuclear, "410160", new("Clinical Scientist (Nuclear Medicine) and Radiation Protection Adviser", "8a", 1, "U2H",
                EntryRequirement.ClinicalScientist, 'H', "Nuclear Medicine",
                [("Nuclear Medicine Therapy", "Nuclear Medicine", 60), ("Unsealed source RPA Services", "Radiation Safety", 40)], Certificates: [CertificateType.Rpa, CertificateType.Rwa]),
                number: TwoJobDescriptionPost)[0];
            twoJd.Roles.Add(new PostRole { Title = "Clinical Scientist (Nuclear Medicine)", JobDescriptionReference = "JD-NM-0412", Wte = 0.6m, OccupationCode = "U2H", AreaOfWork = "Nuclear Medicine" });
            twoJd.Roles.Add(new PostRole { Title = "Radiation Protection Adviser", JobDescriptionReference = "JD-RP-0107", Wte = 0.4m, OccupationCode = "U2H", AreaOfWork = "Radiation Safety" });
            var nmHead = Add(trust, nuclear, "410160", new("Consultant Clinical Scientist (Nuclear Medicine)", "8c", 1, "UAH", EntryRequirement.Consultant, 'H', "Nuclear Medicine",
                [("Single Photon Imaging", "Nuclear Medicine", 50), ("PET Imaging", "Nuclear Medicine", 30), ("Nuclear Medicine Therapy", "Nuclear Medicine", 20)],
                Appointment: ConsultantAppointment.PeerReview, Certificates: [CertificateType.Mpe]));
            Lead(nuclear, nmHead[0]);
            Add(trust, nuclear, "410160", new("Principal Clinical Scientist (Nuclear Medicine)", "8a", 1, "U1H", EntryRequirement.ClinicalScientist, 'H', "Nuclear Medicine"));
            Add(trust, nuclear, "410160", new("Clinical Scientist (Nuclear Medicine)", "7", 2, "U2H", EntryRequirement.ClinicalScientist, 'H', "Nuclear Medicine"));
            Add(trust, nuclear, "410160", new("Trainee Clinical Scientist (STP, Nuclear Medicine)", "6", 1, "U6H", EntryRequirement.ClinicalScientist, 'H', "Nuclear Medicine", Training: TrainingProgramme.Stp));
            Add(trust, nuclear, "410160", new("Senior Clinical Technologist (Nuclear Medicine)", "6", 3, "U3H", EntryRequirement.Practitioner, 'H', "Nuclear Medicine"));
            Add(trust, nuclear, "410160", new("Clinical Technologist (Nuclear Medicine)", "5", 2, "T4P", EntryRequirement.Practitioner, 'H', "Nuclear Medicine"));
            Add(trust, nuclear, "410160", new("Radiopharmacy Technician", "4", 2, "U5H", EntryRequirement.Associate, 'H', "Radiopharmacy",
                [("Radiopharmacy", "Radiopharmacy", 100)]));
            Add(trust, nuclear, "410160", new("Healthcare Science Assistant (Nuclear Medicine)", "3", 1, "U9H", EntryRequirement.Assistant, 'H', "Nuclear Medicine"));

            var imaging = Department(trust, "Imaging Physics and Vascular Laboratory", 'H', main, "410170");
            _postNumber = 400;
            // Vascular scientists in a medical physics department are coded by what they do (E), not where they sit.
            Add(trust, imaging, "410175", new("Clinical Vascular Scientist", "7", 1, "U2E", EntryRequirement.ClinicalScientist, 'E', "Vascular Science",
                [("Vascular ultrasound", "Vascular Science", 100)]), number: VascularScientistPost);
            Add(trust, imaging, "410175", new("Specialist Vascular Science Practitioner", "6", 2, "U3E", EntryRequirement.Practitioner, 'E', "Vascular Science",
                [("Vascular ultrasound", "Vascular Science", 100)]));
            // ...and one that was coded by department: the coding feature should catch it.
            Add(trust, imaging, "410175", new("Vascular Science Practitioner", "5", 1, "U4H", EntryRequirement.Practitioner, 'E', "Vascular Science",
                [("Vascular ultrasound", "Vascular Science", 100)]));
            var imHead = Add(trust, imaging, "410170", new("Consultant Clinical Scientist (Imaging Physics)", "8c", 1, "UAH", EntryRequirement.Consultant, 'H', "Diagnostic and Interventional Radiology",
                [("Diagnostic Radiology Physics", "Diagnostic and Interventional Radiology", 60), ("Magnetic Resonance Imaging", "Magnetic Resonance Imaging", 40)],
                Appointment: ConsultantAppointment.PeerReview, Certificates: [CertificateType.Mpe]));
            Lead(imaging, imHead[0]);
            Add(trust, imaging, "410170", new("Principal Clinical Scientist (Diagnostic Radiology)", "8a", 2, "U1H", EntryRequirement.ClinicalScientist, 'H', "Diagnostic and Interventional Radiology",
                [("X-ray QA", "Diagnostic and Interventional Radiology", 50), ("CT", "CT", 30), ("Mammography QA services", "Mammography", 20)], Certificates: [CertificateType.Mpe]));
            Add(trust, imaging, "410170", new("Clinical Scientist (MRI Physics)", "7", 2, "U2H", EntryRequirement.ClinicalScientist, 'H', "Magnetic Resonance Imaging"));
            Add(trust, imaging, "410170", new("Clinical Scientist (Diagnostic Radiology)", "7", 1, "S2N", EntryRequirement.ClinicalScientist, 'H', "Diagnostic and Interventional Radiology"));
            Add(trust, imaging, "410170", new("Clinical Scientist, HSST trainee (Imaging)", "7", 1, "U2H", EntryRequirement.ClinicalScientist, 'H', "Diagnostic and Interventional Radiology", Training: TrainingProgramme.Hsst));
            Add(trust, imaging, "410170", new("Trainee Clinical Scientist (STP, Imaging with Ionising Radiation)", "6", 2, "U6H", EntryRequirement.ClinicalScientist, 'H', "Diagnostic and Interventional Radiology", Training: TrainingProgramme.Stp));
            Add(trust, imaging, "410170", new("Senior Clinical Technologist (Imaging)", "6", 2, "U3H", EntryRequirement.Practitioner, 'H', "Diagnostic and Interventional Radiology",
                [("X-ray QA", "Diagnostic and Interventional Radiology", 70), ("DEXA", "Diagnostic and Interventional Radiology", 30)]));
            Add(trust, imaging, "410170", new("Clinical Technologist (Ultrasound and Non-ionising Radiation)", "5", 2, "U4H", EntryRequirement.Practitioner, 'H', "Non-ionising Radiation"));

            var protection = Department(trust, "Radiation Protection Service", 'H', vale, "410180");
            Accredit(protection, AccreditationStatus.Accredited, new DateOnly(2024, 6, 3));
            _postNumber = 500;
            // The 50:50 role: half equipment engineering, half radiation safety; coded as a clinical engineer on its title.
            Add(trust, protection, "410180", new("Clinical Engineer (Equipment and Radiation Safety)", "7", 1, "U2J", EntryRequirement.ClinicalScientist, 'J', "Medical Equipment Management / EBME",
                [("Equipment Management & Contract Management", "Medical Equipment Management / EBME", 50), ("Radiation Protection", "Radiation Safety", 50)]), number: FiftyFiftyPost);
            var rpHead = Add(trust, protection, "410180", new("Consultant Clinical Scientist, Head of Radiation Protection", "8c", 1, "UAH", EntryRequirement.Consultant, 'H', "Radiation Safety",
                [("Sealed Source RPA services", "Radiation Safety", 50), ("Room Design/RT bunker design", "Radiation Safety", 30), ("DGSA", "Radiation Safety", 20)],
                Appointment: ConsultantAppointment.PeerReview, Certificates: [CertificateType.Rpa, CertificateType.Dgsa]));
            Lead(protection, rpHead[0]);
            Add(trust, protection, "410180", new("Principal Clinical Scientist (Radiation Protection)", "8b", 1, "U1H", EntryRequirement.ClinicalScientist, 'H', "Radiation Safety",
                [("Radiation Protection", "Radiation Safety", 70), ("Laser Safety LPA services", "Radiation Safety", 30)], Certificates: [CertificateType.Rpa, CertificateType.Lpa]));
            Add(trust, protection, "410180", new("Clinical Scientist (Radiation Protection)", "7", 2, "U2H", EntryRequirement.ClinicalScientist, 'H', "Radiation Safety"));
            Add(trust, protection, "410180", new("Senior Clinical Technologist (Personal Dosimetry)", "6", 1, "U3H", EntryRequirement.Practitioner, 'H', "Radiation Safety",
                [("Personal Dosimetry/Monitoring/Film badge monitoring", "Radiation Safety", 100)]));
            Add(trust, protection, "410180", new("Clinical Technologist (Radiation Protection)", "5", 2, "U4H", EntryRequirement.Practitioner, 'H', "Radiation Safety"));
            Add(trust, protection, "410180", new("Dosimetry Assistant", "3", 1, "U9H", EntryRequirement.Assistant, 'H', "Radiation Safety", Wte: 0.6m));

            var ebme = Department(trust, "Medical Equipment Management (EBME)", 'J', main, "410200");
            Accredit(ebme, AccreditationStatus.Accredited, new DateOnly(2022, 11, 21));
            _postNumber = 600;
            var ceHead = Add(trust, ebme, "410200", new("Head of Clinical Engineering", "8c", 1, "UAJ", EntryRequirement.Consultant, 'J', "Medical Equipment Management / EBME",
                [("Equipment Management & Contract Management", "Medical Equipment Management / EBME", 80), ("Medical Device Integration", "Medical Engineering Design & Manufacture", 20)],
                Appointment: ConsultantAppointment.PeerReview));
            ceHead[0].ManagesDepartment = true;
            ceHead[0].DirectHcsPercent = 30;
            ceHead[0].ManagerRequiresHcsQualification = true;
            Lead(ebme, ceHead[0]);
            Add(trust, ebme, "410200", new("Principal Clinical Engineer", "8a", 2, "U1J", EntryRequirement.ClinicalScientist, 'J', "Medical Equipment Management / EBME"));
            Add(trust, ebme, "410200", new("Clinical Engineer", "7", 3, "U2J", EntryRequirement.ClinicalScientist, 'J', "Medical Equipment Management / EBME"));
            Add(trust, ebme, "410200", new("Trainee Clinical Scientist (STP, Clinical Engineering)", "6", 1, "U6J", EntryRequirement.ClinicalScientist, 'J', "Medical Equipment Management / EBME", Training: TrainingProgramme.Stp));
            Add(trust, ebme, "410200", new("Senior Clinical Technologist (EBME)", "6", 6, "U3J", EntryRequirement.Practitioner, 'J', "Medical Equipment Management / EBME",
                [("Electro-medical Equipment Maintenance", "Medical Equipment Management / EBME", 70), ("Critical Care Technology", "Medical Equipment Management / EBME", 30)]));
            Add(trust, ebme, "410200", new("Clinical Technologist (EBME)", "5", 6, "U4J", EntryRequirement.Practitioner, 'J', "Medical Equipment Management / EBME"));
            Add(trust, ebme, "410200", new("Clinical Technologist (EBME)", "5", 2, "T4R", EntryRequirement.Practitioner, 'J', "Medical Equipment Management / EBME"));
            Add(trust, ebme, "410200", new("Associate Clinical Technologist (EBME)", "4", 4, "U5J", EntryRequirement.Associate, 'J', "Medical Equipment Management / EBME"));
            Add(trust, ebme, "410200", new("Apprentice Clinical Technologist", "3", 2, "U7J", EntryRequirement.Practitioner, 'J', "Medical Equipment Management / EBME", Training: TrainingProgramme.Ptp));
            Add(trust, ebme, "410200", new("Equipment Library Assistant", "2", 3, "U9J", EntryRequirement.Assistant, 'J', "Medical Equipment Management / EBME",
                [("Equipment Library", "Medical Equipment Management / EBME", 100)]));
            Add(trust, ebme, "410205", new("Senior Clinical Technologist (Anaesthetic Engineering)", "6", 2, "U3J", EntryRequirement.Practitioner, 'J', "Anaesthetic Engineering",
                [("Anaesthetic Equipment Maintenance", "Anaesthetic Engineering", 100)]));

            var rehab = Department(trust, "Rehabilitation Engineering", 'J', vale, "410220");
            _postNumber = 700;
            var reHead = Add(trust, rehab, "410220", new("Consultant Clinical Scientist (Rehabilitation Engineering)", "8c", 1, "UAJ", EntryRequirement.Consultant, 'J', "Rehabilitation Engineering",
                [("Electronic Assistive Technology", "Rehabilitation Engineering", 50), ("Specialist Seating services", "Rehabilitation Engineering", 50)], Appointment: ConsultantAppointment.PeerReview));
            Lead(rehab, reHead[0]);
            Add(trust, rehab, "410220", new("Clinical Scientist (Rehabilitation Engineering)", "7", 2, "U2J", EntryRequirement.ClinicalScientist, 'J', "Rehabilitation Engineering"));
            Add(trust, rehab, "410220", new("Trainee Clinical Scientist (STP, Rehabilitation Engineering)", "6", 1, "U6J", EntryRequirement.ClinicalScientist, 'J', "Rehabilitation Engineering", Training: TrainingProgramme.Stp));
            Add(trust, rehab, "410220", new("Senior Rehabilitation Engineer", "6", 3, "U3J", EntryRequirement.Practitioner, 'J', "Rehabilitation Engineering",
                [("Wheelchair Services", "Rehabilitation Engineering", 60), ("Specialist Seating services", "Rehabilitation Engineering", 40)]));
            Add(trust, rehab, "410220", new("Rehabilitation Engineering Technologist", "5", 3, "T4N", EntryRequirement.Practitioner, 'J', "Rehabilitation Engineering"));
            Add(trust, rehab, "410220", new("Wheelchair Service Technician", "4", 2, "U5J", EntryRequirement.Associate, 'J', "Rehabilitation Engineering",
                [("Wheelchair Services", "Rehabilitation Engineering", 100)]));
            Add(trust, rehab, "410225", new("Renal Technologist", "5", 4, "U4J", EntryRequirement.Practitioner, 'J', "Renal Technology", [("Renal Technology", "Renal Technology", 100)]));
            Add(trust, rehab, "410225", new("Senior Renal Technologist", "6", 2, "U3J", EntryRequirement.Practitioner, 'J', "Renal Technology", [("Renal Technology", "Renal Technology", 100)]));
            Add(trust, rehab, "410225", new("Renal Technology Assistant", "3", 2, "U9J", EntryRequirement.Assistant, 'J', "Renal Technology", [("Renal Technology", "Renal Technology", 100)]));

            var audiology = Department(trust, "Audiology", 'F', vale, "410240");
            var iqips = new Accreditation { Scheme = "UKAS IQIPS", Standard = "IQIPS", Status = AccreditationStatus.Accredited, AwardedOn = new DateOnly(2021, 9, 1), ExpiresOn = new DateOnly(2026, 8, 31) };
            audiology.Accreditations.Add(iqips);
            _postNumber = 900;
            var auHead = Add(trust, audiology, "410240", new("Principal Clinical Scientist, Head of Audiology", "8b", 1, "U1F", EntryRequirement.ClinicalScientist, 'F', "Audiology"));
            auHead[0].ManagesDepartment = true;
            auHead[0].DirectHcsPercent = 40;
            auHead[0].ManagerRequiresHcsQualification = true;
            Lead(audiology, auHead[0]);
            Add(trust, audiology, "410240", new("Clinical Scientist (Audiology)", "7", 1, "U2F", EntryRequirement.ClinicalScientist, 'F', "Audiology"));
            Add(trust, audiology, "410240", new("Specialist Audiologist", "6", 2, "U3F", EntryRequirement.Practitioner, 'F', "Audiology"));
            Add(trust, audiology, "410240", new("Audiologist", "5", 3, "U4F", EntryRequirement.Practitioner, 'F', "Audiology"));
            Add(trust, audiology, "410240", new("Associate Audiologist", "4", 1, "U5F", EntryRequirement.Associate, 'F', "Audiology"));
            Add(trust, audiology, "410240", new("Audiology Assistant", "3", 1, "U9F", EntryRequirement.Assistant, 'F', "Audiology", Wte: 0.8m));
            Add(trust, audiology, "410245", new("Cardiac Physiologist", "5", 2, "U4E", EntryRequirement.Practitioner, 'E', "Cardiac Physiology"));

            // EBME staff employed by Estates: still healthcare science by activity (U*J), though one sits on a retired code.
            var estates = Department(trust, "Estates and Facilities: Medical Engineering", null, main, "520300");
            _postNumber = 800;
            Add(trust, estates, "520300", new("Medical Equipment Technician (Estates)", "5", 1, "S4N", EntryRequirement.Practitioner, 'J', "Medical Equipment Management / EBME",
                [("Electro-medical Equipment Maintenance", "Medical Equipment Management / EBME", 100)]), number: EbmeInEstatesPost);
            Add(trust, estates, "520300", new("Medical Equipment Technician (Estates)", "5", 2, "U4J", EntryRequirement.Practitioner, 'J', "Medical Equipment Management / EBME",
                [("Electro-medical Equipment Maintenance", "Medical Equipment Management / EBME", 100)]));
            Add(trust, estates, "520300", new("Medical Equipment Support Worker (Estates)", "3", 1, "U9J", EntryRequirement.Assistant, 'J', "Medical Equipment Management / EBME"));

            // Some vacancies and a frozen post, chosen deterministically among the unremarkable posts.
            var ordinary = Posts.Where(p => p.OrganisationId == trust.Id && p.Roles.Count == 0 && !p.ManagesDepartment
                && p.PostNumber is not (VascularScientistPost or EbmeInEstatesPost or FiftyFiftyPost or HeadOfDepartmentPost)
                && !p.Title.Contains("Consultant") && !p.Title.Contains("trainee", StringComparison.OrdinalIgnoreCase) && !p.Title.Contains("STP")).ToList();
            var vacant = ordinary.OrderBy(_ => random.Next()).Take(14).ToList();
            foreach (var post in vacant.Take(13)) post.Status = PostStatus.Vacant;
            vacant[13].Status = PostStatus.Frozen;
            vacant[13].FundedWte = 0.5m;
            FillPosts(trust);
        }

        public void BuildSecondTrust()
        {
            var trust = new Organisation { Name = SecondName, OdsCode = SecondOdsCode };
            Organisations.Add(trust);
            var clinicalMeasurement = Department(trust, "Clinical Measurement", 'E', "Fenwick Health Centre", "300110");
            _postNumber = 0;
            Add(trust, clinicalMeasurement, "300110", new("Principal Cardiac Physiologist", "7", 1, "U3E", EntryRequirement.Practitioner, 'E', "Cardiac Physiology"), prefix: "FC");
            Add(trust, clinicalMeasurement, "300110", new("Cardiac Physiologist", "5", 2, "U4E", EntryRequirement.Practitioner, 'E', "Cardiac Physiology"), prefix: "FC");
            Add(trust, clinicalMeasurement, "300110", new("Respiratory Physiologist", "6", 1, "U3E", EntryRequirement.Practitioner, 'E', "Respiratory Physiology"), prefix: "FC");
            var eq = Department(trust, "Community Equipment Service", 'J', "Fenwick Health Centre", "300120");
            Add(trust, eq, "300120", new("Clinical Technologist (Community Equipment)", "5", 2, "U4J", EntryRequirement.Practitioner, 'J', "Medical Equipment Management / EBME"), prefix: "FC");
            FillPosts(trust);
        }

        private static Department Department(Organisation trust, string name, char? theme, string site, string costCentre)
        {
            var d = new Department { OrganisationId = trust.Id, Name = name, ScienceTheme = theme, Site = site };
            trust.Departments.Add(d);
            return d;
        }

        private static void Accredit(Department department, AccreditationStatus status, DateOnly? awarded) =>
            department.Accreditations.Add(new Accreditation
            {
                OrganisationId = department.OrganisationId, Scheme = "UKAS MPACE", Standard = "BS 70000", Status = status,
                AwardedOn = awarded, ExpiresOn = awarded?.AddYears(4).AddDays(-1),
            });

        // Posts whose holder leads their department; the lead is set once the holder exists.
        private readonly HashSet<Post> _leadPosts = [];
        private void Lead(Department department, Post post) => _leadPosts.Add(post);

        private List<Post> Add(Organisation trust, Department department, string costCentre, PostSpec spec, string? number = null, string prefix = "MP") =>
            AddPost(trust, department, costCentre, spec, number, prefix);

        private List<Post> AddPost(Organisation trust, Department department, string costCentre, PostSpec spec, string? number = null, string prefix = "MP")
        {
            var made = new List<Post>();
            for (var i = 0; i < spec.Count; i++)
            {
                var post = new Post
                {
                    OrganisationId = trust.Id, DepartmentId = department.Id, Department = department,
                    PostNumber = number ?? $"{prefix}{++_postNumber:00000}",
                    Title = spec.Title, Band = PayBand.Parse(spec.Band), FundedWte = spec.Wte, CostCentre = costCentre,
                    Status = PostStatus.Funded, OccupationCode = spec.Code, AreaOfWork = spec.AreaOfWork,
                    EntryRequirement = spec.Entry, ConsultantAppointment = spec.Appointment,
                    DirectHcsPercent = 100,
                };
                foreach (var (service, area, percent) in spec.Split ?? [(spec.AreaOfWork, spec.AreaOfWork, 100)])
                    post.Activities.Add(new PostActivity { OrganisationId = trust.Id, Service = service, AreaOfWork = area, ScienceTheme = spec.Theme, Percent = percent });
                if (number is not null) _postNumber++;
                number = null;
                _specs[post] = spec;
                Posts.Add(post);
                made.Add(post);
            }
            return made;
        }

        private readonly Dictionary<Post, PostSpec> _specs = [];

        /// <summary>Puts a person in every funded post, with registrations, certificates and training that fit the post.</summary>
        private void FillPosts(Organisation trust)
        {
            foreach (var post in Posts.Where(p => p.OrganisationId == trust.Id && p.Status == PostStatus.Funded))
            {
                var spec = _specs[post];
                var person = new Person
                {
                    OrganisationId = trust.Id,
                    StaffNumber = (++_staffNumber).ToString(),
                    GivenName = GivenNames[random.Next(GivenNames.Length)],
                    FamilyName = FamilyNames[random.Next(FamilyNames.Length)],
                    YearOfBirth = AsAt.Year - AgeFor(post, spec),
                };
                // About one in six works part time.
                var wte = post.FundedWte < 1.0m ? post.FundedWte : random.Next(6) == 0 ? (random.Next(2) == 0 ? 0.6m : 0.8m) : 1.0m;
                var started = AsAt.AddDays(-random.Next(spec.Training is null ? 200 : 60, spec.Training is null ? 4000 : 700));
                person.Assignments.Add(new Assignment { OrganisationId = trust.Id, Post = post, PostId = post.Id, Wte = wte, StartDate = started });
                AddRegistrations(person, post, spec);
                foreach (var type in spec.Certificates ?? [])
                    person.Certificates.Add(new Certificate
                    {
                        OrganisationId = trust.Id, Type = type, Number = $"{type.ToString().ToUpperInvariant()}-{random.Next(1000, 9999)}",
                        Scope = spec.AreaOfWork, ExpiresOn = AsAt.AddDays(random.Next(-30, 5 * 365)),
                    });
                if (spec.Training is { } programme) AddTraining(person, programme, spec, started);
                if (_leadPosts.Contains(post)) post.Department!.LeadPersonId = person.Id;
                People.Add(person);
            }
        }

        private int AgeFor(Post post, PostSpec spec) => spec.Training switch
        {
            TrainingProgramme.Stp or TrainingProgramme.Ptp => random.Next(22, 30),
            TrainingProgramme.Hsst => random.Next(30, 38),
            _ => post.Band.Rank switch { <= 3 => random.Next(19, 64), <= 5 => random.Next(23, 62), 6 => random.Next(27, 62), <= 8 => random.Next(33, 64), _ => random.Next(42, 64) },
        };

        private void AddRegistrations(Person person, Post post, PostSpec spec)
        {
            if (spec.Training is TrainingProgramme.Stp or TrainingProgramme.Ptp) return; // not registered yet
            var renewal = new DateOnly(AsAt.Year + 1, random.Next(1, 13), 1).AddDays(-1);
            if (spec.Entry is EntryRequirement.ClinicalScientist or EntryRequirement.Consultant)
                person.Registrations.Add(new ProfessionalRegistration { OrganisationId = person.OrganisationId, Type = RegistrationType.HcpcClinicalScientist, Number = $"CS{++_registrationNumber:000000}", ExpiresOn = renewal });
            if (spec.Entry == EntryRequirement.Consultant)
                person.Registrations.Add(new ProfessionalRegistration { OrganisationId = person.OrganisationId, Type = RegistrationType.Hssr, Number = $"HSSR{++_registrationNumber:00000}", ExpiresOn = renewal });
            if (spec.Entry == EntryRequirement.Practitioner && post.Band.Rank >= 4 && random.Next(3) > 0)
                person.Registrations.Add(new ProfessionalRegistration { OrganisationId = person.OrganisationId, Type = RegistrationType.Ahcs, Number = $"AHCS{++_registrationNumber:00000}", ExpiresOn = renewal });
        }

        private void AddTraining(Person person, TrainingProgramme programme, PostSpec spec, DateOnly started)
        {
            var years = programme switch { TrainingProgramme.Hsst => 5, TrainingProgramme.Ptp => 3, _ => 3 };
            var start = new DateOnly(started.Month >= 9 ? started.Year : started.Year - 1, 9, 1);
            var partTime = programme == TrainingProgramme.Hsst && random.Next(2) == 0;
            person.TrainingEnrolments.Add(new TrainingEnrolment
            {
                OrganisationId = person.OrganisationId, Programme = programme, Specialism = spec.AreaOfWork, StartDate = start,
                ExpectedEndDate = start.AddYears(partTime ? years + 2 : years).AddDays(-1),
                Mode = partTime ? StudyMode.PartTime : StudyMode.FullTime, Status = TrainingStatus.Active,
            });
            // One earlier STP trainee withdrew: kept, because withdrawal rates are reported (seed 004).
            if (programme == TrainingProgramme.Stp && !_withdrawnAdded)
            {
                _withdrawnAdded = true;
                person.TrainingEnrolments.Add(new TrainingEnrolment
                {
                    OrganisationId = person.OrganisationId, Programme = TrainingProgramme.Ptp, Specialism = "Medical Physics Technology",
                    StartDate = start.AddYears(-3), ExpectedEndDate = start.AddYears(-1).AddDays(-1), Mode = StudyMode.FullTime, Status = TrainingStatus.Withdrawn,
                });
            }
        }

        private bool _withdrawnAdded;
    }
}
