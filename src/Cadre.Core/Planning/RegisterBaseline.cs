using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>
/// Builds a planning segment from the establishment register, as WRaPT builds its baseline from an ESR staff list
/// (anchors A4): establishment from funded posts, staff in post from current assignments by year of birth, and intake
/// from the trainees' current enrolments.
/// </summary>
public static class RegisterBaseline
{
    /// <param name="posts">The segment's posts, with <c>Assignments</c> and each assignment's <c>Person</c> loaded.</param>
    /// <param name="enrolments">Current trainees who will join this segment on qualifying (usually those in its trainee posts).</param>
    public static Segment Segment(string name, IEnumerable<Post> posts, IEnumerable<TrainingEnrolment> enrolments, DateOnly on,
        TrainingProgramme commissionProgramme = TrainingProgramme.Stp, string? level = null, string? band = null, string? specialism = null)
    {
        var list = posts.ToList();
        // Frozen posts are kept on the establishment but not recruited to (Register.PostStatus), so they are not demand.
        var establishment = list.Where(p => p.Status != PostStatus.Frozen).Sum(p => (double)p.FundedWte);
        var current = list.SelectMany(p => p.Assignments).Where(a => a.IsCurrentOn(on)).ToList();
        if (current.Any(a => a.Person is null))
            throw new ArgumentException("Every current assignment needs its Person loaded: the year of birth drives retirements.", nameof(posts));
        var staff = current
            .GroupBy(a => a.Person!.YearOfBirth)
            .OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g => new StaffCohort(g.Key, g.Select(a => a.PersonId).Distinct().Count(), g.Sum(a => (double)a.Wte)))
            .ToList();
        var intake = enrolments
            .Where(e => e.Status is TrainingStatus.Active or TrainingStatus.Interrupted && e.Programme != TrainingProgramme.Hsse)
            .GroupBy(e => (e.Programme, e.StartDate.Year))
            .Select(g => new TraineeIntake(g.Key.Programme, g.Key.Year, g.Count()))
            .ToList();
        return new Segment(name, level, band, specialism, establishment, staff, intake, commissionProgramme, new Dictionary<AssumptionId, PlanningAssumption>());
    }
}
