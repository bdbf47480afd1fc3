namespace Cadre.Data;

/// <summary>
/// The data folder holds the database, the cookie keys and the first administrator's password: personal data and
/// secrets. It is created readable by the service's own account only (0700), and the SQLite file 0600 before SQLite
/// first opens it (SQLite gives its journal files the database file's permissions). Windows keeps its own ACLs.
/// </summary>
public static class DataFolder
{
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Ensure(string folder)
    {
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(folder); return; }
        Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }

    /// <summary>Creates an empty file readable by the owner only, unless it exists.</summary>
    public static void EnsurePrivateFile(string path)
    {
        if (File.Exists(path)) return;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        try { using var _ = new FileStream(path, options); }
        catch (IOException) when (File.Exists(path)) { } // made by another process in between: its own mode stands
    }

    /// <summary>Writes text to a file readable by the owner only (replacing it).</summary>
    public static void WritePrivate(string path, string text)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(text);
    }
}
