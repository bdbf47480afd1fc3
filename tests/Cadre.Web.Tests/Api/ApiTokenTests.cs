using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Core.Register;
using Cadre.Data.Security;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Api;

/// <summary>API tokens made on the administrators' page, used by a program, limited, audited and revoked.</summary>
[Collection(WebCollection.Name)]
public sealed class ApiTokenTests(CadreWebFixture app)
{
    /// <summary>Makes a token on /tokens as the demo organisation's administrator and returns the secret shown once.</summary>
    internal static async Task<string> MakeTokenAsync(CadreWebFixture app, string name, string access, string[] areas, string kind = "Service", string? expiresOn = null)
    {
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name), new("Input.Kind", kind), new("Input.Access", access),
            new("Input.ExpiresOn", expiresOn ?? DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd")),
        };
        fields.AddRange(areas.Select(a => new KeyValuePair<string, string>("Input.Areas", a)));
        var page = await admin.GetStringAsync("/tokens");
        fields.Add(new("__RequestVerificationToken", CadreWebFixture.AntiForgeryToken(page)!));
        var made = await admin.PostAsync("/tokens", new FormUrlEncodedContent(fields));
        var html = await made.Content.ReadAsStringAsync();
        var secret = Regex.Match(html, "data-testid=\"token-secret\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith("cadre_", secret);
        return secret;
    }

    internal static HttpClient Program(CadreWebFixture app, string secret)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("esr-feed/1.0");
        return client;
    }

    [Fact]
    public async Task A_read_only_token_reads_its_organisations_posts_and_nothing_else()
    {
        var secret = await MakeTokenAsync(app, "Posts reader", "Read", [ApiAreas.Register]);
        using var program = Program(app, secret);

        var posts = await program.GetFromJsonAsync<JsonElement>("/api/v1/posts?pageSize=500");
        Assert.True(posts.GetProperty("total").GetInt32() > 0);
        var (theirs, _) = await app.AnyPostAsync(app.SecondOrganisation);
        Assert.Equal(HttpStatusCode.NotFound, (await program.GetAsync($"/api/v1/posts/{theirs}")).StatusCode);

        // Not its part of the API, and not allowed to change anything: refused with the reason.
        var people = await program.GetAsync("/api/v1/people");
        Assert.Equal(HttpStatusCode.Forbidden, people.StatusCode);
        Assert.Contains("may not use people", await people.Content.ReadAsStringAsync());
        var (mine, number) = await app.AnyPostAsync(app.DemoOrganisation);
        var write = await program.DeleteAsync($"/api/v1/posts/{mine}");
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("may only read", await write.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync($"/api/v1/posts/{mine}")).StatusCode);

        // A bearer token does not open the web pages.
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/openapi.json")).StatusCode);
        using var pages = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        pages.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/posts")).StatusCode);

        await using var db = app.SystemContext();
        var token = await db.ApiTokens.SingleAsync(t => t.Name == "Posts reader");
        Assert.Equal(ApiToken.HashOf(secret), token.Hash);
        Assert.DoesNotContain(await db.ApiTokens.Select(t => t.Hash + t.Prefix + t.Name).ToListAsync(), s => s.Contains(secret));
        var uses = await db.AuditEntries.Where(e => e.EntityType == "ApiToken" && e.EntityId == token.Id.ToString()).ToListAsync();
        Assert.Contains(uses, e => e.Action == AuditAction.TokenUsed && e.After!.Contains("/api/v1/posts") && e.Address == "127.0.0.1" && e.UserAgent == "esr-feed/1.0");
        Assert.Contains(uses, e => e.Action == AuditAction.TokenRefused && e.After!.Contains("/api/v1/people"));
        Assert.All(uses, e => Assert.Equal(app.DemoOrganisation, e.OrganisationId));
        Assert.DoesNotContain(number, string.Join("", uses.Select(u => u.After)));
    }

    [Fact]
    public async Task A_revoked_or_expired_token_is_refused_with_the_reason()
    {
        var secret = await MakeTokenAsync(app, "Short-lived", "Read", [ApiAreas.Register]);
        using var program = Program(app, secret);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/departments")).StatusCode);

        Guid id;
        await using (var db = app.SystemContext()) id = await db.ApiTokens.Where(t => t.Name == "Short-lived").Select(t => t.Id).SingleAsync();
        using var admin = await app.ClientAsync(CadreWebFixture.Users.Admin);
        var revoked = await CadreWebFixture.PostFormAsync(admin, "/tokens", [], $"/tokens?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("Revoked by Ada Admin", await admin.GetStringAsync("/tokens"));

        var refused = await program.GetAsync("/api/v1/departments");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("revoked", await refused.Content.ReadAsStringAsync());

        await using (var db = app.SystemContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == id.ToString() && e.Action == AuditAction.TokenRefused));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ApiToken) && e.EntityId == id.ToString() && e.Action == AuditAction.Updated && e.After!.Contains("RevokedAt")));
        }
        var old = await MakeTokenAsync(app, "Expires soon", "Read", [ApiAreas.Register]);
        await using (var db = app.SystemContext())
        {
            // Expiry is checked at each use: move this one's expiry into the past behind the app's back.
            var token = await db.ApiTokens.SingleAsync(t => t.Name == "Expires soon");
            token.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        using var late = Program(app, old);
        var expiredAnswer = await late.GetAsync("/api/v1/departments");
        Assert.Equal(HttpStatusCode.Unauthorized, expiredAnswer.StatusCode);
        Assert.Contains("expired", await expiredAnswer.Content.ReadAsStringAsync());

        using var made = Program(app, "cadre_" + new string('x', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await made.GetAsync("/api/v1/departments")).StatusCode);
    }

    [Fact]
    public async Task Another_organisations_administrator_can_neither_see_nor_revoke_a_token()
    {
        await MakeTokenAsync(app, "Demo feed", "Read", [ApiAreas.Register]);
        Guid id;
        await using (var db = app.SystemContext()) id = await db.ApiTokens.Where(t => t.Name == "Demo feed").Select(t => t.Id).FirstAsync();
        var email = $"admin-{Guid.NewGuid():N}@b.test";
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CadreUser>>();
            await Cadre.Data.CadreDatabaseInitialiser.CreateUserAsync(users, email, "Bo Otheradmin", CadreWebFixture.Password, CadreRoles.Administrator, app.SecondOrganisation);
        }
        using var other = await app.ClientAsync(email);
        Assert.DoesNotContain("Demo feed", await other.GetStringAsync("/tokens"));
        Assert.Equal(HttpStatusCode.NotFound, (await CadreWebFixture.PostFormAsync(other, "/tokens", [], $"/tokens?handler=Revoke&id={id}")).StatusCode);
        using var viewer = await app.ClientAsync(CadreWebFixture.Users.Viewer);
        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync("/tokens")).StatusCode);
    }

    [Fact]
    public async Task A_personal_token_acts_with_its_makers_roles_as_they_are_now()
    {
        var secret = await MakeTokenAsync(app, "Ada's script", "ReadWrite", [ApiAreas.People], kind: "Personal");
        using var program = Program(app, secret);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/people")).StatusCode);
        await using var db = app.SystemContext();
        var token = await db.ApiTokens.SingleAsync(t => t.Name == "Ada's script");
        var adminId = await db.Users.Where(u => u.Email == CadreWebFixture.Users.Admin).Select(u => u.Id).SingleAsync();
        Assert.Equal(adminId, token.UserId);
        var entry = await db.AuditEntries.Where(e => e.EntityId == token.Id.ToString() && e.Action == AuditAction.TokenUsed).FirstAsync();
        Assert.Equal("Ada Admin (API token “Ada's script”)", entry.Who);
        Assert.Equal(adminId, entry.WhoUserId);
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_bearer_scheme()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var document = await client.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Contains(document.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("bearer", out _));
    }
}
