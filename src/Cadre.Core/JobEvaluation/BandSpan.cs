using System.Text.RegularExpressions;

namespace Cadre.Core.JobEvaluation;

/// <summary>
/// The band a profile prints: one band ("6"), a span ("8a-c", "8a*-8b"), and whether generic profile provisions
/// apply (an asterisk, JE-GEN-01).
/// </summary>
public sealed partial record BandSpan(BandRange Low, BandRange High, bool Generic, string Printed)
{
    public bool Contains(BandRange band) => band.Rank >= Low.Rank && band.Rank <= High.Rank;

    public override string ToString() => Printed;

    [GeneratedRegex(@"^\s*(?<low>\d[a-d]?)\s*(?<star1>\*)?\s*(?:(?:-|–|—|to)\s*(?<high>\d?[a-d]?)\s*(?<star2>\*)?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>Reads a printed band such as <c>5</c>, <c>6*</c>, <c>8a-c</c> or <c>8a*-8b</c>.</summary>
    public static BandSpan Parse(string printed, BandRanges ranges)
    {
        var m = Pattern().Match(printed);
        if (!m.Success) throw new FormatException($"'{printed}' is not a band or span of bands (for example 5, 6*, 8a-c).");
        var lowName = m.Groups["low"].Value.ToLowerInvariant();
        var low = ranges.Get(lowName);
        var highText = m.Groups["high"].Value.ToLowerInvariant();
        // "8a-c" carries the 8 over: the high end is 8c.
        if (highText.Length == 1 && char.IsLetter(highText[0])) highText = lowName[0] + highText;
        var high = highText.Length == 0 ? low : ranges.Get(highText);
        if (high.Rank < low.Rank) throw new FormatException($"Band span '{printed}' runs downwards.");
        var generic = m.Groups["star1"].Success || m.Groups["star2"].Success;
        return new BandSpan(low, high, generic, printed.Trim());
    }

    public static BandSpan Single(BandRange band) => new(band, band, false, band.Name);
}
