using System.Text;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Deployment;

/// <summary>
/// The several-instance deployment of docs/deploy.md, walked through in Chromium (issue 14): PostgreSQL, two `cadre serve`
/// processes and nginx round robin in front of them, HTTPS at nginx. A person signs in, opens pages, saves a post and
/// re-codes an ESR extract, every request answered by the other instance than the one before, and is never signed out,
/// never refused a form and loses nothing; then the instance coding a second extract is stopped mid-run and the other
/// finishes it. Its own browser (the host name is mapped to loopback) and its own database, not the shared fixture's.
/// </summary>
public sealed class LoadBalancedWalkThroughTests
{
    private const string Header = "post_id,role,title,department,pay_band,wte,current_code,current_area_of_work,entry_requirement,specialist,trainee_programme,manages_department,direct_hcs_pct,requires_hcs_qualification,consultant_appointment,activities,registrations";
    private const string Row = "Clinical Engineer,Clinical Engineer,Medical Physics,7,0.8,U2J,Medical Equipment Management / EBME,clinical_scientist,no,none,no,100,yes,none,EBME:50;Radiation Safety:50,HCPC Clinical Scientist";
    private const string Password = "Walk-Through-Password-2026";
    private const string Person = "wendy.walker@trust.nhs.uk";

    [Fact]
    public async Task Behind_nginx_round_robin_two_instances_serve_one_session_and_one_finishes_the_extract_the_other_was_coding_when_stopped()
    {
        await using var deployment = new ProxiedDeployment();
        var folder = Path.Combine(Path.GetTempPath(), "cadre-walk-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);

        IPage? page = null;
        using var playwright = await Playwright.CreateAsync();
        IBrowser? browser = null;
        try
        {
            // docs/deploy.md, steps 1 to 4: the app role and the key-ring certificate; the schema migrated as the owner, the
            // app role granted its rights (here with the demo register loaded, so there is a register to work on); the
            // first administrator and a colleague; then the instances, as the app role, with the same settings.
            await deployment.CreateAppRoleAsync();
            var keys = KeyRingCertificate.Write(folder);
            await deployment.CadreAsync(null, "db", "migrate", "--with-demo", "--postgres", deployment.Postgres, "--app-role", deployment.AppRole);
            var first = await deployment.CadreAsync(null, "users", "add", "it.lead@trust.nhs.uk", "--role", "Administrator", "--organisation", "ZZ1", "--postgres", deployment.Postgres);
            Assert.Contains("Password (shown once, keep it safe):", first);
            await deployment.CadreAsync(Password, "users", "add", Person, "--name", "Wendy Walker", "--role", "WorkforceInformation", "--organisation", "ZZ1", "--password-stdin", "--postgres", deployment.Postgres);
            var shared = new Dictionary<string, string>
            {
                ["CADRE_DB"] = deployment.AppPostgres,
                ["CADRE_KEYS_CERTIFICATE"] = keys,
                ["CADRE_KEYS_CERTIFICATE_PASSWORD"] = KeyRingCertificate.Password,
                ["CADRE_AUDIT_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["CADRE_ALLOWED_HOSTS"] = ProxiedDeployment.HostName,
                ["CADRE_KNOWN_PROXIES"] = "127.0.0.1",
            };
            await Task.WhenAll(deployment.StartInstanceAsync("a", shared), deployment.StartInstanceAsync("b", shared));
            await deployment.StartNginxAsync();
            var a = deployment.Instances["a"];
            var b = deployment.Instances["b"];

            browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CADRE_TEST_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", $"--host-resolver-rules=MAP {ProxiedDeployment.HostName} 127.0.0.1"],
            });
            // The certificate is the test's own self-signed one; what is tested is that HTTPS ends at nginx.
            var context = await browser.NewContextAsync(new() { BaseURL = deployment.Address.ToString().TrimEnd('/'), IgnoreHTTPSErrors = true });
            // Patient, not timed: two servers, a database and nginx share the machine with the rest of the test run.
            context.SetDefaultTimeout(90_000);
            context.SetDefaultNavigationTimeout(90_000);
            Assertions.SetDefaultExpectTimeout(30_000);
            page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            var signInPages = 0;
            page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame && frame.Url.Contains("/sign-in", StringComparison.Ordinal)) signInPages++; };
            // Part 1: both instances up; nginx alternates between them.
            var from = deployment.ServedCount;
            await page.GotoAsync("/");
            await page.GetByLabel("User name or email address", new() { Exact = true }).FillAsync(Person);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/sign-in"));
            var signedIn = signInPages;

            // The cookie is Secure: the instances believed nginx's X-Forwarded-Proto (a configured proxy) and saw HTTPS.
            var cookie = (await context.CookiesAsync()).Single(c => c.Name == "cadre.auth");
            Assert.True(cookie.Secure, "the sign-in cookie should be Secure behind the HTTPS proxy");

            foreach (var path in new[] { "/posts", "/people", "/departments", "/coding", "/planning", "/" })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                Assert.NotNull(await response.HeaderValueAsync("strict-transport-security"));
            }

            await SavePostAsync(page, "WLK-001");
            await ReCodeAsync(page, Extract(folder, "small.csv", 2_000), 2_000);

            var part1 = deployment.ServedSince(from);
            Assert.True(part1.Count >= 20, $"expected a real session through nginx, saw {part1.Count} requests");
            Assert.All(part1, r => Assert.True(r.Upstream == a.Upstream || r.Upstream == b.Upstream, $"{r.Method} {r.Path} went to '{r.Upstream}'"));
            // Round robin: nginx (one worker) sends each request to the other instance than the one before. The log is
            // written as answers finish, and the browser loads scripts side by side, so the order of the lines is not
            // the order of sending; what it does show is that the instances answered in turns: as many requests each,
            // give or take the last one.
            var byA = part1.Count(r => r.Upstream == a.Upstream);
            var byB = part1.Count(r => r.Upstream == b.Upstream);
            Assert.True(Math.Abs(byA - byB) <= 1, $"not in turns: {byA} requests to a, {byB} to b");
            // Both answered pages and the re-code's requests, not only scripts and styles. Which instance answers a given
            // request depends on how many requests came before it (a page with three uncached assets flips the turn, a
            // cached one does not), so the test asks that each answered some, not which: a form fetched from one and
            // posted to the other is tested head-on in SeveralInstancesTests.
            static bool IsAsset(ProxiedDeployment.Served r) => r.Path.StartsWith("/css/", StringComparison.Ordinal) || r.Path.StartsWith("/js/", StringComparison.Ordinal)
                || r.Path.StartsWith("/lib/", StringComparison.Ordinal) || r.Path.StartsWith("/assets/", StringComparison.Ordinal) || r.Path.StartsWith("/favicon", StringComparison.Ordinal);
            Assert.Contains(part1, r => !IsAsset(r) && r.Upstream == a.Upstream);
            Assert.Contains(part1, r => !IsAsset(r) && r.Upstream == b.Upstream);
            Assert.Contains(part1, r => r.Method == "POST" && r.Path.StartsWith("/coding/extracts/new", StringComparison.Ordinal));
            Assert.Contains(part1, r => r.Method == "POST" && r.Path.StartsWith("/posts", StringComparison.Ordinal));
            Assert.DoesNotContain(part1, r => r.Status is 400 or 401 or 403 or >= 500);
            Assert.Equal(signedIn, signInPages);

            // Part 2: a bigger extract; the instance coding it is stopped as `systemctl stop` would, mid-run.
            from = deployment.ServedCount;
            var rows = 60_000;
            await UploadAsync(page, Extract(folder, "large.csv", rows));
            var upload = deployment.ServedSince(from).Last(r => r.Method == "POST" && r.Path.StartsWith("/coding/extracts/new", StringComparison.Ordinal));
            var coding = upload.Upstream == a.Upstream ? a : b;
            var other = coding == a ? b : a;
            await deployment.StopAsync(coding);
            // It was still coding when stopped, and handed the run back rather than leaving it to wait out the lease.
            Assert.Contains("handed back for another instance to finish", coding.Output.ToString());

            // The page, still polling through nginx, is now answered by the other instance, which takes the run up.
            await Assertions.Expect(page.GetByTestId("report-roles")).ToHaveTextAsync(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 180_000 });
            await using (var db = new Npgsql.NpgsqlConnection(deployment.Postgres))
            {
                await db.OpenAsync();
                await using var query = new Npgsql.NpgsqlCommand("SELECT \"Status\", \"Attempts\" FROM \"CodingRuns\" WHERE \"Roles\" = @rows", db);
                query.Parameters.AddWithValue("rows", rows);
                await using var read = await query.ExecuteReaderAsync();
                Assert.True(await read.ReadAsync());
                Assert.Equal(2, read.GetInt32(1)); // started on one instance, finished on the other
            }

            // Work goes on with one instance: a page, a form; nothing lost from part 1.
            await SavePostAsync(page, "WLK-002");
            await page.GotoAsync("/posts?q=WLK-001");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "WLK-001" })).ToBeVisibleAsync();

            var part2 = deployment.ServedSince(from);
            Assert.Contains(part2, r => r.Upstream.EndsWith(other.Upstream, StringComparison.Ordinal) && r.Path.Contains("/progress", StringComparison.Ordinal));
            Assert.DoesNotContain(part2, r => r.Status is 400 or 401 or 403 or >= 500);
            Assert.Equal(signedIn, signInPages);
            Assert.Empty(errors);
        }
        catch (Exception e)
        {
            if (page is not null) await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "failed.png") });
            throw new Xunit.Sdk.XunitException($"{e.Message}\n\nScreenshot: {Path.Combine(folder, "failed.png")}\n{deployment.Describe()}");
        }
        finally
        {
            if (browser is not null) await browser.DisposeAsync();
        }
        // Kept only when the walk failed, for its screenshot.
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static async Task SavePostAsync(IPage page, string number)
    {
        await page.GotoAsync("/posts");
        await page.GetByTestId("add-post").ClickAsync();
        await page.GetByLabel("Post number", new() { Exact = true }).FillAsync(number);
        await page.GetByLabel("Post title", new() { Exact = true }).FillAsync("Clinical Scientist (Medical Physics)");
        await page.GetByLabel("Department", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Pay band", new() { Exact = true }).SelectOptionAsync("7");
        await page.GetByLabel("Funded WTE", new() { Exact = true }).FillAsync("1.00");
        await page.GetByTestId("save-post").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-banner")).ToContainTextAsync($"Post {number} added");
    }

    private static async Task UploadAsync(IPage page, string file)
    {
        await page.GotoAsync("/coding/extracts/new");
        await page.GetByLabel("ESR extract", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByTestId("extract-upload").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/coding/extracts/[0-9a-f-]{36}$"));
    }

    private static async Task ReCodeAsync(IPage page, string file, int rows)
    {
        await UploadAsync(page, file);
        await Assertions.Expect(page.GetByTestId("report-roles")).ToHaveTextAsync(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 120_000 });
    }

    private static string Extract(string folder, string name, int rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= rows; i++) text.Append("WLK-").Append(i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(Row).Append('\n');
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
