using System.CommandLine;

namespace Cadre.Cli.Commands;

public static class CodeCommand
{
    public static Command Create()
    {
        var command = new Command("code", "Not built yet.");
        command.SetAction(_ => { Console.Error.WriteLine("cadre code: not built yet"); return 2; });
        return command;
    }
}
