using Cadre.Core.JobEvaluation;
using Cadre.Core.Register;

namespace Cadre.Data.JobEvaluation;

/// <summary>
/// One imported copy of a national profile suite. The library is national, not any organisation's: every organisation
/// reads the same profiles, so these rows carry no organisation.
/// </summary>
public class JeSuite
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public DateTime ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    /// <summary>The file name it came from, or "shipped with Cadre".</summary>
    public string Source { get; set; } = "";
    /// <summary>Notes about the copy (encoding, repaired cells), one a line.</summary>
    public string Notes { get; set; } = "";
    public List<JeProfile> Profiles { get; set; } = [];
}

/// <summary>One version of one national profile: its 16 factor rows, the figures computed from them and those printed.</summary>
public class JeProfile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SuiteId { get; set; }
    public JeSuite? Suite { get; set; }
    public string SuiteName { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Suite and title normalised (<see cref="NationalProfile.KeyFor"/>): all versions of a profile share it.</summary>
    public string Key { get; set; } = "";
    public string Version { get; set; } = "";
    public int Revision { get; set; } = 1;
    public ProfileStatus Status { get; set; } = ProfileStatus.Current;
    public string? StatusNote { get; set; }
    public string JobStatement { get; set; } = "";
    public int? ComputedMin { get; set; }
    public int? ComputedMax { get; set; }
    /// <summary>Band of the computed minimum and maximum ("none" above 765).</summary>
    public string? ComputedMinBand { get; set; }
    public string? ComputedMaxBand { get; set; }
    public string? PrintedScore { get; set; }
    public string? PrintedBand { get; set; }
    /// <summary>Lowest band of the printed band, for browsing by band ("8a" for "8a-c").</summary>
    public string? BandLow { get; set; }
    /// <summary>Disagreements between print and levels, one a line.</summary>
    public string Warnings { get; set; } = "";
    public int Position { get; set; }
    public List<JeProfileFactor> Factors { get; set; } = [];

    public IReadOnlyList<string> WarningList => Warnings.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A profile's row for one factor: the levels as printed and read, descriptor text and points.</summary>
public class JeProfileFactor
{
    public Guid ProfileId { get; set; }
    public int Factor { get; set; }
    /// <summary>Levels as the profile prints them, e.g. "2abcd–3ac".</summary>
    public string Levels { get; set; } = "";
    public string Descriptor { get; set; } = "";
    public string? PrintedPoints { get; set; }
    public int MinPoints { get; set; }
    public int MaxPoints { get; set; }
}

/// <summary>How an outcome was reached.</summary>
public enum JeProcess { Matching, LocalEvaluation, Review }

/// <summary>What a panel (or an evaluator) decided.</summary>
public enum JeResult { Matched, MatchedWithVariations, ReferredToLocalEvaluation, Evaluated }

/// <summary>
/// A job evaluation outcome held by an organisation: the panel that sat (date, members, job advisers, job information),
/// the level and rationale on every factor, the profile matched (if any), total and band, and when the post holder was told.
/// </summary>
public class JeOutcome : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid? PostId { get; set; }
    public Post? Post { get; set; }
    /// <summary>The panel session the job was heard at, when it was heard at one (members and date come from it).</summary>
    public Guid? SessionId { get; set; }
    public string JobTitle { get; set; } = "";
    public JeProcess Process { get; set; }
    public DateOnly Date { get; set; }
    public bool RestAgreedToSitAsThree { get; set; }
    public bool ReachedByConsensus { get; set; } = true;
    public Guid? ProfileId { get; set; }
    public JeProfile? Profile { get; set; }
    public string? ProfileTitle { get; set; }
    public string? PolicyId { get; set; }
    /// <summary>The 16 levels, comma-separated with their letters, e.g. "3a,2,4,...".</summary>
    public string Levels { get; set; } = "";
    public int Total { get; set; }
    /// <summary>The band the outcome gives; null when referred to local evaluation.</summary>
    public string? Band { get; set; }
    public JeResult Result { get; set; }
    /// <summary>The reasons, each naming its rule, one a line.</summary>
    public string Reasons { get; set; } = "";
    public Guid? ReviewOfId { get; set; }
    public DateOnly? NotifiedOn { get; set; }
    public string? NotifiedHow { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public List<JeOutcomeFactor> Factors { get; set; } = [];
    public List<JePanelMember> Members { get; set; } = [];
    public List<JeJobDocument> Documents { get; set; } = [];

    public IReadOnlyList<int> LevelNumbers => Levels.Split(',').Select(l => int.Parse(new string(l.TakeWhile(char.IsDigit).ToArray()))).ToList();
}

/// <summary>The level chosen on one factor and the panel's rationale (JE-EVAL-01).</summary>
public class JeOutcomeFactor : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid OutcomeId { get; set; }
    public int Factor { get; set; }
    public int Level { get; set; }
    public string SubLetters { get; set; } = "";
    public string Rationale { get; set; } = "";
}

/// <summary>A practitioner on the panel, or a job adviser, with the side they represent.</summary>
public class JePanelMember : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid OutcomeId { get; set; }
    public string Name { get; set; } = "";
    public PartnershipSide Side { get; set; }
    public bool IsJobAdviser { get; set; }
    public bool Developing { get; set; }
}

/// <summary>A piece of job information the panel used, with its version or date.</summary>
public class JeJobDocument : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid OutcomeId { get; set; }
    /// <summary>"Job description", "Person specification", "Organisation chart" or another kind.</summary>
    public string Kind { get; set; } = "";
    public string Version { get; set; } = "";
    public DateOnly? Dated { get; set; }
}

/// <summary>A post holder's written request for review of an outcome (JE-REVIEW-01/02).</summary>
public class JeReviewRequest : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid OutcomeId { get; set; }
    public JeOutcome? Outcome { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public bool InWriting { get; set; }
    /// <summary>Factor numbers, comma-separated.</summary>
    public string DisputedFactors { get; set; } = "";
    public string Evidence { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public Guid? ReviewOutcomeId { get; set; }
}

/// <summary>
/// A panel sitting: one day, one panel (members with sides, job advisers) hearing several jobs. The partnership rules
/// (JE-PANEL-01..03, 05) are checked once, when the session is recorded; each job heard is an outcome linked to it.
/// </summary>
public class JePanelSession : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public DateOnly Date { get; set; }
    public bool RestAgreedToSitAsThree { get; set; }
    /// <summary>The composition findings, each naming its rule, one a line.</summary>
    public string Findings { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public List<JeSessionMember> Members { get; set; } = [];
}

/// <summary>A practitioner or job adviser of a panel session, with the side they represent.</summary>
public class JeSessionMember : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid SessionId { get; set; }
    public string Name { get; set; } = "";
    public PartnershipSide Side { get; set; }
    public bool IsJobAdviser { get; set; }
    public bool Developing { get; set; }
}
