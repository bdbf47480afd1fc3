using Cadre.Core.Register;
using Cadre.Core.Surveys;
using Cadre.Data.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Surveys;

/// <summary>The organisation's surveys, and (for analysts) the form that defines a new one.</summary>
[Authorize(Roles = SurveyAccess.ReadRoles)]
public sealed class IndexModel(CadreDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Title, DateOnly OpenedOn, DateOnly ClosedOn, string Population, int Responses);

    public IReadOnlyList<Row> Surveys { get; private set; } = [];
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public List<(Guid Id, string Name)> Organisations { get; private set; } = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? OpenedOn { get; set; }
    [BindProperty] public DateOnly? ClosedOn { get; set; }
    [BindProperty] public Guid? Organisation { get; set; }
    [BindProperty] public string Source { get; set; } = "register";
    [BindProperty] public string? Theme { get; set; }
    [BindProperty] public string LowestBand { get; set; } = "5";
    [BindProperty] public string HighestBand { get; set; } = "9";
    [BindProperty] public DateOnly? PopulationOn { get; set; }
    [BindProperty] public string? Groups { get; set; }
    [BindProperty] public string? GroupsDescription { get; set; }
    [BindProperty] public string? Questions { get; set; }
    [BindProperty] public string? CompareHeading { get; set; }
    [BindProperty] public string? CompareAnswer { get; set; }
    [BindProperty] public TrainingProgramme? CompareProgramme { get; set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!SurveyAccess.IsAnalyst(User)) return Forbid();
        await LoadAsync(cancel);
        var errors = new List<FormError>();
        if (OpenedOn is null) errors.Add(new(nameof(OpenedOn), "Enter the date the survey opened"));
        if (ClosedOn is null) errors.Add(new(nameof(ClosedOn), "Enter the date the survey closed"));
        var organisation = Organisations.Count == 1 ? Organisations[0].Id : Organisation;
        if (organisation is null || Organisations.All(o => o.Id != organisation)) errors.Add(new(nameof(Organisation), "Select the organisation that ran the survey"));
        var (questions, questionProblems) = DefinitionText.Questions(Questions);
        errors.AddRange(questionProblems.Select(p => new FormError(nameof(Questions), p)));
        RegisterPopulationFilter? register = null;
        IReadOnlyList<PopulationGroup> entered = [];
        if (Source == "register")
        {
            if (!PayBand.TryParse(LowestBand, out var low) || !PayBand.TryParse(HighestBand, out var high) || low > high)
                errors.Add(new(nameof(LowestBand), "Select a lowest band at or below the highest band"));
            else register = new RegisterPopulationFilter(PopulationOn ?? OpenedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
                Theme is { Length: 1 } t ? t[0] : null, low.Value, high.Value);
        }
        else
        {
            var (groups, groupProblems) = DefinitionText.Groups(Groups);
            errors.AddRange(groupProblems.Select(p => new FormError(nameof(Groups), p)));
            entered = groups;
        }
        if (errors.Count == 0)
        {
            var outcome = await new SurveyDefinitions(db, clock).DefineAsync(new SurveyDefinition(organisation!.Value, Title ?? "", OpenedOn!.Value, ClosedOn!.Value,
                questions, register, entered, GroupsDescription, CompareHeading, CompareAnswer, CompareProgramme), SurveyAccess.Analyst(User), cancel);
            if (outcome.Survey is { } saved) return Redirect($"/surveys/{saved.Id}");
            errors.AddRange(outcome.Problems.Select(p => new FormError(p.Field, p.Message)));
        }
        Errors = errors;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        Organisations = (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancel)).Select(o => (o.Id, o.Name)).ToList();
        var counts = await db.SurveyResponses.AsNoTracking().GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        // Every survey the reader's organisations ran: a handful a year, so the whole list is shown.
        Surveys = (await db.Surveys.AsNoTracking().OrderByDescending(s => s.OpenedOn).ThenBy(s => s.Title).ToListAsync(cancel))
            .Select(s => new Row(s.Id, s.Title, s.OpenedOn, s.ClosedOn, s.PopulationDescription, counts.GetValueOrDefault(s.Id))).ToList();
    }
}
