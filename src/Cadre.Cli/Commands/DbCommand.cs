using System.CommandLine;

namespace Cadre.Cli.Commands;

public static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "Not built yet.");
        command.SetAction(_ => { Console.Error.WriteLine("cadre db: not built yet"); return 2; });
        return command;
    }
}
