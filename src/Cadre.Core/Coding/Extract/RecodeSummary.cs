using System.Globalization;
using System.Text;

namespace Cadre.Core.Coding.Extract;

/// <summary>
/// The before/after picture of a recode, built one decision at a time so it costs the same for ten rows or a million:
/// counts by old and new code, how many posts were miscoded and why, how many need review.
/// </summary>
public sealed class RecodeSummary
{
    private readonly Dictionary<(string Old, string New), (int Count, decimal Wte)> _moves = new(CodePairComparer.Instance);
    private readonly Dictionary<string, int> _causes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reviewRules = new(StringComparer.Ordinal);

    public int Roles { get; private set; }
    public decimal Wte { get; private set; }
    public int Unchanged { get; private set; }
    public int Recode { get; private set; }
    public int Review { get; private set; }
    /// <summary>Roles whose current code (not just the Area of Work) differs from the proposal, review rows included.</summary>
    public int CodeChanged { get; private set; }
    public decimal CodeChangedWte { get; private set; }
    public int AreaOnly { get; private set; }

    public void Add(CodingDecision d) => Add(d, 1, d.Wte);

    public void Add(CodingDecision d, decimal wte) => Add(d, 1, wte);

    /// <summary>Counts a decision shared by <paramref name="roles"/> roles with <paramref name="wte"/> WTE between them (posts sharing a job description).</summary>
    public void Add(CodingDecision d, int roles, decimal wte)
    {
        Roles += roles;
        Wte += wte;
        switch (d.Status)
        {
            case CodingStatus.Unchanged: Unchanged += roles; break;
            case CodingStatus.Recode: Recode += roles; break;
            default: Review += roles; break;
        }
        var key = (d.CurrentCode?.Value ?? "(none)", d.ProposedCode?.Value ?? "(review)");
        var m = _moves.GetValueOrDefault(key);
        _moves[key] = (m.Count + roles, m.Wte + wte);
        if (d.ProposedCode is not null && d.CurrentCode != d.ProposedCode) { CodeChanged += roles; CodeChangedWte += wte; }
        else if (d.Status == CodingStatus.Recode) AreaOnly += roles;
        foreach (var c in d.MiscodingCauses) _causes[c] = _causes.GetValueOrDefault(c) + roles;
        for (var i = 0; i < d.ReviewFlags.Count; i++)
        {
            var id = d.ReviewFlags[i].RuleId;
            var seen = false;
            for (var j = 0; j < i; j++) seen |= d.ReviewFlags[j].RuleId == id;
            if (!seen) _reviewRules[id] = _reviewRules.GetValueOrDefault(id) + roles;
        }
    }

    /// <summary>Adds another summary's counts to this one.</summary>
    public void Merge(RecodeSummary other)
    {
        Roles += other.Roles; Wte += other.Wte; Unchanged += other.Unchanged; Recode += other.Recode; Review += other.Review;
        CodeChanged += other.CodeChanged; CodeChangedWte += other.CodeChangedWte; AreaOnly += other.AreaOnly;
        foreach (var (k, v) in other._moves) { var m = _moves.GetValueOrDefault(k); _moves[k] = (m.Count + v.Count, m.Wte + v.Wte); }
        foreach (var (k, v) in other._causes) _causes[k] = _causes.GetValueOrDefault(k) + v;
        foreach (var (k, v) in other._reviewRules) _reviewRules[k] = _reviewRules.GetValueOrDefault(k) + v;
    }

    public IEnumerable<(string OldCode, string NewCode, int Roles, decimal Wte)> Moves =>
        _moves.OrderBy(kv => kv.Key.Old, StringComparer.Ordinal).ThenBy(kv => kv.Key.New, StringComparer.Ordinal)
            .Select(kv => (kv.Key.Old, kv.Key.New, kv.Value.Count, kv.Value.Wte));

    public IEnumerable<(string Code, int Roles)> ByOldCode => Count(k => k.Old);
    public IEnumerable<(string Code, int Roles)> ByNewCode => Count(k => k.New);
    public IEnumerable<(string Cause, int Roles)> Causes => _causes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value));
    public IEnumerable<(string RuleId, int Roles)> ReviewReasons => _reviewRules.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value));

    private IEnumerable<(string, int)> Count(Func<(string Old, string New), string> by) =>
        _moves.GroupBy(kv => by(kv.Key)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(kv => kv.Value.Count)));

    public static string Percent(int part, int whole) => whole == 0 ? "0%" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The summary as plain text for a lead or an HR manager.</summary>
    public string ToText(string source)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine($"Occupation code recode of {source}");
        sb.AppendLine();
        sb.AppendLine($"Roles: {Roles} ({Wte.ToString("0.##", inv)} WTE)");
        sb.AppendLine($"  unchanged: {Unchanged} ({Percent(Unchanged, Roles)})");
        sb.AppendLine($"  recode:    {Recode} ({Percent(Recode, Roles)})");
        sb.AppendLine($"  review:    {Review} ({Percent(Review, Roles)})");
        sb.AppendLine();
        sb.AppendLine($"Miscoded (current code differs from the proposed code): {CodeChanged} of {Roles} roles, {Percent(CodeChanged, Roles)} ({CodeChangedWte.ToString("0.##", inv)} WTE).");
        sb.AppendLine($"Right code but wrong or missing Area of Work: {AreaOnly}.");
        sb.AppendLine();
        sb.AppendLine("Why (a role can have more than one cause):");
        foreach (var (cause, n) in Causes) sb.AppendLine($"  {n,8}  {Percent(n, Roles),6}  {cause}");
        sb.AppendLine();
        sb.AppendLine("Needing review, by the rule that raised it:");
        foreach (var (rule, n) in ReviewReasons) sb.AppendLine($"  {n,8}  {rule}  {CodingRules.All.FirstOrDefault(r => r.Id == rule)?.Summary}");
        sb.AppendLine();
        sb.AppendLine("Roles by code, before and after:");
        sb.AppendLine($"  {"code",-9} {"before",8} {"after",8}");
        foreach (var (code, before, after) in ByCode) sb.AppendLine($"  {code,-9} {before,8} {after,8}");
        sb.AppendLine();
        sb.AppendLine("Old code -> new code (roles):");
        foreach (var (o, n, c, w) in Moves) sb.AppendLine($"  {o,-7} -> {n,-9} {c,8}  ({w.ToString("0.##", inv)} WTE)");
        return sb.ToString();
    }

    /// <summary>Each code with the roles holding it now and the roles proposed for it.</summary>
    public IEnumerable<(string Code, int Before, int After)> ByCode
    {
        get
        {
            var before = ByOldCode.ToDictionary(x => x.Code, x => x.Roles);
            var after = ByNewCode.ToDictionary(x => x.Code, x => x.Roles);
            return before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
                .Select(c => (c, before.GetValueOrDefault(c), after.GetValueOrDefault(c)));
        }
    }

    public void WriteCodesCsv(TextWriter writer)
    {
        CsvText.WriteRecord(writer, ["code", "roles_before", "roles_after"]);
        foreach (var (c, b, a) in ByCode) CsvText.WriteRecord(writer, [c, b.ToString(CultureInfo.InvariantCulture), a.ToString(CultureInfo.InvariantCulture)]);
    }

    public void WriteMovesCsv(TextWriter writer)
    {
        CsvText.WriteRecord(writer, ["current_code", "proposed_code", "roles", "wte"]);
        foreach (var (o, n, c, w) in Moves) CsvText.WriteRecord(writer, [o, n, c.ToString(CultureInfo.InvariantCulture), w.ToString(CultureInfo.InvariantCulture)]);
    }

    public void WriteCausesCsv(TextWriter writer)
    {
        CsvText.WriteRecord(writer, ["cause", "roles", "share_of_roles"]);
        foreach (var (c, n) in Causes) CsvText.WriteRecord(writer, [c, n.ToString(CultureInfo.InvariantCulture), Percent(n, Roles)]);
    }
}

/// <summary>
/// Compares pairs of short code strings ("T1Q", "U2H", "(none)") by value with a cheap hash: the summary looks one up for
/// every row coded, and the default tuple comparer hashes each string with the randomised (slower) string hash.
/// </summary>
internal sealed class CodePairComparer : IEqualityComparer<(string Old, string New)>
{
    public static readonly CodePairComparer Instance = new();

    public bool Equals((string Old, string New) x, (string Old, string New) y) =>
        string.Equals(x.Old, y.Old, StringComparison.Ordinal) && string.Equals(x.New, y.New, StringComparison.Ordinal);

    public int GetHashCode((string Old, string New) pair) => unchecked(Hash(pair.Old) * 31 + Hash(pair.New));

    private static int Hash(string s)
    {
        var h = s.Length;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h;
    }
}
