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
    public const int MemberRows = 5;
    public const int AdviserRows = 2;
    public sealed record Row(Guid Id, DateOnly Date, int Practitioners, int Advisers, int Outcomes);
    public sealed record MemberRow(string Name, PartnershipSide Side, bool Developing);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanRun { get; private set; }
    public string Date { get; private set; } = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
    public List<MemberRow> Members { get; } = [];
    public List<MemberRow> Advisers { get; } = [];
    public bool RestAgreedToSitAsThree { get; private set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public Dictionary<string, string> FieldErrors { get; } = [];

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!JeAccess.MayRunPanels(User)) return Forbid();
        var form = Request.Form;
        Date = form["date"].ToString();
        for (var i = 0; i < MemberRows; i++)
            Members.Add(new MemberRow(form[$"member-{i}-name"].ToString().Trim(), form[$"member-{i}-side"] == "staff" ? PartnershipSide.StaffSide : PartnershipSide.Management, form[$"member-{i}-developing"] == "true"));
        for (var i = 0; i < AdviserRows; i++)
            Advisers.Add(new MemberRow(form[$"adviser-{i}-name"].ToString().Trim(), form[$"adviser-{i}-side"] == "staff" ? PartnershipSide.StaffSide : PartnershipSide.Management, false));
        RestAgreedToSitAsThree = form["sit-as-three"] == "true";
        DateOnly? date = DateOnly.TryParse(Date, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        if (date is null && !string.IsNullOrWhiteSpace(Date)) Add("date", "Enter the date the panel sat as a real date, for example 2026-10-01");
        else
        {
            var input = new JeSessionInput
            {
                Date = date, RestAgreedToSitAsThree = RestAgreedToSitAsThree,
                Members = Members.Select(m => new JeMemberInput(m.Name, m.Side, false, m.Developing))
                    .Concat(Advisers.Select(a => new JeMemberInput(a.Name, a.Side, IsJobAdviser: true))).ToList(),
            };
            var name = User.FindFirst(CadreClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "unknown user";
            var result = await JeOutcomeService.CreateSessionAsync(db, input, name, cancel);
            if (result.Succeeded)
            {
                TempData["Saved"] = "Panel session recorded. Record each job heard from this page.";
                return Redirect($"/job-evaluation/sessions/{result.Value!.Id}");
            }
            foreach (var (key, message) in result.Errors) Add(key switch { "Date" => "date", _ => "members" }, message);
        }
        await LoadAsync(cancel);
        return Page();
    }

    private void Add(string field, string message)
    {
        FieldErrors.TryAdd(field, message);
        Errors = [.. Errors, new FormError(field, message)];
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
        while (Members.Count < MemberRows) Members.Add(new MemberRow("", Members.Count % 2 == 0 ? PartnershipSide.Management : PartnershipSide.StaffSide, false));
        while (Advisers.Count < AdviserRows) Advisers.Add(new MemberRow("", Advisers.Count % 2 == 0 ? PartnershipSide.Management : PartnershipSide.StaffSide, false));
    }
}
