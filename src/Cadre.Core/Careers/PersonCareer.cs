using Cadre.Core.Register;

namespace Cadre.Core.Careers;

/// <summary>What the careers rules need to know about a person: the credentials they hold and the programmes they are on.</summary>
public sealed record PersonCareer(IReadOnlyCollection<Credential> Held, IReadOnlyCollection<TrainingProgramme> InTraining)
{
    /// <summary>
    /// Reads a register entry on a date: registrations not expired by then, and enrolments still active or interrupted
    /// (a withdrawn or completed enrolment is history; a completed programme shows as the registration it led to).
    /// </summary>
    public static PersonCareer From(Person person, DateOnly on) => new(
        person.Registrations.Where(r => r.ExpiresOn is null || r.ExpiresOn >= on).Select(r => Credentials.From(r.Type)).Distinct().ToList(),
        person.TrainingEnrolments.Where(e => e.Status is TrainingStatus.Active or TrainingStatus.Interrupted).Select(e => e.Programme).Distinct().ToList());
}
