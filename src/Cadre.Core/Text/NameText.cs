namespace Cadre.Core.Text;

/// <summary>
/// Characters a person's name never needs and an attacker uses to make one name look like another or to reorder
/// what is shown around it ("Trojan Source", CVE-2021-42574): bidirectional overrides and isolates, and invisible
/// zero-width characters. Refused in names rather than stripped, so what is stored is what the person typed
/// (docs/decisions/input-encoding.md).
/// </summary>
public static class NameText
{
    /// <summary>Why the name cannot be stored, naming the character; null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (name is null) return null;
        foreach (var c in name)
        {
            var what = c switch
            {
                >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C' => "a hidden right-to-left or left-to-right control",
                '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => "an invisible zero-width character",
                _ when char.IsControl(c) => "a control character",
                _ => null,
            };
            if (what is not null) return $"contains {what} (U+{(int)c:X4}), which could disguise the name; type it again without it";
        }
        return null;
    }
}
