using Cadre.Core.Careers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Careers;

/// <summary>
/// /careers/pipeline: the organisation's current trainees by programme and expected completion, flagged overdue or at
/// risk with the rule that says why; CSV or Excel with ?format=. Names trainees, so only roles that may see people
/// (a service lead sees their departments' trainees through the query filters).
/// </summary>
[Authorize(Policy = CadrePolicies.SeePeople)]
public sealed class PipelineModel(CadreDbContext db) : PageModel
{
    public sealed record Row(Person Person, TrainingEnrolment Enrolment, Post? Post, PipelineAssessment Assessment);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly On { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancel)
    {
        On = DateOnly.FromDateTime(DateTime.UtcNow);
        Rows = await LoadAsync(db, On, cancel);
        var download = TableDownload.For(format, $"cadre-trainee-pipeline-{On:yyyy-MM-dd}",
            ["staff_number", "name", "programme", "specialism", "start_date", "expected_end_date", "mode", "training_status", "post_number", "post_title", "pipeline_status", "rules", "reasons"],
            Rows.Select(r => (IReadOnlyList<object?>)[
                r.Person.StaffNumber, r.Person.DisplayName, r.Enrolment.Programme.ToString().ToUpperInvariant(), r.Enrolment.Specialism, r.Enrolment.StartDate, r.Enrolment.ExpectedEndDate,
                Labels.Mode(r.Enrolment.Mode), r.Enrolment.Status.ToString(), r.Post?.PostNumber, r.Post?.Title, CareerViews.Status(r.Assessment.Status),
                string.Join(" ", r.Assessment.Flags.Select(f => f.RuleId)), string.Join(" ", r.Assessment.Flags.Select(f => f.Reason))]));
        return download is null ? Page() : new ResultPageResult(download);
    }

    public static async Task<IReadOnlyList<Row>> LoadAsync(CadreDbContext db, DateOnly on, CancellationToken cancel)
    {
        var people = await db.People.AsNoTracking()
            .Where(p => p.TrainingEnrolments.Any(e => e.Status == TrainingStatus.Active || e.Status == TrainingStatus.Interrupted))
            .Include(p => p.Assignments).ThenInclude(a => a.Post)
            .Include(p => p.Registrations).Include(p => p.TrainingEnrolments)
            .AsSplitQuery().ToListAsync(cancel);
        return people
            .SelectMany(p => p.TrainingEnrolments.Where(e => e.Status is TrainingStatus.Active or TrainingStatus.Interrupted).Select(e =>
            {
                var post = CareerViews.CurrentPost(p, on);
                return new Row(p, e, post, TraineePipeline.Assess(e, p, post, on));
            }))
            .OrderBy(r => r.Enrolment.Programme).ThenBy(r => r.Enrolment.ExpectedEndDate).ThenBy(r => r.Person.FamilyName)
            .ToList();
    }
}
