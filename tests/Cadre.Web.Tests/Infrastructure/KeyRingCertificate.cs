using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cadre.Web.Tests.Infrastructure;

/// <summary>
/// A throw-away certificate for the key ring on PostgreSQL, which production refuses to run without: a self-signed RSA
/// certificate with its key, written as a .pfx with a password, as an operator would supply one.
/// </summary>
public static class KeyRingCertificate
{
    public const string Password = "test-only-pfx-password";

    public static string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Cadre key ring (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, "keys-certificate.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
