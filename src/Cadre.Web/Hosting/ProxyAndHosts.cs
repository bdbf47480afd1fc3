using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cadre.Web;

/// <summary>
/// Which reverse proxies are believed about the client's address and scheme, and which host names are answered
/// (docs/deploy.md). Forwarded headers from anywhere else are ignored, so a client cannot claim HTTPS or another address;
/// a request for a host not listed is refused before it reaches a page.
/// </summary>
internal static class ProxyAndHosts
{
    public const string AllowedHostsVariable = "CADRE_ALLOWED_HOSTS";
    public const string KnownProxiesVariable = "CADRE_KNOWN_PROXIES";

    public static void AddCadreProxyAndHosts(this IServiceCollection services, CadreWebOptions options)
    {
        var proxies = List(options.KnownProxies ?? System.Environment.GetEnvironmentVariable(KnownProxiesVariable));
        var parsed = new List<IPAddress>();
        foreach (var proxy in proxies)
            parsed.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new CadreStartupException($"{KnownProxiesVariable}: '{proxy}' is not an IP address (give the proxy's address, e.g. 10.0.0.5)."));
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework's default is loopback only; named proxies replace it.
            if (parsed.Count > 0)
            {
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var address in parsed) forwarded.KnownProxies.Add(address);
            }
        });
        var hosts = List(options.AllowedHosts ?? System.Environment.GetEnvironmentVariable(AllowedHostsVariable));
        services.Configure<HostFilteringOptions>(filtering =>
        {
            filtering.AllowedHosts = hosts.Count > 0 ? hosts : ["*"];
            filtering.IncludeFailureMessage = false;
        });
    }

    private static List<string> List(string? value) =>
        (value ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
