using System.CommandLine;

namespace Cadre.Cli.Commands;

public static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Not built yet.");
        command.SetAction(_ => { Console.Error.WriteLine("cadre export: not built yet"); return 2; });
        return command;
    }
}
