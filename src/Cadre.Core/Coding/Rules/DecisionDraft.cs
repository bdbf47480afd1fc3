namespace Cadre.Core.Coding.Rules;

/// <summary>Collects, while the rules run, which rules applied, what they said and what needs a human look.</summary>
internal sealed class DecisionDraft
{
    private readonly List<string> _rules = [];
    public List<string> Clauses { get; } = [];
    public List<ReviewFlag> Flags { get; } = [];

    public IReadOnlyList<string> Rules => _rules;

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
