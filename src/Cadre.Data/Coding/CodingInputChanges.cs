using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadre.Data.Coding;

/// <summary>
/// What a change to the register does to the stored coding proposals: the proposals of every post whose engine input it
/// may change are removed (to be decided again on the next read), and each organisation's counter moves on, in the
/// change's own transaction (docs/decisions/coding-stored-proposals.md). An input is anything
/// <see cref="PostCoding.InputFor"/> reads: the post, its time split and roles, its holders, their registrations, and
/// its department's name.
/// </summary>
public sealed class CodingInputChanges
{
    private readonly HashSet<Guid> _organisations = [];
    private readonly HashSet<Guid> _posts = [];
    private readonly HashSet<Guid> _people = [];
    private readonly HashSet<Guid> _departments = [];

    public bool IsEmpty => _organisations.Count == 0;

    /// <summary>Notes one changed record (with the values it had before, for a move between posts or people).</summary>
    public void Note(object entity, Func<string, object?>? original = null)
    {
        switch (entity)
        {
            case Post p: Add(p.OrganisationId, post: p.Id); break;
            case PostActivity a: Add(a.OrganisationId, post: a.PostId); Add(a.OrganisationId, post: original?.Invoke(nameof(a.PostId)) as Guid?); break;
            case PostRole r: Add(r.OrganisationId, post: r.PostId); Add(r.OrganisationId, post: original?.Invoke(nameof(r.PostId)) as Guid?); break;
            case Assignment a: Add(a.OrganisationId, post: a.PostId); Add(a.OrganisationId, post: original?.Invoke(nameof(a.PostId)) as Guid?); break;
            case ProfessionalRegistration r: Add(r.OrganisationId, person: r.PersonId); Add(r.OrganisationId, person: original?.Invoke(nameof(r.PersonId)) as Guid?); break;
            case Person p: Add(p.OrganisationId, person: p.Id); break;
            case Department d: Add(d.OrganisationId, department: d.Id); break;
        }
    }

    private void Add(Guid organisation, Guid? post = null, Guid? person = null, Guid? department = null)
    {
        if (post is null && person is null && department is null) return;
        _organisations.Add(organisation);
        if (post is { } p) _posts.Add(p);
        if (person is { } h) _people.Add(h);
        if (department is { } d) _departments.Add(d);
    }

    /// <summary>Removes the proposals concerned and moves the counters on; call inside the change's transaction, before its rows are written.</summary>
    public async Task ApplyAsync(CadreDbContext db, CancellationToken cancel = default)
    {
        if (IsEmpty) return;
        // In slices, so an import's batch never sends more values in one statement than SQLite accepts.
        foreach (var posts in _posts.Chunk(Slice))
            await db.StoredProposals.IgnoreQueryFilters().Where(s => posts.Contains(s.PostId)).ExecuteDeleteAsync(cancel);
        foreach (var departments in _departments.Chunk(Slice))
            await db.StoredProposals.IgnoreQueryFilters().Where(s => departments.Contains(s.DepartmentId)).ExecuteDeleteAsync(cancel);
        // A person's registrations reach the posts they hold; read before the change, so a holder leaving in the same
        // change is still found (the assignment's own entry names the post too).
        foreach (var people in _people.Chunk(Slice))
            await db.StoredProposals.IgnoreQueryFilters().Where(s => db.Assignments.Any(a => a.PostId == s.PostId && people.Contains(a.PersonId))).ExecuteDeleteAsync(cancel);
        var organisations = _organisations.ToArray();
        await db.CodingInputCounters.Where(c => organisations.Contains(c.OrganisationId))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Changes, c => c.Changes + 1), cancel);
    }

    private const int Slice = 1_000;

    public void Apply(CadreDbContext db) => ApplyAsync(db).GetAwaiter().GetResult();
}

/// <summary>
/// Runs <see cref="CodingInputChanges"/> on every save, after the audit chain has opened the save's transaction, so no
/// page, API, import or command can change an input and leave a proposal standing. Also starts the counter of a new
/// organisation.
/// </summary>
public sealed class CodingInputInterceptor : SaveChangesInterceptor
{
    public static CodingInputInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CadreDbContext db) Changes(db).Apply(db);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CadreDbContext db) await Changes(db).ApplyAsync(db, cancellationToken);
        return result;
    }

    private static CodingInputChanges Changes(CadreDbContext db)
    {
        var changes = new CodingInputChanges();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is Organisation { } organisation && entry.State == EntityState.Added)
                db.CodingInputCounters.Add(new CodingInputCounter { OrganisationId = organisation.Id });
            // A person's own fields are not inputs; only their removal (their posts lose a holder) is.
            if (entry.Entity is Person && entry.State != EntityState.Deleted) continue;
            // A department's name is the only one of its fields the engine reads.
            if (entry.Entity is Department && entry.State == EntityState.Modified && !entry.Property(nameof(Department.Name)).IsModified) continue;
            changes.Note(entry.Entity, entry.State == EntityState.Modified ? name => entry.Property(name).OriginalValue : null);
        }
        return changes;
    }
}
