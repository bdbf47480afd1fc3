using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests;

/// <summary>
/// The web app's main paths on each database Cadre supports: SQLite always; PostgreSQL when CADRE_TEST_PG names a server
/// (./test starts one) and always in CI, where a missing server is a failure rather than a skip.
/// </summary>
public sealed class BothDatabasesTests
{
    public static IEnumerable<object[]> Databases()
    {
        yield return ["sqlite"];
        if (Environment.GetEnvironmentVariable("CADRE_TEST_PG") is { Length: > 0 } || Environment.GetEnvironmentVariable("CI") == "true")
            yield return ["postgresql"];
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Sign_in_browse_add_change_import_export_and_stay_isolated(string database)
    {
        string? server = null;
        if (database == "postgresql")
            server = Environment.GetEnvironmentVariable("CADRE_TEST_PG") is { Length: > 0 } pg ? pg
                : throw new InvalidOperationException("CADRE_TEST_PG is not set: ./test starts a PostgreSQL server and sets it.");
        var app = new CadreWebFixture { PostgresServer = server };
        await app.InitializeAsync();
        try
        {
            using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
            var dashboard = await client.GetStringAsync("/");
            Assert.Contains("Medical Physics (H)", dashboard);
            Assert.Contains("Showing 51 to 100 of", await client.GetStringAsync("/posts?page=2"));
            Assert.Contains("Showing 1 to", await client.GetStringAsync("/posts?q=SCIENTIST&sort=title&dir=desc"));
            Assert.Contains("nhsuk-tag--orange", await client.GetStringAsync("/posts?status=Vacant&sort=department&dir=desc"));
            Assert.Contains("Showing 1 to", await client.GetStringAsync("/posts?band=8a&sort=wte"));
            Assert.Contains("Showing 1 to", await client.GetStringAsync("/people?q=a"));

            var created = await CadreWebFixture.PostFormAsync(client, "/posts/new", new()
            {
                ["Input.PostNumber"] = "DB-1", ["Input.Title"] = "Vascular Scientist", ["Input.DepartmentId"] = app.LeadDepartment.ToString(),
                ["Input.Band"] = "6", ["Input.FundedWte"] = "0.80", ["Input.Status"] = "Funded", ["Input.DirectHcsPercent"] = "100",
                ["Input.Activities[0].Service"] = "Vascular lab", ["Input.Activities[0].Theme"] = "E", ["Input.Activities[0].Percent"] = "50",
                ["Input.Activities[1].Service"] = "Imaging physics", ["Input.Activities[1].Theme"] = "H", ["Input.Activities[1].Percent"] = "50",
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var location = created.Headers.Location!.OriginalString;
            var id = Guid.Parse(location["/posts/".Length..]);

            var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{id}");
            var update = await client.PutAsJsonAsync($"/api/v1/posts/{id}", new
            {
                postNumber = "DB-1", title = "Vascular Scientist", departmentId = app.LeadDepartment, band = "7", fundedWte = 0.8,
                directHcsPercent = 100, version = api.GetProperty("version").GetGuid(),
            });
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
            var detail = await client.GetStringAsync(location);
            Assert.Contains("<del>6</del>", detail);
            Assert.Contains("<ins>7</ins>", detail);
            Assert.Contains("Vascular lab", detail);

            using var other = await app.ClientAsync(CadreWebFixture.Users.OtherTrust);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/posts/{id}")).StatusCode);
            Assert.DoesNotContain("DB-1,", await other.GetStringAsync("/export/posts.csv"));
            Assert.Contains("DB-1,", await client.GetStringAsync("/export/posts.csv"));

            Assert.Contains("Audit trail", await client.GetStringAsync("/audit?type=Post"));

            // A new starter in that post, their registration, and the post page and dashboard that show them.
            var person = await CadreWebFixture.PostFormAsync(client, "/people/new", new()
            {
                ["Input.StaffNumber"] = "DB-P-1", ["Input.GivenName"] = "Kofi", ["Input.FamilyName"] = "Mensah", ["Input.YearOfBirth"] = "1990",
                ["Input.PostNumber"] = "DB-1", ["Input.Wte"] = "0.80", ["Input.StartDate"] = "1/9/2025",
            });
            Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
            var personUrl = person.Headers.Location!.OriginalString;
            var renew = DateTime.UtcNow.AddDays(20).ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(HttpStatusCode.Redirect, (await CadreWebFixture.PostFormAsync(client, personUrl + "/registration", new()
            {
                ["Input.RegistrationType"] = "HcpcClinicalScientist", ["Input.Number"] = "CS-DB-1", ["Input.ExpiresOn"] = renew,
            })).StatusCode);
            Assert.Contains("Kofi Mensah", await client.GetStringAsync(location));
            Assert.Contains("CS-DB-1", await client.GetStringAsync("/"));
            Assert.Contains("Professional registration created", await client.GetStringAsync(personUrl));
            Assert.Contains("Services", await client.GetStringAsync("/departments"));

            using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
            var user = await CadreWebFixture.PostFormAsync(admin, "/users/new", new() { ["Input.Email"] = "db.user@a.test", ["Input.DisplayName"] = "Dee Bee", ["Input.Roles"] = "Viewer" });
            Assert.Contains("Dee Bee can now sign in", await user.Content.ReadAsStringAsync());
            Assert.Contains("Dee Bee", await admin.GetStringAsync("/users"));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Api_writes_people_and_services_with_stale_refusal(string database)
    {
        var app = new CadreWebFixture { PostgresServer = database == "postgresql" ? Environment.GetEnvironmentVariable("CADRE_TEST_PG") : null };
        await app.InitializeAsync();
        try
        {
            using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
            var post = await app.AnyPostAsync(app.DemoOrganisation);
            var created = await client.PostAsJsonAsync("/api/v1/people", new { staffNumber = "DB-P-1", givenName = "Ada", familyName = "Lovelace", yearOfBirth = 1985, postNumber = post.Number, wte = 0.5, startDate = "2026-01-05" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var person = await created.Content.ReadFromJsonAsync<JsonElement>();
            var id = person.GetProperty("id").GetGuid();
            var version = person.GetProperty("version").GetGuid();
            var body = new { staffNumber = "DB-P-1", givenName = "Ada", familyName = "King", yearOfBirth = 1985, version };
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/people/{id}", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/v1/people/{id}", body)).StatusCode);
            var registration = await client.PostAsJsonAsync($"/api/v1/people/{id}/registrations", new { registrationType = "HcpcClinicalScientist", number = "CS424242" });
            Assert.Equal(HttpStatusCode.Created, registration.StatusCode);

            var service = await client.PostAsJsonAsync("/api/v1/departments", new { name = "DB Audiology", scienceTheme = "F", leadStaffNumber = "DB-P-1" });
            Assert.Equal(HttpStatusCode.Created, service.StatusCode);
            var read = await service.Content.ReadFromJsonAsync<JsonElement>();
            var serviceBody = new { name = "DB Audiology", scienceTheme = "F", site = "East", leadStaffNumber = "DB-P-1", version = read.GetProperty("version").GetString() };
            var departmentUrl = $"/api/v1/departments/{read.GetProperty("id").GetGuid()}";
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(departmentUrl, serviceBody)).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync(departmentUrl, serviceBody)).StatusCode);

            var again = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}");
            Assert.Equal("King", again.GetProperty("familyName").GetString());
            Assert.Equal("CS424242", again.GetProperty("registrations")[0].GetProperty("number").GetString());
            Assert.Equal("East", (await client.GetFromJsonAsync<JsonElement>(departmentUrl)).GetProperty("site").GetString());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
