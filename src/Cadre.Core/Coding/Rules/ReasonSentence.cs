using Cadre.Core.Coding.Reference;

namespace Cadre.Core.Coding.Rules;

/// <summary>One plain sentence a head of department would accept: what to do, to what, and why.</summary>
internal static class ReasonSentence
{
    // One builder per thread, reused: the reason is the longest string of a decision and is made for every row coded, so
    // it is built once in place rather than from intermediate pieces.
    [ThreadStatic] private static System.Text.StringBuilder? _builder;

    public static string Compose(PostRole role, OccupationCode? code, string title, AreaOfWork? area, CodingStatus status, bool sameArea, DecisionDraft draft)
    {
        var sb = _builder ??= new System.Text.StringBuilder(512);
        ComposeInto(sb, role, code, title, area, status, sameArea, draft);
        return sb.ToString();
    }

    /// <summary>Composes the sentence into <paramref name="sb"/> (cleared first) for a caller that writes it out itself; returns "".</summary>
    public static string ComposeInto(System.Text.StringBuilder sb, PostRole role, OccupationCode? code, string title, AreaOfWork? area, CodingStatus status, bool sameArea, DecisionDraft draft)
    {
        sb.Clear();
        switch (status)
        {
            case CodingStatus.Unchanged:
                sb.Append("Keep ");
                What(sb, code, title);
                Where(sb, area);
                break;
            case CodingStatus.Recode when role.CurrentCode is not null && role.CurrentCode == code && !sameArea:
                sb.Append("Keep ");
                What(sb, code, title);
                sb.Append(" but record the Area of Work as ").Append(area?.Name ?? "none");
                if (!string.IsNullOrWhiteSpace(role.CurrentAreaOfWork)) sb.Append(" instead of ").Append(role.CurrentAreaOfWork.AsSpan().Trim());
                break;
            case CodingStatus.Recode when role.CurrentCode is { } current:
                sb.Append("Recode ").Append(current.Value).Append(" to ");
                What(sb, code, title);
                Where(sb, area);
                break;
            case CodingStatus.Recode:
                sb.Append("Code as ");
                What(sb, code, title);
                Where(sb, area);
                break;
            default:
                sb.Append("Review: ");
                for (var i = 0; i < draft.Flags.Count; i++) (i == 0 ? sb : sb.Append("; ")).Append(draft.Flags[i].Message);
                if (code is null) sb.Append("; no code can be proposed without that");
                else
                {
                    sb.Append("; the rules point to ");
                    What(sb, code, title);
                    Where(sb, area);
                }
                break;
        }
        if (draft.Clauses.Count > 0)
        {
            sb.Append(status == CodingStatus.Review ? ", because " : " because ");
            for (var i = 0; i < draft.Clauses.Count; i++) (i == 0 ? sb : sb.Append("; ")).Append(draft.Clauses[i]);
        }
        if (sb.Length == 0 || sb[^1] != '.') sb.Append('.');
        return "";
    }

    private static void What(System.Text.StringBuilder sb, OccupationCode? code, string title)
    {
        if (code is not { } c) return;
        sb.Append(c.Value);
        if (title.Length > 0) sb.Append(" (").Append(title).Append(')');
    }

    private static void Where(System.Text.StringBuilder sb, AreaOfWork? area)
    {
        if (area is not null) sb.Append(" with Area of Work ").Append(area.Name);
    }
}
