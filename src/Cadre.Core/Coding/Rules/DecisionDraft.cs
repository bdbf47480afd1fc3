namespace Cadre.Core.Coding.Rules;

/// <summary>Collects, while the rules run, which rules applied, what they said and what needs a human look.</summary>
internal sealed class DecisionDraft
{
    private readonly List<string> _rules;
    public List<string> Clauses { get; }
    public List<ReviewFlag> Flags { get; }

    public DecisionDraft() : this(4, 4, 0) { }

    // Sized up front: a decision uses a handful of rules and clauses, and growing a list from empty copies it twice.
    private DecisionDraft(int rules, int clauses, int flags)
    {
        _rules = new List<string>(rules);
        Clauses = new List<string>(clauses);
        Flags = new List<ReviewFlag>(flags);
    }

    public IReadOnlyList<string> Rules => _rules;

    /// <summary>A copy to continue from, leaving this one as it was (a shared job description's assessment).</summary>
    public DecisionDraft Copy()
    {
        // Room for what Finish adds (the current code's clause, a second-role note, perhaps a flag).
        var copy = new DecisionDraft(_rules.Count + 2, Clauses.Count + 2, Flags.Count + 1);
        copy._rules.AddRange(_rules);
        copy.Clauses.AddRange(Clauses);
        copy.Flags.AddRange(Flags);
        return copy;
    }

    public void Use(CodingRule rule)
    {
        if (!_rules.Contains(rule.Id)) _rules.Add(rule.Id);
    }

    public void Say(CodingRule rule, string clause)
    {
        Use(rule);
        Clauses.Add(clause);
    }

    public void Review(CodingRule rule, string message)
    {
        Use(rule);
        Flags.Add(new ReviewFlag(rule.Id, message));
    }
}
