namespace Cadre.Core.JobEvaluation;

/// <summary>An Agenda for Change pay band (1 to 9, with band 8 split into 8a to 8d) and the job weights it covers.</summary>
/// <param name="Rank">Position in pay order, 0 for band 1; lets bands be compared and spans be walked.</param>
public sealed record PayBand(string Name, int Rank, int MinScore, int MaxScore)
{
    public bool Contains(int total) => total >= MinScore && total <= MaxScore;
    public override string ToString() => Name;
}

/// <summary>Job weight to pay band, from the NHS terms and conditions' table 1 (JE-BAND-01).</summary>
public sealed class BandRanges
{
    /// <summary>The word Cadre prints instead of a band for totals above band 9 (JE-BAND-02).</summary>
    public const string NoBand = "none";

    public string Version { get; }
    public IReadOnlyList<PayBand> Bands { get; }
    public int MaximumBandedTotal => Bands[^1].MaxScore;

    public BandRanges(string version, IReadOnlyList<PayBand> bands)
    {
        for (var i = 1; i < bands.Count; i++)
            if (bands[i].MinScore != bands[i - 1].MaxScore + 1)
                throw new FormatException($"band-ranges.csv: band {bands[i].Name} must start at {bands[i - 1].MaxScore + 1}, one above band {bands[i - 1].Name}.");
        Version = version;
        Bands = bands;
    }

    /// <summary>The band for a total, or null above the top of band 9.</summary>
    public PayBand? BandFor(int total)
    {
        foreach (var band in Bands)
            if (band.Contains(total)) return band;
        return null;
    }

    public string BandNameFor(int total) => BandFor(total)?.Name ?? NoBand;

    public PayBand? Find(string name) => Bands.FirstOrDefault(b => string.Equals(b.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public PayBand Get(string name) => Find(name) ?? throw new FormatException($"'{name}' is not an Agenda for Change band (1 to 9, 8a to 8d).");

    public static BandRanges Parse(TextReader csv, string version)
    {
        var bands = new List<PayBand>();
        foreach (var row in Csv.ReadRows(csv))
            bands.Add(new PayBand(row[0].Trim().ToLowerInvariant(), bands.Count, int.Parse(row[1]), int.Parse(row[2])));
        return new BandRanges(version, bands);
    }
}
