using System.Security.Claims;
using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Cadre.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>
/// /api/v1/je: the profile library, scoring, matching and a post's outcomes, for programs. Same cookie and rules as the
/// pages: every signed-in role reads; other organisations' outcomes and posts are simply not found (404). Every result
/// carries the rule ids and citations that decided it.
/// </summary>
public static class JeApiEndpoints
{
    public sealed record RuleDto(string RuleId, string Citation, string Text);
    public sealed record ProfileSummaryDto(Guid Id, string Suite, string Title, string Version, int Revision, string Status, string? PrintedBand, string? PrintedScore,
        int? ComputedMin, int? ComputedMax, string? ComputedMinBand, string? ComputedMaxBand, IReadOnlyList<string> Warnings);
    public sealed record ProfileFactorDto(int Factor, string Name, string Levels, string Descriptor, string? PrintedPoints, int MinPoints, int MaxPoints);
    public sealed record ProfileDto(ProfileSummaryDto Profile, string JobStatement, string? StatusNote, IReadOnlyList<ProfileFactorDto> Factors);
    public sealed record LevelsRequest(IReadOnlyList<string>? Levels, Guid? ProfileId, string? Policy, int? Top);
    public sealed record ScoreFactorDto(int Factor, string Name, string Level, int Points);
    public sealed record ScoreDto(int Total, string Band, IReadOnlyList<ScoreFactorDto> Factors, IReadOnlyList<RuleDto> Reasons);
    public sealed record VariationDto(int Factor, string Name, string JobLevel, string ProfileLevels, int Levels, string Direction);
    public sealed record CandidateDto(Guid ProfileId, string Title, string? PrintedBand, string Outcome, string? Band, int RecalculatedTotal, string Policy,
        IReadOnlyList<VariationDto> Variations, IReadOnlyList<RuleDto> Reasons);
    public sealed record MemberDto(string? Name, string Side, bool JobAdviser, bool Developing);
    public sealed record OutcomeFactorDto(int Factor, string Level, string Rationale);
    public sealed record DocumentDto(string Kind, string Version, DateOnly? Dated);
    public sealed record OutcomeDto(Guid Id, Guid? PostId, string JobTitle, string Process, DateOnly Date, string Result, Guid? ProfileId, string? ProfileTitle,
        string? Policy, int Total, string? Band, DateOnly? NotifiedOn, string? NotifiedHow, Guid? ReviewOfId, IReadOnlyList<MemberDto> Members,
        IReadOnlyList<DocumentDto> Documents, IReadOnlyList<OutcomeFactorDto> Factors, IReadOnlyList<string> Reasons, Guid? SessionId);

    public static IEndpointRouteBuilder MapJeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/je").RequireAuthorization().WithTags("Job evaluation").RequireVersionOnPut();
        api.MapGet("/profiles", ListProfiles).WithName("ListJeProfiles").WithSummary("National profiles (current; archived with includeArchived=true), by suite and band.");
        api.MapGet("/profiles/{id:guid}", GetProfile).WithName("GetJeProfile").WithSummary("One profile with its 16 factors, computed and printed figures and warnings.");
        api.MapPost("/score", Score).WithName("ScoreJeLevels").WithSummary("Total and band for 16 levels (e.g. \"3a\"), with the rules applied.");
        api.MapPost("/match", Match).WithName("MatchJeLevels").WithSummary("Match 16 levels against one profile, or rank the library; variations, outcome, reasons and policy.");
        api.MapGet("/posts/{postId:guid}/outcomes", PostOutcomes).WithName("ListJePostOutcomes").WithSummary("A post's job evaluation outcomes, newest first.");
        api.MapGet("/outcomes/{id:guid}", GetOutcome).WithName("GetJeOutcome").WithSummary("One outcome with its panel, job information, levels and rationale.");
        api.MapJeSessions();
        return app;
    }

    private static ProfileSummaryDto Summary(JeProfile p) => new(p.Id, p.SuiteName, p.Title, p.Version, p.Revision, p.Status.ToString(), p.PrintedBand, p.PrintedScore,
        p.ComputedMin, p.ComputedMax, p.ComputedMinBand, p.ComputedMaxBand, p.WarningList);

    private static async Task<Ok<List<ProfileSummaryDto>>> ListProfiles(CadreDbContext db, string? suite, string? band, bool? includeArchived, CancellationToken cancel)
    {
        var q = db.Set<JeProfile>().AsNoTracking();
        q = includeArchived == true ? q.Where(p => p.Status != ProfileStatus.Superseded) : q.Where(p => p.Status == ProfileStatus.Current);
        if (!string.IsNullOrEmpty(suite)) q = q.Where(p => p.SuiteName == suite);
        if (!string.IsNullOrEmpty(band)) q = q.Where(p => p.BandLow == band);
        var rows = await q.OrderBy(p => p.SuiteName).ThenBy(p => p.Position).ToListAsync(cancel);
        return TypedResults.Ok(rows.Select(Summary).ToList());
    }

    private static async Task<Results<Ok<ProfileDto>, NotFound>> GetProfile(Guid id, CadreDbContext db, CancellationToken cancel)
    {
        var p = await db.Set<JeProfile>().AsNoTracking().Include(x => x.Factors).FirstOrDefaultAsync(x => x.Id == id, cancel);
        if (p is null) return TypedResults.NotFound();
        var plan = JeReference.Default.Plan;
        return TypedResults.Ok(new ProfileDto(Summary(p), p.JobStatement, p.StatusNote,
            p.Factors.OrderBy(f => f.Factor).Select(f => new ProfileFactorDto(f.Factor, plan[f.Factor].Name, f.Levels, f.Descriptor, f.PrintedPoints, f.MinPoints, f.MaxPoints)).ToList()));
    }

    /// <summary>Reads 16 levels, or the problems keyed by the factor that has them.</summary>
    private static Job? ReadJob(IReadOnlyList<string>? levels, Dictionary<string, string[]> errors)
    {
        var plan = JeReference.Default.Plan;
        if (levels is null || levels.Count != FactorPlan.FactorCount)
        {
            errors["levels"] = [$"Give one level for each of the {FactorPlan.FactorCount} factors, in factor order; {levels?.Count ?? 0} given."];
            return null;
        }
        var choices = new List<LevelChoice>();
        for (var i = 0; i < FactorPlan.FactorCount; i++)
        {
            var f = plan.Factors[i];
            if (LevelNotationReader.TryRead(levels[i] ?? "", f, out var set, out var error) && set is { IsSingleLevel: true }) choices.Add(set.Choices[0]);
            else errors[$"levels[{i}]"] = [error ?? $"Factor {f.Number} ({f.Name}): give one level, not '{levels[i]}'."];
        }
        return errors.Count == 0 ? new Job("", choices) : null;
    }

    private static Results<Ok<ScoreDto>, ValidationProblem> Score(LevelsRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        var job = ReadJob(body.Levels, errors);
        if (job is null) return TypedResults.ValidationProblem(errors, title: "The levels could not be scored");
        var score = JeReference.Default.Scorer.Score(job);
        return TypedResults.Ok(new ScoreDto(score.Total, score.BandName,
            score.Factors.Select(f => new ScoreFactorDto(f.Factor.Number, f.Factor.Name, f.Level.ToString(), f.Points)).ToList(),
            score.Explain().Select(r => new RuleDto(r.Rule.Id, r.Rule.Citation, r.Text)).ToList()));
    }

    private static async Task<Results<Ok<List<CandidateDto>>, ValidationProblem>> Match(LevelsRequest body, CadreDbContext db, CancellationToken cancel)
    {
        var errors = new Dictionary<string, string[]>();
        var job = ReadJob(body.Levels, errors);
        MatchingPolicy? policy = null;
        try { policy = string.IsNullOrWhiteSpace(body.Policy) ? JeReference.Default.Policies.Default : JeReference.Default.Policies.Get(body.Policy); }
        catch (KeyNotFoundException e) { errors["policy"] = [e.Message]; }
        var offered = await JeLibraryStore.OfferedForMatchingAsync(db, cancel);
        if (body.ProfileId is { } pid && offered.All(o => o.Row.Id != pid)) errors["profileId"] = ["No current profile has that id (archived and superseded profiles are not offered for matching)."];
        if (job is null || policy is null || errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The job could not be matched");
        IReadOnlyList<MatchResult> results = body.ProfileId is { } id
            ? [new ProfileMatcher(JeReference.Default.Scorer, policy).Match(job, offered.First(o => o.Row.Id == id).Profile)]
            : new ProfileRanker(JeReference.Default.Scorer, policy, offered.Select(o => o.Profile)).Rank(job, Math.Clamp(body.Top ?? 10, 1, 100));
        return TypedResults.Ok(results.Select(m => new CandidateDto(offered.First(o => ReferenceEquals(o.Profile, m.Profile)).Row.Id, m.Profile.Title, m.Profile.PrintedBandText,
            m.Outcome.ToText(), m.Outcome == MatchOutcome.NoMatch ? null : m.BandName, m.RecalculatedTotal, m.Policy.Describe(),
            m.Variations.Select(v => new VariationDto(v.Factor.Number, v.Factor.Name, v.JobLevel.ToString(), v.ProfileLevels.Notation, v.LevelsVaried, v.Direction)).ToList(),
            m.Reasons.Select(r => new RuleDto(r.Rule.Id, r.Rule.Citation, r.Text)).ToList())).ToList());
    }

    private static OutcomeDto Dto(JeOutcome o, bool names) => new(o.Id, o.PostId, o.JobTitle, o.Process.ToString(), o.Date, JeAccess.Result(o.Result), o.ProfileId, o.ProfileTitle,
        o.PolicyId, o.Total, o.Band, o.NotifiedOn, o.NotifiedHow, o.ReviewOfId,
        o.Members.OrderBy(m => m.IsJobAdviser).ThenBy(m => m.Side).ThenBy(m => m.Name).Select(m => new MemberDto(names ? m.Name : null, JeAccess.Side(m.Side), m.IsJobAdviser, m.Developing)).ToList(),
        o.Documents.Select(d => new DocumentDto(d.Kind, d.Version, d.Dated)).ToList(),
        o.Factors.OrderBy(f => f.Factor).Select(f => new OutcomeFactorDto(f.Factor, $"{f.Level}{f.SubLetters}", f.Rationale)).ToList(),
        o.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries), o.SessionId);

    private static async Task<Results<Ok<List<OutcomeDto>>, NotFound>> PostOutcomes(Guid postId, CadreDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        if (!await db.Posts.AnyAsync(p => p.Id == postId, cancel)) return TypedResults.NotFound();
        var rows = await db.Set<JeOutcome>().AsNoTracking().Include(o => o.Members).Include(o => o.Documents).Include(o => o.Factors).AsSplitQuery()
            .Where(o => o.PostId == postId).OrderByDescending(o => o.Date).ThenByDescending(o => o.RecordedAt).ToListAsync(cancel);
        var names = JeAccess.MaySeePanelNames(user);
        return TypedResults.Ok(rows.Select(o => Dto(o, names)).ToList());
    }

    private static async Task<Results<Ok<OutcomeDto>, NotFound>> GetOutcome(Guid id, CadreDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        var o = await db.Set<JeOutcome>().AsNoTracking().Include(x => x.Members).Include(x => x.Documents).Include(x => x.Factors).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, cancel);
        return o is null ? TypedResults.NotFound() : TypedResults.Ok(Dto(o, JeAccess.MaySeePanelNames(user)));
    }
}
