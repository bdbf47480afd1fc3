using System.CommandLine;
using Cadre.Web;

namespace Cadre.Cli.Commands;

/// <summary>`cadre serve`: runs the web app on an embedded SQLite database (or PostgreSQL) until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Address to listen on (default http://127.0.0.1:5080; port 0 picks a free one).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CADRE_URLS") ?? "http://127.0.0.1:5080",
        };
        var data = new Option<string>("--data")
        {
            Description = "Data folder holding the SQLite database cadre.db (default ./data).",
            DefaultValueFactory = _ => "./data",
        };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Use PostgreSQL with this connection string instead of SQLite (or set CADRE_DB).",
        };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the demo organisation into a new database." };
        var verbose = new Option<bool>("--verbose") { Description = "Print the web server's own log lines." };
        var keysCertificate = new Option<string?>("--keys-certificate")
        {
            Description = "On PostgreSQL: certificate (.pfx/.p12, or .pem with its private key) that encrypts the shared sign-in keys " +
                          "(or set CADRE_KEYS_CERTIFICATE; its password in CADRE_KEYS_CERTIFICATE_PASSWORD). Required in production.",
        };

        var command = new Command("serve", "Run the Cadre web app and print the address and how to sign in.");
        command.Options.Add(urls);
        command.Options.Add(data);
        command.Options.Add(postgres);
        command.Options.Add(noDemo);
        command.Options.Add(verbose);
        command.Options.Add(keysCertificate);
        var allowedHosts = new Option<string?>("--allowed-hosts") { Description = "Host names to answer, separated by ';' (or set CADRE_ALLOWED_HOSTS); others get 400." };
        var knownProxies = new Option<string?>("--known-proxies") { Description = "IP addresses of reverse proxies whose forwarded headers are believed, separated by ';' (or set CADRE_KNOWN_PROXIES); default loopback." };
        command.Options.Add(allowedHosts);
        command.Options.Add(knownProxies);
        command.SetAction(async (parse, cancel) =>
        {
            var options = new CadreWebOptions
            {
                Urls = parse.GetValue(urls)!,
                DataDirectory = parse.GetValue(data)!,
                Postgres = parse.GetValue(postgres) ?? Environment.GetEnvironmentVariable("CADRE_DB"),
                Demo = !parse.GetValue(noDemo),
                VerboseLogging = parse.GetValue(verbose),
                KeysCertificate = parse.GetValue(keysCertificate),
                AllowedHosts = parse.GetValue(allowedHosts),
                KnownProxies = parse.GetValue(knownProxies),
            };
            try
            {
                return await CadreWebApp.ServeAsync(options, Console.Out, cancel);
            }
            catch (CadreStartupException e)
            {
                Console.Error.WriteLine($"cadre serve: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
