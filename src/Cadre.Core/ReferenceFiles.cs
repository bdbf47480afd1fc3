using System.Reflection;

namespace Cadre.Core;

/// <summary>
/// The versioned reference data in the repository's <c>reference/</c> folder, compiled into this assembly so that rules
/// and the facts they rest on always ship together. Paths are relative to <c>reference/</c>, with forward slashes.
/// </summary>
public static class ReferenceFiles
{
    private static readonly Assembly Assembly = typeof(ReferenceFiles).Assembly;
    private const string Prefix = "reference/";

    public static IEnumerable<string> List() =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order();

    public static Stream Open(string path) =>
        Assembly.GetManifestResourceStream(Prefix + path)
        ?? throw new FileNotFoundException($"Reference file '{path}' is not compiled into Cadre. Files under reference/ are embedded at build time.");

    public static string ReadAllText(string path)
    {
        using var reader = new StreamReader(Open(path));
        return reader.ReadToEnd();
    }
}
