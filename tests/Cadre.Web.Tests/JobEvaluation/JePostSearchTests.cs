using System.Net;
using System.Text.RegularExpressions;
using Cadre.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.JobEvaluation;

/// <summary>
/// The evaluate page finds the post by search (any post the user may see, without script) and carries the chosen one by
/// its id, so `?post=` works for the last post of a large register and an outcome started from a post stays with it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class JePostSearchTests(CadreWebFixture app)
{
    private static readonly string[] Levels = ["3a", "2", "2", "2", "2", "2", "1", "2a", "1", "1", "2", "1", "1", "1", "1", "1"];

    [Fact]
    public async Task A_post_opened_from_its_page_stays_chosen_and_the_outcome_is_saved_against_it()
    {
        // The last post by number: beyond the 2,000 the old list offered on a large register.
        Guid id; string number, title;
        await using (var db = app.SystemContext())
        {
            var last = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation).OrderByDescending(p => p.PostNumber).Select(p => new { p.Id, p.PostNumber, p.Title }).FirstAsync();
            (id, number, title) = (last.Id, last.PostNumber, last.Title);
        }
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/job-evaluation/evaluate?post={id}"));
        Assert.Contains($"data-testid=\"chosen-post\">{number} {title}<", html);
        Assert.Contains($"type=\"hidden\" name=\"post\" value=\"{id}\"", html);

        var form = JeWebTests.Form(Levels, id);
        var saved = await CadreWebFixture.PostFormAsync(client, $"/job-evaluation/evaluate?post={id}", form, "/job-evaluation/evaluate?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var outcome = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        await using var check = app.SystemContext();
        Assert.Equal(id, await check.Set<Cadre.Data.JobEvaluation.JeOutcome>().Where(o => o.Id == outcome).Select(o => o.PostId).SingleAsync());
    }

    [Fact]
    public async Task The_post_search_finds_any_post_and_keeps_what_was_entered()
    {
        string number;
        await using (var db = app.SystemContext())
            number = await db.Posts.Where(p => p.OrganisationId == app.DemoOrganisation).OrderByDescending(p => p.PostNumber).Select(p => p.PostNumber).FirstAsync();
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var form = JeWebTests.Form(Levels);
        form["post-search"] = number.ToLowerInvariant();
        var response = await CadreWebFixture.PostFormAsync(client, "/job-evaluation/evaluate", form, "/job-evaluation/evaluate?handler=FindPost");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"name=\"post\" type=\"radio\" value=\"[0-9a-f-]{{36}}\"><label class=\"nhsuk-label nhsuk-radios__label\" for=\"post-[0-9a-f-]{{36}}\">{Regex.Escape(number)} ", html);
        // The levels and the title entered before the search are still there.
        Assert.Contains("value=\"Clinical Scientist (test)\"", html);
        Assert.Contains("Evidence for factor 16", html);

        form["post-search"] = "zzz-no-such-post";
        var none = WebUtility.HtmlDecode(await (await CadreWebFixture.PostFormAsync(client, "/job-evaluation/evaluate", form, "/job-evaluation/evaluate?handler=FindPost")).Content.ReadAsStringAsync());
        Assert.Contains("No post matches “zzz-no-such-post”", none);
    }

    [Fact]
    public async Task An_outcome_for_a_post_of_another_organisation_is_refused_not_saved_without_its_post()
    {
        var (other, _) = await app.AnyPostAsync(app.SecondOrganisation);
        using var client = await app.ClientAsync(CadreWebFixture.Users.Panel);
        var response = await CadreWebFixture.PostFormAsync(client, "/job-evaluation/evaluate", JeWebTests.Form(Levels, other), "/job-evaluation/evaluate?handler=Save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Select a post from your organisation", html);
        // The post stays chosen (by its id) for the person to correct; it is not dropped to save the outcome without it.
        Assert.Contains($"type=\"hidden\" name=\"post\" value=\"{other}\"", html);
    }
}
