using System.Security.Claims;
using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>
/// /api/v1/je/sessions: panel sessions for programs. Every signed-in role reads them (names only for the roles that see
/// panel names, as on the pages); Administrators and job evaluation panel members record and change them, with the
/// partnership rules checked by the same service the pages use. See docs/decisions/je-session-changes.md.
/// </summary>
public static class JeSessionApi
{
    public sealed record SessionMemberDto(string? Name, string Side, bool JobAdviser, bool Developing);
    public sealed record SessionSummaryDto(Guid Id, DateOnly Date, int Practitioners, int JobAdvisers, int JobsHeard);
    public sealed record SessionDto(Guid Id, DateOnly Date, bool RestAgreedToSitAsThree, IReadOnlyList<SessionMemberDto> Members, IReadOnlyList<string> Findings,
        DateTime RecordedAt, string RecordedBy, IReadOnlyList<Guid> Outcomes, string Version);
    public sealed record SessionMemberWriteDto(string? Name, string? Side, bool JobAdviser = false, bool Developing = false);

    /// <summary>What a client sends to record or change a session. Side is "Management" or "StaffSide". Version, when given, must match.</summary>
    public sealed record SessionWriteDto(DateOnly? Date, IReadOnlyList<SessionMemberWriteDto>? Members, bool RestAgreedToSitAsThree = false, string? Version = null);

    public static RouteGroupBuilder MapJeSessions(this RouteGroupBuilder api)
    {
        api.MapGet("/sessions", List).WithName("ListJeSessions").WithSummary("Panel sessions, newest first, with how many jobs each heard.");
        api.MapGet("/sessions/{id:guid}", Get).WithName("GetJeSession").WithSummary("One panel session: date, panel by side (names for roles that may see them), composition findings and the outcomes heard.");
        api.MapPost("/sessions", Create).RequireAuthorization(p => p.RequireRole(CadreRoles.Administrator, CadreRoles.JobEvaluationPanel))
            .WithName("CreateJeSession").WithSummary("Record a panel session; the partnership rules (JE-PANEL-01..03, 05) are checked and an error refuses it whole.");
        api.MapPut("/sessions/{id:guid}", Update).RequireAuthorization(p => p.RequireRole(CadreRoles.Administrator, CadreRoles.JobEvaluationPanel))
            .WithName("UpdateJeSession").WithSummary("Change a session's date, panel or sat-as-three note (send the version you read); closed once a job has been heard at it.");
        return api;
    }

    private static async Task<Ok<List<SessionSummaryDto>>> List(CadreDbContext db, CancellationToken cancel)
    {
        var sessions = await db.Set<JePanelSession>().AsNoTracking().OrderByDescending(s => s.Date).ThenByDescending(s => s.RecordedAt)
            .Select(s => new { s.Id, s.Date, Practitioners = s.Members.Count(m => !m.IsJobAdviser), Advisers = s.Members.Count(m => m.IsJobAdviser) })
            .ToListAsync(cancel);
        var counts = await db.Set<JeOutcome>().AsNoTracking().Where(o => o.SessionId != null)
            .GroupBy(o => o.SessionId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancel);
        return TypedResults.Ok(sessions.Select(s => new SessionSummaryDto(s.Id, s.Date, s.Practitioners, s.Advisers, counts.GetValueOrDefault(s.Id))).ToList());
    }

    private static async Task<Results<Ok<SessionDto>, NotFound>> Get(Guid id, CadreDbContext db, ClaimsPrincipal user, CancellationToken cancel) =>
        await LoadAsync(db, id, user, cancel) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<SessionDto>, ValidationProblem>> Create(SessionWriteDto body, CadreDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        var errors = new Dictionary<string, string[]>();
        var input = ToInput(body, errors);
        if (input is null) return TypedResults.ValidationProblem(errors, title: "The panel session was not recorded");
        var result = await JeOutcomeService.CreateSessionAsync(db, input, JeAccess.UserName(user), cancel);
        if (!result.Succeeded) return TypedResults.ValidationProblem(Errors(result.Errors), title: "The panel session was not recorded");
        return TypedResults.Created($"/api/v1/je/sessions/{result.Value!.Id}", (await LoadAsync(db, result.Value.Id, user, cancel))!);
    }

    private static async Task<Results<Ok<SessionDto>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Update(Guid id, SessionWriteDto body, CadreDbContext db,
        ClaimsPrincipal user, CancellationToken cancel)
    {
        var errors = new Dictionary<string, string[]>();
        var input = ToInput(body, errors);
        if (input is null) return TypedResults.ValidationProblem(errors, title: "The panel session was not changed");
        var (result, refusal) = await JeOutcomeService.UpdateSessionAsync(db, id, input, body.Version, cancel);
        switch (refusal)
        {
            case JeOutcomeService.SessionRefusal.NotFound: return TypedResults.NotFound();
            case JeOutcomeService.SessionRefusal.Stale:
                return TypedResults.Conflict(new ProblemDetails { Title = "Changed by someone else", Status = 409,
                    Detail = "The panel session changed after you read it. Read it again and reapply your change." });
            case JeOutcomeService.SessionRefusal.JobsHeard:
                return TypedResults.Conflict(new ProblemDetails { Title = "Jobs have been heard at this session", Status = 409, Detail = result.Errors[0].Value });
        }
        if (!result.Succeeded) return TypedResults.ValidationProblem(Errors(result.Errors), title: "The panel session was not changed");
        return TypedResults.Ok((await LoadAsync(db, id, user, cancel))!);
    }

    private static JeSessionInput? ToInput(SessionWriteDto body, Dictionary<string, string[]> errors)
    {
        var members = new List<JeMemberInput>();
        var list = body.Members ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            PartnershipSide? side = m.Side?.Replace(" ", "").ToLowerInvariant() switch
            {
                "management" or "managementside" => PartnershipSide.Management,
                "staff" or "staffside" => PartnershipSide.StaffSide,
                _ => null,
            };
            if (side is null) errors[$"members[{i}].side"] = ["Give the side the member represents: Management or StaffSide"];
            else members.Add(new JeMemberInput(m.Name, side.Value, m.JobAdviser, m.Developing));
        }
        return errors.Count > 0 ? null : new JeSessionInput { Date = body.Date, Members = members, RestAgreedToSitAsThree = body.RestAgreedToSitAsThree };
    }

    private static Dictionary<string, string[]> Errors(IEnumerable<KeyValuePair<string, string>> errors) =>
        errors.GroupBy(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..]).ToDictionary(g => g.Key, g => g.Select(e => e.Value).ToArray());

    private static async Task<SessionDto?> LoadAsync(CadreDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancel)
    {
        var s = await db.Set<JePanelSession>().AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, cancel);
        if (s is null) return null;
        var names = JeAccess.MaySeePanelNames(user);
        // The outcome filters apply: a service lead sees only the jobs of posts in their departments.
        var outcomes = await db.Set<JeOutcome>().AsNoTracking().Where(o => o.SessionId == id).OrderBy(o => o.RecordedAt).Select(o => o.Id).ToListAsync(cancel);
        return new SessionDto(s.Id, s.Date, s.RestAgreedToSitAsThree,
            s.Members.OrderBy(m => m.IsJobAdviser).ThenBy(m => m.Side).ThenBy(m => m.Name).Select(m => new SessionMemberDto(names ? m.Name : null, JeAccess.Side(m.Side), m.IsJobAdviser, m.Developing)).ToList(),
            s.Findings.Split('\n', StringSplitOptions.RemoveEmptyEntries), s.RecordedAt, s.RecordedBy, outcomes, JeOutcomeService.SessionVersion(s));
    }
}
