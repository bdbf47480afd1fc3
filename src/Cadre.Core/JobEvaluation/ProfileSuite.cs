namespace Cadre.Core.JobEvaluation;

/// <summary>A row of a suite's "Version history and amendments" table.</summary>
public sealed record VersionHistoryEntry(string Action, string Date, string Notes);

/// <summary>A row of a suite's contents table: title, band and page as printed.</summary>
public sealed record ContentsEntry(string Title, string Band, string Page);

/// <summary>
/// A suite of national profiles as read from a printed copy: the profiles, the profiles its version history
/// archives (readable, never offered for matching), and notes about the copy itself.
/// </summary>
public sealed record ProfileSuite(
    string Name,
    string Version,
    IReadOnlyList<NationalProfile> Profiles,
    IReadOnlyList<NationalProfile> Archived,
    IReadOnlyList<VersionHistoryEntry> VersionHistory,
    IReadOnlyList<ContentsEntry> Contents,
    IReadOnlyList<string> Notes)
{
    public IEnumerable<NationalProfile> All => Profiles.Concat(Archived);
}
