namespace Cadre.Core.Coding;

/// <summary>An Agenda for Change pay band, 1 to 9 with 8a–8d, ordered so that 8c &gt; 8b and 9 &gt; 8d.</summary>
public readonly record struct PayBand : IComparable<PayBand>
{
    private static readonly string[] Names = ["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"];

    private PayBand(int rank) => Rank = rank;

    /// <summary>0 for band 1 up to 11 for band 9.</summary>
    public int Rank { get; }

    public static PayBand Band(string name) => TryParse(name, out var b) ? b : throw new FormatException($"'{name}' is not an Agenda for Change band.");

    public static readonly PayBand Band4 = Band("4");
    public static readonly PayBand Band7 = Band("7");
    public static readonly PayBand Band8C = Band("8c");

    /// <summary>Accepts "7", "Band 7", "8C", "band 8c", "AfC 8c" (case and spaces forgiven).</summary>
    public static bool TryParse(string? text, out PayBand band)
    {
        band = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToLowerInvariant().Replace(" ", "");
        if (t.StartsWith("afc", StringComparison.Ordinal)) t = t[3..];
        if (t.StartsWith("band", StringComparison.Ordinal)) t = t[4..];
        var i = Array.IndexOf(Names, t);
        if (i < 0) return false;
        band = new PayBand(i);
        return true;
    }

    public int CompareTo(PayBand other) => Rank.CompareTo(other.Rank);
    public static bool operator >=(PayBand a, PayBand b) => a.Rank >= b.Rank;
    public static bool operator <=(PayBand a, PayBand b) => a.Rank <= b.Rank;
    public static bool operator >(PayBand a, PayBand b) => a.Rank > b.Rank;
    public static bool operator <(PayBand a, PayBand b) => a.Rank < b.Rank;

    public override string ToString() => "Band " + Names[Rank];
}
