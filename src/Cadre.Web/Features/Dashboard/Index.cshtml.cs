using System.Text.Json;
using Cadre.Data.Register.Queries;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Dashboard;

/// <summary>
/// The dashboard shows <see cref="RegisterSummary"/>, the data layer's figures (the single place they are computed), and
/// for roles that may see people, who is due to renew a registration or finish training.
/// </summary>
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    public RegisterSummary Figures { get; private set; } = default!;
    public string Organisation { get; private set; } = "";
    public bool CanSeePeople { get; private set; }
    public IReadOnlyList<DueRow> RegistrationsDue { get; private set; } = [];
    public IReadOnlyList<DueRow> TraineesFinishing { get; private set; } = [];

    public sealed record DueRow(Guid PersonId, string Name, string What, DateOnly Date);

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Figures = await RegisterSummary.ComputeAsync(db, today, cancel);
        Organisation = string.Join(", ", await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(cancel));
        CanSeePeople = WebScope.MaySeePeople(User);
        if (!CanSeePeople) return;
        RegistrationsDue = (await RegisterSummary.RegistrationsDueQuery(db, today).OrderBy(r => r.ExpiresOn).Take(50)
                .Select(r => new { r.PersonId, r.Person!.GivenName, r.Person.FamilyName, r.Type, r.Number, r.ExpiresOn }).ToListAsync(cancel))
            .Select(r => new DueRow(r.PersonId, $"{r.GivenName} {r.FamilyName}", $"{Labels.Registration(r.Type)} {r.Number}", r.ExpiresOn!.Value)).ToList();
        TraineesFinishing = (await RegisterSummary.TraineesFinishingQuery(db, today).OrderBy(t => t.ExpectedEndDate).Take(50)
                .Select(t => new { t.PersonId, t.Person!.GivenName, t.Person.FamilyName, t.Programme, t.Specialism, t.ExpectedEndDate }).ToListAsync(cancel))
            .Select(t => new DueRow(t.PersonId, $"{t.GivenName} {t.FamilyName}", $"{Labels.Programme(t.Programme)}, {t.Specialism}", t.ExpectedEndDate)).ToList();
    }

    public string BandChart() => JsonSerializer.Serialize(new
    {
        type = "bar",
        stacked = true,
        labels = Figures.ByBand.Select(b => $"Band {b.Band.Code}"),
        series = new object[]
        {
            new { label = "Filled", color = "#005eb8", values = Figures.ByBand.Select(b => b.Filled) },
            new { label = "Vacant", color = "#ffb81c", values = Figures.ByBand.Select(b => b.Vacant) },
            new { label = "Frozen", color = "#768692", values = Figures.ByBand.Select(b => b.Frozen) },
        },
    });

    public string ThemeChart() => JsonSerializer.Serialize(new
    {
        type = "doughnut",
        labels = Figures.ByTheme.Select(t => Labels.ThemeShort(t.Theme)),
        series = new object[] { new { label = "Funded WTE", values = Figures.ByTheme.Select(t => t.FundedWte) } },
    });
}
