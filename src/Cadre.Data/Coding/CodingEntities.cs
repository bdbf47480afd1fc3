using Cadre.Core.Register;

namespace Cadre.Data.Coding;

/// <summary>What someone did with a coding proposal for a post.</summary>
public enum CodingAction
{
    /// <summary>The proposed code and Area of Work were accepted and written to the post.</summary>
    Accepted,
    /// <summary>A person chose another code (or kept the current one) and gave a reason.</summary>
    Overridden,
    /// <summary>Written to the post from an accepted ESR extract re-code.</summary>
    AppliedFromExtract,
}

/// <summary>
/// One coding decision on one role of a post, kept for good (history): what the engine proposed and why, what was
/// recorded before, what was chosen, by whom and, for an override, the person's reason.
/// </summary>
public class CodingDecisionRecord : IDepartmentOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid DepartmentId { get; set; }
    public Guid PostId { get; set; }
    public Post? Post { get; set; }
    /// <summary>The role (job description) of the post, when the post has more than one.</summary>
    public Guid? PostRoleId { get; set; }
    public string Role { get; set; } = "";
    public decimal Wte { get; set; }
    public CodingAction Action { get; set; }
    public string? PreviousCode { get; set; }
    public string? PreviousAreaOfWork { get; set; }
    public string? ProposedCode { get; set; }
    public string? ProposedAreaOfWork { get; set; }
    /// <summary>unchanged, recode or review, as the engine said.</summary>
    public string ProposalStatus { get; set; } = "";
    /// <summary>Rule ids separated by ';'.</summary>
    public string Rules { get; set; } = "";
    /// <summary>The engine's plain sentence.</summary>
    public string Reason { get; set; } = "";
    public string? ChosenCode { get; set; }
    public string? ChosenAreaOfWork { get; set; }
    /// <summary>Required for an override: why the person chose differently.</summary>
    public string? OverrideReason { get; set; }
    public string ManualVersion { get; set; } = "";
    public Guid? CodingRunId { get; set; }
    public DateTime When { get; set; }
    public string Who { get; set; } = "";
    public string? WhoUserId { get; set; }
}

public enum CodingRunStatus
{
    /// <summary>Being read and coded in the background.</summary>
    Running,
    /// <summary>The file had problems: refused whole, nothing coded.</summary>
    Refused,
    /// <summary>Coded; the report and downloads are ready.</summary>
    Completed,
    /// <summary>Stopped by something other than the file (the server restarted, a fault).</summary>
    Failed,
}

/// <summary>An ESR extract uploaded for re-coding, with its before/after figures (the files are in <see cref="CodingRunFile"/>).</summary>
public class CodingRun : IOrganisationOwned, IClaimedWork
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public string FileName { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
    public string? UploadedByUserId { get; set; }
    public DateOnly CodedOn { get; set; }
    public CodingRunStatus Status { get; set; }
    public int Roles { get; set; }
    public int Unchanged { get; set; }
    public int Recode { get; set; }
    public int Review { get; set; }
    public int CodeChanged { get; set; }
    /// <summary>Data rows in the upload, for the progress bar.</summary>
    public int Total { get; set; }
    /// <summary>Roles coded so far while running (written with each heartbeat), so any app instance can show progress.</summary>
    public int Done { get; set; }
    /// <summary>
    /// When the instance coding this run last said it was still at work (every few seconds). A running run whose
    /// heartbeat has stopped was interrupted (the instance stopped) and is taken up again by the next instance that looks.
    /// </summary>
    public DateTime? HeartbeatAt { get; set; }
    /// <summary>How many times coding has been started: 1 for an ordinary run; more when it was taken up after an interruption.</summary>
    public int Attempts { get; set; }
    public int Problems { get; set; }
    public string? Message { get; set; }
    public DateTime? AppliedAt { get; set; }
    public string? AppliedBy { get; set; }
    public int? AppliedPosts { get; set; }
}

/// <summary>
/// One output of a run (decisions, review list, ESR change list, summary, problems...), as text. Not an audited register
/// record: it is reached only through its run, whose organisation filter decides who sees it.
/// </summary>
public class CodingRunFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CodingRunId { get; set; }
    public CodingRun? CodingRun { get; set; }
    /// <summary>
    /// decisions, review, esr-changes, codes, moves, causes, summary, problems; and "upload", the extract as uploaded
    /// (as CSV), kept only while the run is unfinished so an interrupted run can be coded again without asking for it.
    /// </summary>
    public string Name { get; set; } = "";
    public string Content { get; set; } = "";
}
