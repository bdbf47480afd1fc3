using System.CommandLine;

namespace Cadre.Cli.Commands;

public static class JeCommand
{
    public static Command Create()
    {
        var command = new Command("je", "Not built yet.");
        command.SetAction(_ => { Console.Error.WriteLine("cadre je: not built yet"); return 2; });
        return command;
    }
}
