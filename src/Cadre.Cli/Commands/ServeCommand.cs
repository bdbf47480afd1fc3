using System.CommandLine;

namespace Cadre.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Not built yet.");
        command.SetAction(_ => { Console.Error.WriteLine("cadre serve: not built yet"); return 2; });
        return command;
    }
}
