using Cadre.Core.Coding;
using EntryRequirement = Cadre.Core.Register.EntryRequirement;
using TraineeProgramme = Cadre.Core.Register.TraineeProgramme;
using ConsultantAppointment = Cadre.Core.Register.ConsultantAppointment;
using PayBand = Cadre.Core.Register.PayBand;

namespace Cadre.Core.Tests.Coding;

/// <summary>Builds roles for tests: a band 7 clinical scientist in radiotherapy physics unless told otherwise.</summary>
internal static class Roles
{
    public static readonly DateOnly Today = new(2026, 1, 1);
    public static readonly DateOnly InV12 = new(2014, 6, 1);

    public static PostRole Role(string activities = "Radiotherapy Physics:100", string band = "7", EntryRequirement entry = EntryRequirement.ClinicalScientist,
        string title = "Clinical Scientist", string department = "Medical Physics", string? current = null, string currentArea = "",
        bool specialist = false, TraineeProgramme trainee = TraineeProgramme.None, bool manages = false, decimal directPct = 100,
        bool requiresQualification = true, ConsultantAppointment appointment = ConsultantAppointment.None, string registrations = "HCPC Clinical Scientist",
        decimal wte = 1.0m, string postId = "P1", string role = "role") => new()
    {
        PostId = postId,
        Role = role,
        Title = title,
        Department = department,
        PayBand = PayBand.Parse(band),
        Wte = wte,
        CurrentCode = current is null ? null : OccupationCode.Parse(current),
        CurrentAreaOfWork = currentArea,
        EntryRequirement = entry,
        Specialist = specialist,
        TraineeProgramme = trainee,
        ManagesDepartment = manages,
        DirectHcsPercent = directPct,
        RequiresHcsQualification = requiresQualification,
        ConsultantAppointment = appointment,
        Activities = activities.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(a =>
        {
            var i = a.LastIndexOf(':');
            return new Activity(a[..i], decimal.Parse(a[(i + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }).ToList(),
        Registrations = registrations.Split(';', StringSplitOptions.RemoveEmptyEntries),
    };

    public static CodingDecision Decide(PostRole role, DateOnly? on = null) => CodingEngine.Default.Decide(role, on ?? Today);
}
