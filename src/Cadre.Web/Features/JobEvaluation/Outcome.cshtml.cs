using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>
/// One outcome: the panel (members and sides, job advisers, job information), the level and rationale per factor, the
/// reasons with their rules, notification of the post holder, review requests (deadline shown; late ones refused) and
/// the audit trail from which a differently made-up review panel is formed.
/// </summary>
public sealed class OutcomeModel(CadreDbContext db) : PageModel
{
    public JeOutcome Outcome { get; private set; } = default!;
    public string? PostNumber { get; private set; }
    public string? PostBand { get; private set; }
    public IReadOnlyList<JeReviewRequest> Reviews { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public Guid? ReviewedBy { get; private set; }
    public bool CanRun { get; private set; }
    public bool SeeNames { get; private set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public Dictionary<string, string> FieldErrors { get; } = [];
    public FactorPlan Plan => JeReference.Default.Plan;

    // Posted values, echoed back when refused.
    public string NotifiedOn { get; private set; } = "";
    public string NotifiedHow { get; private set; } = "";
    public string ReceivedOn { get; private set; } = "";
    public bool InWriting { get; private set; } = true;
    public HashSet<int> Disputed { get; private set; } = [];
    public string Evidence { get; private set; } = "";

    public DateOnly? Deadline => Outcome.NotifiedOn is { } n ? JeOutcomeService.ReviewDeadline(n) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel) => await LoadAsync(id, cancel) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNotifyAsync(Guid id, CancellationToken cancel)
    {
        if (!JeAccess.MayRunPanels(User)) return Forbid();
        NotifiedOn = Request.Form["notified-on"].ToString();
        NotifiedHow = Request.Form["notified-how"].ToString();
        DateOnly? date = DateOnly.TryParse(NotifiedOn, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        if (date is null && !string.IsNullOrWhiteSpace(NotifiedOn)) Add("notified-on", "Enter the date as a real date, for example 2026-10-05");
        else
        {
            var result = await JeOutcomeService.RecordNotificationAsync(db, id, date, NotifiedHow, cancel);
            if (result.Errors.Any(e => e.Key == "OutcomeId")) return NotFound();
            foreach (var (key, message) in result.Errors) Add(key == "NotifiedOn" ? "notified-on" : "notified-how", message);
            if (result.Succeeded) { TempData["Saved"] = "Notification recorded."; return Redirect($"/job-evaluation/outcomes/{id}"); }
        }
        return await LoadAsync(id, cancel) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancel)
    {
        if (!JeAccess.MayRunPanels(User)) return Forbid();
        ReceivedOn = Request.Form["received-on"].ToString();
        InWriting = Request.Form["in-writing"] == "true";
        Disputed = Request.Form["disputed"].Select(v => int.TryParse(v, out var n) ? n : 0).ToHashSet();
        Evidence = Request.Form["evidence"].ToString();
        DateOnly? date = DateOnly.TryParse(ReceivedOn, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        if (date is null && !string.IsNullOrWhiteSpace(ReceivedOn)) Add("received-on", "Enter the date as a real date, for example 2026-11-20");
        else
        {
            var result = await JeOutcomeService.RequestReviewAsync(db, id, date, InWriting, Disputed, Evidence, cancel);
            if (result.Errors.Any(e => e.Key == "OutcomeId")) return NotFound();
            foreach (var (key, message) in result.Errors)
                Add(key switch { "ReceivedOn" => "received-on", "InWriting" => "in-writing", "Evidence" => "evidence", _ => "disputed" }, message);
            if (result.Succeeded) { TempData["Saved"] = "Review request recorded. Form a review panel whose majority did not sit on the first."; return Redirect($"/job-evaluation/outcomes/{id}"); }
        }
        return await LoadAsync(id, cancel) ? Page() : NotFound();
    }

    private void Add(string field, string message)
    {
        FieldErrors.TryAdd(field, message);
        Errors = [.. Errors, new FormError(field, message)];
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancel)
    {
        var outcome = await db.Set<JeOutcome>().AsNoTracking().Include(o => o.Members).Include(o => o.Factors).Include(o => o.Documents)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, cancel);
        if (outcome is null) return false;
        Outcome = outcome;
        CanRun = JeAccess.MayRunPanels(User);
        SeeNames = JeAccess.MaySeePanelNames(User);
        if (outcome.PostId is { } postId && await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.PostNumber, p.Band }).FirstOrDefaultAsync(cancel) is { } post)
        {
            PostNumber = post.PostNumber;
            PostBand = post.Band.Code;
        }
        Reviews = await db.Set<JeReviewRequest>().AsNoTracking().Where(r => r.OutcomeId == id).OrderBy(r => r.ReceivedOn).ToListAsync(cancel);
        ReviewedBy = await db.Set<JeOutcome>().AsNoTracking().Where(o => o.ReviewOfId == id).OrderByDescending(o => o.RecordedAt).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancel);
        var keys = new List<string> { id.ToString() };
        keys.AddRange(outcome.Members.Select(m => m.Id.ToString()));
        keys.AddRange(outcome.Documents.Select(m => m.Id.ToString()));
        keys.AddRange(Reviews.Select(m => m.Id.ToString()));
        History = await db.AuditEntries.AsNoTracking().Where(e => keys.Contains(e.EntityId)).OrderByDescending(e => e.When).Take(200).ToListAsync(cancel);
        return true;
    }

    public string MemberName(JePanelMember m, int index) => SeeNames ? m.Name : $"{JeAccess.Side(m.Side)} {(m.IsJobAdviser ? "job adviser" : "practitioner")} {index + 1}";
}
