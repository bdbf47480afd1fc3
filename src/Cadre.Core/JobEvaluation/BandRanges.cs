using Cadre.Core.Register;

namespace Cadre.Core.JobEvaluation;

/// <summary>
/// The job weights one Agenda for Change pay band covers (JE-BAND-01). The band itself is the register's
/// <see cref="PayBand"/>: one type for a band wherever Cadre holds one (issue 15).
/// </summary>
public sealed record BandRange(PayBand Band, int MinScore, int MaxScore)
{
    /// <summary>The band as the band-ranges table and job evaluation outputs write it: "5", "8a".</summary>
    public string Name => Band.Code;

    /// <summary>Position in pay order, 0 for band 1; lets bands be compared and spans be walked.</summary>
    public int Rank => Band.Rank;

    public bool Contains(int total) => total >= MinScore && total <= MaxScore;
    public override string ToString() => Name;
}

/// <summary>
/// What a job evaluation gives: a pay band, or a total above the top of band 9, which Agenda for Change does not band
/// (JE-BAND-02). A type rather than the word "none", so a caller cannot mistake one for a band.
/// </summary>
public abstract record JeBand
{
    private JeBand() { }

    /// <summary>The word Cadre prints and stores for a result, as it always has: the band ("7", "8a") or "none".</summary>
    public abstract string Name { get; }

    public sealed record Banded(PayBand Band) : JeBand
    {
        public override string Name => Band.Code;
    }

    public sealed record AboveBandNine : JeBand
    {
        public override string Name => BandRanges.NoBand;
    }

    /// <summary>The one "above band 9" result.</summary>
    public static JeBand Above { get; } = new AboveBandNine();

    public static JeBand Of(BandRange? range) => range is null ? Above : new Banded(range.Band);

    /// <summary>Reads a stored result: a band, or "none" for above band 9.</summary>
    public static JeBand Parse(string text) =>
        string.Equals(text.Trim(), BandRanges.NoBand, StringComparison.OrdinalIgnoreCase) ? Above : new Banded(PayBand.Parse(text));

    public override string ToString() => Name;
}

/// <summary>Job weight to pay band, from the NHS terms and conditions' table 1 (JE-BAND-01).</summary>
public sealed class BandRanges
{
    /// <summary>The word Cadre prints instead of a band for totals above band 9 (JE-BAND-02).</summary>
    public const string NoBand = "none";

    public string Version { get; }
    public IReadOnlyList<BandRange> Bands { get; }
    public int MaximumBandedTotal => Bands[^1].MaxScore;

    public BandRanges(string version, IReadOnlyList<BandRange> bands)
    {
        for (var i = 1; i < bands.Count; i++)
            if (bands[i].MinScore != bands[i - 1].MaxScore + 1)
                throw new FormatException($"band-ranges.csv: band {bands[i].Name} must start at {bands[i - 1].MaxScore + 1}, one above band {bands[i - 1].Name}.");
        Version = version;
        Bands = bands;
    }

    /// <summary>The band range a total falls in, or null above the top of band 9.</summary>
    public BandRange? BandFor(int total)
    {
        foreach (var band in Bands)
            if (band.Contains(total)) return band;
        return null;
    }

    /// <summary>The result for a total: its band, or above band 9.</summary>
    public JeBand ResultFor(int total) => JeBand.Of(BandFor(total));

    public string BandNameFor(int total) => ResultFor(total).Name;

    public BandRange? Find(string name) => Bands.FirstOrDefault(b => string.Equals(b.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public BandRange? Find(PayBand band) => Bands.FirstOrDefault(b => b.Band == band);

    public BandRange Get(string name) => Find(name) ?? throw new FormatException($"'{name}' is not an Agenda for Change band (1 to 9, 8a to 8d).");

    public static BandRanges Parse(TextReader csv, string version)
    {
        var bands = new List<BandRange>();
        foreach (var row in Csv.ReadRows(csv))
        {
            if (!PayBand.TryParse(row[0], out var band) || band.Value.Rank != bands.Count)
                throw new FormatException($"band-ranges.csv: row {bands.Count + 1} must be band {PayBand.All[Math.Min(bands.Count, PayBand.All.Count - 1)].Code}, in pay order; found '{row[0]}'.");
            bands.Add(new BandRange(band.Value, int.Parse(row[1]), int.Parse(row[2])));
        }
        return new BandRanges(version, bands);
    }
}
