using System.CommandLine;

namespace Cadre.Cli.Commands;

public static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Not built yet.");
        command.SetAction(_ => { Console.Error.WriteLine("cadre users: not built yet"); return 2; });
        return command;
    }
}
