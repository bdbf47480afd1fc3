using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.People;

[Authorize(Policy = CadrePolicies.SeePeople)]
public sealed class DetailsModel(CadreDbContext db, AuditRecorder audit) : PageModel
{
    public Person Person { get; private set; } = default!;
    public IReadOnlyList<(AuditEntry Entry, IReadOnlyList<Audit.FieldChange> Changes)> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        var person = await db.People.AsNoTracking()
            .Include(p => p.Assignments).ThenInclude(a => a.Post)
            .Include(p => p.Registrations).Include(p => p.Certificates).Include(p => p.TrainingEnrolments)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancel);
        if (person is null) return NotFound();
        Person = person;
        // Who opened whose record is kept, as the Data Security and Protection Toolkit asks of access to personal data.
        await audit.RecordAsync(AuditAction.Viewed, nameof(Person), id.ToString(), [person.OrganisationId], cancel: cancel);
        var keys = new List<string> { id.ToString() };
        keys.AddRange(person.Assignments.Select(a => a.Id.ToString()));
        keys.AddRange(person.Registrations.Select(r => r.Id.ToString()));
        keys.AddRange(person.Certificates.Select(c => c.Id.ToString()));
        keys.AddRange(person.TrainingEnrolments.Select(t => t.Id.ToString()));
        // Records removed from the person (an ended certificate, a deleted assignment) are found by the person id in the
        // row as it was; deletions are few, so this stays a small scan.
        var personKey = $"\"PersonId\":\"{id}\"";
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => keys.Contains(e.EntityId) || (e.Action == AuditAction.Deleted && e.EntityType != "Person" && e.Before!.Contains(personKey)))
            .OrderByDescending(e => e.When).Take(100).ToListAsync(cancel);
        History = entries.Select(e => (e, Audit.AuditDiff.Changes(e))).ToList();
        return Page();
    }
}
