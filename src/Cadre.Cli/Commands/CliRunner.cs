using System.CommandLine;

namespace Cadre.Cli.Commands;

/// <summary>Runs the parsed command and turns any escaped exception into one plain line and exit status 1: users never see a stack trace.</summary>
public static class CliRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"cadre: {ex.Message}");
            return 1;
        }
    }
}
