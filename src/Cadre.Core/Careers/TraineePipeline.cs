using Cadre.Core.Register;

namespace Cadre.Core.Careers;

/// <summary>Where a trainee stands, worst first: overdue, at risk, finishing soon, on track.</summary>
public enum PipelineStatus { Overdue, AtRisk, FinishingSoon, OnTrack }

/// <summary>One reason a trainee is flagged, with its rule id.</summary>
public sealed record PipelineFlag(string RuleId, string Reason);

public sealed record PipelineAssessment(PipelineStatus Status, IReadOnlyList<PipelineFlag> Flags);

/// <summary>
/// The organisation's trainee pipeline: each current enrolment checked for lateness and for the risks the sources name
/// (interruption, no training post, a post that does not fit the programme by the CAREER-TRAIN rules).
/// </summary>
public static class TraineePipeline
{
    /// <summary>About six months: long enough to plan the post a trainee qualifies into (recruitment takes months).</summary>
    public const int SoonDays = 183;

    public static readonly CareerRule Overdue = new("CAREER-PIPE-OVERDUE",
        "A trainee still on the programme after the expected end date is overdue: agree an extension with the training provider or record the completion or withdrawal.",
        "Modernising Scientific Careers: The England Action Plan (DH 2010) ch.4 (PTP and STP 3 years, HSST 5 years); National School of Healthcare Science programme guidance (STP in-service part-time up to 5 years); IPEM Workforce Intelligence Unit report Is HSST meeting the needs of the Medical Physics profession? (2023) Time Commitment");

    public static readonly CareerRule Interrupted = new("CAREER-PIPE-INTERRUPTED",
        "An interrupted trainee is at risk of not completing; withdrawals are recorded and reported.",
        "IPEM Workforce Intelligence Unit report Is HSST meeting the needs of the Medical Physics profession? (2023) Background (NSHCS records about 17% HSST attrition in Medical Physics) and Time Commitment (work-life balance behind at least 20% of withdrawals)");

    public static readonly CareerRule NoPost = new("CAREER-PIPE-NOPOST",
        "A trainee with no current post has no training place on the register: record the post they train in.",
        "National School of Healthcare Science programme guidance (STP direct entry on a fixed-term band 6 post, or in-service; HSST at band 7 or above)");

    public static readonly CareerRule FinishingSoon = new("CAREER-PIPE-SOON",
        "A trainee expected to finish within six months: plan the post they will qualify into.",
        "Modernising Scientific Careers: The England Action Plan (DH 2010) ch.5 para 25 (on completion trainees compete for posts suited to their new skills)");

    public static IReadOnlyList<CareerRule> Rules { get; } = [Overdue, Interrupted, NoPost, FinishingSoon];

    private static string Date(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <param name="post">The post the trainee holds on <paramref name="on"/>, if any.</param>
    public static PipelineAssessment Assess(TrainingEnrolment enrolment, Person person, Post? post, DateOnly on)
    {
        var flags = new List<PipelineFlag>();
        var overdue = enrolment.ExpectedEndDate < on;
        if (overdue)
            flags.Add(new(Overdue.Id, $"Expected to finish by {Date(enrolment.ExpectedEndDate)}; still {enrolment.Status.ToString().ToLowerInvariant()} {(on.DayNumber - enrolment.ExpectedEndDate.DayNumber)} days later."));
        if (enrolment.Status == TrainingStatus.Interrupted)
            flags.Add(new(Interrupted.Id, "Training is interrupted."));
        if (post is null)
            flags.Add(new(NoPost.Id, "Holds no current post in the register."));
        else
            foreach (var f in TraineeCheck.Check(post, person, enrolment, on).Findings.Where(f => !f.Consistent))
                flags.Add(new(f.RuleId, f.Reason));
        var soon = !overdue && enrolment.ExpectedEndDate.DayNumber - on.DayNumber <= SoonDays;
        if (soon) flags.Add(new(FinishingSoon.Id, $"Expected to finish on {Date(enrolment.ExpectedEndDate)}."));
        var status = overdue ? PipelineStatus.Overdue
            : flags.Any(f => f.RuleId != FinishingSoon.Id) ? PipelineStatus.AtRisk
            : soon ? PipelineStatus.FinishingSoon : PipelineStatus.OnTrack;
        return new PipelineAssessment(status, flags);
    }

    /// <summary>The next rung of the career framework above a post's entry requirement (null at the top).</summary>
    public static EntryRequirement? NextLevel(EntryRequirement current) => current switch
    {
        EntryRequirement.Assistant => EntryRequirement.Associate,
        EntryRequirement.Associate => EntryRequirement.Practitioner,
        EntryRequirement.Practitioner or EntryRequirement.BiomedicalScientist => EntryRequirement.ClinicalScientist,
        EntryRequirement.ClinicalScientist => EntryRequirement.Consultant,
        EntryRequirement.Consultant => null,
        _ => throw new System.Diagnostics.UnreachableException($"No next level for entry requirement {current}"),
    };
}
