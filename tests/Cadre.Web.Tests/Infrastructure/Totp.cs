using System.Security.Cryptography;

namespace Cadre.Web.Tests.Infrastructure;

/// <summary>
/// RFC 6238 time-based one-time passwords, written here from the RFC rather than taken from the app, so that a test
/// computing a code as a phone would checks the app's side independently (<c>TotpTests</c> checks this against the
/// RFC's published test vectors).
/// </summary>
public static class Totp
{
    public static string Code(byte[] key, DateTimeOffset at, int digits = 6, int step = 30, HashAlgorithmName? algorithm = null)
    {
        var counter = at.ToUnixTimeSeconds() / step;
        var message = new byte[8];
        for (var i = 7; i >= 0; i--, counter >>= 8) message[i] = (byte)(counter & 0xff);
        var hash = (algorithm ?? HashAlgorithmName.SHA1).Name switch
        {
            "SHA256" => HMACSHA256.HashData(key, message),
            "SHA512" => HMACSHA512.HashData(key, message),
            _ => HMACSHA1.HashData(key, message),
        };
        // RFC 4226 section 5.3, dynamic truncation.
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % (int)Math.Pow(10, digits)).ToString().PadLeft(digits, '0');
    }

    /// <summary>The code an authenticator app shows now for a key as Cadre displays it (base32, any case, spaces ignored).</summary>
    public static string CodeNow(string base32Key) => Code(Base32(base32Key), DateTimeOffset.UtcNow);

    /// <summary>RFC 4648 base32 (no padding needed).</summary>
    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=' or '-')))
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) throw new FormatException($"'{c}' is not base32");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }
        return [.. bytes];
    }
}
