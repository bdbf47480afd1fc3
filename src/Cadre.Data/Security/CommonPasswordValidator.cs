using System.Collections.Frozen;
using System.Text;
using Cadre.Core;
using Microsoft.AspNetCore.Identity;

namespace Cadre.Data.Security;

/// <summary>
/// Refuses passwords on the deny list of commonly used passwords (<c>reference/security/common-passwords.txt</c>),
/// including the usual decorations of them: capitals, digits and symbols at either end, separators inside and
/// look-alike symbols (<c>P@ssw0rd-2026</c>). The NCSC asks for a deny list; complexity alone lets
/// <c>Password1234</c> through (docs/decisions/sign-in.md).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<CadreUser>
{
    public const string Code = "CommonPassword";
    public const string File = "security/common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> List = new(() => ReferenceFiles.ReadAllText(File)
        .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Where(line => !line.StartsWith('#'))
        .Select(line => line.ToLowerInvariant())
        .ToFrozenSet(StringComparer.Ordinal));

    public static int Count => List.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<CadreUser> manager, CadreUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = PasswordRules.CommonMessage })
            : IdentityResult.Success);

    public static bool IsCommon(string password) => Forms(password).Any(List.Value.Contains);

    /// <summary>The forms a password is looked up in: as typed, without its decorated ends, without separators, and with look-alikes undone.</summary>
    private static IEnumerable<string> Forms(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        yield return lower;
        var stem = lower.Trim(NotLetter(lower));
        yield return stem;
        var letters = new string(stem.Where(char.IsLetterOrDigit).ToArray());
        yield return letters;
        yield return letters.Trim("0123456789".ToCharArray());
        var undone = Undo(stem);
        yield return undone;
        yield return new string(undone.Where(char.IsLetterOrDigit).ToArray());
    }

    private static char[] NotLetter(string text) => text.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    private static string Undo(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c switch { '@' or '4' => 'a', '0' => 'o', '3' => 'e', '$' or '5' => 's', '1' or '!' => 'i', '7' => 't', _ => c });
        return builder.ToString();
    }
}

/// <summary>The password rules in the words every form shows, so the hint states what is actually enforced.</summary>
public static class PasswordRules
{
    public const string Hint = "At least 12 characters, with a capital letter, a small letter and a number. Not a commonly used password " +
        "such as Password1234 or a football team and a year. A few unrelated words make a strong password that is easy to remember.";

    public const string CommonMessage = "This password is too common and easy to guess: choose one that is not a common word or name with numbers added";
}
