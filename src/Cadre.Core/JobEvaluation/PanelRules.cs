namespace Cadre.Core.JobEvaluation;

/// <summary>Which side of the partnership a panel member or job adviser represents.</summary>
public enum PartnershipSide { Management, StaffSide }

/// <summary>How much a finding matters: an error stops the record being accepted; a warning departs from good practice.</summary>
public enum FindingSeverity { Information, Warning, Error }

/// <summary>One decision of a process rule, with the rule it rests on.</summary>
public sealed record ProcessFinding(JeRule Rule, FindingSeverity Severity, string Text)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Text} [{Rule.Id}]";
}

/// <summary>A trained JE practitioner sitting on a panel.</summary>
public sealed record PanelMember(string Name, PartnershipSide Side, bool DevelopingPractitioner = false);

/// <summary>Someone from the job's work area available to answer the panel's questions.</summary>
public sealed record JobAdviser(string Name, PartnershipSide Side);

/// <summary>A matching or evaluation panel session, as the audit trail records it.</summary>
/// <param name="RestAgreedToSitAsThree">A practitioner could not attend and the remaining members agreed to go ahead as three.</param>
public sealed record PanelSession(
    DateOnly Date, IReadOnlyList<PanelMember> Members, IReadOnlyList<JobAdviser> JobAdvisers, bool RestAgreedToSitAsThree = false);

/// <summary>
/// Partnership rules for panels and reviews, from the NHS JE Handbook 7th ed. chapters 11 and 13 (digest sections 3.1
/// and 4.2, verified). Each check returns findings rather than throwing, so the web app can show all of them at once.
/// </summary>
public static class PanelRules
{
    public static readonly JeRule Composition = new("JE-PANEL-01", "A panel has equal management and staff-side practitioners; four (two each) is good practice",
        "NHS JE Handbook 7th ed., chapter 11 (matching panels); 2nd ed. section 8 (3-5 members, 4 most satisfactory)");
    public static readonly JeRule SitAsThree = new("JE-PANEL-02", "A panel may sit as three only when a practitioner cannot attend and the rest agree",
        "NHS JE Handbook 7th ed., chapter 11 (matching panels)");
    public static readonly JeRule SitAsFive = new("JE-PANEL-03", "A panel may sit as five to develop new practitioners",
        "NHS JE Handbook 7th ed., chapter 11 (matching panels)");
    public static readonly JeRule Consensus = new("JE-PANEL-04", "Decisions are by consensus; no member has a casting vote",
        "NHS JE Handbook 7th ed., chapter 11; chapter 15 (support from JEG) for blocked processes");
    public static readonly JeRule JobAdvisers = new("JE-PANEL-05", "Two job advisers, one from each side, should be available to the panel",
        "NHS JE Handbook 7th ed., chapter 11 ('should ideally'); 2nd ed. section 8 ('must')");
    public static readonly JeRule ReviewInTime = new("JE-REVIEW-01", "A review is requested within three months of notification",
        "NHS JE Handbook 7th ed., chapter 13 (the review process)");
    public static readonly JeRule ReviewInWriting = new("JE-REVIEW-02", "A review request is in writing and says which factors are disputed, with evidence",
        "NHS JE Handbook 7th ed., chapter 13 (the review process)");
    public static readonly JeRule ReviewPanel = new("JE-REVIEW-03", "A review panel's majority did not sit on the original panel",
        "NHS JE Handbook 7th ed., chapter 13 (the review process)");
    public static readonly JeRule ReviewScope = new("JE-REVIEW-04", "A review is about whether the job matches or was evaluated correctly, not about a national profile's scores",
        "NHS Terms and Conditions of Service handbook, section 47.4");

    /// <summary>Checks who sat on a panel and whether the session may proceed.</summary>
    public static IReadOnlyList<ProcessFinding> CheckSession(PanelSession session)
    {
        var findings = new List<ProcessFinding>();
        var members = session.Members;
        var management = members.Count(m => m.Side == PartnershipSide.Management);
        var staff = members.Count - management;
        switch (members.Count)
        {
            case < 3:
                findings.Add(new(Composition, FindingSeverity.Error, $"A panel needs at least three practitioners; {members.Count} recorded."));
                break;
            case 3:
                findings.Add(session.RestAgreedToSitAsThree
                    ? new(SitAsThree, FindingSeverity.Information, "Sitting as three: a practitioner could not attend and the rest of the panel agreed.")
                    : new(SitAsThree, FindingSeverity.Error, "Three practitioners: allowed only when one cannot attend and the rest of the panel agree; record their agreement."));
                break;
            case 5:
                if (!members.Any(m => m.DevelopingPractitioner))
                    findings.Add(new(SitAsFive, FindingSeverity.Warning, "Five practitioners is for developing new practitioners; none is marked as developing."));
                break;
            case > 5:
                findings.Add(new(Composition, FindingSeverity.Error, $"A panel has three to five practitioners; {members.Count} recorded."));
                break;
        }
        if (members.Count > 0 && (management == 0 || staff == 0))
            findings.Add(new(Composition, FindingSeverity.Error, $"A partnership panel needs both sides; {management} management and {staff} staff side recorded."));
        else if (members.Count is 4 && management != staff)
            findings.Add(new(Composition, FindingSeverity.Warning, $"Good practice is two management and two staff side; {management} and {staff} recorded."));
        else if (Math.Abs(management - staff) > 1)
            findings.Add(new(Composition, FindingSeverity.Warning, $"Sides should be as equal as possible; {management} management and {staff} staff side recorded."));

        var adviserSides = session.JobAdvisers.Select(a => a.Side).Distinct().Count();
        if (session.JobAdvisers.Count < 2 || adviserSides < 2)
            findings.Add(new(JobAdvisers, FindingSeverity.Warning, $"Two job advisers, one management and one staff side, should be available; {session.JobAdvisers.Count} recorded."));
        return findings;
    }

    /// <summary>A panel's decision on a job must be reached by consensus (no casting vote); otherwise it is blocked.</summary>
    public static ProcessFinding CheckDecision(bool reachedByConsensus) => reachedByConsensus
        ? new(Consensus, FindingSeverity.Information, "Decision reached by consensus.")
        : new(Consensus, FindingSeverity.Error, "No consensus: no member has a casting vote. Seek more information or follow the blocked-process protocol.");

    /// <summary>Checks a request for review of a matching or evaluation outcome.</summary>
    public static IReadOnlyList<ProcessFinding> CheckReviewRequest(
        DateOnly notifiedOn, DateOnly receivedOn, bool inWriting, IReadOnlyCollection<int> disputedFactors, string evidence)
    {
        var findings = new List<ProcessFinding>();
        var deadline = notifiedOn.AddMonths(3);
        findings.Add(receivedOn <= deadline
            ? new(ReviewInTime, FindingSeverity.Information, $"Received {receivedOn:d MMM yyyy}, within three months of notification ({notifiedOn:d MMM yyyy}; deadline {deadline:d MMM yyyy}).")
            : new(ReviewInTime, FindingSeverity.Error, $"Received {receivedOn:d MMM yyyy}, after the three-month deadline of {deadline:d MMM yyyy}."));
        if (!inWriting) findings.Add(new(ReviewInWriting, FindingSeverity.Error, "A review request must be made in writing."));
        if (disputedFactors.Count == 0) findings.Add(new(ReviewInWriting, FindingSeverity.Error, "The request must say which factors are disputed."));
        var unknown = disputedFactors.Where(f => f is < 1 or > FactorPlan.FactorCount).ToList();
        if (unknown.Count > 0) findings.Add(new(ReviewInWriting, FindingSeverity.Error, $"There is no factor {string.Join(", ", unknown)}; factors run 1 to 16."));
        if (string.IsNullOrWhiteSpace(evidence)) findings.Add(new(ReviewInWriting, FindingSeverity.Warning, "The request should give supporting evidence for each disputed factor."));
        findings.Add(new(ReviewScope, FindingSeverity.Information, "The review considers whether the job matches the profile or was evaluated correctly; a national profile's own scores cannot be appealed."));
        return findings;
    }

    /// <summary>A review panel must be differently made up: most of its members did not sit on the original panel.</summary>
    public static ProcessFinding CheckReviewPanel(PanelSession original, PanelSession review)
    {
        var before = original.Members.Select(m => m.Name.Trim().ToLowerInvariant()).ToHashSet();
        var repeat = review.Members.Where(m => before.Contains(m.Name.Trim().ToLowerInvariant())).Select(m => m.Name).ToList();
        var fresh = review.Members.Count - repeat.Count;
        return fresh * 2 > review.Members.Count
            ? new(ReviewPanel, FindingSeverity.Information, $"{fresh} of {review.Members.Count} review panel members did not sit on the original panel.")
            : new(ReviewPanel, FindingSeverity.Error, $"Only {fresh} of {review.Members.Count} review panel members are new (repeated: {string.Join(", ", repeat)}); the majority must not have sat on the original panel.");
    }
}
