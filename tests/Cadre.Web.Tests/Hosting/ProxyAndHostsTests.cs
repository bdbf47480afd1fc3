using System.Net;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Cadre.Web.Tests.Hosting;

/// <summary>Issue 12's transport findings: no Server header, HSTS over HTTPS only, no Host reflected into a redirect, hosts and proxies as configured.</summary>
[Collection(WebCollection.Name)]
public sealed class ProxyAndHostsTests(CadreWebFixture app)
{
    [Fact]
    public async Task No_response_names_the_server_software()
    {
        using var client = await app.ClientAsync();
        foreach (var path in new[] { "/health", "/sign-in", "/api/v1/posts", "/no-such-page" })
            Assert.False((await client.GetAsync(path)).Headers.Contains("Server"), path);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_from_a_known_proxy_and_not_over_plain_http()
    {
        using var client = await app.ClientAsync();
        Assert.False((await client.GetAsync("/sign-in")).Headers.Contains("Strict-Transport-Security"));
        // The test client is on loopback, the proxy the app believes by default.
        var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in") { Headers = { { "X-Forwarded-Proto", "https" } } };
        var response = await client.SendAsync(request);
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task A_forged_host_header_is_never_reflected_into_a_redirect()
    {
        using var client = await app.ClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/posts") { Headers = { Host = "evil.example" } };
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Fposts", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Only_the_allowed_hosts_are_answered_and_only_the_named_proxies_believed()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cadre-hosts-" + Guid.NewGuid().ToString("N"));
        var options = new CadreWebOptions
        {
            Urls = "http://127.0.0.1:0", DataDirectory = folder, Environment = "Production", Demo = false,
            AllowedHosts = "cadre.example.nhs.uk;127.0.0.1", KnownProxies = "10.1.2.3",
        };
        await using var other = CadreWebApp.Build(options);
        await CadreWebApp.InitialiseAsync(other, options);
        await other.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(other.Urls.First()) };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            var forged = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { Host = "evil.example" } });
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            // Loopback is no longer a believed proxy, so its claim of HTTPS is ignored.
            var claimed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/sign-in") { Headers = { { "X-Forwarded-Proto", "https" } } });
            Assert.False(claimed.Headers.Contains("Strict-Transport-Security"));
        }
        finally
        {
            await other.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public void A_known_proxy_that_is_not_an_address_is_refused_at_start_up_with_the_reason()
    {
        var options = new CadreWebOptions { Urls = "http://127.0.0.1:0", DataDirectory = Path.GetTempPath(), KnownProxies = "proxy.trust.local" };
        var refused = Assert.Throws<CadreStartupException>(() => CadreWebApp.Build(options));
        Assert.Contains("'proxy.trust.local' is not an IP address", refused.Message);
    }
}
