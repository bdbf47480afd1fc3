using System.CommandLine;

namespace Cadre.Cli.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Not built yet.");
        command.SetAction(_ => { Console.Error.WriteLine("cadre import: not built yet"); return 2; });
        return command;
    }
}
