using System.CommandLine;
using Cadre.Data;
using Cadre.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Cli.Commands;

/// <summary><c>cadre users add EMAIL --role ROLE</c>: create a sign-in, with a generated password unless one is piped in.</summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Manage who can sign in.");
        var add = new Command("add", "Add a user. Without --password-stdin a password is generated and printed once.");
        var email = new Argument<string>("email") { Description = "The user's email address; also their user name." };
        var role = new Option<string>("--role") { Description = "Administrator, WorkforceInformation, ServiceLead, JobEvaluationPanel or Viewer.", Required = true };
        var name = new Option<string?>("--name") { Description = "Name shown in the app and the audit trail (default: the email)." };
        var departments = new Option<string[]>("--department") { Description = "For a service lead: a department they lead (repeat for several).", AllowMultipleArgumentsPerToken = false };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of generating one." };
        add.Arguments.Add(email);
        add.Options.Add(role);
        add.Options.Add(DatabaseArguments.Organisation);
        add.Options.Add(name);
        add.Options.Add(departments);
        add.Options.Add(passwordStdin);
        DatabaseArguments.AddTo(add);
        add.SetAction(Guarded.Action("cadre users add", async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(email)!.Trim();
            if (!address.Contains('@') || address.Length < 3) throw new CliException($"'{address}' is not an email address.");
            var roleName = CadreRoles.FindStored(parse.GetValue(role))
                ?? throw new CliException($"'{parse.GetValue(role)}' is not a role; use one of {string.Join(", ", CadreRoles.Stored)}.");
            string password;
            var generated = !parse.GetValue(passwordStdin);
            if (generated) password = PasswordGenerator.Generate();
            else password = (await Console.In.ReadLineAsync(cancellationToken))?.Trim() ?? throw new CliException("--password-stdin was given but standard input was empty.");

            var database = DatabaseArguments.Read(parse);
            await using var services = DatabaseArguments.Services(database, "cadre users add");
            await using (var db = DatabaseArguments.Context(services))
                await db.Database.MigrateAsync(cancellationToken);
            await DatabaseArguments.EnsureRolesAsync(services);

            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            if (await users.FindByEmailAsync(address) is not null) throw new CliException($"a user with the email {address} already exists.");

            Core.Register.Organisation? organisation = null;
            if (await context.Organisations.AnyAsync(cancellationToken))
                organisation = await DatabaseArguments.FindOrganisationAsync(context, parse.GetValue(DatabaseArguments.Organisation), cancellationToken);
            else if (parse.GetValue(DatabaseArguments.Organisation) is { } ods)
                throw new CliException($"no organisation has the ODS code '{ods}': the database has none yet.");

            var departmentIds = new List<Guid>();
            foreach (var departmentName in parse.GetValue(departments) ?? [])
            {
                var department = await context.Departments.FirstOrDefaultAsync(d => d.OrganisationId == organisation!.Id && d.Name.ToLower() == departmentName.Trim().ToLower(), cancellationToken)
                    ?? throw new CliException($"{organisation?.OdsCode} has no department called '{departmentName}'.");
                departmentIds.Add(department.Id);
            }
            if (roleName == CadreRoles.ServiceLead && departmentIds.Count == 0)
                throw new CliException("a service lead sees only the departments they lead: give at least one --department NAME.");

            try
            {
                // A generated password is passed on by whoever ran this: the user chooses their own at first sign-in.
                await CadreDatabaseInitialiser.CreateUserAsync(users, address, parse.GetValue(name) ?? address, password, roleName, organisation?.Id, departmentIds, mustChangePassword: generated);
            }
            catch (InvalidOperationException e)
            {
                throw new CliException(e.Message);
            }
            Console.WriteLine($"Added {address} as {roleName}{(organisation is null ? "" : $" of {organisation.OdsCode} ({organisation.Name})")}.");
            if (generated) Console.WriteLine($"Password (shown once, keep it safe): {password}");
            return 0;
        }));
        command.Subcommands.Add(add);
        command.Subcommands.Add(ResetSecondFactor());
        return command;
    }

    /// <summary>
    /// <c>cadre users reset-second-factor EMAIL</c>: for the one case the pages cannot serve, a sole administrator who has
    /// lost both their authenticator and their recovery codes. Whoever can run this already holds the database, so it asks
    /// nothing more; the change is in the audit trail and ends the user's sessions (a new security stamp).
    /// </summary>
    private static Command ResetSecondFactor()
    {
        var reset = new Command("reset-second-factor", "Turn off a user's second factor (a lost authenticator app): they set up a new one at their next sign-in if their role needs one.");
        var email = new Argument<string>("email") { Description = "The user's email address." };
        reset.Arguments.Add(email);
        DatabaseArguments.AddTo(reset);
        reset.SetAction(Guarded.Action("cadre users reset-second-factor", async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(email)!.Trim();
            var database = DatabaseArguments.Read(parse);
            await using var services = DatabaseArguments.Services(database, "cadre users reset-second-factor");
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            var user = await users.FindByEmailAsync(address) ?? throw new CliException($"no user has the email {address}.");
            await Web.Features.Account.SecondFactorReset.ResetAsync(users, user);
            Console.WriteLine($"The second factor of {address} is turned off and their sessions have ended; their old authenticator codes and recovery codes no longer work.");
            return 0;
        }));
        return reset;
    }
}
