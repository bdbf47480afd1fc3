using Cadre.Core.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.People;

/// <summary>
/// Staff on the register, found by name or staff number as people type them (accents and word order ignored), filtered
/// by department, registration and its renewal, programme and training status, and sorted by any column. Only roles
/// that may see personal details reach this page; a service lead sees their own departments' staff.
/// </summary>
[Authorize(Policy = CadrePolicies.SeePeople)]
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public RegistrationType? Registration { get; set; }
    /// <summary>"due" (to renew within the dashboard's window, INTEL-REG-01) or "lapsed" (past its renewal date).</summary>
    [BindProperty(SupportsGet = true)] public string? Renewal { get; set; }
    [BindProperty(SupportsGet = true)] public TrainingProgramme? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public TrainingStatus? Training { get; set; }
    /// <summary>name (default), staff or wte; <see cref="Dir"/> "desc" reverses it.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Department is not null || Registration is not null || Renewal is not null || Programme is not null || Training is not null;

    public sealed record Row(Guid Id, string StaffNumber, string Name, string Posts, decimal Wte, string Training);

    private static readonly string[] Sorts = ["name", "staff", "wte"];
    private bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);
    private string SortKey => Sorts.FirstOrDefault(s => string.Equals(s, Sort, StringComparison.OrdinalIgnoreCase)) ?? "name";

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var page = Paging.FromQuery(Request);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Departments = [new SelectListItem("All departments", ""), .. (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancel))
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(), d.Id == Department))];

        var people = Filter(db.People.AsNoTracking(), today);
        // Accents and word order cannot be matched portably in SQL, so the names of the people the filters leave are
        // read once and matched here; only the matching ids go back to the database (one array parameter).
        var words = NameSearch.Words(Q);
        if (words.Count > 0)
        {
            var candidates = await people.Select(p => new { p.Id, p.GivenName, p.FamilyName, p.StaffNumber }).ToListAsync(cancel);
            var ids = candidates.Where(p => NameSearch.Matches(words, p.GivenName, p.FamilyName, p.StaffNumber)).Select(p => p.Id).ToList();
            people = people.Where(p => ids.Contains(p.Id));
        }
        var total = await people.CountAsync(cancel);
        var sorted = (SortKey, Descending) switch
        {
            ("staff", false) => people.OrderBy(p => p.StaffNumber),
            ("staff", true) => people.OrderByDescending(p => p.StaffNumber),
            ("wte", false) => people.OrderBy(p => p.Assignments.Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today)).Sum(a => (double)a.Wte)).ThenBy(p => p.FamilyName),
            ("wte", true) => people.OrderByDescending(p => p.Assignments.Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today)).Sum(a => (double)a.Wte)).ThenBy(p => p.FamilyName),
            (_, true) => people.OrderByDescending(p => p.FamilyName).ThenByDescending(p => p.GivenName),
            _ => people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName),
        };
        var rows = await sorted.ThenBy(p => p.StaffNumber).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id, p.StaffNumber, p.GivenName, p.FamilyName,
                Current = p.Assignments.Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
                    .Select(a => new { a.Wte, a.Post!.PostNumber, a.Post.Title }).ToList(),
                Training = p.TrainingEnrolments.Where(t => t.Status == TrainingStatus.Active).Select(t => t.Programme).ToList(),
            })
            .ToListAsync(cancel);
        Rows = rows.Select(r => new Row(r.Id, r.StaffNumber, $"{r.FamilyName}, {r.GivenName}",
            string.Join("; ", r.Current.Select(c => $"{c.PostNumber} {c.Title}")), r.Current.Sum(c => c.Wte),
            string.Join(", ", r.Training.Select(t => t.ToString().ToUpperInvariant())))).ToList();
        Paging = new Paging(page, PageSize, total, "/people", Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString()));
    }

    private IQueryable<Person> Filter(IQueryable<Person> people, DateOnly today)
    {
        if (Department is { } department)
            people = people.Where(p => p.Assignments.Any(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today) && a.Post!.DepartmentId == department));
        if (Registration is { } type)
            people = people.Where(p => p.Registrations.Any(r => r.Type == type));
        // The same bounds as the dashboard's "registrations to renew" (INTEL-REG-01), of the chosen register if one is.
        var until = DueSoon.RegistrationsDueUntil(today);
        if (string.Equals(Renewal, "due", StringComparison.OrdinalIgnoreCase))
            people = people.Where(p => p.Registrations.Any(r => (Registration == null || r.Type == Registration) && r.ExpiresOn != null && r.ExpiresOn >= today && r.ExpiresOn <= until));
        else if (string.Equals(Renewal, "lapsed", StringComparison.OrdinalIgnoreCase))
            people = people.Where(p => p.Registrations.Any(r => (Registration == null || r.Type == Registration) && r.ExpiresOn != null && r.ExpiresOn < today));
        else Renewal = null;
        if (Programme is { } programme)
            people = people.Where(p => p.TrainingEnrolments.Any(t => t.Programme == programme && (Training == null || t.Status == Training)));
        else if (Training is { } status)
            people = people.Where(p => p.TrainingEnrolments.Any(t => t.Status == status));
        return people;
    }

    public string SortLink(string column)
    {
        var current = SortKey == column;
        var query = Request.Query.Where(kv => kv.Key is not ("sort" or "dir" or "page")).ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        if (column != "name") query["sort"] = column;
        if (current && !Descending) query["dir"] = "desc";
        return "/people" + QueryString.Create(query.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
    }

    public string? AriaSort(string column) => SortKey == column ? (Descending ? "descending" : "ascending") : null;

    public IEnumerable<SelectListItem> RegistrationItems() =>
        new[] { new SelectListItem("Any or none", "") }.Concat(Enum.GetValues<RegistrationType>().Select(t => new SelectListItem(Labels.Registration(t), t.ToString(), t == Registration)));

    public IEnumerable<SelectListItem> RenewalItems() =>
        [new SelectListItem("Any date", ""), new SelectListItem($"To renew in the next {DueSoon.RegistrationWindowDays} days", "due", Renewal == "due"),
         new SelectListItem("Past its renewal date", "lapsed", Renewal == "lapsed")];

    public IEnumerable<SelectListItem> ProgrammeItems() =>
        new[] { new SelectListItem("Any or none", "") }.Concat(Enum.GetValues<TrainingProgramme>().Select(p => new SelectListItem(Labels.Programme(p), p.ToString(), p == Programme)));

    public IEnumerable<SelectListItem> TrainingItems() =>
        new[] { new SelectListItem("Any", "") }.Concat(Enum.GetValues<TrainingStatus>().Select(s => new SelectListItem(s.ToString(), s.ToString(), s == Training)));
}
