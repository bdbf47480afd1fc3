using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>
/// Evaluate a job factor by factor (in the spirit of the JAQ and computer-aided JE): for each factor the level
/// descriptors and lettered criteria, an evidence note, and the running total and band (live with script; on
/// "Calculate" without). The job can be matched against the library (ranked candidates with variations, outcome,
/// reasons and the policy used), and a panel can record the outcome against a post: date, members and sides, job
/// advisers, job information, consensus. Fields are read by name (level-1 … level-16) so a factor left blank does not
/// stop the others binding.
/// </summary>
public sealed class EvaluateModel(CadreDbContext db) : PageModel
{
    public const int MemberRows = 5;
    public const int AdviserRows = 2;

    public sealed record MemberRow(string Name, PartnershipSide Side, bool Developing);
    public sealed record DocumentRow(string Kind, string Version, string Date);

    public FactorPlan Plan => JeReference.Default.Plan;
    public BandRanges Bands => JeReference.Default.Bands;
    public MatchingPolicies Policies => JeReference.Default.Policies;

    // The form's state (read from the request, or prefilled on GET).
    public Guid? PostId { get; private set; }
    public string JobTitle { get; private set; } = "";
    public string[] Levels { get; } = new string[FactorPlan.FactorCount];
    public HashSet<string> Letters { get; } = [];
    public string[] Rationale { get; } = Enumerable.Repeat("", FactorPlan.FactorCount).ToArray();
    public Guid? ProfileId { get; private set; }
    public string PolicyId { get; private set; } = JeReference.Default.Policies.DefaultId;
    public string Date { get; private set; } = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
    public List<MemberRow> Members { get; } = [];
    public List<MemberRow> Advisers { get; } = [];
    public List<DocumentRow> Documents { get; } = [];
    public bool RestAgreedToSitAsThree { get; private set; }
    public bool ReachedByConsensus { get; private set; } = true;
    public Guid? ReviewOfId { get; private set; }
    public string? ReviewOfTitle { get; private set; }
    /// <summary>The panel session the job is heard at: its date and panel are used (composition checked once, for the session).</summary>
    public Guid? SessionId { get; private set; }
    public string? SessionText { get; private set; }

    /// <summary>What was typed in the post search (the search finds any post the user may see; no list to fall off).</summary>
    public string PostSearch { get; private set; } = "";

    // What the page shows.
    /// <summary>The chosen post's number and title; null when none is chosen or it is not one the user may see.</summary>
    public string? PostLabel { get; private set; }
    /// <summary>The search's first <see cref="PostMatchLimit"/> posts, and how many match in all; null before a search.</summary>
    public IReadOnlyList<(Guid Id, string Label)>? PostMatches { get; private set; }
    public int PostMatchCount { get; private set; }
    public const int PostMatchLimit = 20;
    public List<SelectListItem> ProfileItems { get; private set; } = [];
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public Dictionary<string, string> FieldErrors { get; } = [];
    public IReadOnlyList<MatchResult>? Candidates { get; private set; }
    public IReadOnlyList<ProcessFinding> Findings { get; private set; } = [];
    public bool CanSave { get; private set; }

    public int Decided => Levels.Count(l => !string.IsNullOrEmpty(l));
    public int RunningTotal => Levels.Select((l, i) => int.TryParse(l, out var n) && Plan.Factors[i].HasLevel(n) ? Plan.Factors[i].PointsFor(n) : 0).Sum();
    public (int Min, int Max) PossibleTotals
    {
        get
        {
            int min = 0, max = 0;
            for (var i = 0; i < FactorPlan.FactorCount; i++)
            {
                var f = Plan.Factors[i];
                if (int.TryParse(Levels[i], out var n) && f.HasLevel(n)) { min += f.PointsFor(n); max += f.PointsFor(n); }
                else { min += f.Levels[0].Points; max += f.MaxPoints; }
            }
            return (min, max);
        }
    }
    public string BandText
    {
        get
        {
            if (Decided == FactorPlan.FactorCount) return Bands.BandNameFor(RunningTotal);
            var (min, max) = PossibleTotals;
            var bands = Bands.Bands.Where(b => b.MaxScore >= min && b.MinScore <= max).Select(b => b.Name).ToList();
            if (max > Bands.MaximumBandedTotal) bands.Add(BandRanges.NoBand);
            return bands.Count == 1 ? bands[0] : $"{bands[0]} to {bands[^1]} still possible";
        }
    }

    public async Task OnGetAsync(Guid? post, Guid? profile, Guid? reviewOf, Guid? session, CancellationToken cancel)
    {
        PostId = post;
        ProfileId = profile;
        SessionId = session;
        if (post is { } p && await db.Posts.AsNoTracking().Where(x => x.Id == p).Select(x => x.Title).FirstOrDefaultAsync(cancel) is { } title) JobTitle = title;
        if (reviewOf is { } r && await db.Set<JeOutcome>().AsNoTracking().Include(o => o.Factors).Include(o => o.Documents).FirstOrDefaultAsync(o => o.Id == r, cancel) is { } original)
        {
            // A review panel starts from the original record; its members must be mostly new (JE-REVIEW-03).
            ReviewOfId = original.Id;
            ReviewOfTitle = $"{original.JobTitle} ({JeAccess.Process(original.Process).ToLowerInvariant()}, {original.Date:d MMM yyyy})";
            PostId = original.PostId;
            JobTitle = original.JobTitle;
            ProfileId = original.ProfileId;
            foreach (var f in original.Factors)
            {
                Levels[f.Factor - 1] = f.Level.ToString();
                foreach (var c in f.SubLetters) Letters.Add($"{f.Factor}-{f.Level}{c}");
                Rationale[f.Factor - 1] = f.Rationale;
            }
            Documents.AddRange(original.Documents.Select(d => new DocumentRow(d.Kind, d.Version, d.Dated?.ToString("yyyy-MM-dd") ?? "")));
        }
        await LoadChoicesAsync(cancel);
    }

    /// <summary>Finds posts by number, title, cost centre or code, keeping everything entered so far (works without script).</summary>
    public async Task<IActionResult> OnPostFindPostAsync(CancellationToken cancel)
    {
        ReadForm();
        PostId = null;
        await LoadChoicesAsync(cancel);
        return Page();
    }

    /// <summary>Sets the chosen post aside so another can be searched for; nothing else entered is lost.</summary>
    public async Task<IActionResult> OnPostChangePostAsync(CancellationToken cancel)
    {
        ReadForm();
        PostId = null;
        await LoadChoicesAsync(cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostCalculateAsync(CancellationToken cancel)
    {
        ReadForm();
        await LoadChoicesAsync(cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostMatchAsync(CancellationToken cancel)
    {
        ReadForm();
        await LoadChoicesAsync(cancel);
        var job = ReadJob();
        if (job is null) return Page();
        var offered = await JeLibraryStore.OfferedForMatchingAsync(db, cancel);
        MatchingPolicy policy;
        try { policy = Policies.Get(PolicyId); }
        catch (KeyNotFoundException e) { AddError("PolicyId", "policy", e.Message); return Page(); }
        var profiles = offered.Select(o => o.Profile).ToList();
        if (ProfileId is { } chosen && offered.FirstOrDefault(o => o.Row.Id == chosen) is { Row: not null } one)
            Candidates = [new ProfileMatcher(JeReference.Default.Scorer, policy).Match(job, one.Profile)];
        else
            Candidates = new ProfileRanker(JeReference.Default.Scorer, policy, profiles).Rank(job, 10);
        CandidateIds = Candidates.Select(c => offered.First(o => ReferenceEquals(o.Profile, c.Profile)).Row.Id).ToList();
        return Page();
    }

    public IReadOnlyList<Guid> CandidateIds { get; private set; } = [];

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancel)
    {
        if (!JeAccess.MayRunPanels(User)) return Forbid();
        ReadForm();
        await LoadChoicesAsync(cancel);
        DateOnly? date = DateOnly.TryParse(Date, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        if (date is null && !string.IsNullOrWhiteSpace(Date)) AddError("Date", "date", "Enter the panel date as a real date, for example 2026-10-01");
        var input = new JeOutcomeInput
        {
            PostId = PostId, JobTitle = JobTitle, Date = date,
            Process = ReviewOfId is not null ? JeProcess.Review : ProfileId is null ? JeProcess.LocalEvaluation : JeProcess.Matching,
            Levels = Enumerable.Range(0, FactorPlan.FactorCount).Select(LevelNotation).ToList(),
            Rationale = Rationale, ProfileId = ProfileId, PolicyId = PolicyId,
            Members = Members.Select(m => new JeMemberInput(m.Name, m.Side, false, m.Developing))
                .Concat(Advisers.Select(a => new JeMemberInput(a.Name, a.Side, IsJobAdviser: true))).ToList(),
            Documents = Documents.Select(x => new JeDocumentInput(x.Kind, x.Version,
                DateOnly.TryParse(x.Date, System.Globalization.CultureInfo.InvariantCulture, out var dd) ? dd : null)).ToList(),
            RestAgreedToSitAsThree = RestAgreedToSitAsThree, ReachedByConsensus = ReachedByConsensus, ReviewOfId = ReviewOfId,
            SessionId = SessionId,
        };
        var name = User.FindFirst(CadreClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "unknown user";
        var result = await JeOutcomeService.RecordAsync(db, input, name, cancel);
        Findings = result.Findings;
        if (!result.Succeeded)
        {
            foreach (var (key, message) in result.Errors)
                if (!(key == "Date" && FieldErrors.ContainsKey("date"))) AddError(key, FieldId(key), message);
            return Page();
        }
        TempData["Saved"] = $"Outcome recorded: {JeAccess.Result(result.Value!.Result).ToLowerInvariant()}{(result.Value.Band is { } b ? $", band {b}" : "")}.";
        return Redirect($"/job-evaluation/outcomes/{result.Value.Id}");
    }

    private readonly List<FormError> ErrorList = [];

    private void AddError(string key, string fieldId, string message)
    {
        FieldErrors.TryAdd(fieldId, message);
        ErrorList.Add(new FormError(fieldId, message));
        Errors = ErrorList;
    }

    private static string FieldId(string key)
    {
        if (key.StartsWith("Levels[")) return $"level-{int.Parse(key[7..^1]) + 1}";
        if (key.StartsWith("Rationale[")) return $"rationale-{int.Parse(key[10..^1]) + 1}";
        return key switch
        {
            "PostId" => "post", "JobTitle" => "title", "Date" => "date", "Members" => "members", "ReviewOfId" => "members",
            "Documents" => "documents", "SessionId" => "session", "ReachedByConsensus" => "consensus", "ProfileId" => "profile", "PolicyId" => "policy", _ => key,
        };
    }

    /// <summary>The level notation for factor i: the chosen level and the letters ticked under it ("3ab").</summary>
    public string? LevelNotation(int i)
    {
        if (string.IsNullOrEmpty(Levels[i])) return null;
        var prefix = $"{i + 1}-{Levels[i]}";
        var letters = Letters.Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Length == prefix.Length + 1).Select(l => l[^1]).Order();
        return Levels[i] + string.Concat(letters);
    }

    /// <summary>The job as 16 levels, or null with an error on each factor not chosen or not valid.</summary>
    private Job? ReadJob()
    {
        var choices = new List<LevelChoice>();
        for (var i = 0; i < FactorPlan.FactorCount; i++)
        {
            var f = Plan.Factors[i];
            var notation = LevelNotation(i);
            if (notation is null) { AddError($"Levels[{i}]", $"level-{i + 1}", $"Choose a level for factor {f.Number} ({f.Name}) to match the job"); continue; }
            if (LevelNotationReader.TryRead(notation, f, out var set, out var error) && set is { IsSingleLevel: true }) choices.Add(set.Choices[0]);
            else AddError($"Levels[{i}]", $"level-{i + 1}", error ?? $"Factor {f.Number} ({f.Name}): choose one level");
        }
        return choices.Count == FactorPlan.FactorCount ? new Job(JobTitle, choices) : null;
    }

    private void ReadForm()
    {
        var form = Request.Form;
        PostId = Guid.TryParse(form["post"], out var post) ? post : null;
        PostSearch = form["post-search"].ToString().Trim();
        JobTitle = form["title"].ToString().Trim();
        for (var i = 0; i < FactorPlan.FactorCount; i++)
        {
            Levels[i] = form[$"level-{i + 1}"].ToString().Trim();
            Rationale[i] = form[$"rationale-{i + 1}"].ToString();
        }
        foreach (var l in form["letters"]) if (!string.IsNullOrEmpty(l)) Letters.Add(l);
        ProfileId = Guid.TryParse(form["profile"], out var profile) ? profile : null;
        PolicyId = form["policy"].ToString() is { Length: > 0 } policy ? policy : Policies.DefaultId;
        Date = form["date"].ToString();
        for (var i = 0; i < MemberRows; i++)
            Members.Add(new MemberRow(form[$"member-{i}-name"].ToString().Trim(), Side(form[$"member-{i}-side"]), form[$"member-{i}-developing"] == "true"));
        for (var i = 0; i < AdviserRows; i++)
            Advisers.Add(new MemberRow(form[$"adviser-{i}-name"].ToString().Trim(), Side(form[$"adviser-{i}-side"]), false));
        for (var i = 0; i < JeOutcomeService.DocumentKinds.Length; i++)
            Documents.Add(new DocumentRow(JeOutcomeService.DocumentKinds[i], form[$"doc-{i}-version"].ToString().Trim(), form[$"doc-{i}-date"].ToString().Trim()));
        RestAgreedToSitAsThree = form["sit-as-three"] == "true";
        ReachedByConsensus = form["consensus"] == "true";
        ReviewOfId = Guid.TryParse(form["review-of"], out var reviewOf) ? reviewOf : null;
        SessionId = Guid.TryParse(form["session"], out var session) ? session : null;
    }

    private static PartnershipSide Side(string? value) => value == "staff" ? PartnershipSide.StaffSide : PartnershipSide.Management;

    private async Task LoadChoicesAsync(CancellationToken cancel)
    {
        CanSave = JeAccess.MayRunPanels(User);
        if (SessionId is { } sessionId)
        {
            var sitting = await db.Set<JePanelSession>().AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == sessionId, cancel);
            if (sitting is null) SessionId = null;
            else
            {
                Date = sitting.Date.ToString("yyyy-MM-dd");
                var practitioners = sitting.Members.Count(m => !m.IsJobAdviser);
                SessionText = $"{sitting.Date:d MMM yyyy}: {practitioners} practitioners and {sitting.Members.Count - practitioners} job adviser(s)";
            }
        }
        // The chosen post is carried by its id whatever the register's size (the query filters decide whether the user
        // may see it), so an outcome started from a post is saved against that post or refused, never detached.
        if (PostId is { } chosen)
            PostLabel = await db.Posts.AsNoTracking().Where(p => p.Id == chosen).Select(p => p.PostNumber + " " + p.Title).FirstOrDefaultAsync(cancel);
        if (PostId is null && PostSearch.Length > 0)
        {
            var found = Posts.PostQuery.Apply(db.Posts.AsNoTracking(), new Posts.PostFilter { Q = PostSearch }, out _);
            PostMatchCount = await found.CountAsync(cancel);
            PostMatches = (await found.OrderBy(p => p.PostNumber).Take(PostMatchLimit).Select(p => new { p.Id, p.PostNumber, p.Title }).ToListAsync(cancel))
                .Select(p => (p.Id, $"{p.PostNumber} {p.Title}")).ToList();
        }
        var profiles = await db.Set<JeProfile>().AsNoTracking().Where(p => p.Status == ProfileStatus.Current && p.ComputedMin != null)
            .OrderBy(p => p.SuiteName).ThenBy(p => p.Position).Select(p => new { p.Id, p.Title, p.PrintedBand }).ToListAsync(cancel);
        ProfileItems = [new("None: rank the whole library, or record a local evaluation", ""), .. profiles.Select(p => new SelectListItem($"{p.Title} (band {p.PrintedBand})", p.Id.ToString(), p.Id == ProfileId))];
        while (Members.Count < MemberRows) Members.Add(new MemberRow("", Members.Count % 2 == 0 ? PartnershipSide.Management : PartnershipSide.StaffSide, false));
        while (Advisers.Count < AdviserRows) Advisers.Add(new MemberRow("", Advisers.Count % 2 == 0 ? PartnershipSide.Management : PartnershipSide.StaffSide, false));
        for (var i = Documents.Count; i < JeOutcomeService.DocumentKinds.Length; i++) Documents.Add(new DocumentRow(JeOutcomeService.DocumentKinds[i], "", ""));
    }
}
