namespace Cadre.Core.Coding;

/// <summary>What a decision asks of HR: nothing, a change in ESR, or a human look first.</summary>
public enum CodingStatus { Unchanged, Recode, Review }

/// <summary>An Area of Work and the whole-time equivalent recorded against it.</summary>
public sealed record AreaOfWorkShare(string AreaOfWork, decimal Wte);

/// <summary>Why a decision needs a human look, with the rule that raised it.</summary>
public sealed record ReviewFlag(string RuleId, string Message);

/// <summary>
/// The proposed occupation code and Area of Work for one role, why, and whether HR has anything to do.
/// <see cref="Reason"/> is one plain sentence for a head of department; <see cref="Rules"/> are the rule ids it rests on.
/// </summary>
public sealed record CodingDecision
{
    public required string PostId { get; init; }
    public required string Role { get; init; }
    public required decimal Wte { get; init; }
    public OccupationCode? CurrentCode { get; init; }
    public string CurrentAreaOfWork { get; init; } = "";
    /// <summary>Null when no code can be proposed without a human decision (status is then Review).</summary>
    public OccupationCode? ProposedCode { get; init; }
    public string ProposedCodeTitle { get; init; } = "";
    public string ProposedStaffGroup { get; init; } = "";
    public required IReadOnlyList<AreaOfWorkShare> AreasOfWork { get; init; }
    public required CodingStatus Status { get; init; }
    public required IReadOnlyList<string> Rules { get; init; }
    public required string Reason { get; init; }
    public IReadOnlyList<ReviewFlag> ReviewFlags { get; init; } = [];
    /// <summary>Why the current code was wrong, in categories a lead can count (empty when unchanged).</summary>
    public IReadOnlyList<string> MiscodingCauses { get; init; } = [];
    public required string ManualVersion { get; init; }

    public string ProposedAreaOfWork => AreasOfWork.Count == 0 ? "" : AreasOfWork[0].AreaOfWork;
}
