namespace Cadre.Core.JobEvaluation;

/// <summary>
/// The national profile library: every suite imported, every version of every profile. A newer import of a profile
/// supersedes the older one; profiles a suite archives stay readable. Only current, scorable profiles are offered
/// for matching.
/// </summary>
public sealed class ProfileLibrary
{
    private readonly List<NationalProfile> _all = [];
    private readonly List<ProfileSuite> _suites = [];

    public IReadOnlyList<ProfileSuite> Suites => _suites;

    /// <summary>Every version of every profile, current, superseded and archived.</summary>
    public IReadOnlyList<NationalProfile> All => _all;

    public IEnumerable<NationalProfile> Current => _all.Where(p => p.Status == ProfileStatus.Current);

    /// <summary>The profiles a matching panel may use: current and with 16 readable factors.</summary>
    public IReadOnlyList<NationalProfile> OfferedForMatching => _all.Where(p => p.IsOfferedForMatching).ToList();

    public static ProfileLibrary Of(params ProfileSuite[] suites)
    {
        var library = new ProfileLibrary();
        foreach (var s in suites) library.Import(s);
        return library;
    }

    /// <summary>Adds a suite. A profile already held (same suite and title) becomes superseded and the new one gets the next revision.</summary>
    public void Import(ProfileSuite suite)
    {
        _suites.Add(suite);
        foreach (var incoming in suite.All)
        {
            var revision = 1;
            for (var i = 0; i < _all.Count; i++)
            {
                if (_all[i].Key != incoming.Key) continue;
                revision = Math.Max(revision, _all[i].Revision + 1);
                if (_all[i].Status == ProfileStatus.Current)
                    _all[i] = _all[i] with { Status = ProfileStatus.Superseded, StatusNote = $"Superseded by version {incoming.Version}" };
            }
            _all.Add(incoming with { Revision = revision });
        }
    }

    /// <summary>All versions of one profile, oldest first.</summary>
    public IReadOnlyList<NationalProfile> History(string suite, string title)
    {
        var key = NationalProfile.KeyFor(suite, title);
        return _all.Where(p => p.Key == key).OrderBy(p => p.Revision).ToList();
    }

    public NationalProfile? Find(string title) =>
        Current.FirstOrDefault(p => NationalProfile.Normalise(p.Title) == NationalProfile.Normalise(title))
        ?? _all.LastOrDefault(p => NationalProfile.Normalise(p.Title) == NationalProfile.Normalise(title));
}
