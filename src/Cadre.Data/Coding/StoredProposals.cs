using System.Linq.Expressions;
using Cadre.Core.Coding;
using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Coding;

/// <summary>
/// Keeps a <see cref="StoredProposal"/> for every post the reader may see and answers the review page's and the
/// reports' counts, filters and pages from them in the database. Before it answers, it decides (in batches, through
/// <see cref="PostCoding.ProposeManyAsync"/>, the one reading of a post) only the posts whose row is missing or stale:
/// removed by a change to an input (<see cref="CodingInputChanges"/>), decided by another build of the rules or under
/// another manual version (<see cref="Stamp"/>), or past the day a holder starts or leaves (<see cref="StoredProposal.ValidUntil"/>).
/// See docs/decisions/coding-stored-proposals.md.
/// </summary>
public sealed class StoredProposals(CadreDbContext db)
{
    public const int MaxCodes = 400;
    public const int MaxCauses = 400;
    /// <summary>Posts decided and stored together: a write during one batch costs at most that batch again.</summary>
    internal const int Batch = 4_000;
    /// <summary>How many times a batch is decided again when the register changed while it was being decided.</summary>
    private const int Attempts = 5;

    // The build of Cadre.Core carries the rules and the reference files they read (embedded), so a new build decides again.
    private static readonly string Build = typeof(CodingEngine).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>What a stored proposal was decided with: this build of the rules and the manual version in force on the day.</summary>
    public static string Stamp(DateOnly on) => $"{Build}/{PostCoding.Engine.Reference.Manual.InForceOn(on).Name}";

    /// <summary>The rows of the posts the reader may see, every one fresh for <paramref name="on"/>.</summary>
    public async Task<IQueryable<StoredProposal>> FreshAsync(DateOnly on, CancellationToken cancel = default)
    {
        await DecideStaleAsync(on, cancel);
        return db.StoredProposals.AsNoTracking();
    }

    /// <summary>Posts with no fresh stored proposal.</summary>
    private IQueryable<Post> Stale(DateOnly on)
    {
        var stamp = Stamp(on);
        return db.Posts.AsNoTracking().Where(p => !db.StoredProposals.Any(s => s.PostId == p.Id && s.Stamp == stamp && (s.ValidUntil == null || s.ValidUntil > on)));
    }

    /// <summary>Decides and stores every stale post the reader may see, a batch at a time; the request's cancellation stops it between posts.</summary>
    public async Task DecideStaleAsync(DateOnly on, CancellationToken cancel = default)
    {
        var coding = new PostCoding(db);
        var attempts = 0;
        var stored = new HashSet<Guid>();
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var batch = await Stale(on).OrderBy(p => p.Id).Take(Batch).Select(p => new { p.Id, p.OrganisationId }).ToListAsync(cancel);
            if (batch.Count == 0) return;
            var ids = batch.Select(p => p.Id).ToArray();
            // A post stored fresh in this call cannot be stale again within it; if it is, stop rather than loop.
            if (ids.FirstOrDefault(stored.Contains) is var again && again != Guid.Empty)
                throw new InvalidOperationException($"The coding proposal of post {again} was stored but reads as not stored; nothing more was decided.");
            var organisations = batch.Select(p => p.OrganisationId).Distinct().ToArray();
            // Read before the register: a change committed after this is seen as a moved counter below.
            var seen = await CountersAsync(organisations, cancel);
            var proposals = await coding.ProposeManyAsync(q => q.Where(p => ids.Contains(p.Id)), cancel);
            // Every post chosen is one the engine was asked about; anything else would leave it stale and this loop unending.
            if (proposals.Count != ids.Length)
                throw new InvalidOperationException($"{ids.Length - proposals.Count} of {ids.Length} posts to decide could not be read again; nothing was stored.");
            var until = await ValidUntilAsync(ids, on, cancel);
            var rows = proposals.Select(p => Summarise(p, Stamp(on), on, until.TryGetValue(p.Post.Id, out var day) ? day : null)).ToList();
            if (await StoreAsync(seen, ids, rows, cancel)) { attempts = 0; stored.UnionWith(ids); continue; }
            if (++attempts >= Attempts)
                throw new InvalidOperationException($"The register changed {Attempts} times while its coding proposals were being worked out; try again in a moment.");
        }
    }

    /// <summary>The stored form of one post's proposal: its status, its part of the share, its codes and causes.</summary>
    public static StoredProposal Summarise(PostProposal p, string stamp, DateOnly on, DateOnly? validUntil)
    {
        var share = p.Share;
        var codes = p.Roles.SelectMany(r => new[] { r.RecordedCode?.ToUpperInvariant(), r.Decision.ProposedCode?.ToString() }).OfType<string>().Distinct();
        return new StoredProposal
        {
            PostId = p.Post.Id,
            OrganisationId = p.Post.OrganisationId,
            DepartmentId = p.Post.DepartmentId,
            Status = p.Status,
            Roles = share.Roles,
            Proposed = share.Proposed,
            Miscoded = share.Miscoded,
            Reviews = p.Roles.Count(r => r.Decision.Status == CodingStatus.Review),
            Codes = Fit("|" + string.Concat(codes.Select(c => c + "|")), MaxCodes),
            Causes = Fit(string.Join(CauseSeparator, CausesOf(p)), MaxCauses),
            Stamp = stamp,
            DecidedOn = on,
            ValidUntil = validUntil,
        };
    }

    public const char CauseSeparator = '\u001f';

    /// <summary>The causes the review page counts: each miscoded role's causes, "other" when the engine names none.</summary>
    public static IEnumerable<string> CausesOf(PostProposal p) =>
        p.Roles.Where(r => r.IsMiscoded).SelectMany(r => r.Decision.MiscodingCauses.DefaultIfEmpty("other"));

    // A post has one or two roles, so its codes and causes are a few dozen characters; the limit only guards the column.
    private static string Fit(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>The code filter of the review page: a role's recorded or proposed code starts with <paramref name="code"/> (upper case).</summary>
    public static Expression<Func<StoredProposal, bool>> HasCode(string code)
    {
        // A bar cannot start a code, and would let the filter straddle two codes.
        if (code.Contains('|')) return s => false;
        var start = "|" + code;
        return s => s.Codes.Contains(start);
    }

    /// <summary>The first day after <paramref name="on"/> on which one of the post's holders starts or leaves.</summary>
    private async Task<Dictionary<Guid, DateOnly>> ValidUntilAsync(Guid[] ids, DateOnly on, CancellationToken cancel)
    {
        var dated = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.PostId) && (a.StartDate > on || (a.EndDate != null && a.EndDate >= on)))
            .Select(a => new { a.PostId, a.StartDate, a.EndDate }).ToListAsync(cancel);
        var until = new Dictionary<Guid, DateOnly>();
        foreach (var a in dated)
        {
            // Current on a day means started by then and not yet ended (Establishment.CurrentOn): the answer changes on
            // the start day, and on the day after the end.
            var next = a.StartDate > on ? a.StartDate : a.EndDate!.Value.AddDays(1);
            if (!until.TryGetValue(a.PostId, out var known) || next < known) until[a.PostId] = next;
        }
        return until;
    }

    private async Task<Dictionary<Guid, long>> CountersAsync(Guid[] organisations, CancellationToken cancel)
    {
        var counters = await db.CodingInputCounters.AsNoTracking().Where(c => organisations.Contains(c.OrganisationId))
            .ToDictionaryAsync(c => c.OrganisationId, c => c.Changes, cancel);
        var missing = organisations.Where(o => !counters.ContainsKey(o)).ToList();
        if (missing.Count == 0) return counters;
        // An organisation made after the migration: its counter starts here (another request may start it first).
        foreach (var o in missing)
        {
            var counter = new CodingInputCounter { OrganisationId = o };
            db.CodingInputCounters.Add(counter);
            try { await db.SaveChangesAsync(cancel); }
            catch (DbUpdateException) { }
            finally { db.Entry(counter).State = EntityState.Detached; }
        }
        return await CountersAsync(organisations, cancel);
    }

    /// <summary>
    /// Stores the batch in one transaction if no organisation's counter moved since <paramref name="seen"/>; the conditional
    /// update also holds each counter's row until commit, so a change cannot slip in between. False when one moved.
    /// </summary>
    private async Task<bool> StoreAsync(Dictionary<Guid, long> seen, Guid[] ids, List<StoredProposal> rows, CancellationToken cancel)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        foreach (var (organisation, changes) in seen)
        {
            var held = await db.CodingInputCounters.Where(c => c.OrganisationId == organisation && c.Changes == changes)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Changes, c => c.Changes), cancel);
            if (held == 0) return false;
        }
        await db.StoredProposals.IgnoreQueryFilters().Where(s => ids.Contains(s.PostId)).ExecuteDeleteAsync(cancel);
        db.StoredProposals.AddRange(rows);
        try { await db.SaveChangesAsync(cancel); }
        finally { foreach (var row in rows) db.Entry(row).State = EntityState.Detached; }
        await transaction.CommitAsync(cancel);
        return true;
    }
}
