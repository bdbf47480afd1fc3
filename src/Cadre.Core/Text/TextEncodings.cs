using System.Text;

namespace Cadre.Core.Text;

/// <summary>
/// How Cadre decides a text file's encoding from its bytes (docs/decisions/input-encoding.md): a byte order mark
/// decides; otherwise the file must be UTF-8 unless the person names another encoding. A byte that is not UTF-8 is
/// decoded as <see cref="NotUtf8"/>, and the reader refuses the row and column holding it.
/// </summary>
public static class TextEncodings
{
    /// <summary>What UTF-8 decoding puts where a byte is not UTF-8 (the Unicode replacement character).</summary>
    public const char NotUtf8 = '\uFFFD';

    /// <summary>UTF-8 that marks each bad byte with <see cref="NotUtf8"/> rather than throwing, so the reader can say where.</summary>
    public static readonly Encoding Utf8Marked = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The encoding a person named (e.g. "windows-1252", "utf-8"); null with a message when it is not one.</summary>
    public static Encoding? Named(string name, out string? problem)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            problem = null;
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            problem = $"'{name}' is not an encoding Cadre knows; use utf-8, or the code page the file was saved in, such as windows-1252";
            return null;
        }
    }

    /// <summary>The refusal for a value holding a byte that is not UTF-8, naming file, row and column.</summary>
    public static string NotUtf8Message(string file, int row, string column, string value, int at) =>
        $"{file}: row {row}, column {column} holds a byte that is not UTF-8 text" +
        (at > 0 ? $" (just after '{value[Math.Max(0, at - 40)..at]}')" : "") +
        ". Nothing was read. Save the file as \"CSV UTF-8\" in Excel, or say which encoding it is in (for example windows-1252).";
}
