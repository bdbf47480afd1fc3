using System.Globalization;
using System.Text;

namespace Cadre.Core.Text;

/// <summary>
/// Finding a person as people type them: accents and case ignored ("Siobhan" finds "Siobhán", "oconnor" finds
/// "O'Connor"), words in any order ("nowak sophie" finds "Sophie Nowak"), each word matching the start of any part of
/// the name or staff number, or inside a staff number.
/// </summary>
public static class NameSearch
{
    /// <summary>Lower case, accents removed, apostrophes dropped, hyphens and other punctuation read as spaces.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '\u2019' or '\u2018') continue;
            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        // Letters that do not decompose into a base letter and a mark.
        return folded.ToString().Replace('ø', 'o').Replace('ł', 'l').Replace('đ', 'd').Replace("ß", "ss").Replace("æ", "ae").Replace("œ", "oe");
    }

    /// <summary>The words of a search, folded; empty when there is nothing to search for.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        query is null ? [] : Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    /// <summary>Whether every word starts a word of the folded name, or lies within the staff number.</summary>
    public static bool Matches(IReadOnlyList<string> words, string givenName, string familyName, string staffNumber)
    {
        if (words.Count == 0) return true;
        var name = Fold(givenName + " " + familyName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var staff = Fold(staffNumber).Replace(" ", "");
        foreach (var word in words)
            if (!name.Any(part => part.StartsWith(word, StringComparison.Ordinal)) && !staff.Contains(word, StringComparison.Ordinal)
                // "oconnor" against "o connor" (a name written with a space or hyphen): the word starts the name read on from one of its parts.
                && !Enumerable.Range(0, name.Length).Any(i => string.Concat(name[i..]).StartsWith(word, StringComparison.Ordinal)))
                return false;
        return true;
    }
}
