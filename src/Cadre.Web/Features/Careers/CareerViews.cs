using Cadre.Core.Careers;

namespace Cadre.Web.Features.Careers;

/// <summary>Words and tags for the careers pages.</summary>
public static class CareerViews
{
    public static string Status(PipelineStatus s) => s switch
    {
        PipelineStatus.Overdue => "Overdue",
        PipelineStatus.AtRisk => "At risk",
        PipelineStatus.FinishingSoon => "Finishing soon",
        _ => "On track",
    };

    public static string Tag(PipelineStatus s) => s switch
    {
        PipelineStatus.Overdue => "nhsuk-tag nhsuk-tag--red",
        PipelineStatus.AtRisk => "nhsuk-tag nhsuk-tag--orange",
        PipelineStatus.FinishingSoon => "nhsuk-tag nhsuk-tag--blue",
        _ => "nhsuk-tag nhsuk-tag--green",
    };

    /// <summary>The post a person holds on a date: the largest current assignment (the latest started on a tie).</summary>
    public static Post? CurrentPost(Person person, DateOnly on) =>
        person.Assignments.Where(a => a.IsCurrentOn(on)).OrderByDescending(a => a.Wte).ThenByDescending(a => a.StartDate).Select(a => a.Post).FirstOrDefault();
}

/// <summary>
/// The careers panel on a person's page (only roles that may see people reach that page): each current programme
/// checked against the post (CAREER-TRAIN rules) with its pipeline flags, and the route to the next rung.
/// </summary>
public sealed record CareerPanel(IReadOnlyList<Credential> Held, IReadOnlyList<CareerPanel.Check> Checks, Post? Post, RouteAnswer? Next)
{
    public sealed record Check(TrainingEnrolment Enrolment, TraineeCheckResult? Result, PipelineAssessment Pipeline);

    public static CareerPanel For(Person person, DateOnly on)
    {
        var career = PersonCareer.From(person, on).WithProgrammeEntry();
        var post = CareerViews.CurrentPost(person, on);
        var checks = person.TrainingEnrolments
            .Where(e => e.Status is TrainingStatus.Active or TrainingStatus.Interrupted)
            .OrderBy(e => e.ExpectedEndDate)
            .Select(e => new Check(e, post is null ? null : TraineeCheck.Check(post, person, e, on), TraineePipeline.Assess(e, person, post, on)))
            .ToList();
        // The next rung: the post's own entry requirement if not met yet (a trainee), else the level above it.
        EntryRequirement? target = post is null ? null
            : Credentials.Meeting(post.EntryRequirement).Any(career.Held.Contains) || post.EntryRequirement == EntryRequirement.Assistant
                ? TraineePipeline.NextLevel(post.EntryRequirement)
                : post.EntryRequirement;
        var next = target is { } t ? new RouteFinder().Find(career, t) : null;
        return new CareerPanel(career.Held.ToList(), checks, post, next);
    }
}
