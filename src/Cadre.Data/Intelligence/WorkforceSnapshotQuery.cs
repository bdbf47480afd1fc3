using Cadre.Core.JobEvaluation;
using Cadre.Core.Coding;
using Cadre.Core.Intelligence;
using Cadre.Core.Register;
using Cadre.Data.Coding;
using Cadre.Data.JobEvaluation;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Intelligence;

/// <summary>
/// Builds the reports' snapshot from the register through the caller's context, so the organisation query filters and a
/// service lead's department scope decide what it holds: a report can describe only what its reader may see. It reads no
/// names: the snapshot has no field for them.
/// </summary>
public static class WorkforceSnapshotQuery
{
    /// <param name="organisationId">Narrow to one of the reader's organisations; null for all they may see.</param>
    /// <param name="checkCoding">Read the coding proposals (the coding health measure); posts changed since they were last decided are decided first.</param>
    public static async Task<WorkforceSnapshot> BuildAsync(CadreDbContext db, DateOnly on, Guid? organisationId = null, bool checkCoding = true, CancellationToken cancel = default)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationId == null || o.Id == organisationId)
            .OrderBy(o => o.OdsCode).Select(o => new OrganisationRow(o.Id, o.OdsCode, o.Name, o.HighCostArea)).ToListAsync(cancel);
        var orgIds = organisations.Select(o => o.Id).ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => orgIds.Contains(d.OrganisationId))
            .Select(d => new DepartmentRow(d.Id, d.OrganisationId, d.Name, d.ScienceTheme, d.LeadPersonId)).ToListAsync(cancel);
        var posts = await db.Posts.AsNoTracking().Where(p => orgIds.Contains(p.OrganisationId))
            .Select(p => new { p.Id, p.OrganisationId, p.DepartmentId, p.Title, p.Band, p.FundedWte, p.Status, p.OccupationCode, p.AreaOfWork, p.TraineeProgramme })
            .ToListAsync(cancel);
        var postIds = posts.Select(p => p.Id).ToList();
        var activities = (await db.PostActivities.AsNoTracking().Where(a => orgIds.Contains(a.OrganisationId))
            .Select(a => new { a.PostId, a.ScienceTheme, a.Percent, a.AreaOfWork }).ToListAsync(cancel)).ToLookup(a => a.PostId);
        var holders = await db.Assignments.AsNoTracking()
            .Where(a => orgIds.Contains(a.OrganisationId) && a.StartDate <= on && (a.EndDate == null || a.EndDate >= on))
            .Select(a => new HolderRow(a.PostId, a.PersonId, a.Wte, a.PayPoint)).ToListAsync(cancel);
        var people = await db.People.AsNoTracking().Where(p => orgIds.Contains(p.OrganisationId)).Select(p => new PersonRow(p.Id, p.YearOfBirth)).ToListAsync(cancel);
        var registrations = await db.Registrations.AsNoTracking().Where(r => orgIds.Contains(r.OrganisationId))
            .Select(r => new RegistrationRow(r.PersonId, r.Type, r.ExpiresOn)).ToListAsync(cancel);
        var certificates = await db.Certificates.AsNoTracking().Where(c => orgIds.Contains(c.OrganisationId))
            .Select(c => new CertificateRow(c.PersonId, c.Type, c.ExpiresOn)).ToListAsync(cancel);
        var enrolments = await db.TrainingEnrolments.AsNoTracking().Where(t => orgIds.Contains(t.OrganisationId))
            .Select(t => new EnrolmentRow(t.PersonId, t.Programme, t.Specialism, t.StartDate, t.ExpectedEndDate, t.Status, t.Mode)).ToListAsync(cancel);
        // Accreditations are filtered by organisation only (they are not department-owned), so narrow them to the
        // departments the reader sees: a service lead's snapshot holds nothing of other departments.
        var departmentIds = departments.Select(d => d.Id).ToList();
        var accreditations = await db.Accreditations.AsNoTracking().Where(a => orgIds.Contains(a.OrganisationId) && departmentIds.Contains(a.DepartmentId))
            .Select(a => new AccreditationRow(a.DepartmentId, a.Scheme, a.Standard, a.Status, a.ExpiresOn)).ToListAsync(cancel);
        var decisions = await db.CodingDecisions.AsNoTracking().Where(d => orgIds.Contains(d.OrganisationId))
            .Select(d => new CodingDecisionRow(d.PostId, d.Action == CodingAction.Overridden)).ToListAsync(cancel);
        var je = await JeOutcomeService.LatestByPostAsync(db, null, cancel);

        var coding = new List<CodingRow>();
        if (checkCoding && postIds.Count > 0)
        {
            // The stored proposals (decided today, as on the review page), so a report never runs the engine per post.
            var stored = await new StoredProposals(db).FreshAsync(PostCoding.Today, cancel);
            coding.AddRange(await stored.Where(s => orgIds.Contains(s.OrganisationId))
                .Select(s => new CodingRow(s.PostId, s.Roles, s.Proposed, s.Miscoded, s.Reviews)).ToListAsync(cancel));
        }

        return new WorkforceSnapshot
        {
            On = on,
            Organisations = organisations,
            Departments = departments,
            Posts = posts.Select(p => new PostRow(p.Id, p.OrganisationId, p.DepartmentId, p.Title, p.Band, p.FundedWte, p.Status, p.OccupationCode,
                Programme(p.TraineeProgramme, p.Title),
                activities[p.Id].Where(a => a.Percent > 0).Select(a => new ThemeShare(a.ScienceTheme, a.Percent)).ToList(),
                activities[p.Id].Select(a => a.AreaOfWork).Append(p.AreaOfWork).OfType<string>().Where(a => a.Length > 0).Distinct().ToList())).ToList(),
            Holders = holders,
            People = people,
            Registrations = registrations,
            Certificates = certificates,
            Enrolments = enrolments,
            Accreditations = accreditations,
            CodingChecked = checkCoding,
            Coding = coding,
            CodingDecisions = decisions,
            JobEvaluations = je.Where(j => postIds.Contains(j.Key)).Select(j => new JobEvaluationRow(j.Key, JeBand.Parse(j.Value.Band!))).ToList(),
        };
    }

    /// <summary>The programme recorded on the post, else the one its title names (the coding rules' reading).</summary>
    private static Core.Register.TraineeProgramme Programme(Core.Register.TraineeProgramme? recorded, string title) =>
        recorded ?? PostCoding.TraineeProgrammeFromTitle(title);
}
