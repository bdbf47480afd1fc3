using Cadre.Core.Coding.Reference;

namespace Cadre.Core.Coding.Rules;

/// <summary>One plain sentence a head of department would accept: what to do, to what, and why.</summary>
internal static class ReasonSentence
{
    public static string Compose(PostRole role, OccupationCode? code, string title, AreaOfWork? area, CodingStatus status, bool sameArea, DecisionDraft draft)
    {
        var what = code is null ? "" : title.Length > 0 ? $"{code} ({title})" : code.ToString()!;
        var where = area is null ? "" : $" with Area of Work {area.Name}";
        var current = role.CurrentCode?.ToString();
        string lead = status switch
        {
            CodingStatus.Unchanged => $"Keep {what}{where}",
            CodingStatus.Recode when current is not null && role.CurrentCode == code && !sameArea =>
                $"Keep {what} but record the Area of Work as {area?.Name ?? "none"}" + (string.IsNullOrWhiteSpace(role.CurrentAreaOfWork) ? "" : $" instead of {role.CurrentAreaOfWork.Trim()}"),
            CodingStatus.Recode when current is not null => $"Recode {current} to {what}{where}",
            CodingStatus.Recode => $"Code as {what}{where}",
            _ => "Review: " + string.Join("; ", draft.Flags.Select(f => f.Message)) +
                 (code is null ? "; no code can be proposed without that" : $"; the rules point to {what}{where}"),
        };
        // Built in one concatenation: the reason is the longest string of a decision, made for every row coded.
        var because = draft.Clauses.Count == 0 ? "" : status == CodingStatus.Review ? ", because " : " because ";
        var clauses = draft.Clauses.Count == 0 ? "" : string.Join("; ", draft.Clauses);
        var endsWithStop = clauses.Length > 0 ? clauses.EndsWith('.') : because.Length == 0 && lead.EndsWith('.');
        return string.Concat(lead, because, clauses, endsWithStop ? "" : ".");
    }
}
