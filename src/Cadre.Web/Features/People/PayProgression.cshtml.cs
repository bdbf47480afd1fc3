using Cadre.Core.Money;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.People;

/// <summary>
/// /people/pay-progression: who may move to their band's next pay point in the next quarter, who is past the date and
/// still at the same point, and whose point has no date (PAY-PROG-01). Names people and their pay points, so only roles
/// that see people; a service lead sees their own departments' staff through the query filters. CSV or Excel with
/// ?format=, audited as an export of personal data.
/// </summary>
[Authorize(Policy = CadrePolicies.SeePeople)]
public sealed class PayProgressionModel(CadreDbContext db, AuditRecorder audit) : PageModel
{
    private const int PageSize = 50;

    /// <summary>Which list: due (in the next quarter), overdue, undated, or all with a recorded point.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }

    public sealed record Row(Guid PersonId, string Name, string StaffNumber, string PostNumber, string Department, Cadre.Core.Register.PayBand Band, DateOnly? Since, ProgressionCheck Check)
    {
        public Guid DepartmentId { get; init; }
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = default!;
    public DateOnly On { get; private set; }
    public DateOnly WindowEnd { get; private set; }
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];

    public static readonly IReadOnlyList<(string Key, string Label)> Lists =
        [("due", "Due in the next quarter"), ("overdue", "Past their date"), ("undated", "Point recorded without a date"), ("all", "Everyone with a recorded point")];

    private static bool In(string show, ProgressionStatus status) => show switch
    {
        "due" => status == ProgressionStatus.DueSoon,
        "overdue" => status == ProgressionStatus.Overdue,
        "undated" => status == ProgressionStatus.DateNotRecorded,
        _ => true,
    };

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancel)
    {
        Show = Lists.Any(l => l.Key == Show) ? Show : "due";
        On = DateOnly.FromDateTime(DateTime.UtcNow);
        // "The next quarter": the three months from today, both ends included.
        WindowEnd = On.AddMonths(3);
        var scale = PayScales.For(FinancialYear.Containing(On));
        var current = db.Assignments.AsNoTracking().Where(Cadre.Core.Register.Establishment.CurrentOn(On)).Where(a => a.PayPoint != null);
        var all = (await current
            .Select(a => new
            {
                a.PersonId, a.Person!.GivenName, a.Person.FamilyName, a.Person.StaffNumber, a.Post!.PostNumber, DepartmentId = a.Post.DepartmentId,
                DepartmentName = a.Post.Department!.Name, a.Post.Band, a.PayPoint, a.PayPointSince, a.StartDate,
            }).ToListAsync(cancel))
            .Select(a => new Row(a.PersonId, $"{a.FamilyName}, {a.GivenName}", a.StaffNumber, a.PostNumber, a.DepartmentName, a.Band, a.PayPointSince,
                PayProgression.Check(scale, a.Band, a.PayPoint!.Value, a.PayPointSince, a.StartDate, On, WindowEnd.DayNumber - On.DayNumber)) { DepartmentId = a.DepartmentId })
            .ToList();
        Departments = [new SelectListItem("All departments", ""), .. all.Select(r => (r.DepartmentId, r.Department)).Distinct().OrderBy(d => d.Department)
            .Select(d => new SelectListItem(d.Department, d.DepartmentId.ToString(), d.DepartmentId == Department))];
        var inDepartment = all.Where(r => Department is null || r.DepartmentId == Department).ToList();
        Counts = Lists.ToDictionary(l => l.Key, l => inDepartment.Count(r => In(l.Key, r.Check.Status)));
        var shown = inDepartment.Where(r => In(Show, r.Check.Status))
            .OrderBy(r => r.Check.EligibleOn ?? DateOnly.MaxValue).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.StaffNumber).ToList();

        if (!string.IsNullOrWhiteSpace(format))
        {
            var download = TableDownload.For(format, $"cadre-pay-progression-{Show}-{On:yyyy-MM-dd}",
                ["Staff number", "Name", "Post number", "Department", "Band", "Pay point", "Reached on", "Next point", "Eligible on", "Status", "Rule", "Reason"],
                shown.Select(r => (IReadOnlyList<object?>)[r.StaffNumber, r.Name, r.PostNumber, r.Department, r.Band.Label, PayPoints.Words(r.Check.Point), r.Since,
                    r.Check.NextPoint is { } next ? PayPoints.Words(next) : null, r.Check.EligibleOn, Words(r.Check.Status), r.Check.RuleId, r.Check.Reason]));
            if (download is not null && format.Trim().ToLowerInvariant() is "csv" or "xlsx")
                await audit.RecordAsync(Cadre.Core.Register.AuditAction.Exported, "Export", $"pay-progression.{format.Trim().ToLowerInvariant()}", audit.CurrentOrganisations(),
                    new { File = $"pay-progression-{Show}.{format.Trim().ToLowerInvariant()}", Rows = shown.Count });
            if (download is not null) return new ResultPageResult(download);
        }

        var page = Paging.FromQuery(Request);
        Rows = shown.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        Paging = new Paging(page, PageSize, shown.Count, "/people/pay-progression", Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString()));
        return Page();
    }

    public static string Words(ProgressionStatus status) => status switch
    {
        ProgressionStatus.AtTop => "Top of band",
        ProgressionStatus.NotYetDue => "Not yet due",
        ProgressionStatus.DueSoon => "Due in the next quarter",
        ProgressionStatus.Overdue => "Past their date",
        ProgressionStatus.DateNotRecorded => "No date recorded",
        _ => throw new System.Diagnostics.UnreachableException($"No words for {status}"),
    };

    public static string Tag(ProgressionStatus status) => status switch
    {
        ProgressionStatus.Overdue => "nhsuk-tag nhsuk-tag--red",
        ProgressionStatus.DueSoon => "nhsuk-tag nhsuk-tag--yellow",
        ProgressionStatus.DateNotRecorded => "nhsuk-tag nhsuk-tag--grey",
        ProgressionStatus.NotYetDue => "nhsuk-tag nhsuk-tag--blue",
        ProgressionStatus.AtTop => "nhsuk-tag nhsuk-tag--green",
        _ => throw new System.Diagnostics.UnreachableException($"No tag for {status}"),
    };
}
