namespace Cadre.Data.Auditing;

/// <summary>The chain check's result in words, the same for `cadre audit verify` and the administrators' page.</summary>
public static class AuditChainWords
{
    public static IReadOnlyList<string> Describe(AuditChainReport report)
    {
        var lines = new List<string>();
        if (report.Intact)
        {
            lines.Add(report.Checked == 0 ? "The audit trail is empty." : $"The audit trail is intact: {report.Checked} entries checked.");
            if (report.Checked > 0) lines.Add($"The newest is entry {report.Checked}, sealed {report.LastHash}. Note this elsewhere to notice later if the newest entries were removed.");
        }
        else
        {
            lines.Add($"The audit trail is broken at entry {report.BrokenAt}: {report.Problem}.");
            lines.Add($"The {report.Checked} entries before it are intact.");
        }
        if (report.BeforeChain > 0)
            lines.Add($"{report.BeforeChain} entries were written before the chain began and carry no seal; their order is checked, their contents cannot be.");
        return lines;
    }
}
