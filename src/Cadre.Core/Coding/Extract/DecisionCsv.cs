using System.Globalization;
using Cadre.Core.Register;

namespace Cadre.Core.Coding.Extract;

/// <summary>The <c>cadre code</c> output: one row per role with the proposed code, Area of Work, status, rules and reason.</summary>
public static class DecisionCsv
{
    public static readonly string[] Columns = ["post_id", "role", "wte", "current_code", "proposed_code", "proposed_area_of_work", "status", "rules", "reason"];

    public static void WriteHeader(TextWriter writer) => CsvText.WriteRecord(writer, Columns);

    public static void WriteRow(TextWriter writer, CodingDecision d)
    {
        CsvText.WriteField(writer, d.PostId);
        writer.Write(',');
        CsvText.WriteField(writer, d.Role);
        writer.Write(',');
        writer.Write(d.Wte.ToString(CultureInfo.InvariantCulture));
        WriteTail(writer, d);
    }

    /// <summary>Everything after the WTE, from the comma before current_code to the line end: the same for every post sharing a job description.</summary>
    public static void WriteTail(TextWriter writer, CodingDecision d)
    {
        WriteCodesAndRules(writer, d);
        CsvText.WriteField(writer, d.Reason);
        writer.Write('\n');
    }

    /// <summary>As <see cref="WriteTail(TextWriter, CodingDecision)"/> with the reason taken from a builder rather than the decision.</summary>
    public static void WriteTail(TextWriter writer, CodingDecision d, System.Text.StringBuilder reason)
    {
        WriteCodesAndRules(writer, d);
        CsvText.WriteField(writer, reason);
        writer.Write('\n');
    }

    // current_code to rules, each with its leading comma, and the comma before the reason.
    private static void WriteCodesAndRules(TextWriter writer, CodingDecision d)
    {
        foreach (var field in (ReadOnlySpan<string>)[d.CurrentCode?.Value ?? "", d.ProposedCode?.Value ?? "", AreaText(d), StatusText(d.Status)])
        {
            writer.Write(',');
            CsvText.WriteField(writer, field);
        }
        writer.Write(',');
        // Rule ids are letters, digits and hyphens: never quoted, so written one by one rather than joined first.
        for (var i = 0; i < d.Rules.Count; i++)
        {
            if (i > 0) writer.Write(';');
            writer.Write(d.Rules[i]);
        }
        writer.Write(',');
    }

    /// <summary>One area as its name; several as "area:wte;..." so each keeps its WTE.</summary>
    public static string AreaText(CodingDecision d) => d.AreasOfWork.Count switch
    {
        0 => "",
        1 => d.AreasOfWork[0].AreaOfWork,
        _ => string.Join(";", d.AreasOfWork.Select(a => $"{a.AreaOfWork}:{a.Wte.ToString(CultureInfo.InvariantCulture)}")),
    };

    public static string StatusText(CodingStatus s) => s switch
    {
        CodingStatus.Unchanged => "unchanged",
        CodingStatus.Recode => "recode",
        _ => "review",
    };
}

/// <summary>
/// The ESR-ready change list: one row per role whose code or Area of Work HR should change in ESR (status recode only;
/// rows needing review are left out until a person has decided). Columns are documented in docs/decisions/coding-esr-output.md.
/// </summary>
public static class EsrChangeCsv
{
    public static readonly string[] Columns =
    [
        "post_id", "role", "position_title", "department", "pay_band", "wte", "current_occupation_code", "new_occupation_code",
        "new_occupation_code_title", "new_main_staff_group", "current_area_of_work", "new_area_of_work", "professional_registration",
        "manual_version", "effective_date", "change_reason", "rules",
    ];

    public static void WriteHeader(TextWriter writer) => CsvText.WriteRecord(writer, Columns);

    public static bool Applies(CodingDecision d) => d.Status == CodingStatus.Recode && d.ProposedCode is not null;

    public static void WriteRow(TextWriter writer, PostRole role, CodingDecision d, DateOnly effective) => CsvText.WriteRecord(writer,
    [
        d.PostId, d.Role, role.Title, role.Department, role.PayBand.Label, d.Wte.ToString(CultureInfo.InvariantCulture),
        d.CurrentCode?.Value ?? "", d.ProposedCode?.Value ?? "", d.ProposedCodeTitle, d.ProposedStaffGroup, d.CurrentAreaOfWork,
        DecisionCsv.AreaText(d), string.Join(";", role.Registrations), d.ManualVersion, effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        d.Reason, string.Join(";", d.Rules),
    ]);
}

/// <summary>The roles needing a human look, with what to check.</summary>
public static class ReviewCsv
{
    public static readonly string[] Columns = ["post_id", "role", "wte", "current_code", "proposed_code", "proposed_area_of_work", "what_to_check", "rules"];

    public static void WriteHeader(TextWriter writer) => CsvText.WriteRecord(writer, Columns);

    public static void WriteRow(TextWriter writer, CodingDecision d) => CsvText.WriteRecord(writer,
    [
        d.PostId, d.Role, d.Wte.ToString(CultureInfo.InvariantCulture), d.CurrentCode?.Value ?? "", d.ProposedCode?.Value ?? "",
        DecisionCsv.AreaText(d), string.Join("; ", d.ReviewFlags.Select(f => $"{f.Message} [{f.RuleId}]")), string.Join(";", d.Rules),
    ]);
}
