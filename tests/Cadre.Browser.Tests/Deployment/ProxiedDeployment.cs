using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Browser.Tests.Deployment;

/// <summary>
/// docs/deploy.md followed on one machine: an empty PostgreSQL database (on the test run's server) migrated by
/// `cadre db migrate`, users added with `cadre users add`, two `cadre serve` processes started with the ExecStart line of
/// deploy/systemd/cadre@.service, and nginx in front of them with deploy/nginx/cadre.conf (only the ports and
/// certificate paths changed), terminating HTTPS with a throw-away self-signed certificate. Everything listens on
/// loopback on ports picked free; every process is stopped in <see cref="DisposeAsync"/>. nginx's access log records which
/// instance answered each request (<see cref="Served"/>).
/// </summary>
public sealed class ProxiedDeployment : IAsyncDisposable
{
    /// <summary>The host name in deploy/nginx/cadre.conf; Chromium is told it is 127.0.0.1.</summary>
    public const string HostName = "cadre.example.nhs.uk";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cadre-deploy-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<Process> _processes = [];
    private readonly Dictionary<string, Instance> _instances = [];
    private Process? _nginx;
    private readonly StringBuilder _nginxOutput = new();

    public string Database { get; } = "cadre_deploy_" + Guid.NewGuid().ToString("N")[..12];
    /// <summary>The owner's connection: migrations and `cadre users add`.</summary>
    public string Postgres { get; }
    /// <summary>The restricted role the instances run as (docs/deploy.md, step 1), and its connection.</summary>
    public string AppRole { get; } = "cadre_app_" + Guid.NewGuid().ToString("N")[..12];
    public string AppPostgres => new Npgsql.NpgsqlConnectionStringBuilder(Postgres) { Username = AppRole }.ConnectionString;
    public int HttpsPort { get; private set; }
    public Uri Address => new($"https://{HostName}:{HttpsPort}");
    public IReadOnlyDictionary<string, Instance> Instances => _instances;
    public string AccessLog => Path.Combine(_folder, "nginx", "access.log");

    public sealed record Instance(string Name, int Port, Process Process, StringBuilder Output)
    {
        public string Upstream => $"127.0.0.1:{Port}";
    }

    public ProxiedDeployment()
    {
        var server = Environment.GetEnvironmentVariable("CADRE_TEST_PG") is { Length: > 0 } pg ? pg
            : throw new InvalidOperationException("CADRE_TEST_PG is not set: ./test starts a PostgreSQL server and sets it.");
        Postgres = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = Database }.ConnectionString;
        Directory.CreateDirectory(_folder);
    }

    /// <summary>CREATE ROLE … LOGIN for the app, as the database administrator does in step 1.</summary>
    public async Task CreateAppRoleAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(Postgres) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE ROLE \"{AppRole}\" LOGIN", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>The repository's own file, as the docs name it (deploy/..., docs/...).</summary>
    public static string RepositoryFile(string relative, [CallerFilePath] string here = "")
    {
        for (var dir = Path.GetDirectoryName(here); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Cadre.sln"))) return Path.Combine(dir, relative);
        throw new InvalidOperationException($"The repository root (Cadre.sln) was not found above {here}.");
    }

    /// <summary>Runs `cadre ARGS` to the end, as the operator would at a terminal; returns its standard output.</summary>
    public async Task<string> CadreAsync(string? stdin, params string[] args)
    {
        var process = Start(args, new Dictionary<string, string>(), out var output);
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);
        process.WaitForExit(); // the output readers finish
        Assert.True(process.ExitCode == 0, $"cadre {string.Join(' ', args)} failed ({process.ExitCode}):\n{output}");
        return output.ToString();
    }

    /// <summary>
    /// Starts instance <paramref name="name"/> as systemd would from deploy/systemd/cadre@.service: its ExecStart line with
    /// %i = name and the data folder under this deployment's folder, and the settings of /etc/cadre/cadre.env and NAME.env
    /// as environment variables. Returns once it answers /health/ready.
    /// </summary>
    public async Task<Instance> StartInstanceAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        var unit = await File.ReadAllLinesAsync(RepositoryFile("deploy/systemd/cadre@.service"));
        var execStart = unit.Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..];
        var words = execStart.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("/opt/cadre/cadre", words[0]);
        var args = words.Skip(1).Select(w => w.Replace("/var/lib/cadre/", Path.Combine(_folder, "data") + "/").Replace("%i", name)).ToArray();
        var port = FreePort();
        var settings = new Dictionary<string, string>(environment) { ["CADRE_URLS"] = $"http://127.0.0.1:{port}" };
        var process = Start(args, settings, out var output);
        process.StandardInput.Close();
        var instance = new Instance(name, port, process, output);
        // Two instances start side by side (Task.WhenAll): the dictionary is not safe for writers on two threads.
        lock (_instances) _instances[name] = instance;

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        // The instance answers only the allowed host name, as a load balancer's health check would send it.
        client.DefaultRequestHeaders.Host = HostName;
        // A bound for a broken start, not a measure: the machine may be shared with the rest of the test run.
        var giveUp = DateTime.UtcNow.AddMinutes(4);
        var last = "no answer yet";
        while (DateTime.UtcNow < giveUp)
        {
            Assert.False(process.HasExited, $"cadre serve ({name}) stopped at start-up:\n{output}");
            try
            {
                var ready = await client.GetAsync($"http://127.0.0.1:{port}/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) return instance;
                last = $"{(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException e) { last = e.Message; } // not listening yet
            catch (TaskCanceledException) { last = "no answer within 20 s"; }
            await Task.Delay(250);
        }
        Assert.Fail($"cadre serve ({name}) was not ready ({last}):\n{output}");
        return instance;
    }

    /// <summary>
    /// Runs nginx in the foreground with deploy/nginx/cadre.conf included from a minimal main configuration (its own pid,
    /// logs and temporary folders here), the upstream ports made those of the instances started, and a self-signed
    /// certificate for <see cref="HostName"/>.
    /// </summary>
    public async Task StartNginxAsync()
    {
        var nginx = Environment.GetEnvironmentVariable("CADRE_TEST_NGINX") is { Length: > 0 } given ? given : "/usr/sbin/nginx";
        if (!File.Exists(nginx)) throw new InvalidOperationException($"nginx not found at {nginx}: run ./test (it installs Debian's nginx) or set CADRE_TEST_NGINX.");
        var folder = Path.Combine(_folder, "nginx");
        Directory.CreateDirectory(folder);
        // nginx's workers run as an unprivileged user when the test runs as root: they must reach the temporary folders.
        if (!OperatingSystem.IsWindows())
            foreach (var dir in new[] { _folder, folder })
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                    UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var (certificate, key) = WriteTlsCertificate(folder);
        HttpsPort = FreePort();
        var site = await File.ReadAllTextAsync(RepositoryFile("deploy/nginx/cadre.conf"));
        var a = _instances["a"];
        var b = _instances["b"];
        site = Replace(site, "server 127.0.0.1:5081 ", $"server {a.Upstream} ");
        site = Replace(site, "server 127.0.0.1:5082 ", $"server {b.Upstream} ");
        site = Replace(site, "listen 443 ssl", $"listen 127.0.0.1:{HttpsPort} ssl");
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{FreePort()};");
        site = Replace(site, "/etc/ssl/cadre/cadre.crt", certificate);
        site = Replace(site, "/etc/ssl/cadre/cadre.key", key);
        await File.WriteAllTextAsync(Path.Combine(folder, "cadre.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                log_format walk '$request_method $request_uri $status $upstream_addr';
                access_log {{folder}}/access.log walk;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/cadre.conf;
            }
            """);
        var start = new ProcessStartInfo(nginx) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" })
            start.ArgumentList.Add(arg);
        _nginx = Process.Start(start)!;
        _nginx.OutputDataReceived += (_, e) => { lock (_nginxOutput) _nginxOutput.AppendLine(e.Data); };
        _nginx.ErrorDataReceived += (_, e) => { lock (_nginxOutput) _nginxOutput.AppendLine(e.Data); };
        _nginx.BeginOutputReadLine();
        _nginx.BeginErrorReadLine();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            Assert.False(_nginx.HasExited, $"nginx stopped at start-up:\n{_nginxOutput}\n{ReadIfThere(Path.Combine(folder, "error.log"))}");
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, HttpsPort, patience.Token);
                return;
            }
            catch (SocketException) { await Task.Delay(100, patience.Token); }
        }
    }

    /// <summary>Each request nginx passed on since <paramref name="fromLine"/>: method, path, status and the instance(s) that answered.</summary>
    public IReadOnlyList<Served> ServedSince(int fromLine) =>
        ReadIfThere(AccessLog).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(fromLine).Select(line =>
        {
            var parts = line.Split(' ', 4);
            return new Served(parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), parts.Length > 3 ? parts[3] : "");
        }).ToList();

    public int ServedCount => ReadIfThere(AccessLog).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    public sealed record Served(string Method, string Path, int Status, string Upstream);

    /// <summary>Stops an instance as `systemctl stop` does (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync(Instance instance)
    {
        Assert.Equal(0, kill(instance.Process.Id, 15));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await instance.Process.WaitForExitAsync(patience.Token);
        instance.Process.WaitForExit();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private Process Start(string[] args, IReadOnlyDictionary<string, string> environment, out StringBuilder output)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "cadre.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"cadre.dll not found beside the tests at {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // As a service runs: production, and nothing from the test run's own settings.
        foreach (var inherited in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "CADRE_DB", "CADRE_URLS", "CADRE_KEYS_CERTIFICATE", "CADRE_KEYS_CERTIFICATE_PASSWORD", "CADRE_AUDIT_KEY", "CADRE_ALLOWED_HOSTS", "CADRE_KNOWN_PROXIES" })
            start.Environment.Remove(inherited);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        lock (_processes) _processes.Add(process);
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = text;
        return process;
    }

    private static string Replace(string text, string what, string with)
    {
        // The template is the documented file: if it changes shape, the walk-through must be told, not silently skip a step.
        Assert.True(text.Contains(what, StringComparison.Ordinal), $"deploy/nginx/cadre.conf no longer contains '{what}'; update the walk-through test.");
        return text.Replace(what, with, StringComparison.Ordinal);
    }

    private static (string Certificate, string Key) WriteTlsCertificate(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={HostName}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(HostName);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var crt = Path.Combine(folder, "cadre.crt");
        var key = Path.Combine(folder, "cadre.key");
        File.WriteAllText(crt, certificate.ExportCertificatePem());
        File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        return (crt, key);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReadIfThere(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (FileNotFoundException) { return ""; }
        catch (DirectoryNotFoundException) { return ""; }
    }

    public string Describe() =>
        $"nginx:\n{_nginxOutput}\n{ReadIfThere(Path.Combine(_folder, "nginx", "error.log"))}\n" +
        string.Join("\n", Snapshot().Select(i => $"instance {i.Name} ({i.Upstream}):\n{Text(i.Output)}"));

    private Instance[] Snapshot() { lock (_instances) return _instances.Values.ToArray(); }

    private static string Text(StringBuilder output) { lock (output) return output.ToString(); }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.Append(_nginx).OfType<Process>())
        {
            try { if (!process.HasExited) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); } }
            catch (InvalidOperationException) { } // already gone
            process.Dispose();
        }
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(Postgres) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", $"DROP ROLE IF EXISTS \"{AppRole}\"" })
            {
                await using var drop = new Npgsql.NpgsqlCommand(sql, connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (Npgsql.NpgsqlException) { } // the server's own clean-up (./test) removes it with everything else
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
