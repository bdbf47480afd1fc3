using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Cadre.Core.JobEvaluation;

/// <summary>
/// Reads a suite of national profiles printed as tab-separated text, as NHS Employers' suites come out of a PDF
/// (seed 003): a contents table, a version history, then for each profile a "Profile Suite and Label" line, a
/// "Job Statement", 16 factor rows (number, name, descriptor, JE level, JE score) and a "JE Score ... Band ..." line.
/// </summary>
/// <remarks>
/// Real copies are untidy, so the reader tolerates: cells wrapped over several lines or split by a page break (a line
/// led by empty cells continues the cells above it; a row with too few cells takes the next line as its remainder);
/// form feeds, page numbers and repeated table headers; HTML fragments and entities; "JE Score", "JE score" or
/// "Score"; bands such as <c>8a-c</c>; scores such as <c>15-27</c> or <c>27–42</c>. Printed figures are never
/// trusted: the levels are scored and every disagreement becomes a warning on the profile (JE-PRINT-01).
/// </remarks>
public sealed partial class ProfileSuiteReader(FactorPlan plan, BandRanges bands)
{
    private readonly JobEvaluationScorer _scorer = new(plan, bands);

    [GeneratedRegex(@"<\s*li\b[^>]*>", RegexOptions.IgnoreCase)] private static partial Regex ListItem();
    [GeneratedRegex(@"<[^>]*>")] private static partial Regex Tag();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"^(\d{1,2})\s*\.?$")] private static partial Regex FactorNumber();
    [GeneratedRegex(@"^(?:je\s+)?score\b", RegexOptions.IgnoreCase)] private static partial Regex ScoreLine();
    [GeneratedRegex(@"\bband\s+(\d[a-d]?\s*\*?(?:\s*(?:-|–|—|to)\s*\d?[a-d]?\s*\*?)?)", RegexOptions.IgnoreCase)] private static partial Regex BandText();
    [GeneratedRegex(@"^(?:page\s*\d+(?:\s*of\s*\d+)?|\d{1,3})$", RegexOptions.IgnoreCase)] private static partial Regex PageFurniture();
    [GeneratedRegex(@"^(.*?)\s*(?:-|–|—)\s*band\s+(\S+)\s*$", RegexOptions.IgnoreCase)] private static partial Regex ArchivedItem();
    [GeneratedRegex(@"\s+[-–—]\s+")] private static partial Regex LabelSeparator();

    public ProfileSuite Read(string text, string? suiteName = null, string? version = null) =>
        Read(new StringReader(text), suiteName, version);

    public ProfileSuite Read(TextReader reader, string? suiteName = null, string? version = null)
    {
        var state = new State();
        string? raw;
        var lineNumber = 0;
        while ((raw = reader.ReadLine()) is not null)
        {
            lineNumber++;
            ReadLine(state, raw, lineNumber);
        }
        state.FinishProfile();
        foreach (var p in state.Profiles)
        {
            var parts = LabelSeparator().Split(p.Label, 2);
            (p.SuitePart, p.TitlePart) = parts.Length == 2 ? (parts[0].Trim(), parts[1].Trim()) : ("", p.Label.Trim());
        }

        var name = suiteName ?? state.Profiles.Select(p => p.SuitePart).Where(s => s.Length > 0)
            .GroupBy(s => s).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "";
        var suiteVersion = version ?? state.History.FirstOrDefault()?.Date ?? "";

        var profiles = state.Profiles.Select(p => Build(p, name, suiteVersion)).ToList();
        var archived = ArchivedFromHistory(state.History, name, suiteVersion);
        var notes = new List<string>(state.Notes);
        notes.AddRange(CheckContents(state.Contents, profiles));
        if (profiles.Count == 0) notes.Add("No profile found: expected lines starting 'Profile Suite and Label'.");
        return new ProfileSuite(name, suiteVersion, profiles, archived, state.History, state.Contents, notes);
    }

    // ---- line handling -------------------------------------------------------------------------------------------

    private enum Section { Preamble, Contents, History, Profile }

    private sealed class RawProfile(string label, int line)
    {
        public string Label = label;
        public readonly int Line = line;
        public string SuitePart = "";
        public string TitlePart = "";
        public readonly StringBuilder Statement = new();
        public bool InStatement;
        public readonly Dictionary<int, List<string>> Rows = [];
        public readonly List<string> Problems = [];
        public List<string>? CurrentRow;
        public string? ScoreText;
        public string? BandText;
        public bool AwaitingBand;
        public bool AwaitingLabel;
        public bool InLabel = true;     // a long label may wrap onto the lines before "Job Statement"
    }

    private sealed class State
    {
        public Section Section = Section.Preamble;
        public readonly List<ContentsEntry> Contents = [];
        public readonly List<VersionHistoryEntry> History = [];
        public readonly List<RawProfile> Profiles = [];
        public readonly List<string> Notes = [];
        public RawProfile? Current;

        public void FinishProfile()
        {
            if (Current is null) return;
            Current.CurrentRow = null;
            Profiles.Add(Current);
            Current = null;
        }
    }

    private static string Clean(string cell)
    {
        if (cell.Contains('<')) cell = Tag().Replace(ListItem().Replace(cell, " • "), " ");
        if (cell.Contains('&')) cell = WebUtility.HtmlDecode(cell);
        // Most cells are already tidy: only collapse whitespace when there is something to collapse.
        return NeedsCollapse(cell) ? Spaces().Replace(cell.Replace('\u00a0', ' '), " ").Trim() : cell.Trim();
    }

    private static bool NeedsCollapse(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ' ') { if (i + 1 < s.Length && s[i + 1] == ' ') return true; }
            else if (char.IsWhiteSpace(c)) return true;
        }
        return false;
    }

    private static void ReadLine(State s, string raw, int lineNumber)
    {
        var line = raw.Replace("\f", "").TrimEnd('\r');
        var cells = line.Split('\t').Select(Clean).ToList();
        while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
        if (cells.Count == 0) return;
        var first = cells[0];
        var joined = string.Join(" ", cells.Where(c => c.Length > 0));
        if (PageFurniture().IsMatch(joined)) return;

        if (first.StartsWith("Profile Suite and Label", StringComparison.OrdinalIgnoreCase))
        {
            s.FinishProfile();
            var label = string.Join(" ", cells.Skip(1).Where(c => c.Length > 0));
            if (label.Length == 0) label = first["Profile Suite and Label".Length..].Trim(' ', ':');
            s.Current = new RawProfile(label, lineNumber) { AwaitingLabel = label.Length == 0 };
            s.Section = Section.Profile;
            return;
        }

        if (s.Section != Section.Profile)
        {
            ReadFrontMatter(s, cells, first, joined);
            return;
        }

        var p = s.Current!;
        if (p.AwaitingLabel) { p.Label = joined; p.AwaitingLabel = false; return; }
        if (first.StartsWith("Job Statement", StringComparison.OrdinalIgnoreCase))
        {
            p.InLabel = false;
            p.Statement.Append(string.Join(" ", cells.Skip(1).Where(c => c.Length > 0)));
            p.InStatement = true;
            return;
        }
        if (first.Equals("Factor", StringComparison.OrdinalIgnoreCase) || joined.StartsWith("Factor Level descriptor", StringComparison.OrdinalIgnoreCase))
        {
            p.InLabel = false;
            p.InStatement = false;   // the table header, repeated after a page break in some copies
            return;
        }
        var number = FactorNumber().Match(first);
        if (number.Success && cells.Count >= 2)
        {
            p.InLabel = false;
            p.InStatement = false;
            var n = int.Parse(number.Groups[1].Value);
            if (n is < 1 or > FactorPlan.FactorCount) { p.Problems.Add($"Line {lineNumber}: there is no factor {n}."); p.CurrentRow = null; return; }
            var newRow = cells.Skip(1).ToList();
            if (p.Rows.TryGetValue(n, out var earlier))
            {
                // Some copies repeat the last row at the top of the next page: an identical repeat is harmless.
                if (earlier.SequenceEqual(newRow)) { p.CurrentRow = null; return; }
                p.Problems.Add($"Line {lineNumber}: factor {n} appears twice with different contents; check which row is right.");
            }
            p.CurrentRow = newRow;
            p.Rows[n] = newRow;
            return;
        }
        // A wrapped descriptor line could begin "Score ..."; the score line always carries a figure.
        if (ScoreLine().IsMatch(first) && joined.Any(char.IsAsciiDigit))
        {
            p.InLabel = false;
            p.InStatement = false;
            p.CurrentRow = null;
            p.ScoreText = joined;
            var band = BandText().Match(joined);
            if (band.Success) p.BandText = band.Groups[1].Value.Trim();
            else p.AwaitingBand = true;
            return;
        }
        if (p.AwaitingBand)
        {
            var band = BandText().Match(joined);
            if (band.Success) { p.BandText = band.Groups[1].Value.Trim(); p.AwaitingBand = false; }
            return;
        }
        if (p.CurrentRow is { } row)
        {
            if (first.Length == 0)
            {
                // Cells continued under the columns above them, e.g. after a page break.
                for (var j = 1; j < cells.Count; j++)
                {
                    if (cells[j].Length == 0) continue;
                    while (row.Count < j) row.Add("");
                    row[j - 1] = (row[j - 1] + " " + cells[j]).Trim();
                }
            }
            else if (row.Count < 4)
            {
                // A cell wrapped onto the next line: its first piece finishes the last cell, the rest follow it.
                row[^1] = (row[^1] + " " + cells[0]).Trim();
                row.AddRange(cells.Skip(1));
            }
            return;
        }
        if (p.InStatement) p.Statement.Append(' ').Append(joined);
        else if (p.InLabel) p.Label = (p.Label + " " + joined).Trim();
    }

    private static void ReadFrontMatter(State s, List<string> cells, string first, string joined)
    {
        if (first.Equals("Contents", StringComparison.OrdinalIgnoreCase)) { s.Section = Section.Contents; return; }
        if (first.StartsWith("Version history", StringComparison.OrdinalIgnoreCase)) { s.Section = Section.History; return; }
        if (cells.All(c => c.Length == 0 || c.Trim('-').Length == 0)) { s.Section = Section.Preamble; return; }
        switch (s.Section)
        {
            case Section.Contents:
                if (first.Equals("Profile Title", StringComparison.OrdinalIgnoreCase)) return;
                if (cells.Count >= 2 && first.Length > 0) s.Contents.Add(new ContentsEntry(first, cells[1], cells.Count > 2 ? cells[2] : ""));
                return;
            case Section.History:
                if (first.Equals("Action", StringComparison.OrdinalIgnoreCase)) return;
                if (first.Length > 0) s.History.Add(new VersionHistoryEntry(first, cells.Count > 1 ? cells[1] : "", string.Join(" ", cells.Skip(2))));
                else if (s.History.Count > 0)
                {
                    var last = s.History[^1];
                    s.History[^1] = last with { Notes = (last.Notes + " " + joined).Trim() };
                }
                return;
        }
    }

    // ---- building profiles ---------------------------------------------------------------------------------------

    private NationalProfile Build(RawProfile raw, string suiteName, string version)
    {
        var suite = raw.SuitePart.Length > 0 ? raw.SuitePart : suiteName;
        var title = raw.TitlePart;
        var errors = new List<string>(raw.Problems);
        var factors = new List<ProfileFactor>();
        foreach (var factor in plan.Factors)
        {
            if (!raw.Rows.TryGetValue(factor.Number, out var row)) { errors.Add($"Factor {factor.Number} ({factor.Name}): row missing."); continue; }
            var levelText = row.Count > 2 ? row[2] : "";
            if (levelText.Length == 0) { errors.Add($"Factor {factor.Number} ({factor.Name}): no JE level printed."); continue; }
            if (!LevelNotationReader.TryRead(levelText, factor, out var set, out var error)) { errors.Add(error!); continue; }
            factors.Add(new ProfileFactor(factor, set!, row.Count > 1 ? row[1] : "", PrintedScore.TryParse(row.Count > 3 ? row[3] : null)));
        }

        var warnings = new List<string>();
        BandSpan? band = null;
        if (raw.BandText is null) warnings.Add("No band printed.");
        else
        {
            try { band = BandSpan.Parse(raw.BandText, bands); }
            catch (FormatException ex) { warnings.Add($"Band: {ex.Message}"); }
        }
        var printedTotal = PrintedScore.TryParse(raw.ScoreText is null ? null : ScoreLine().Replace(raw.ScoreText, ""));
        if (raw.ScoreText is null) warnings.Add("No JE score line printed.");

        var profile = new NationalProfile
        {
            Suite = suite,
            Title = title,
            JobStatement = raw.Statement.ToString().Trim(),
            Factors = factors,
            PrintedTotal = printedTotal,
            PrintedBand = band,
            PrintedBandText = raw.BandText,
            Version = version,
            Errors = errors,
            SourceLine = raw.Line,
        };
        if (profile.IsScorable) warnings.AddRange(CheckPrint(profile, _scorer.Score(profile.Ranges, band)));
        return profile with { Warnings = warnings };
    }

    /// <summary>JE-PRINT-01: compare what is printed with what the levels give, factor by factor, then total and band.</summary>
    private static IEnumerable<string> CheckPrint(NationalProfile p, ProfileScore score)
    {
        foreach (var f in score.Factors)
        {
            var printed = p.Factors[f.Factor.Number - 1].PrintedPoints;
            var computed = f.MinPoints == f.MaxPoints ? $"{f.MinPoints}" : $"{f.MinPoints}-{f.MaxPoints}";
            if (printed is null)
                yield return $"Factor {f.Factor.Number} ({f.Factor.Name}): no JE score printed; level {f.Levels.Notation} gives {computed}.";
            else if (!printed.Agrees(f.MinPoints, f.MaxPoints))
                yield return $"Factor {f.Factor.Number} ({f.Factor.Name}): level {f.Levels.Notation} gives {computed} points; the profile prints {printed.Printed}. [{JeRules.PrintedFiguresChecked.Id}]";
        }
        var total = score.Min == score.Max ? $"{score.Min}" : $"{score.Min}-{score.Max}";
        if (p.PrintedTotal is { } t && !t.Agrees(score.Min, score.Max))
            yield return $"JE score: the levels give {total}; the profile prints {t}. [{JeRules.PrintedFiguresChecked.Id}]";
        if (p.PrintedBand is { } b && (score.MinBandName != b.Low.Name || score.MaxBandName != b.High.Name))
        {
            var computed = score.MinBandName == score.MaxBandName ? score.MinBandName : $"{score.MinBandName} to {score.MaxBandName}";
            yield return $"Band: the levels ({total}) give band {computed}; the profile prints band {b.Printed}. [{JeRules.PrintedFiguresChecked.Id}, {JeRules.BandFromTotal.Id}]";
        }
    }

    private IReadOnlyList<NationalProfile> ArchivedFromHistory(IEnumerable<VersionHistoryEntry> history, string suite, string version)
    {
        var archived = new List<NationalProfile>();
        foreach (var entry in history.Where(h => h.Action.Contains("archiv", StringComparison.OrdinalIgnoreCase)))
        {
            var pieces = entry.Notes.Split('•');
            var lead = pieces[0].Trim();
            foreach (var piece in pieces.Skip(1))
            {
                var m = ArchivedItem().Match(piece.Trim());
                if (!m.Success) continue;
                BandSpan? band = null;
                try { band = BandSpan.Parse(m.Groups[2].Value, bands); } catch (FormatException) { }
                archived.Add(new NationalProfile
                {
                    Suite = suite,
                    Title = m.Groups[1].Value.Trim(),
                    PrintedBand = band,
                    PrintedBandText = m.Groups[2].Value,
                    Version = version,
                    Status = ProfileStatus.Archived,
                    StatusNote = $"Archived {entry.Date}. {lead}".Trim(),
                });
            }
        }
        return archived;
    }

    private static IEnumerable<string> CheckContents(IReadOnlyList<ContentsEntry> contents, IReadOnlyList<NationalProfile> profiles)
    {
        if (contents.Count == 0) yield break;
        var byTitle = profiles.ToDictionary(p => NationalProfile.Normalise(p.Title), p => p, StringComparer.Ordinal);
        var seen = new HashSet<string>();
        foreach (var entry in contents)
        {
            var key = NationalProfile.Normalise(entry.Title);
            if (byTitle.TryGetValue(key, out var profile))
            {
                seen.Add(key);
                if (profile.PrintedBandText is { } b && !string.Equals(b.Replace(" ", ""), entry.Band.Replace(" ", ""), StringComparison.OrdinalIgnoreCase))
                    yield return $"Contents gives '{entry.Title}' band {entry.Band}; the profile prints band {b}.";
                continue;
            }
            var closest = profiles.Where(p => !seen.Contains(NationalProfile.Normalise(p.Title)))
                .Select(p => (p, d: Text.EditDistance.Between(key, NationalProfile.Normalise(p.Title)))).OrderBy(x => x.d).FirstOrDefault();
            if (closest.p is not null && closest.d <= 3)
            {
                seen.Add(NationalProfile.Normalise(closest.p.Title));
                yield return $"Contents lists '{entry.Title}' but the profile is titled '{closest.p.Title}'.";
            }
            else yield return $"Contents lists '{entry.Title}' (band {entry.Band}) but no profile has that title.";
        }
        foreach (var p in profiles.Where(p => !seen.Contains(NationalProfile.Normalise(p.Title))))
            yield return $"'{p.Title}' is not in the contents.";
    }
}
