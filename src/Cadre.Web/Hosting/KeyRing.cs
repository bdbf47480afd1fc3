using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cadre.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Cadre.Web;

/// <summary>Cadre cannot start as configured; the message says what to change (no stack trace).</summary>
public sealed class CadreStartupException(string message) : Exception(message);

/// <summary>
/// Where the key ring that signs sign-in cookies and anti-forgery tokens lives (docs/decisions/hosting-several-instances.md).
/// On SQLite there is one instance, and the keys stay in its data folder, protected by the folder's permissions. On
/// PostgreSQL several instances share one database, so they must share the keys too, or a cookie issued by one instance
/// is refused by the next: the keys live in the database, encrypted at rest with a certificate the operator supplies
/// (the database's own backups and readers must not be able to forge a session). Production refuses to start without it.
/// </summary>
internal static class KeyRing
{
    public const string CertificateVariable = "CADRE_KEYS_CERTIFICATE";
    public const string PasswordVariable = "CADRE_KEYS_CERTIFICATE_PASSWORD";
    public const string PreviousCertificatesVariable = "CADRE_KEYS_PREVIOUS_CERTIFICATES";

    public static void AddCadreKeyRing(this IServiceCollection services, CadreWebOptions options, DatabaseOptions database, string dataDirectory, IHostEnvironment environment)
    {
        var keys = services.AddDataProtection().SetApplicationName("Cadre");
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
            return;
        }
        keys.PersistKeysToDbContext<CadreDbContext>();
        var path = options.KeysCertificate ?? System.Environment.GetEnvironmentVariable(CertificateVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            if (environment.IsProduction())
                throw new CadreStartupException(
                    "Cadre on PostgreSQL keeps the keys that protect sign-in cookies in the database, and needs a certificate to encrypt them. " +
                    $"Give one with --keys-certificate FILE (a .pfx/.p12, or a .pem holding the certificate and its private key) or set {CertificateVariable}; " +
                    $"a password for it goes in {PasswordVariable}. See docs/deploy.md.");
            return; // Development or tests on a workstation: keys unencrypted in the database, as Data Protection warns.
        }
        var password = options.KeysCertificatePassword ?? System.Environment.GetEnvironmentVariable(PasswordVariable);
        var current = Load(path, password, "--keys-certificate");
        // Keys written under a certificate being retired must still be readable until they expire (90 days by default).
        var previous = (options.KeysPreviousCertificates ?? System.Environment.GetEnvironmentVariable(PreviousCertificatesVariable) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Load(p, password, PreviousCertificatesVariable));
        keys.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    private static X509Certificate2 Load(string path, string? password, string what)
    {
        if (!File.Exists(path)) throw new CadreStartupException($"{what}: there is no file {path}.");
        X509Certificate2 certificate;
        try
        {
            certificate = Path.GetExtension(path).ToLowerInvariant() is ".pem" or ".crt"
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new CadreStartupException($"{what}: {path} could not be read as a certificate with its private key ({e.Message.TrimEnd('.')}). " +
                $"A .pfx needs its password in {PasswordVariable}; a .pem must hold both the certificate and the private key.");
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPublicKey() is null)
            throw new CadreStartupException($"{what}: {path} must be an RSA certificate with its private key, which Cadre needs to read the keys back.");
        return certificate;
    }
}
