using UnreachableException = System.Diagnostics.UnreachableException;
using Cadre.Core.Coding;
using Cadre.Core.Coding.Reference;
using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;
using C = Cadre.Core.Coding;
using R = Cadre.Core.Register;

namespace Cadre.Data.Coding;

/// <summary>The engine's proposal for one role of a post, next to what the register records.</summary>
public sealed record RoleProposal(Guid? PostRoleId, string Role, decimal Wte, string? RecordedCode, string? RecordedAreaOfWork, CodingDecision Decision)
{
    /// <summary>INTEL-COD-01's reading: a code was proposed and the recorded one differs.</summary>
    public bool IsMiscoded => MiscodedShare.IsMiscoded(RecordedCode, Decision.ProposedCode);
}

/// <summary>A post and the proposal for each of its roles (one per job description).</summary>
public sealed record PostProposal(Post Post, IReadOnlyList<RoleProposal> Roles)
{
    /// <summary>The post's overall status: review if any role needs a look, recode if any role changes, else unchanged.</summary>
    public CodingStatus Status => Roles.Any(r => r.Decision.Status == CodingStatus.Review) ? CodingStatus.Review
        : Roles.Any(r => r.Decision.Status == CodingStatus.Recode) ? CodingStatus.Recode : CodingStatus.Unchanged;

    /// <summary>This post's part of the miscoded share (INTEL-COD-01).</summary>
    public MiscodedShare Share => new(Roles.Count, Roles.Count(r => r.Decision.ProposedCode is not null), Roles.Count(r => r.IsMiscoded));

    public static MiscodedShare ShareOf(IEnumerable<PostProposal> posts) => posts.Aggregate(default(MiscodedShare), (sum, p) => sum + p.Share);
}

/// <summary>The outcome of accepting or overriding: the problems (nothing saved) or the records written.</summary>
public sealed record CodingChange(IReadOnlyList<string> Problems, IReadOnlyList<CodingDecisionRecord> Records)
{
    public bool Succeeded => Problems.Count == 0;
    public static CodingChange Fail(params string[] problems) => new(problems, []);
}

/// <summary>
/// Codes the posts of the register with the coding engine and records what people decide: accept (the proposal is
/// written to the post), override (another code, with a required reason), bulk accept of recodes. Every change is one
/// transaction; the audit trail records the post change and the decision record.
/// See docs/decisions/coding-workflow.md for how the engine's input is read from a post.
/// </summary>
public sealed class PostCoding(CadreDbContext db)
{
    public static CodingEngine Engine => CodingEngine.Default;
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task<PostProposal?> ProposeAsync(Guid postId, CancellationToken cancel = default, bool tracked = false)
    {
        var list = await ProposeManyAsync(q => q.Where(p => p.Id == postId), cancel, tracked);
        return list.Count == 0 ? null : list[0];
    }

    /// <summary>Proposals for every post the query selects (within the user's scope, by the query filters).</summary>
    /// <remarks>
    /// Set-based: the holders and their registrations are read by joining the same selection in the database, never by
    /// sending the posts' ids back as parameters (one per post fails with "too many SQL variables" at 70,000 posts on
    /// SQLite). The request's cancellation is observed between queries and while the engine runs.
    /// </remarks>
    public async Task<IReadOnlyList<PostProposal>> ProposeManyAsync(Func<IQueryable<Post>, IQueryable<Post>> select, CancellationToken cancel = default, bool tracked = false)
    {
        IQueryable<Post> query = db.Posts.Include(p => p.Department).Include(p => p.Activities).Include(p => p.Roles).AsSplitQuery();
        if (!tracked) query = query.AsNoTracking();
        var posts = await select(query).ToListAsync(cancel);
        if (posts.Count == 0) return [];
        var today = Today;
        var selected = select(db.Posts.AsNoTracking()).Select(p => p.Id);
        var current = db.Assignments.AsNoTracking().Where(Establishment.CurrentOn(today));
        var heldQuery = current.Where(a => selected.Contains(a.PostId));
        var held = await heldQuery.Select(a => new { a.PostId, a.PersonId }).ToListAsync(cancel);
        var holders = heldQuery.Select(a => a.PersonId);
        var types = (await db.Registrations.AsNoTracking().Where(r => holders.Contains(r.PersonId)).Select(r => new { r.PersonId, r.Type }).ToListAsync(cancel))
            .ToLookup(r => r.PersonId, r => r.Type);
        var registrations = held.GroupBy(h => h.PostId)
            .ToDictionary(g => g.Key, g => g.SelectMany(h => types[h.PersonId]).Distinct().Select(RegistrationName).ToList());
        var proposals = new List<PostProposal>(posts.Count);
        var memo = new Dictionary<string, IReadOnlyList<CodingDecision>>(StringComparer.Ordinal);
        foreach (var p in posts)
        {
            // Up to a millisecond a post: an abandoned request stops within a few hundred posts.
            if (proposals.Count % 256 == 0) cancel.ThrowIfCancellationRequested();
            proposals.Add(Propose(p, registrations.GetValueOrDefault(p.Id), today, memo));
        }
        return proposals;
    }

    /// <summary>The most distinct posts remembered in one pass; beyond it each post is coded afresh (memory stays bounded).</summary>
    private const int MemoLimit = 8_192;

    /// <summary>
    /// A trust's register repeats itself (many band 6 Clinical Technologists in one department, coded alike), and the
    /// engine's decision depends only on its input, so posts whose inputs read the same share one decision (with their own
    /// post number). The key is every input field but the post number, in order.
    /// </summary>
    private static string MemoKey(IReadOnlyList<(R.PostRole? Role, C.PostRole Input)> inputs) => string.Join('\u001e', inputs.Select(i =>
    {
        var r = i.Input;
        return string.Join('\u001f', r.Role, r.Title, r.Department, r.PayBand.ToString(), r.Wte, r.CurrentCode?.ToString(), r.CurrentAreaOfWork,
            r.EntryRequirement, r.Specialist, r.TraineeProgramme, r.ManagesDepartment, r.DirectHcsPercent, r.RequiresHcsQualification,
            r.ConsultantAppointment, string.Join('\u001d', r.Activities.Select(a => $"{a.Name}\u001c{a.Percent}")), string.Join('\u001d', r.Registrations), r.HasHolder);
    }));

    /// <param name="registrations">The current holders' registrations; null when the post is vacant.</param>
    public static PostProposal Propose(Post post, IReadOnlyList<string>? registrations, DateOnly on) => Propose(post, registrations, on, null);

    private static PostProposal Propose(Post post, IReadOnlyList<string>? registrations, DateOnly on, Dictionary<string, IReadOnlyList<CodingDecision>>? memo)
    {
        var inputs = InputFor(post, registrations);
        IReadOnlyList<CodingDecision> decisions;
        var key = memo is null ? null : MemoKey(inputs);
        if (key is not null && memo!.TryGetValue(key, out var same))
            decisions = same.Select(d => d with { PostId = post.PostNumber }).ToList();
        else
        {
            decisions = Engine.DecidePost(inputs.Select(i => i.Input).ToList(), on);
            if (key is not null && memo!.Count < MemoLimit) memo[key] = decisions;
        }
        return new PostProposal(post, inputs.Select((i, n) => new RoleProposal(i.Role?.Id, decisions[n].Role, decisions[n].Wte,
            i.Role is null ? post.OccupationCode : i.Role.OccupationCode ?? post.OccupationCode,
            i.Role is null ? post.AreaOfWork : i.Role.AreaOfWork ?? post.AreaOfWork, decisions[n])).ToList());
    }

    /// <summary>
    /// The engine's input from a post: one role per job description (the post itself when it has one or none). Specialist
    /// expertise and the trainee programme are the post's recorded values; when not recorded (null) they are read from
    /// the title and band (coding-workflow.md).
    /// </summary>
    public static IReadOnlyList<(R.PostRole? Role, C.PostRole Input)> InputFor(Post post, IReadOnlyList<string>? registrations)
    {
        // The register's band, entry requirement and appointment are the engine's own types: nothing to map, so nothing can
        // fall silently to a default (issue 15).
        var band = post.Band;
        var entry = post.EntryRequirement;
        var appointment = post.ConsultantAppointment;
        C.PostRole Make(string role, string title, decimal wte, string? code, string? area, IReadOnlyList<Activity> activities) => new()
        {
            PostId = post.PostNumber,
            Role = role,
            Title = title,
            Department = post.Department?.Name ?? "",
            PayBand = band,
            Wte = wte,
            CurrentCode = OccupationCode.TryParse(code, out var c) ? c : null,
            CurrentAreaOfWork = area ?? "",
            EntryRequirement = entry,
            Specialist = post.Specialist ?? ReadsAsSpecialist(title, entry, band),
            TraineeProgramme = post.TraineeProgramme ?? TraineeProgrammeFromTitle(title),
            ManagesDepartment = post.ManagesDepartment,
            DirectHcsPercent = post.DirectHcsPercent,
            RequiresHcsQualification = !post.ManagesDepartment || post.ManagerRequiresHcsQualification,
            ConsultantAppointment = appointment,
            Activities = activities,
            Registrations = registrations ?? [],
            HasHolder = registrations is not null,
        };

        if (post.Roles.Count <= 1)
        {
            var role = post.Roles.FirstOrDefault();
            var activities = post.Activities.Count > 0
                ? post.Activities.Where(a => a.Percent > 0).Select(a => new Activity(ActivityName(a.Service, a.AreaOfWork), a.Percent)).ToList()
                : [new Activity(role?.AreaOfWork ?? post.AreaOfWork ?? post.Department?.Name ?? post.Title, 100)];
            return [(role, Make(role?.Title is { Length: > 0 } t ? t : post.Title, post.Title, role?.Wte is > 0 ? role.Wte : post.FundedWte,
                role?.OccupationCode ?? post.OccupationCode, role?.AreaOfWork ?? post.AreaOfWork, activities))];
        }
        // Two job descriptions: each role is coded on its own Area of Work, with its own WTE (ESR-POST-02).
        return post.Roles.OrderByDescending(r => r.Wte).ThenBy(r => r.Title).Select(r => ((R.PostRole?)r, Make(r.Title, r.Title, r.Wte,
            r.OccupationCode ?? post.OccupationCode, r.AreaOfWork ?? post.AreaOfWork,
            [new Activity(r.AreaOfWork ?? post.AreaOfWork ?? post.Department?.Name ?? r.Title, 100)]))).ToList();
    }

    /// <summary>The local service name when the IPEM list knows it, else the Area of Work the register gives it.</summary>
    private static string ActivityName(string service, string? area) =>
        Engine.Reference.Services.Resolve(service).Target is not null || string.IsNullOrWhiteSpace(area) ? service : area;

    private static readonly string[] SpecialistWords = ["principal", "specialist", "senior", "lead", "head", "chief", "advanced", "consultant"];

    /// <summary>
    /// Whether the post needs expertise beyond its entry qualification: its title says so (Principal, Specialist, Senior…),
    /// or a scientist post is on band 8a or above, or a practitioner post on band 6 or above.
    /// </summary>
    public static bool ReadsAsSpecialist(string title, EntryRequirement entry, PayBand band)
    {
        var words = title.ToLowerInvariant().Split([' ', '(', ')', ',', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Contains("trainee") || words.Contains("apprentice")) return false;
        if (words.Any(w => SpecialistWords.Contains(w))) return true;
        return entry switch
        {
            EntryRequirement.ClinicalScientist or EntryRequirement.BiomedicalScientist => band >= PayBand.Band8a,
            EntryRequirement.Practitioner => band >= PayBand.Band6,
            EntryRequirement.Assistant or EntryRequirement.Associate or EntryRequirement.Consultant => false,
            _ => throw new UnreachableException($"No specialist reading for entry requirement {entry}"),
        };
    }

    /// <summary>The training programme a trainee post's title names (STP, PTP, HSST, apprentice, trainee BMS).</summary>
    public static TraineeProgramme TraineeProgrammeFromTitle(string title)
    {
        var t = " " + title.ToLowerInvariant().Replace('(', ' ').Replace(')', ' ').Replace(',', ' ') + " ";
        if (t.Contains(" hsst ")) return TraineeProgramme.Hsst;
        if (t.Contains(" stp ") || t.Contains("trainee clinical scientist")) return TraineeProgramme.Stp;
        if (t.Contains(" ptp ") || t.Contains("apprentice") || t.Contains("trainee healthcare science practitioner") || t.Contains("trainee clinical technologist")) return TraineeProgramme.Ptp;
        if (t.Contains("trainee biomedical scientist")) return TraineeProgramme.Bms;
        if (t.Contains("trainee") && t.Contains("associate")) return TraineeProgramme.Associate;
        return TraineeProgramme.None;
    }

    public static string RegistrationName(RegistrationType type) => type switch
    {
        RegistrationType.HcpcClinicalScientist => "HCPC Clinical Scientist",
        RegistrationType.HcpcBiomedicalScientist => "HCPC Biomedical Scientist",
        RegistrationType.Ahcs => "AHCS",
        RegistrationType.Hssr => "HSSR",
        _ => throw new UnreachableException($"No name for registration type {type}"),
    };

    /// <summary>Accepts the proposal for every role of a post (or one role) and writes it to the register.</summary>
    public async Task<CodingChange> AcceptAsync(Guid postId, Guid? postRoleId, CancellationToken cancel = default)
    {
        var proposal = await ProposeAsync(postId, cancel, tracked: true);
        if (proposal is null) return CodingChange.Fail("The post was not found.");
        var roles = proposal.Roles.Where(r => postRoleId is null || r.PostRoleId == postRoleId).ToList();
        if (roles.Count == 0) return CodingChange.Fail("That role is not part of this post.");
        if (roles.FirstOrDefault(r => r.Decision.ProposedCode is null) is { } open)
            return CodingChange.Fail($"No code can be proposed for {open.Role} without a person's decision: {open.Decision.Reason} Choose a code with a reason instead.");
        var records = roles.Select(r => Record(proposal.Post, r, CodingAction.Accepted, r.Decision.ProposedCode!.Value.ToString(), r.Decision.ProposedAreaOfWork, null, null)).ToList();
        await SaveAsync(records, cancel);
        return new CodingChange([], records);
    }

    /// <summary>Records a person's own choice of code (and Area of Work) for a role, with the reason they give.</summary>
    public async Task<CodingChange> OverrideAsync(Guid postId, Guid? postRoleId, string? code, string? areaOfWork, string? reason, CancellationToken cancel = default)
    {
        var problems = new List<string>();
        var on = Today;
        if (string.IsNullOrWhiteSpace(reason)) problems.Add("Enter the reason for choosing a different code: it is kept with the decision.");
        else if (reason.Trim().Length > 2000) problems.Add("The reason must be 2,000 characters or fewer.");
        string? chosen = null;
        if (string.IsNullOrWhiteSpace(code)) problems.Add("Enter the occupation code to record, for example U2H.");
        else if (!OccupationCode.TryParse(code.Trim(), out var parsed)) problems.Add($"'{code.Trim()}' is not an occupation code: expected three letters or digits, for example U2H.");
        else
        {
            var look = Engine.Reference.Manual.Look(parsed, on);
            if (look.Standing != CodeStanding.Valid)
                problems.Add($"{parsed} cannot be recorded: " + (look.Standing switch
                {
                    CodeStanding.Retired => "it is a retired code",
                    CodeStanding.NotInThisVersion => $"it is not in manual v{look.Version.Name}, in force today",
                    _ => "it is not in the Occupation Code Manual",
                }) + "; choose a current code.");
            else chosen = parsed.ToString();
        }
        string? area = null;
        if (!string.IsNullOrWhiteSpace(areaOfWork))
        {
            var found = Engine.Reference.Services.FindArea(areaOfWork.Trim());
            if (found is null) problems.Add($"'{areaOfWork.Trim()}' is not an Area of Work in the U-matrix list: choose one from the list.");
            else area = found.Name;
        }
        if (problems.Count > 0) return new CodingChange(problems, []);

        var proposal = await ProposeAsync(postId, cancel, tracked: true);
        if (proposal is null) return CodingChange.Fail("The post was not found.");
        var role = proposal.Roles.FirstOrDefault(r => postRoleId is null ? proposal.Roles.Count == 1 || r.PostRoleId is null : r.PostRoleId == postRoleId)
            ?? (postRoleId is null ? proposal.Roles[0] : null);
        if (role is null) return CodingChange.Fail("That role is not part of this post.");
        var record = Record(proposal.Post, role, CodingAction.Overridden, chosen, area ?? role.RecordedAreaOfWork, reason!.Trim(), null);
        await SaveAsync([record], cancel);
        return new CodingChange([], [record]);
    }

    /// <summary>The most posts that may be ticked one by one; more is a selection "of all matching" (<see cref="AcceptRecodesMatchingAsync"/>).</summary>
    public const int MaxSelected = 500;

    /// <summary>Accepts the proposal of every selected post whose status is recode, in one transaction.</summary>
    public async Task<CodingChange> AcceptRecodesAsync(IReadOnlyCollection<Guid> postIds, CancellationToken cancel = default)
    {
        if (postIds.Count == 0) return CodingChange.Fail("Select at least one post to recode.");
        var ids = postIds.Distinct().ToList();
        if (ids.Count > MaxSelected) return CodingChange.Fail($"Select at most {MaxSelected:N0} posts one by one, or accept all the recodes matching the filters. Nothing was changed.");
        var proposals = await ProposeManyAsync(q => q.Where(p => ids.Contains(p.Id)), cancel, tracked: true);
        if (proposals.Count != ids.Count) return CodingChange.Fail("Some of the selected posts were not found; nothing was changed.");
        var notRecode = proposals.Where(p => p.Status != CodingStatus.Recode).Select(p => p.Post.PostNumber).ToList();
        if (notRecode.Count > 0)
            return CodingChange.Fail($"Only posts to recode can be accepted together; {string.Join(", ", notRecode)} need{(notRecode.Count == 1 ? "s" : "")} a person's look or no change. Nothing was changed.");
        return await AcceptAsync(proposals, cancel);
    }

    /// <summary>
    /// Accepts the proposal of every post the filter selects whose status is recode (posts needing review or no change are
    /// left as they are), in one transaction: "select all n matching" on the review page.
    /// </summary>
    /// <param name="also">A further condition on the proposal itself (a code filter), applied after the engine has run.</param>
    public async Task<CodingChange> AcceptRecodesMatchingAsync(Func<IQueryable<Post>, IQueryable<Post>> select, Func<PostProposal, bool>? also = null, CancellationToken cancel = default)
    {
        var proposals = (await ProposeManyAsync(select, cancel, tracked: true)).Where(p => p.Status == CodingStatus.Recode && (also is null || also(p))).ToList();
        if (proposals.Count == 0) return CodingChange.Fail("No post matching these filters is waiting to be recoded; nothing was changed.");
        return await AcceptAsync(proposals, cancel);
    }

    private async Task<CodingChange> AcceptAsync(IReadOnlyList<PostProposal> proposals, CancellationToken cancel)
    {
        var records = proposals.SelectMany(p => p.Roles.Where(r => r.Decision.Status == CodingStatus.Recode)
            .Select(r => Record(p.Post, r, CodingAction.Accepted, r.Decision.ProposedCode!.Value.ToString(), r.Decision.ProposedAreaOfWork, null, null))).ToList();
        await SaveAsync(records, cancel);
        return new CodingChange([], records);
    }

    /// <summary>The decision record, with the chosen code and area written to the (tracked) post or role.</summary>
    internal CodingDecisionRecord Record(Post post, RoleProposal role, CodingAction action, string? code, string? area, string? overrideReason, Guid? runId)
    {
        var d = role.Decision;
        var record = new CodingDecisionRecord
        {
            OrganisationId = post.OrganisationId,
            DepartmentId = post.DepartmentId,
            PostId = post.Id,
            PostRoleId = role.PostRoleId,
            Role = Trim(role.Role, 200),
            Wte = role.Wte,
            Action = action,
            PreviousCode = role.RecordedCode,
            PreviousAreaOfWork = role.RecordedAreaOfWork,
            ProposedCode = d.ProposedCode?.ToString(),
            ProposedAreaOfWork = d.ProposedAreaOfWork.Length == 0 ? null : d.ProposedAreaOfWork,
            ProposalStatus = d.Status.ToString().ToLowerInvariant(),
            Rules = string.Join(';', d.Rules),
            Reason = Trim(d.Reason, 2000),
            ChosenCode = code,
            ChosenAreaOfWork = area,
            OverrideReason = overrideReason,
            ManualVersion = d.ManualVersion,
            CodingRunId = runId,
            When = DateTime.UtcNow,
            Who = db.Actor.Name,
            WhoUserId = db.Actor.UserId,
        };
        var postRole = role.PostRoleId is { } rid ? post.Roles.FirstOrDefault(r => r.Id == rid) : null;
        if (postRole is not null && post.Roles.Count > 1)
        {
            postRole.OccupationCode = code;
            postRole.AreaOfWork = area;
        }
        else
        {
            post.OccupationCode = code;
            post.AreaOfWork = area;
            if (postRole is not null) { postRole.OccupationCode = code; postRole.AreaOfWork = area; }
        }
        db.CodingDecisions.Add(record);
        return record;
    }

    private async Task SaveAsync(IReadOnlyList<CodingDecisionRecord> records, CancellationToken cancel)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>The coding history of a post, newest first.</summary>
    public Task<List<CodingDecisionRecord>> HistoryAsync(Guid postId, CancellationToken cancel = default) =>
        db.CodingDecisions.AsNoTracking().Where(d => d.PostId == postId).OrderByDescending(d => d.When).ThenByDescending(d => d.Id).ToListAsync(cancel);
}
