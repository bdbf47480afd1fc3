namespace Cadre.Cli.Tests.Coding;

/// <summary>A scratch folder per test, removed afterwards.</summary>
internal sealed class Scratch : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("cadre-code-test-").FullName;
    public string Path(string name) => System.IO.Path.Combine(Dir, name);
    public void Dispose() { try { Directory.Delete(Dir, true); } catch (IOException) { } }
}
