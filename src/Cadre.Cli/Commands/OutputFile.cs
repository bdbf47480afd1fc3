namespace Cadre.Cli.Commands;

/// <summary>
/// A file the command line writes, written whole or not at all: into NAME.partial, then moved into place, so a reader
/// never opens half a file and a failed run leaves the last good one. A missing folder is said in words.
/// </summary>
internal static class OutputFile
{
    public static async Task<T> WriteAsync<T>(string path, Func<Stream, Task<T>> write)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".partial";
        try
        {
            T result;
            await using (var stream = File.Create(temp))
                result = await write(stream);
            File.Move(temp, full, overwrite: true);
            return result;
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliException($"{path}: the folder does not exist.");
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
