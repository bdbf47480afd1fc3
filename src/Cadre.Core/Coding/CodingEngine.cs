using System.Globalization;
using Cadre.Core.Coding.Reference;
using Cadre.Core.Coding.Rules;

namespace Cadre.Core.Coding;

/// <summary>
/// Codes Healthcare Science posts for ESR by the U-matrix and the IPEM guidance. Pure: no I/O, no clock (the date
/// whose manual version applies is passed in), safe to share between threads.
/// </summary>
public sealed class CodingEngine
{
    internal sealed record RoleAssessment(ManualVersion Version, OccupationCode? Code, AreaOfWork? Area, WorkProfile Work, DecisionDraft Draft);

    private static readonly Lazy<CodingEngine> LazyDefault = new(() => new CodingEngine(CodingReference.Default));

    public CodingEngine(CodingReference reference) => Reference = reference;

    /// <summary>The engine over the reference data shipped with this build.</summary>
    public static CodingEngine Default => LazyDefault.Value;

    public CodingReference Reference { get; }

    /// <summary>Codes one role (a post with one job description).</summary>
    public CodingDecision Decide(PostRole role, DateOnly on) => Decide(role, on, 1);

    /// <summary>
    /// Codes every role of one post: a post with two job descriptions gets two codes, each with its own WTE (ESR-POST-02).
    /// </summary>
    public IReadOnlyList<CodingDecision> DecidePost(IReadOnlyList<PostRole> roles, DateOnly on) =>
        roles.Select(r => Decide(r, on, roles.Count)).ToList();

    /// <summary>Codes one role that is one of <paramref name="rolesInPost"/> roles of its post.</summary>
    public CodingDecision Decide(PostRole role, DateOnly on, int rolesInPost) => FinishOwned(Assess(role, on), role, on, rolesInPost);

    /// <summary>
    /// Everything about a role that its job description decides: theme, Area of Work, level, code and the checks.
    /// Posts sharing a job description share this; only the current code, post and WTE differ (see <see cref="Finish"/>).
    /// </summary>
    internal RoleAssessment Assess(PostRole role, DateOnly on)
    {
        var version = Reference.Manual.InForceOn(on);
        var draft = new DecisionDraft();
        var work = WorkProfile.Of(role.Activities, Reference.Services);
        foreach (var problem in work.Problems) draft.Review(CodingRules.ListOfServices, problem);

        var placement = ThemeAndAreaRule.Place(role, work, Reference, draft);
        OccupationCode? code = null;
        char? level = null;

        if (placement.OutsideCode is { } outside)
        {
            code = outside;
        }
        else
        {
            // Say what the post is before where it works: level clauses lead the reason. The level rule appends its
            // clauses after the placement's; move them to the front in place rather than copying the list per row.
            var placementCount = draft.Clauses.Count;
            var choice = LevelRule.Choose(role, placement.Theme, draft);
            if (placementCount > 0 && draft.Clauses.Count > placementCount)
            {
                var clauses = draft.Clauses;
                for (var i = placementCount; i < clauses.Count; i++)
                {
                    var levelClause = clauses[i];
                    clauses.RemoveAt(i);
                    clauses.Insert(i - placementCount, levelClause);
                }
            }
            level = choice.Level;
            if (choice.OtherMatrixCode is { } other) code = other;
            else if (placement.Theme is { } theme && choice.Level is { } lv)
            {
                if (version.Offers(lv, theme)) code = OccupationCode.Healthcare(lv, theme);
                else
                    draft.Review(CodingRules.VersionInForce,
                        $"manual v{version.Name} has no {LevelRule.LevelName(lv, Reference.Manual.Versions[^1])} level in {Reference.ThemeNames.GetValueOrDefault(theme, theme.ToString())} ({theme}): choose the code by hand");
            }
        }

        PlausibilityChecks.Run(role, level, draft);
        return new RoleAssessment(version, code, placement.Area, work, draft);
    }

    /// <summary>Completes an assessment for one post: what its current code says, its WTE, the status and the reason.</summary>
    internal CodingDecision Finish(RoleAssessment assessment, PostRole role, DateOnly on, int rolesInPost) =>
        Finish(assessment, assessment.Draft.Copy(), role, on, rolesInPost);

    /// <summary>As <see cref="Finish(RoleAssessment, PostRole, DateOnly, int)"/> for an assessment used once: its draft is taken over, not copied.</summary>
    internal CodingDecision FinishOwned(RoleAssessment assessment, PostRole role, DateOnly on, int rolesInPost) =>
        Finish(assessment, assessment.Draft, role, on, rolesInPost);

    /// <summary>
    /// As <see cref="FinishOwned"/> for a decision that is written out at once and kept nowhere: its reason is composed into
    /// <paramref name="reason"/> (cleared first) instead of becoming a string, and the decision's <c>Reason</c> is empty.
    /// </summary>
    internal CodingDecision FinishOwned(RoleAssessment assessment, PostRole role, DateOnly on, int rolesInPost, System.Text.StringBuilder reason) =>
        Finish(assessment, assessment.Draft, role, on, rolesInPost, reason);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private CodingDecision Finish(RoleAssessment assessment, DecisionDraft draft, PostRole role, DateOnly on, int rolesInPost, System.Text.StringBuilder? reason = null)
    {
        var code = assessment.Code;
        var area = assessment.Area;
        CurrentCodeRule.Apply(role, ref code, assessment.Work, ref area, Reference, on, draft);

        if (rolesInPost > 1)
            draft.Say(CodingRules.TwoJobDescriptions,
                Phrases.Of(("job-descriptions", rolesInPost), static f => $"the post has {f.Item2} job descriptions, so each is coded on its own with its own WTE"));

        var look = code is { } c ? Reference.Manual.Look(c, on) : null;
        var current = role.CurrentAreaOfWork.AsSpan().Trim();
        var sameArea = area is null
            ? current.IsEmpty
            : current.Equals(area.Name, StringComparison.OrdinalIgnoreCase) || (!current.IsEmpty && Reference.Services.FindArea(role.CurrentAreaOfWork) == area);

        var status = draft.Flags.Count > 0 ? CodingStatus.Review
            : code is not null && role.CurrentCode == code && sameArea ? CodingStatus.Unchanged
            : CodingStatus.Recode;

        return new CodingDecision
        {
            PostId = role.PostId,
            Role = role.Role,
            Wte = role.Wte,
            CurrentCode = role.CurrentCode,
            CurrentAreaOfWork = role.CurrentAreaOfWork,
            ProposedCode = code,
            ProposedCodeTitle = look?.Title ?? "",
            ProposedStaffGroup = look?.StaffGroup ?? "",
            AreasOfWork = area is null ? [] : [new AreaOfWorkShare(area.Name, role.Wte)],
            Status = status,
            // The draft is this decision's own copy and is not touched again: hand its lists over instead of copying them.
            Rules = draft.Rules,
            Reason = reason is null
                ? ReasonSentence.Compose(role, code, look?.Title ?? "", area, status, sameArea, draft)
                : ReasonSentence.ComposeInto(reason, role, code, look?.Title ?? "", area, status, sameArea, draft),
            ReviewFlags = draft.Flags,
            MiscodingCauses = status == CodingStatus.Unchanged ? [] : MiscodingCauses(role, code, sameArea, Reference, on),
            ManualVersion = assessment.Version.Name,
        };
    }

    /// <summary>Why the current code differs from the proposal, in a few categories a lead can count.</summary>
    private static IReadOnlyList<string> MiscodingCauses(PostRole role, OccupationCode? proposed, bool sameArea, CodingReference reference, DateOnly on)
    {
        var causes = new List<string>();
        if (role.CurrentCode is not { } current) { causes.Add("no current code"); return causes; }
        if (proposed is not { } p) return causes;
        var standing = reference.Manual.Look(current, on).Standing;
        if (current.Matrix == 'T') causes.Add("retired T-matrix code");
        else if (standing == CodeStanding.Retired) causes.Add("retired code");
        else if (current.Matrix != p.Matrix) causes.Add(p.Matrix == 'G' ? "manager needing no HCS qualification on the U matrix" : "coded on another staff-group matrix");
        else if (standing is CodeStanding.Unknown or CodeStanding.NotInThisVersion) causes.Add("code not in the manual in force");
        else
        {
            if (current.Level != p.Level) causes.Add(LevelCause(current.Level, p.Level));
            if (current.Theme != p.Theme) causes.Add("wrong theme (coded by department, not activity)");
        }
        if (!sameArea) causes.Add(string.IsNullOrWhiteSpace(role.CurrentAreaOfWork) ? "no Area of Work" : "wrong Area of Work");
        return causes;
    }

    private static string LevelCause(char current, char proposed) => (current, proposed) switch
    {
        ('0', _) => "coded as manager despite direct science (more than 10%)",
        (_, '0') => "manager coded as scientist or practitioner",
        ('A', _) => "consultant code without the consultant criteria",
        (_, 'A') => "consultant not coded as consultant",
        (_, '6' or '7' or '8' or 'F') => "trainee not coded as trainee",
        _ => "wrong level (coded by the holder, not the post)",
    };
}
