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
        // Enrolments as they are (issue 8, defect 4): the study mode and the expected end date decide when each completes.
        var intake = enrolments
            .Where(e => e.Status is TrainingStatus.Active or TrainingStatus.Interrupted && e.Programme != TrainingProgramme.Hsse)
            .GroupBy(e => (e.Programme, e.StartDate.Year, e.Mode, Completes: Completes(e, on)))
            .Select(g => new TraineeIntake(g.Key.Programme, g.Key.Year, g.Count()) { Mode = g.Key.Mode, Completes = g.Key.Completes })
            .ToList();
        return new Segment(name, level, band, specialism, establishment, staff, intake, commissionProgramme, new Dictionary<AssumptionId, PlanningAssumption>());
    }

    /// <summary>
    /// The year a trainee is expected to complete, from the register's expected end date; null when none is recorded
    /// (then the programme's length in their study mode decides). An interruption is in the end date the training
    /// provider revised; a date already passed (an overdue or interrupted trainee who has not completed) means the first
    /// projected year, since a trainee finishing in the start year joins the model in the year after
    /// (docs/decisions/planning-web.md, "Enrolments as they are").
    /// </summary>
    public static int? Completes(TrainingEnrolment e, DateOnly on) =>
        e.ExpectedEndDate > e.StartDate ? Math.Max(e.ExpectedEndDate.Year, on.Year + 1) : null;
}
