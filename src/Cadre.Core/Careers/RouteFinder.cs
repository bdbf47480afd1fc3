using Cadre.Core.Register;

namespace Cadre.Core.Careers;

/// <summary>One way from what a person holds to what a post requires: the steps in order.</summary>
public sealed record CareerRoute(IReadOnlyList<RouteStep> Steps)
{
    /// <summary>The person is already on this route's first programme (an active or interrupted enrolment).</summary>
    public bool InProgress { get; init; }

    /// <summary>Years of the steps whose length the sources give; equivalence steps have none.</summary>
    public int KnownYears => Steps.Sum(s => s.Years ?? 0);
    public bool HasUntimedStep => Steps.Any(s => s.Years is null);
    public bool UsesEquivalence => Steps.Any(s => s.IsEquivalence);
    public IEnumerable<string> RuleIds => Steps.Select(s => s.Id);

    public string Reason => string.Join("; then ", Steps.Select(s => $"{s.Via} gives {Credentials.Describe(s.To)}"))
        + $" ({Length})";

    /// <summary>How long, in words: equivalence and local steps have no set length (they take as long as the portfolio needs).</summary>
    public string Length => !HasUntimedStep ? $"{KnownYears} years" : KnownYears == 0 ? "no set length" : $"at least {KnownYears} years";
}

/// <summary>The answer to "how can this person reach this post's entry requirement?", with the rules behind it.</summary>
public sealed record RouteAnswer(EntryRequirement Target, bool AlreadyMet, IReadOnlyList<CareerRoute> Routes, IReadOnlyList<CareerRule> Notes, string Reason);

/// <summary>
/// Finds the routes (training and equivalence) from a person's current credentials to a post's entry requirement.
/// Every route ends at the first credential that meets the requirement; routes through a credential the person already
/// holds are never taken (nobody re-does a step they have done).
/// </summary>
public sealed class RouteFinder(CareerReference reference)
{
    private const int MaxSteps = 4; // the longest real path (none → assistant → associate → PTP → STP) has four steps.

    public RouteFinder() : this(CareerReference.Default) { }

    /// <summary>Routes for a person as the register holds them: current registrations and the programmes they are on.</summary>
    public RouteAnswer Find(PersonCareer person, EntryRequirement target)
    {
        var answer = Find(person.Held, target);
        if (answer.AlreadyMet || person.InTraining.Count == 0) return answer;
        var routes = answer.Routes
            .Select(r => r with { InProgress = r.Steps[0].Programme is { } p && person.InTraining.Contains(p) })
            .OrderByDescending(r => r.InProgress).ToList();
        if (!routes.Any(r => r.InProgress)) return answer with { Routes = routes };
        var current = routes[0];
        return answer with
        {
            Routes = routes,
            Notes = answer.Notes.Append(CareerRules.InProgress).ToList(),
            Reason = $"On route already ({CareerRules.InProgress.Id}): {current.Reason}. {answer.Routes.Count} route(s) in all.",
        };
    }

    public RouteAnswer Find(IEnumerable<Credential> held, EntryRequirement target)
    {
        var have = held.Append(Credential.None).ToHashSet();
        // Start from what the person has achieved; "nothing" is a start only for someone who holds nothing, so a
        // registered scientist is never sent back to school.
        var starts = have.Count == 1 ? have : have.Where(c => c != Credential.None).ToHashSet();
        var goal = Credentials.Meeting(target);
        var notes = target == EntryRequirement.Consultant ? new[] { CareerRules.ConsultantNotAutomatic } : [];
        var met = goal.FirstOrDefault(have.Contains, (Credential)(-1));
        if ((int)met >= 0)
            return new RouteAnswer(target, true, [], notes.Prepend(CareerRules.AlreadyMet).ToList(),
                $"Already meets the {Credentials.Describe(target)} entry requirement: holds {Credentials.Describe(met)} ({CareerRules.AlreadyMet.Id}).");

        var routes = new List<CareerRoute>();
        foreach (var start in starts)
            Walk(start, [], have, goal, routes);
        var ordered = routes
            .DistinctBy(r => string.Join(">", r.RuleIds))
            .OrderBy(r => r.Steps.Count).ThenBy(r => r.UsesEquivalence).ThenBy(r => r.KnownYears).ToList();
        var reason = ordered.Count == 0
            ? $"No route in the MSC framework leads from {string.Join(", ", have.Select(Credentials.Describe))} to the {Credentials.Describe(target)} entry requirement."
            : $"{ordered.Count} route(s) to the {Credentials.Describe(target)} entry requirement; shortest: {ordered[0].Reason}.";
        return new RouteAnswer(target, false, ordered, notes, reason);
    }

    private void Walk(Credential at, List<RouteStep> path, HashSet<Credential> have, IReadOnlyList<Credential> goal, List<CareerRoute> found)
    {
        if (path.Count >= MaxSteps) return;
        foreach (var step in reference.Steps.Where(s => s.From == at))
        {
            // A step to something already held, or back along the path, is never a useful route.
            if (have.Contains(step.To) || path.Any(p => p.From == step.To)) continue;
            var next = new List<RouteStep>(path) { step };
            if (goal.Contains(step.To)) found.Add(new CareerRoute(next));
            else Walk(step.To, next, have, goal, found);
        }
    }
}
