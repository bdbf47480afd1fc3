namespace Cadre.Core.Coding.Rules;

/// <summary>Collects, while the rules run, which rules applied, what they said and what needs a human look.</summary>
internal sealed class DecisionDraft
{
    private readonly List<string> _rules = [];
    public List<string> Clauses { get; } = [];
    public List<ReviewFlag> Flags { get; } = [];

    public IReadOnlyList<string> Rules => _rules;

    /// <summary>A copy to continue from, leaving this one as it was (a shared job description's assessment).</summary>
    public DecisionDraft Copy()
    {
        var copy = new DecisionDraft();
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
