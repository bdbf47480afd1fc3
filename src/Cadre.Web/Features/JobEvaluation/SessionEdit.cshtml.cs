using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>
/// Changing a recorded panel session (/job-evaluation/sessions/{id}/edit): date, panel, job advisers, "sat as three".
/// The partnership rules are checked again; a change against an older reading is refused; once a job has been heard at
/// the session it is closed to change (docs/decisions/je-session-changes.md).
/// </summary>
[Authorize(Roles = JeAccess.PanelRoles)]
public sealed class SessionEditModel(CadreDbContext db) : PageModel
{
    public Guid Id { get; private set; }
    public DateOnly RecordedDate { get; private set; }
    public SessionFields Fields { get; private set; } = new();
    [BindProperty] public string? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        if (!JeAccess.MayRunPanels(User)) return Forbid();
        var session = await db.Set<JePanelSession>().AsNoTracking().Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancel);
        if (session is null) return NotFound();
        Id = id;
        RecordedDate = session.Date;
        Fields = SessionFields.From(session);
        Version = JeOutcomeService.SessionVersion(session);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancel)
    {
        if (!JeAccess.MayRunPanels(User)) return Forbid();
        Id = id;
        Fields = SessionFields.Read(Request.Form);
        if (Fields.ToInput() is { } input)
        {
            var (result, refusal) = await JeOutcomeService.UpdateSessionAsync(db, id, input, Version ?? "", cancel);
            if (refusal == JeOutcomeService.SessionRefusal.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData["Saved"] = "Panel session changed.";
                return Redirect($"/job-evaluation/sessions/{id}");
            }
            Fields.AddErrors(result.Errors);
        }
        var current = await db.Set<JePanelSession>().AsNoTracking().Where(s => s.Id == id).Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(cancel);
        if (current is null) return NotFound();
        RecordedDate = current.Value;
        Fields.Padded();
        return Page();
    }
}
