using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>
/// A first scenario from the register, for the web app's "create from the register": one segment per commissioned
/// level (practitioners on the PTP, clinical scientists on the STP, consultants on HSST), each built by
/// <see cref="RegisterBaseline.Segment"/>. The planner then edits the assumptions. Choices are in
/// docs/decisions/planning-web.md.
/// </summary>
public static class RegisterScenario
{
    public const int DefaultYears = 10;
    /// <summary>Six years ahead: the first year an HSST commission (five years) started after the start year can finish.</summary>
    public const int DefaultTargetOffset = 6;

    /// <summary>The levels planned, the posts that belong to each (by entry requirement) and the programme that supplies it.</summary>
    public static IReadOnlyList<(string Name, string Level, EntryRequirement[] Entries, TrainingProgramme Programme)> Levels { get; } =
    [
        ("Healthcare science practitioners", "Practitioner", [EntryRequirement.Practitioner, EntryRequirement.BiomedicalScientist], TrainingProgramme.Ptp),
        ("Clinical scientists", "Clinical Scientist", [EntryRequirement.ClinicalScientist], TrainingProgramme.Stp),
        ("Consultant clinical scientists", "Consultant", [EntryRequirement.Consultant], TrainingProgramme.Hsst),
    ];

    /// <param name="posts">The scope's posts with current <c>Assignments</c> and each assignment's <c>Person</c> loaded.</param>
    /// <param name="enrolments">Training enrolments of the people in those posts.</param>
    /// <exception cref="ScenarioException">When the scope has no posts or trainees at any planned level.</exception>
    public static ScenarioDocument Build(string name, string staffGroup, IEnumerable<Post> posts, IEnumerable<TrainingEnrolment> enrolments, DateOnly on)
    {
        var postList = posts.ToList();
        var current = enrolments.Where(e => e.Status is TrainingStatus.Active or TrainingStatus.Interrupted).ToList();
        // A PTP or STP trainee's post is a training place, not a qualified post: counting it as establishment and its
        // holder as staff, and the trainee again as intake, would count one person twice. HSST trainees are qualified
        // scientists doing their scientist job, so their posts stay.
        var trainees = current.Where(e => e.Programme is TrainingProgramme.Ptp or TrainingProgramme.Stp).Select(e => e.PersonId).ToHashSet();
        bool IsTraineePost(Post p) => p.TraineeProgramme is TraineeProgramme.Stp or TraineeProgramme.Ptp
            || p.Assignments.Any(a => a.IsCurrentOn(on) && trainees.Contains(a.PersonId));

        var start = on.Year;
        var document = new ScenarioDocument
        {
            Name = name, StaffGroup = staffGroup, StartYear = start, Years = DefaultYears, TargetYear = start + DefaultTargetOffset,
        };
        foreach (var (segmentName, level, entries, programme) in Levels)
        {
            var levelPosts = postList.Where(p => entries.Contains(p.EntryRequirement) && !IsTraineePost(p)).ToList();
            var levelTrainees = current.Where(e => e.Programme == programme).ToList();
            if (levelPosts.Count == 0 && levelTrainees.Count == 0) continue;
            var code = programme.Code();
            var segment = RegisterBaseline.Segment(segmentName, levelPosts, levelTrainees, on, programme, level);
            document.Segments.Add(new SegmentDocument
            {
                Name = segment.Name, Level = segment.Level, Specialism = staffGroup,
                EstablishmentWte = Math.Round(segment.EstablishmentWte, 2),
                StaffInPost = segment.StaffInPost.Select(c => new StaffCohortDocument { YearOfBirth = c.YearOfBirth, Headcount = c.Headcount, Wte = Math.Round(c.Wte, 2) }).ToList(),
                Intake = segment.Intake
                    .Select(i => new IntakeDocument
                    {
                        Programme = i.Programme.Code(),
                        // With a known end the start year only has to be one the scenario accepts (ten years back at most).
                        Year = i.Completes is null ? StillTraining(i.Programme, i.Year, start, i.Mode) : Math.Max(i.Year, start - 10),
                        Trainees = i.Trainees,
                        Mode = i.Mode == StudyMode.PartTime ? "part-time" : null,
                        Completes = i.Completes,
                    })
                    .GroupBy(i => (i.Programme, i.Year, i.Mode, i.Completes))
                    .Select(g => new IntakeDocument { Programme = g.Key.Programme, Year = g.Key.Year, Mode = g.Key.Mode, Completes = g.Key.Completes, Trainees = g.Sum(i => i.Trainees) })
                    .OrderBy(i => i.Year).ThenBy(i => i.Completes).ToList(),
                CommissionProgramme = code,
            });
            // HSST trainees are the clinical scientists' staff until they complete (docs/decisions/planning-web.md):
            // they leave that segment as they join the consultants, so the total counts each once.
            var scientists = document.Segments.FirstOrDefault(s => s.Level == "Clinical Scientist");
            if (programme == TrainingProgramme.Hsst && scientists is not null)
                foreach (var i in document.Segments[^1].Intake) i.From = scientists.Name;
        }
        if (document.Segments.Count == 0)
            throw new ScenarioException("scope", "has no practitioner, clinical scientist or consultant posts and no PTP, STP or HSST trainees to plan.");
        return document;
    }

    /// <summary>
    /// A trainee still on the programme after its usual length (part-time, interrupted, extended) has not qualified yet:
    /// they are counted as finishing in the first projected year, rather than refused as "already qualified".
    /// </summary>
    public static int StillTraining(TrainingProgramme programme, int startedIn, int startYear, StudyMode mode = StudyMode.FullTime)
    {
        var id = mode == StudyMode.PartTime ? PlanningAssumptions.PartTimeDuration(programme) : PlanningAssumptions.Duration(programme);
        var duration = (int)PlanningAssumptions.Defaults[id].Value;
        return Math.Max(startedIn, startYear + 1 - duration);
    }
}
