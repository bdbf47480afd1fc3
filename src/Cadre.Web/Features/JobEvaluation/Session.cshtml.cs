using Cadre.Data.JobEvaluation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>One panel session: its date, the panel by side, job advisers, the composition check (with rule ids) and the outcomes of the jobs it heard.</summary>
public sealed class SessionModel(CadreDbContext db) : PageModel
{
    public sealed record OutcomeRow(Guid Id, string JobTitle, string? PostNumber, JeResult Result, string? Band, int Total);

    public JePanelSession Session { get; private set; } = default!;
    public IReadOnlyList<OutcomeRow> Outcomes { get; private set; } = [];
    public bool SeeNames { get; private set; }
    public bool CanRun { get; private set; }
    /// <summary>Whether any job was heard at the session (any organisation-visible or not): then it is closed to change.</summary>
    public bool HeardAny { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        var session = await db.Set<JePanelSession>().AsNoTracking().Include(s => s.Members).FirstOrDefaultAsync(s => s.Id == id, cancel);
        if (session is null) return NotFound();
        Session = session;
        SeeNames = JeAccess.MaySeePanelNames(User);
        CanRun = JeAccess.MayRunPanels(User);
        // The outcome filters apply: a service lead sees only the jobs of posts in their departments.
        Outcomes = await db.Set<JeOutcome>().AsNoTracking().Where(o => o.SessionId == id).OrderBy(o => o.RecordedAt)
            .Select(o => new OutcomeRow(o.Id, o.JobTitle, o.Post == null ? null : o.Post.PostNumber, o.Result, o.Band, o.Total)).ToListAsync(cancel);
        HeardAny = await db.Set<JeOutcome>().IgnoreQueryFilters().AnyAsync(o => o.SessionId == id, cancel);
        return Page();
    }

    public string MemberName(JeSessionMember m, int index) => SeeNames ? m.Name : $"{JeAccess.Side(m.Side)} {(m.IsJobAdviser ? "job adviser" : "practitioner")} {index + 1}";
}
