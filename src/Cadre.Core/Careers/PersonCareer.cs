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

    /// <summary>
    /// The register records registrations, not degrees. A direct-entry STP trainee was selected on a first or
    /// upper-second honours degree (National School of Healthcare Science programme guidance, STP entry), so someone on the STP with no credential recorded is read as
    /// holding that degree: their route is then the STP they are on, not a degree they already have. Registrations are
    /// never inferred: whether an HSST trainee is registered is exactly what CAREER-TRAIN-HSST-REG checks.
    /// </summary>
    public PersonCareer WithProgrammeEntry() =>
        InTraining.Contains(TrainingProgramme.Stp) && Held.Count == 0 ? this with { Held = [Credential.HonoursDegree] } : this;
}
