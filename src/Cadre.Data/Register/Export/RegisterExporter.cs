using Cadre.Core.Register;
using Cadre.Data.Register.Import;
using Cadre.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Register.Export;

/// <summary>The caller may not export what they asked for (people's details for a role that may not see them).</summary>
public sealed class ExportNotAllowedException(string message) : Exception(message);

/// <summary>
/// Exports the register in the same columns the importers read, so an export can be edited and imported back. What is
/// exported depends on the caller's roles: people's personal details go only to roles allowed to see them
/// (<see cref="CadreRoles.SeePersonalDetails"/>). Reads through the caller's context, so organisation scope applies.
/// </summary>
public sealed class RegisterExporter(CadreDbContext db)
{
    /// <summary>Extra post columns for roles that may see people: who holds the post.</summary>
    public const string HoldersColumn = "Post Holders";
    public const string HolderStaffNumbersColumn = "Holder Staff Numbers";
    /// <summary>
    /// Where the post stands today by its holders (Filled, Vacant, Frozen: the figures' reading), after the typed Status the
    /// importer reads back; "Recorded as vacant but held" flags a typed status to correct. Not read on import.
    /// </summary>
    public const string InPostColumn = "WTE In Post";
    public const string OccupancyColumn = "Occupancy";

    public async Task<int> ExportPostsAsync(Stream output, ExportFormat format, IEnumerable<string> callerRoles, CancellationToken cancellationToken = default)
    {
        var personal = CadreRoles.MaySeePersonalDetails(callerRoles);
        var headers = PostImporter.Columns.Select(c => c.Name).ToList();
        if (personal) headers.AddRange([HoldersColumn, HolderStaffNumbersColumn]);
        headers.AddRange([InPostColumn, OccupancyColumn]);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Two narrow columns for every current assignment: small next to the posts, and one query instead of one per post.
        var inPost = (await db.Assignments.AsNoTracking().Where(Establishment.CurrentOn(today)).Select(a => new { a.PostId, a.Wte }).ToListAsync(cancellationToken))
            .GroupBy(a => a.PostId).ToDictionary(g => g.Key, g => g.Sum(a => a.Wte));
        using var writer = TableWriter.Create(output, format, "Posts");
        writer.WriteRow(headers);
        var count = 0;
        // Streamed in post-number order; AsNoTracking keeps memory flat on large registers.
        var query = db.Posts.AsNoTracking().AsSplitQuery().Include(p => p.Department).Include(p => p.Activities).OrderBy(p => p.PostNumber);
        await foreach (var post in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var row = new List<object?>
            {
                post.PostNumber, post.Title, post.Department?.Name, post.Department?.ScienceTheme?.ToString(), post.Band.Code, post.FundedWte,
                post.CostCentre, Fields.Words(post.Status), post.OccupationCode, post.AreaOfWork, Fields.Words(post.EntryRequirement),
                post.ManagesDepartment, post.DirectHcsPercent, post.ManagerRequiresHcsQualification, Fields.Words(post.ConsultantAppointment),
                post.Specialist, post.TraineeProgramme is { } programme ? PostImporter.ProgrammeText(programme) : null,
                string.Join("; ", post.Activities.OrderByDescending(a => a.Percent).ThenBy(a => a.Service).Select(a => $"{a.ScienceTheme}:{a.Service}={a.Percent}")),
            };
            if (personal)
            {
                var holders = await db.Assignments.AsNoTracking().Where(a => a.PostId == post.Id && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
                    .Select(a => new { a.Person!.GivenName, a.Person.FamilyName, a.Person.StaffNumber }).ToListAsync(cancellationToken);
                row.Add(string.Join("; ", holders.Select(h => $"{h.GivenName} {h.FamilyName}")));
                row.Add(string.Join("; ", holders.Select(h => h.StaffNumber)));
            }
            var wte = inPost.GetValueOrDefault(post.Id);
            row.Add(wte);
            row.Add(Establishment.TypedStatusDisagrees(post.Status, wte) ? "Recorded as vacant but held" : Fields.Words(Establishment.OccupancyOf(post.Status, wte)));
            writer.WriteRow(row);
            count++;
        }
        return count;
    }

    public async Task<int> ExportPeopleAsync(Stream output, ExportFormat format, IEnumerable<string> callerRoles, CancellationToken cancellationToken = default)
    {
        if (!CadreRoles.MaySeePersonalDetails(callerRoles))
            throw new ExportNotAllowedException("Your role may not export people's details; ask a workforce information officer or an administrator.");
        using var writer = TableWriter.Create(output, format, "People");
        writer.WriteRow(PeopleImporter.Columns.Select(c => c.Name).ToList());
        var count = 0;
        // One row per assignment, and one row for a person with none, so that nobody is left out of the export.
        var query = db.People.AsNoTracking().Include(p => p.Assignments).ThenInclude(a => a.Post).Include(p => p.Registrations)
            .Include(p => p.Certificates).Include(p => p.TrainingEnrolments).OrderBy(p => p.StaffNumber).AsSplitQuery();
        await foreach (var person in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var registration = person.Registrations.OrderBy(r => r.Type).FirstOrDefault();
            var certificates = string.Join("; ", person.Certificates.OrderBy(c => c.Type)
                .Select(c => $"{c.Type.ToString().ToUpperInvariant()}:{c.Number}:{c.ExpiresOn:yyyy-MM-dd}".TrimEnd(':')));
            // The current (or latest) enrolment: one per row keeps the file importable.
            var training = person.TrainingEnrolments.OrderBy(t => t.Status == TrainingStatus.Active ? 0 : 1).ThenByDescending(t => t.StartDate).FirstOrDefault();
            var assignments = person.Assignments.OrderBy(a => a.StartDate).Select(a => (Assignment?)a).DefaultIfEmpty();
            foreach (var a in assignments)
            {
                writer.WriteRow([
                    person.StaffNumber, person.GivenName, person.FamilyName, person.YearOfBirth, a?.Post?.PostNumber, a?.Wte, a?.StartDate, a?.EndDate,
                    a?.PayPoint is { } point ? Core.Money.PayPoints.Words(point) : null, a?.PayPointSince,
                    registration is null ? null : Fields.RegistrationName(registration.Type), registration?.Number, registration?.ExpiresOn,
                    certificates, training?.Programme.ToString().ToUpperInvariant(), training?.Specialism, training?.StartDate, training?.ExpectedEndDate,
                    training is null ? null : Fields.Words(training.Mode), training is null ? null : Fields.Words(training.Status),
                ]);
                count++;
            }
        }
        return count;
    }
}
