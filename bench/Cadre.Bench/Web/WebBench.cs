using System.Net;
using System.Text.RegularExpressions;
using Cadre.Core.Register;
using Cadre.Data;
using Cadre.Data.Security;
using Cadre.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Bench.Web;

/// <summary>The web app in-process with the demo trust grown to a given number of posts, and a signed-in client.</summary>
internal sealed class WebBench : IAsyncDisposable
{
    // A benchmark-only account in a throw-away database.
    private const string Password = "Bench-Password-2026";
    private const string User = "bench@a.test";

    public required WebApplication App { get; init; }
    public required HttpClient Client { get; init; }
    public required string DataDirectory { get; init; }

    /// <param name="holders">Also give six posts in ten a holder with a registration (what the coding engine and reports read).</param>
    /// <param name="postgres">A PostgreSQL connection string to run on instead of SQLite (its database is created).</param>
    public static async Task<WebBench> StartAsync(int posts, bool holders = false, string? postgres = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cadre-bench-web-" + Guid.NewGuid().ToString("N"));
        var options = new CadreWebOptions { Urls = "http://127.0.0.1:0", DataDirectory = dataDirectory, Environment = "Production", Postgres = postgres };
        var app = CadreWebApp.Build(options);
        await CadreWebApp.InitialiseAsync(app, options);
        await app.StartAsync();

        await using (var db = new CadreDbContext(app.Services.GetRequiredService<DatabaseOptions>().BuildContextOptions(), OrganisationScope.System, AuditActor.System("bench")))
        {
            var organisation = db.Organisations.Single(o => o.OdsCode == "ZZ1");
            var departments = db.Departments.Where(d => d.OrganisationId == organisation.Id).Select(d => d.Id).ToList();
            var existing = db.Posts.Count(p => p.OrganisationId == organisation.Id);
            var titles = new[] { "Clinical Scientist", "Clinical Technologist", "Principal Clinical Scientist", "Healthcare Science Practitioner", "Medical Engineer", "Trainee Clinical Scientist" };
            var random = new Random(5000);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = existing; i < posts; i++)
            {
                var post = new Post
                {
                    OrganisationId = organisation.Id,
                    DepartmentId = departments[random.Next(departments.Count)],
                    PostNumber = $"BN{i:000000}",
                    Title = titles[random.Next(titles.Length)],
                    Band = PayBand.All[random.Next(1, 11)],
                    FundedWte = random.Next(4) == 0 ? 0.6m : 1.0m,
                    Status = random.Next(10) == 0 ? PostStatus.Vacant : PostStatus.Funded,
                    OccupationCode = "U2H",
                    CostCentre = $"CC{random.Next(100, 999)}",
                };
                db.Posts.Add(post);
                if (holders && random.Next(10) < 6)
                {
                    var person = new Person { OrganisationId = organisation.Id, StaffNumber = $"BN{i:000000}", GivenName = "Bench", FamilyName = $"Holder {i}", YearOfBirth = 1970 + random.Next(30) };
                    person.Registrations.Add(new ProfessionalRegistration { OrganisationId = organisation.Id, Type = (RegistrationType)random.Next(4), Number = $"R{i}", ExpiresOn = today.AddDays(random.Next(-30, 700)) });
                    db.People.Add(person);
                    db.Assignments.Add(new Assignment { OrganisationId = organisation.Id, PostId = post.Id, PersonId = person.Id, Wte = post.FundedWte, StartDate = today.AddYears(-1) });
                }
                if (i % 1000 == 0) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
            }
            await db.SaveChangesAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            await CadreDatabaseInitialiser.CreateUserAsync(users, User, "Bench Mark", Password, CadreRoles.WorkforceInformation, organisation.Id);
        }

        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };
        var page = await client.GetStringAsync("/sign-in");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = User, ["Input.Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("bench sign-in failed");
        return new WebBench { App = app, Client = client, DataDirectory = dataDirectory };
    }

    public async Task<int> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url}: {(int)response.StatusCode}");
        return body.Length;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, true); } catch (IOException) { }
    }
}
