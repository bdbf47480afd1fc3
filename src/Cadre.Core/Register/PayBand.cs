using System.Diagnostics.CodeAnalysis;

namespace Cadre.Core.Register;

/// <summary>
/// An Agenda for Change pay band: 1 to 9, with band 8 split into 8a, 8b, 8c and 8d. A value type so that a post can never
/// hold "8e" or "10", and so that bands compare in pay order (7 &lt; 8a &lt; 8d &lt; 9) rather than text order.
/// </summary>
public readonly record struct PayBand : IComparable<PayBand>
{
    private static readonly string[] Names = ["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"];

    /// <summary>Every band in pay order, lowest first.</summary>
    public static IReadOnlyList<PayBand> All { get; } = Enumerable.Range(0, Names.Length).Select(i => new PayBand(i)).ToArray();

    public static PayBand Band1 => All[0];
    public static PayBand Band2 => All[1];
    public static PayBand Band3 => All[2];
    public static PayBand Band4 => All[3];
    public static PayBand Band5 => All[4];
    public static PayBand Band6 => All[5];
    public static PayBand Band7 => All[6];
    public static PayBand Band8a => All[7];
    public static PayBand Band8b => All[8];
    public static PayBand Band8c => All[9];
    public static PayBand Band8d => All[10];
    public static PayBand Band9 => All[11];

    private readonly int _index;

    private PayBand(int index) => _index = index;

    /// <summary>Position in pay order, 0 for band 1 up to 11 for band 9.</summary>
    public int Rank => _index;

    /// <summary>The band's number ignoring the 8a-8d split (8 for all of them): what national statistics group by.</summary>
    public int Number => _index <= 6 ? _index + 1 : _index <= 10 ? 8 : 9;

    /// <summary>The usual written form: "5", "8a".</summary>
    public string Code => Names[_index];

    /// <summary>The band as pages and the coding engine's reasons print it: "Band 5", "Band 8a".</summary>
    public string Label => "Band " + Code;

    public override string ToString() => Code;

    public int CompareTo(PayBand other) => _index.CompareTo(other._index);
    public static bool operator <(PayBand a, PayBand b) => a._index < b._index;
    public static bool operator >(PayBand a, PayBand b) => a._index > b._index;
    public static bool operator <=(PayBand a, PayBand b) => a._index <= b._index;
    public static bool operator >=(PayBand a, PayBand b) => a._index >= b._index;

    /// <summary>
    /// Reads a band as people write it: "5", "Band 5", "band 8A", "8 a", "AfC 8c". Band 8 on its own is refused because
    /// it is ambiguous between 8a and 8d.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PayBand? band)
    {
        band = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().ToLowerInvariant().Replace(" ", "");
        foreach (var prefix in new[] { "afcband", "afc", "band" })
            if (s.StartsWith(prefix, StringComparison.Ordinal)) { s = s[prefix.Length..]; break; }
        var index = Array.IndexOf(Names, s);
        if (index < 0) return false;
        band = new PayBand(index);
        return true;
    }

    public static PayBand Parse(string text) =>
        TryParse(text, out var band) ? band.Value : throw new FormatException(ExpectedText(text));

    /// <summary>What a user is told when a band cannot be read.</summary>
    public static string ExpectedText(string? given) =>
        $"'{given}' is not an Agenda for Change pay band; expected one of {string.Join(", ", Names)}";
}
