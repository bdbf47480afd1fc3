namespace Cadre.Core.Text;

/// <summary>
/// The one rule that makes text safe to open in a spreadsheet, used by every CSV and XLSX writer in Cadre
/// (<see cref="Coding.Extract.CsvText"/> and the register's table writer) and undone by the importers.
/// </summary>
public static class SpreadsheetSafety
{
    /// <summary>
    /// A cell beginning with = + - @ (or tab / carriage return) is run as a formula by Excel and others ("CSV injection",
    /// OWASP). Such text is prefixed with an apostrophe, which spreadsheets show as text and do not evaluate. Text that
    /// already begins with the apostrophe is left alone, so neutralising twice changes nothing.
    /// </summary>
    public static string Neutralise(string text) => NeedsPrefix(text) ? "'" + text : text;

    public static bool NeedsPrefix(ReadOnlySpan<char> text) => text.Length > 0 && IsTrigger(text[0]);

    /// <summary>
    /// Undoes <see cref="Neutralise"/> on a value read back from a file: an apostrophe followed by a formula trigger is
    /// the one Cadre added (nobody types a leading apostrophe before = on purpose), so an export imports losslessly.
    /// </summary>
    public static string Restore(string text) => text.Length > 1 && text[0] == '\'' && IsTrigger(text[1]) ? text[1..] : text;

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
