using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests;

/// <summary>Issue 12, Low items: paging parameters that would overflow, and the first administrator's password.</summary>
[Collection(WebCollection.Name)]
public sealed class HostileParameterTests(CadreWebFixture app)
{
    [Theory]
    [InlineData("/api/v1/posts?page=2147483647&pageSize=2147483647")]
    [InlineData("/api/v1/people?page=2147483647&pageSize=200")]
    [InlineData("/api/v1/posts?page=-2147483648")]
    public async Task A_page_number_that_would_overflow_gives_a_page_not_an_error(string address)
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.InRange(page.GetProperty("page").GetInt32(), 1, Cadre.Web.Features.Shared.Paging.MaxPage);
    }

    [Theory]
    [InlineData("/posts?page=2147483647")]
    [InlineData("/people?page=99999999999")]
    [InlineData("/audit?page=2147483647")]
    public async Task A_page_past_the_end_on_a_list_page_is_an_ordinary_page(string address)
    {
        using var client = await app.ClientAsync(CadreWebFixture.Users.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(address)).StatusCode);
    }

    [Fact]
    public void A_service_s_first_password_goes_to_a_file_only_its_account_reads_never_to_the_log()
    {
        var folder = Directory.CreateTempSubdirectory("cadre-first-").FullName;
        try
        {
            var logged = FirstAdministratorNotice.Write(folder, "admin@cadre.local", "Secret-Password-123", interactive: false);
            Assert.DoesNotContain("Secret-Password-123", logged);
            var file = Path.Combine(folder, FirstAdministratorNotice.FileName);
            Assert.Contains(file, logged);
            Assert.Contains("Secret-Password-123", File.ReadAllText(file));
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Contains("Secret-Password-123", FirstAdministratorNotice.Write(folder, "admin@cadre.local", "Secret-Password-123", interactive: true));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public async Task An_organisation_s_administrator_cannot_grant_the_national_library_role()
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var response = await CadreWebFixture.PostFormAsync(admin, "/users/new", new()
        {
            ["Input.Email"] = "librarian@a.test", ["Input.DisplayName"] = "Libby Rarian", ["Input.Roles"] = Cadre.Data.Security.CadreRoles.NationalLibrary,
        });
        Assert.Contains("Select roles from the list", await response.Content.ReadAsStringAsync());
        await using var db = app.SystemContext();
        Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == "librarian@a.test"));
    }
}
