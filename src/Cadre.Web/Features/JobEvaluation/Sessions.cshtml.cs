using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>
/// Panel sessions: one day, one panel hearing several jobs. Panel roles record a session (date, practitioners with
/// sides, job advisers); the partnership rules are checked once, here, and each job heard is then recorded against it.
/// </summary>
public sealed class SessionsModel(CadreDbContext db) : PageModel
{
    public sealed record Row(Guid Id, DateOnly Date, int Practitioners, int Advisers, int Outcomes);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanRun { get; private set; }
    public SessionFields Fields { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!JeAccess.MayRunPanels(User)) return Forbid();
        Fields = SessionFields.Read(Request.Form);
        if (Fields.ToInput() is { } input)
        {
            var result = await JeOutcomeService.CreateSessionAsync(db, input, JeAccess.UserName(User), cancel);
            if (result.Succeeded)
            {
                TempData["Saved"] = "Panel session recorded. Record each job heard from this page.";
                return Redirect($"/job-evaluation/sessions/{result.Value!.Id}");
            }
            Fields.AddErrors(result.Errors);
        }
        await LoadAsync(cancel);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        CanRun = JeAccess.MayRunPanels(User);
        var sessions = await db.Set<JePanelSession>().AsNoTracking().OrderByDescending(s => s.Date).ThenByDescending(s => s.RecordedAt)
            .Select(s => new { s.Id, s.Date, Practitioners = s.Members.Count(m => !m.IsJobAdviser), Advisers = s.Members.Count(m => m.IsJobAdviser) })
            .Take(500).ToListAsync(cancel);
        var ids = sessions.Select(s => s.Id).ToList();
        var counts = await db.Set<JeOutcome>().AsNoTracking().Where(o => o.SessionId != null && ids.Contains(o.SessionId.Value))
            .GroupBy(o => o.SessionId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancel);
        Rows = sessions.Select(s => new Row(s.Id, s.Date, s.Practitioners, s.Advisers, counts.GetValueOrDefault(s.Id))).ToList();
        Fields.Padded();
    }
}
