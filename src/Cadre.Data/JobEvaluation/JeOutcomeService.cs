using Cadre.Core.JobEvaluation;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.JobEvaluation;

public sealed record JeMemberInput(string? Name, PartnershipSide Side, bool IsJobAdviser = false, bool Developing = false);
public sealed record JeDocumentInput(string? Kind, string? Version, DateOnly? Dated);

/// <summary>What a panel records for one job: who sat, what they read, the level and rationale per factor, and the profile tried.</summary>
public sealed record JeOutcomeInput
{
    public Guid? PostId { get; init; }
    public string? JobTitle { get; init; }
    public JeProcess Process { get; init; } = JeProcess.LocalEvaluation;
    public DateOnly? Date { get; init; }
    public IReadOnlyList<JeMemberInput> Members { get; init; } = [];
    public IReadOnlyList<JeDocumentInput> Documents { get; init; } = [];
    /// <summary>16 levels such as "3" or "3a", in factor order.</summary>
    public IReadOnlyList<string?> Levels { get; init; } = [];
    public IReadOnlyList<string?> Rationale { get; init; } = [];
    public Guid? ProfileId { get; init; }
    public string? PolicyId { get; init; }
    public bool RestAgreedToSitAsThree { get; init; }
    public bool ReachedByConsensus { get; init; } = true;
    public Guid? ReviewOfId { get; init; }
    /// <summary>The panel session the job was heard at: its date and panel are used, and its composition was checked when it was recorded.</summary>
    public Guid? SessionId { get; init; }
}

/// <summary>A panel sitting: the day and the panel (members with sides, job advisers) that hear several jobs.</summary>
public sealed record JeSessionInput
{
    public DateOnly? Date { get; init; }
    public IReadOnlyList<JeMemberInput> Members { get; init; } = [];
    public bool RestAgreedToSitAsThree { get; init; }
}

/// <summary>The result of a write: the record, or the problems (keyed by field, each naming its rule) and nothing written.</summary>
public sealed record JeWriteResult<T>(T? Value, IReadOnlyList<KeyValuePair<string, string>> Errors, IReadOnlyList<ProcessFinding> Findings) where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;
}

/// <summary>
/// Records panel outcomes, review requests and notifications, applying the engine's rules (panel composition, consensus,
/// review time limit, review panel make-up, matching policy). Refusals come back as field-keyed messages with the rule
/// id; nothing is written unless everything passes. The audit trail records every row (the save hook).
/// </summary>
public static class JeOutcomeService
{
    public static readonly string[] DocumentKinds = ["Job description", "Person specification", "Organisation chart"];

    public static async Task<JeWriteResult<JeOutcome>> RecordAsync(CadreDbContext db, JeOutcomeInput input, string recordedBy, CancellationToken cancel = default)
    {
        var reference = JeReference.Default;
        var errors = new List<KeyValuePair<string, string>>();
        void Error(string field, string message) => errors.Add(new(field, message));

        // The post, through the organisation filter: another organisation's post is simply not there.
        Core.Register.Post? post = null;
        if (input.PostId is { } postId)
        {
            post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, cancel);
            if (post is null) Error("PostId", "Select a post from your organisation's register");
        }
        var title = (input.JobTitle ?? "").Trim();
        if (title.Length == 0) title = post?.Title ?? "";
        if (title.Length == 0) Error("JobTitle", "Enter the job title, or choose a post");
        if (title.Length > 200) Error("JobTitle", "Job title must be 200 characters or fewer");
        // Heard at a panel session: the session's date and panel, whose composition was checked when it was recorded.
        JePanelSession? sitting = null;
        if (input.SessionId is { } sessionId)
        {
            sitting = await db.Set<JePanelSession>().AsNoTracking().Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == sessionId, cancel);
            if (sitting is null) Error("SessionId", "Select a panel session of your organisation");
        }
        var date = sitting?.Date ?? input.Date;
        if (input.SessionId is null)
        {
            if (date is null) Error("Date", "Enter the date the panel sat");
            else if (date > DateOnly.FromDateTime(DateTime.UtcNow)) Error("Date", $"The date the panel sat ({date:d MMM yyyy}) cannot be in the future");
        }

        // Factor levels: the engine's guided evaluation refuses unknown levels and letters and a missing rationale (JE-EVAL-01).
        var draft = new EvaluationDraft(reference.Scorer, title);
        for (var i = 0; i < FactorPlan.FactorCount; i++)
        {
            var factor = reference.Plan.Factors[i];
            var level = i < input.Levels.Count ? input.Levels[i]?.Trim() : null;
            var why = i < input.Rationale.Count ? input.Rationale[i] : null;
            if (string.IsNullOrEmpty(level)) { Error($"Levels[{i}]", $"Choose a level for factor {factor.Number} ({factor.Name})"); continue; }
            try { draft.Decide(factor.Number, level, why ?? ""); }
            catch (FormatException e) { Error(e.Message.Contains(EvaluationDraft.EvidenceNeeded.Id) ? $"Rationale[{i}]" : $"Levels[{i}]", e.Message); }
        }

        // The panel: members with sides, and job advisers (JE-PANEL-01..05).
        var members = sitting is not null
            ? sitting.Members.Select(m => new JeMemberInput(m.Name, m.Side, m.IsJobAdviser, m.Developing)).ToList()
            : input.Members.Where(m => !string.IsNullOrWhiteSpace(m.Name)).ToList();
        var restAgreed = sitting?.RestAgreedToSitAsThree ?? input.RestAgreedToSitAsThree;
        var session = new PanelSession(date ?? DateOnly.MinValue,
            members.Where(m => !m.IsJobAdviser).Select(m => new PanelMember(m.Name!.Trim(), m.Side, m.Developing)).ToList(),
            members.Where(m => m.IsJobAdviser).Select(m => new JobAdviser(m.Name!.Trim(), m.Side)).ToList(),
            restAgreed);
        var findings = new List<ProcessFinding>();
        if (sitting is null)
        {
            CheckMembers(members, Error);
            findings.AddRange(PanelRules.CheckSession(session));
        }
        var decision = PanelRules.CheckDecision(input.ReachedByConsensus);
        findings.Add(decision);
        foreach (var f in findings.Where(f => f.Severity == FindingSeverity.Error))
            Error(f.Rule == PanelRules.Consensus ? "ReachedByConsensus" : "Members", $"{f.Text} [{f.Rule.Id}]");

        // Job information: each document named needs a version or a date.
        var documents = input.Documents.Where(d => !string.IsNullOrWhiteSpace(d.Kind) && (!string.IsNullOrWhiteSpace(d.Version) || d.Dated is not null)).ToList();
        if (documents.Count == 0) Error("Documents", "Record the job information the panel used (at least the job description, with its version or date)");
        foreach (var d in documents.Where(d => d.Dated > DateOnly.FromDateTime(DateTime.UtcNow)))
            Error("Documents", $"The date of the {d.Kind!.Trim().ToLowerInvariant()} ({d.Dated:d MMM yyyy}) cannot be in the future");
        foreach (var d in documents.Where(d => d.Kind!.Trim().Length > 100 || (d.Version?.Trim().Length ?? 0) > 100))
            Error("Documents", "A document's kind and version must be 100 characters or fewer");

        // A review: the original outcome must exist, and most of the review panel must not have sat on it (JE-REVIEW-03).
        JeOutcome? original = null;
        if (input.ReviewOfId is { } reviewOf)
        {
            original = await db.Set<JeOutcome>().AsNoTracking().Include(o => o.Members).FirstOrDefaultAsync(o => o.Id == reviewOf, cancel);
            if (original is null) Error("ReviewOfId", "The outcome under review was not found");
            else if (!await db.Set<JeReviewRequest>().AnyAsync(r => r.OutcomeId == reviewOf, cancel))
                Error("ReviewOfId", $"No review request is recorded for that outcome; record the written request first [{PanelRules.ReviewInWriting.Id}]");
            else
            {
                var originalSession = new PanelSession(original.Date, original.Members.Where(m => !m.IsJobAdviser).Select(m => new PanelMember(m.Name, m.Side, m.Developing)).ToList(), []);
                var check = PanelRules.CheckReviewPanel(originalSession, session);
                findings.Add(check);
                if (check.Severity == FindingSeverity.Error) Error("Members", $"{check.Text} [{check.Rule.Id}]");
            }
        }

        // Matching against a profile under a named policy (JE-MATCH-*), or a local evaluation's own total and band.
        JeProfile? profileRow = null;
        MatchingPolicy? policy = null;
        if (input.ProfileId is { } profileId)
        {
            profileRow = await db.Set<JeProfile>().AsNoTracking().Include(p => p.Factors).FirstOrDefaultAsync(p => p.Id == profileId, cancel);
            if (profileRow is null) Error("ProfileId", "Select a profile from the library");
            else if (profileRow.Status != ProfileStatus.Current) Error("ProfileId", $"'{profileRow.Title}' is {profileRow.Status.ToString().ToLowerInvariant()}: only current profiles are offered for matching");
            else if (profileRow.ComputedMin is null) Error("ProfileId", $"'{profileRow.Title}' cannot be scored, so it cannot be matched");
        }
        else if (input.Process == JeProcess.Matching) Error("ProfileId", "Select the national profile the panel matched against, or record a local evaluation");
        try { policy = string.IsNullOrWhiteSpace(input.PolicyId) ? reference.Policies.Default : reference.Policies.Get(input.PolicyId.Trim()); }
        catch (KeyNotFoundException e) { Error("PolicyId", e.Message); }

        if (errors.Count > 0) return new(null, errors, findings);

        var score = draft.Complete();
        var outcome = new JeOutcome
        {
            PostId = post?.Id, OrganisationId = post?.OrganisationId ?? sitting?.OrganisationId ?? original?.OrganisationId ?? Guid.Empty, JobTitle = title,
            Process = input.ReviewOfId is not null ? JeProcess.Review : input.Process, Date = date!.Value,
            RestAgreedToSitAsThree = restAgreed, ReachedByConsensus = true, SessionId = sitting?.Id,
            Levels = string.Join(",", draft.Decisions.Select(d => d!.Level.ToString())), Total = score.Total,
            ReviewOfId = input.ReviewOfId, RecordedAt = DateTime.UtcNow, RecordedBy = recordedBy, PolicyId = policy!.Id,
        };
        var reasons = new List<string>();
        if (profileRow is not null)
        {
            var match = new ProfileMatcher(reference.Scorer, policy).Match(score.Job, JeLibraryStore.ToCore(profileRow));
            outcome.ProfileId = profileRow.Id;
            outcome.ProfileTitle = profileRow.Title;
            outcome.Result = match.Outcome switch
            {
                MatchOutcome.Match => JeResult.Matched,
                MatchOutcome.MatchWithVariations => JeResult.MatchedWithVariations,
                _ => JeResult.ReferredToLocalEvaluation,
            };
            outcome.Band = match.Outcome == MatchOutcome.NoMatch ? null : match.BandName;
            outcome.Total = match.Outcome == MatchOutcome.NoMatch ? score.Total : match.RecalculatedTotal;
            reasons.AddRange(match.Reasons.Select(r => r.ToString()));
            reasons.Add($"Matching policy used: {policy.Describe()}");
        }
        else
        {
            outcome.Result = JeResult.Evaluated;
            outcome.Band = score.BandName;
            reasons.AddRange(score.Explain().Select(r => r.ToString()));
        }
        if (sitting is not null)
            reasons.AddRange(sitting.Findings.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(f => $"Panel session of {sitting.Date:d MMM yyyy}: {f}"));
        reasons.AddRange(findings.Select(f => f.ToString()));
        outcome.Reasons = string.Join("\n", reasons);
        for (var i = 0; i < FactorPlan.FactorCount; i++)
        {
            var d = draft.Decisions[i]!;
            outcome.Factors.Add(new JeOutcomeFactor { Factor = i + 1, Level = d.Level.Level, SubLetters = d.Level.SubLetters, Rationale = d.Evidence });
        }
        foreach (var m in members)
            outcome.Members.Add(new JePanelMember { Name = m.Name!.Trim(), Side = m.Side, IsJobAdviser = m.IsJobAdviser, Developing = m.Developing && !m.IsJobAdviser });
        foreach (var d in documents)
            outcome.Documents.Add(new JeJobDocument { Kind = d.Kind!.Trim(), Version = (d.Version ?? "").Trim(), Dated = d.Dated });
        if (outcome.OrganisationId == Guid.Empty)
        {
            // A job not (yet) on the register belongs to the user's one organisation.
            var organisations = db.Scope.OrganisationIds;
            if (organisations.Count != 1) return new(null, [new("PostId", "Choose the post this job evaluation is for")], findings);
            outcome.OrganisationId = organisations.First();
        }
        db.Add(outcome);
        await db.SaveChangesAsync(cancel);
        return new(outcome, [], findings);
    }

    private static void CheckMembers(IReadOnlyList<JeMemberInput> members, Action<string, string> error)
    {
        foreach (var m in members.Where(m => m.Name!.Trim().Length > 200)) error("Members", "A name must be 200 characters or fewer");
        foreach (var dup in members.Where(m => !m.IsJobAdviser).GroupBy(m => m.Name!.Trim().ToLowerInvariant()).Where(g => g.Count() > 1))
            error("Members", $"{dup.First().Name!.Trim()} is listed twice on the panel");
    }

    /// <summary>
    /// Records a panel session: the date and the panel that will hear several jobs. The partnership rules are checked
    /// here, once (JE-PANEL-01..03, 05); an error refuses the session and nothing is written.
    /// </summary>
    public static async Task<JeWriteResult<JePanelSession>> CreateSessionAsync(CadreDbContext db, JeSessionInput input, string recordedBy, CancellationToken cancel = default)
    {
        var (errors, findings, members) = CheckSession(input);
        var organisations = db.Scope.OrganisationIds;
        if (organisations.Count != 1) errors.Add(new("OrganisationId", "A panel session belongs to one organisation; sign in as a member of it"));
        if (errors.Count > 0) return new(null, errors, findings);
        var row = new JePanelSession { OrganisationId = organisations.First(), RecordedAt = DateTime.UtcNow, RecordedBy = recordedBy };
        Apply(row, input, findings, members);
        db.Add(row);
        await db.SaveChangesAsync(cancel);
        return new(row, [], findings);
    }

    /// <summary>Why a session change was refused before any rule ran.</summary>
    public enum SessionRefusal { None, NotFound, Stale, JobsHeard }

    /// <summary>
    /// Changes a recorded session's date, panel or "sat as three" note, with the partnership rules checked again as when
    /// it was recorded. <paramref name="version"/> is <see cref="SessionVersion"/> as read; a different one means someone
    /// else changed the session since, and nothing is written. Once a job has been heard at the session its outcomes
    /// carry that panel and date (and reviews were checked against it), so the session is then closed to change; see
    /// docs/decisions/je-session-changes.md. The save hook audits every changed row.
    /// </summary>
    public static async Task<(JeWriteResult<JePanelSession> Result, SessionRefusal Refusal)> UpdateSessionAsync(CadreDbContext db, Guid id, JeSessionInput input, string? version,
        CancellationToken cancel = default)
    {
        var row = await db.Set<JePanelSession>().Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancel);
        if (row is null) return (new(null, [new("SessionId", "No panel session with this id is open to you")], []), SessionRefusal.NotFound);
        if (version is not null && version != SessionVersion(row))
            return (new(null, [new("Version", "Someone else changed this panel session while you were editing it. Open it again to see their change, then make yours.")], []), SessionRefusal.Stale);
        var heard = await db.Set<JeOutcome>().IgnoreQueryFilters().CountAsync(o => o.SessionId == id, cancel);
        if (heard > 0)
            return (new(null, [new("Members", $"{heard} job{(heard == 1 ? " has" : "s have")} been recorded as heard at this session, and each outcome keeps the panel and date that decided it; the session can no longer be changed. Correct the outcome instead, or record a new session.")], []),
                SessionRefusal.JobsHeard);
        var (errors, findings, members) = CheckSession(input);
        if (errors.Count > 0) return (new(null, errors, findings), SessionRefusal.None);
        // The panel is replaced whole: each removed and added member is its own audit entry, which reads as what changed.
        db.RemoveRange(row.Members);
        row.Members = [];
        Apply(row, input, findings, members);
        foreach (var m in row.Members) db.Add(m);
        await db.SaveChangesAsync(cancel);
        return (new(row, [], findings), SessionRefusal.None);
    }

    /// <summary>
    /// A digest of what the session holds (date, note and panel), so an edit made against an older reading is refused.
    /// Sessions have no version column; the digest serves the same purpose without a migration.
    /// </summary>
    public static string SessionVersion(JePanelSession session)
    {
        var text = new System.Text.StringBuilder();
        text.Append(session.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('|').Append(session.RestAgreedToSitAsThree).Append('|').Append(session.Findings);
        foreach (var m in session.Members.OrderBy(m => m.Id))
            text.Append('\n').Append(m.Id).Append('|').Append(m.Name).Append('|').Append(m.Side).Append('|').Append(m.IsJobAdviser).Append('|').Append(m.Developing);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static (List<KeyValuePair<string, string>> Errors, List<ProcessFinding> Findings, List<JeMemberInput> Members) CheckSession(JeSessionInput input)
    {
        var errors = new List<KeyValuePair<string, string>>();
        void Error(string field, string message) => errors.Add(new(field, message));
        if (input.Date is null) Error("Date", "Enter the date the panel sits");
        else if (input.Date > DateOnly.FromDateTime(DateTime.UtcNow)) Error("Date", $"The date the panel sat ({input.Date:d MMM yyyy}) cannot be in the future");
        var members = input.Members.Where(m => !string.IsNullOrWhiteSpace(m.Name)).ToList();
        CheckMembers(members, Error);
        var session = new PanelSession(input.Date ?? DateOnly.MinValue,
            members.Where(m => !m.IsJobAdviser).Select(m => new PanelMember(m.Name!.Trim(), m.Side, m.Developing)).ToList(),
            members.Where(m => m.IsJobAdviser).Select(m => new JobAdviser(m.Name!.Trim(), m.Side)).ToList(),
            input.RestAgreedToSitAsThree);
        var findings = PanelRules.CheckSession(session).ToList();
        foreach (var f in findings.Where(f => f.Severity == FindingSeverity.Error)) Error("Members", $"{f.Text} [{f.Rule.Id}]");
        if (errors.Count > 0) return (errors, findings, members);
        // The session records that the check was made, and on what, even when nothing was found.
        var practitioners = session.Members.Count;
        findings.Insert(0, new ProcessFinding(PanelRules.Composition, FindingSeverity.Information,
            $"Panel composition checked once for the session: {practitioners} practitioners ({session.Members.Count(m => m.Side == PartnershipSide.Management)} management side, "
            + $"{session.Members.Count(m => m.Side == PartnershipSide.StaffSide)} staff side) and {session.JobAdvisers.Count} job adviser(s)."));
        return (errors, findings, members);
    }

    private static void Apply(JePanelSession row, JeSessionInput input, List<ProcessFinding> findings, List<JeMemberInput> members)
    {
        row.Date = input.Date!.Value;
        row.RestAgreedToSitAsThree = input.RestAgreedToSitAsThree;
        row.Findings = string.Join("\n", findings.Select(f => f.ToString()));
        foreach (var m in members)
            row.Members.Add(new JeSessionMember { OrganisationId = row.OrganisationId, SessionId = row.Id, Name = m.Name!.Trim(), Side = m.Side, IsJobAdviser = m.IsJobAdviser, Developing = m.Developing && !m.IsJobAdviser });
    }

    /// <summary>The date by which a review must be requested: three months after notification (JE-REVIEW-01).</summary>
    public static DateOnly ReviewDeadline(DateOnly notifiedOn) => notifiedOn.AddMonths(3);

    /// <summary>Records a review request; refuses a late one, one not in writing, or one naming no factor.</summary>
    public static async Task<JeWriteResult<JeReviewRequest>> RequestReviewAsync(CadreDbContext db, Guid outcomeId, DateOnly? receivedOn, bool inWriting,
        IReadOnlyCollection<int> disputedFactors, string? evidence, CancellationToken cancel = default)
    {
        var errors = new List<KeyValuePair<string, string>>();
        var outcome = await db.Set<JeOutcome>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == outcomeId, cancel);
        if (outcome is null) return new(null, [new("OutcomeId", "Outcome not found")], []);
        if (outcome.NotifiedOn is null)
            return new(null, [new("ReceivedOn", "Record when the post holder was told of the outcome first: the three months run from notification")], []);
        if (receivedOn is null) return new(null, [new("ReceivedOn", "Enter the date the written request was received")], []);
        if (receivedOn > DateOnly.FromDateTime(DateTime.UtcNow))
            return new(null, [new("ReceivedOn", $"The date the written request was received ({receivedOn:d MMM yyyy}) cannot be in the future")], []);
        if (receivedOn < outcome.NotifiedOn) errors.Add(new("ReceivedOn", "The request cannot be received before the outcome was notified"));
        var findings = PanelRules.CheckReviewRequest(outcome.NotifiedOn.Value, receivedOn.Value, inWriting, disputedFactors, evidence ?? "");
        foreach (var f in findings.Where(f => f.Severity == FindingSeverity.Error))
        {
            var field = f.Rule == PanelRules.ReviewInTime ? "ReceivedOn" : f.Text.Contains("writing") ? "InWriting" : "DisputedFactors";
            var text = f.Rule == PanelRules.ReviewInTime
                ? $"This request is late: {f.Text} A review must be requested within three months of notification [{f.Rule.Id}]"
                : $"{f.Text} [{f.Rule.Id}]";
            errors.Add(new(field, text));
        }
        if ((evidence?.Length ?? 0) > 20000) errors.Add(new("Evidence", "Evidence must be 20,000 characters or fewer"));
        if (errors.Count > 0) return new(null, errors, findings);
        var request = new JeReviewRequest
        {
            OrganisationId = outcome.OrganisationId, OutcomeId = outcome.Id, ReceivedOn = receivedOn!.Value, InWriting = inWriting,
            DisputedFactors = string.Join(",", disputedFactors.Distinct().Order()), Evidence = (evidence ?? "").Trim(), RecordedAt = DateTime.UtcNow,
        };
        db.Add(request);
        await db.SaveChangesAsync(cancel);
        return new(request, [], findings);
    }

    /// <summary>Records when and how the post holder was told of the outcome (audited as an update).</summary>
    public static async Task<JeWriteResult<JeOutcome>> RecordNotificationAsync(CadreDbContext db, Guid outcomeId, DateOnly? notifiedOn, string? how, CancellationToken cancel = default)
    {
        var outcome = await db.Set<JeOutcome>().FirstOrDefaultAsync(o => o.Id == outcomeId, cancel);
        if (outcome is null) return new(null, [new("OutcomeId", "Outcome not found")], []);
        var errors = new List<KeyValuePair<string, string>>();
        if (notifiedOn is null) errors.Add(new("NotifiedOn", "Enter the date the post holder was told"));
        else if (notifiedOn < outcome.Date) errors.Add(new("NotifiedOn", "The post holder cannot be told before the panel sat"));
        else if (notifiedOn > DateOnly.FromDateTime(DateTime.UtcNow)) errors.Add(new("NotifiedOn", $"The date the post holder was told ({notifiedOn:d MMM yyyy}) cannot be in the future"));
        if (string.IsNullOrWhiteSpace(how)) errors.Add(new("NotifiedHow", "Say how the post holder was told (for example, letter or email)"));
        else if (how.Trim().Length > 200) errors.Add(new("NotifiedHow", "How they were told must be 200 characters or fewer"));
        if (errors.Count > 0) return new(null, errors, []);
        outcome.NotifiedOn = notifiedOn;
        outcome.NotifiedHow = how!.Trim();
        await db.SaveChangesAsync(cancel);
        return new(outcome, [], []);
    }

    /// <summary>The latest banded outcome of each post (reviews supersede what they review).</summary>
    public static async Task<Dictionary<Guid, JeOutcome>> LatestByPostAsync(CadreDbContext db, IEnumerable<Guid>? postIds = null, CancellationToken cancel = default)
    {
        var query = db.Set<JeOutcome>().AsNoTracking().Where(o => o.PostId != null && o.Band != null);
        if (postIds is not null) { var ids = postIds.ToList(); query = query.Where(o => ids.Contains(o.PostId!.Value)); }
        var all = await query.ToListAsync(cancel);
        return all.GroupBy(o => o.PostId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.Date).ThenByDescending(o => o.RecordedAt).First());
    }
}
