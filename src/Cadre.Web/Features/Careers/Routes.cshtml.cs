using Cadre.Core.Careers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Careers;

/// <summary>
/// /careers/routes: "I hold X and am training on Y; I want a Z post": the training and equivalence routes from the
/// RouteFinder, each step with its rule, length and source. A GET form, so an answer can be bookmarked and shared.
/// </summary>
public sealed class RoutesModel : PageModel
{
    public IReadOnlyList<Credential> Held { get; private set; } = [];
    public IReadOnlyList<TrainingProgramme> Training { get; private set; } = [];
    public EntryRequirement? Target { get; private set; }
    public RouteAnswer? Answer { get; private set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    public static IReadOnlyList<Credential> Choices { get; } = Enum.GetValues<Credential>().Where(c => c != Credential.None).ToList();

    public void OnGet(string[]? has, string[]? training, string? to)
    {
        var asked = has is { Length: > 0 } || training is { Length: > 0 } || to is not null;
        if (!asked) return;
        var errors = new List<FormError>();
        var held = new List<Credential>();
        foreach (var h in has ?? [])
        {
            if (Enum.TryParse<Credential>(h, out var c) && Enum.IsDefined(c) && !int.TryParse(h, out _)) held.Add(c);
            else errors.Add(new("has", $"'{h}' is not a qualification or registration Cadre knows"));
        }
        var programmes = new List<TrainingProgramme>();
        foreach (var t in training ?? [])
        {
            if (Enum.TryParse<TrainingProgramme>(t, true, out var p) && Enum.IsDefined(p) && !int.TryParse(t, out _)) programmes.Add(p);
            else errors.Add(new("training", $"'{t}' is not one of PTP, STP, HSST or HSSE"));
        }
        if (string.IsNullOrWhiteSpace(to)) errors.Add(new("to", "Choose the post you want to reach"));
        else if (Enum.TryParse<EntryRequirement>(to, out var target) && Enum.IsDefined(target) && !int.TryParse(to, out _)) Target = target;
        else errors.Add(new("to", $"'{to}' is not a post's entry requirement"));
        Held = held;
        Training = programmes;
        Errors = errors;
        if (errors.Count == 0) Answer = new RouteFinder().Find(new PersonCareer(held.Distinct().ToList(), programmes.Distinct().ToList()), Target!.Value);
    }
}
