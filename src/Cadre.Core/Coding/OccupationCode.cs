namespace Cadre.Core.Coding;

/// <summary>
/// A three-character NHS occupation code: staff-group matrix, level, and area of work or science theme
/// (e.g. UAH = U matrix, level A Consultant Clinical Scientist, theme H Medical Physics).
/// </summary>
public readonly record struct OccupationCode
{
    private OccupationCode(string value) => Value = value;

    public string Value { get; }
    public char Matrix => Value[0];
    public char Level => Value[1];
    public char Theme => Value[2];
    public bool IsHealthcareScience => Matrix == 'U';

    public static OccupationCode Healthcare(char level, char theme) => new(HealthcareValue(level, theme));

    // One string per U code, made on first use: a recode names a U code for nearly every row it decides.
    private static readonly string?[] UValues = new string?[128 * 128];

    /// <summary>The text of the U code for a level and theme ("U2H"), the same string object every time.</summary>
    public static string HealthcareValue(char level, char theme)
    {
        if (level >= 128 || theme >= 128) return string.Concat("U", level.ToString(), theme.ToString());
        return UValues[level * 128 + theme] ??= string.Concat("U", level.ToString(), theme.ToString());
    }

    /// <summary>Accepts three letters or digits in any case, with surrounding spaces; anything else is not a code.</summary>
    public static bool TryParse(string? text, out OccupationCode code)
    {
        code = default;
        if (text is null) return false;
        var t = text.Trim();
        if (t.Length != 3) return false;
        foreach (var c in t) if (!char.IsAsciiLetterOrDigit(c)) return false;
        code = new OccupationCode(t.ToUpperInvariant());
        return true;
    }

    public static OccupationCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a three-character occupation code.");

    public override string ToString() => Value ?? "";
}
