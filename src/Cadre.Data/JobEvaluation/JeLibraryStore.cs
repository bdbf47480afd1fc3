using System.Text;
using Cadre.Core;
using Cadre.Core.JobEvaluation;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.JobEvaluation;

/// <summary>What an import of a suite did, or every reason it stored nothing.</summary>
public sealed record JeImportResult(bool Succeeded, IReadOnlyList<string> Problems, string Summary, int Stored, int Archived, int Superseded);

/// <summary>
/// The national profile library in the database. Imports are all or nothing: the whole suite is checked first and any
/// profile that cannot be scored refuses the file, naming every problem; otherwise it is stored in one save (one
/// transaction). A profile already held (same suite and title) is superseded by the new version; archived profiles are
/// stored readable but are never offered for matching. See docs/decisions/je-library-in-database.md.
/// </summary>
public static class JeLibraryStore
{
    public const string Shipped = "shipped with Cadre";

    /// <summary>Reads the bytes of a suite file: UTF-8 (with or without BOM), or Windows-1252 when it is not UTF-8.</summary>
    public static (string Text, string? Note) Decode(byte[] bytes)
    {
        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset), null);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return (Encoding.GetEncoding(1252).GetString(bytes), "The file is not UTF-8; it was read as Windows-1252.");
        }
    }

    /// <summary>Reads and imports a suite file's bytes.</summary>
    public static Task<JeImportResult> ImportFileAsync(CadreDbContext db, byte[] bytes, string source, string importedBy, CancellationToken cancel = default)
    {
        var (text, note) = Decode(bytes);
        var suite = JeReference.Default.SuiteReader().Read(text);
        if (note is not null) suite = suite with { Notes = [note, .. suite.Notes] };
        return ImportAsync(db, suite, source, importedBy, cancel);
    }

    /// <summary>Every reason the suite may not be stored; empty when it may.</summary>
    public static IReadOnlyList<string> Validate(ProfileSuite suite)
    {
        var problems = new List<string>();
        if (suite.Profiles.Count == 0)
            problems.Add("No profiles found: a profile starts with a line 'Profile Suite and Label'.");
        if (string.IsNullOrWhiteSpace(suite.Name))
            problems.Add("The suite has no name (the 'Profile Suite and Label' lines name none).");
        foreach (var p in suite.Profiles)
            foreach (var e in p.Errors)
                problems.Add($"Profile '{p.Title}'{(p.SourceLine is { } line ? $" (line {line})" : "")}: {e}");
        foreach (var g in suite.Profiles.GroupBy(p => p.Key).Where(g => g.Count() > 1))
            problems.Add($"Profile '{g.First().Title}' appears {g.Count()} times in the file.");
        return problems;
    }

    public static async Task<JeImportResult> ImportAsync(CadreDbContext db, ProfileSuite suite, string source, string importedBy, CancellationToken cancel = default)
    {
        var problems = Validate(suite);
        if (problems.Count > 0)
            return new(false, problems, $"Nothing was stored: {problems.Count} problem(s) in the file.", 0, 0, 0);

        var reference = JeReference.Default;
        var row = new JeSuite
        {
            Name = Trim(suite.Name, 200), Version = Trim(suite.Version is { Length: > 0 } v ? v : "unversioned", 100),
            ImportedAt = DateTime.UtcNow, ImportedBy = Trim(importedBy, 256), Source = Trim(source, 300), Notes = string.Join("\n", suite.Notes),
        };
        var keys = suite.All.Select(p => p.Key).Distinct().ToList();
        var existing = await db.Set<JeProfile>().Where(p => keys.Contains(p.Key)).ToListAsync(cancel);
        var superseded = 0;
        var position = 0;
        foreach (var profile in suite.All)
        {
            var earlier = existing.Where(e => e.Key == profile.Key).ToList();
            // The new copy replaces whatever was held, current or archived; superseded rows stay as history.
            foreach (var e in earlier.Where(e => e.Status != ProfileStatus.Superseded))
            {
                e.Status = ProfileStatus.Superseded;
                e.StatusNote = $"Superseded by version {row.Version}";
                superseded++;
            }
            var stored = ToRow(profile, reference, row.Version);
            stored.Revision = earlier.Count == 0 ? 1 : earlier.Max(e => e.Revision) + 1;
            stored.Position = position++;
            row.Profiles.Add(stored);
        }
        db.Add(row);
        await db.SaveChangesAsync(cancel);
        var archived = suite.Archived.Count;
        return new(true, [], $"Stored {suite.Name} version {row.Version}: {suite.Profiles.Count} profile(s), {archived} archived, {superseded} earlier version(s) superseded.",
            suite.Profiles.Count, archived, superseded);
    }

    /// <summary>Loads the suites shipped in reference/ that the database does not hold yet (same name and version).</summary>
    public static async Task<int> EnsureSeedAsync(CadreDbContext db, CancellationToken cancel = default)
    {
        var reference = JeReference.Default;
        var loaded = 0;
        foreach (var (file, suiteName, version) in reference.SuiteFiles)
        {
            if (await db.Set<JeSuite>().AnyAsync(s => s.Name == suiteName && s.Version == version, cancel)) continue;
            using var text = new StreamReader(ReferenceFiles.Open("job-evaluation/profiles/" + file));
            var suite = reference.SuiteReader().Read(text, suiteName, version);
            var result = await ImportAsync(db, suite, Shipped + ": NHS Employers national job profiles, " + suiteName + " suite", "cadre (first-run set-up)", cancel);
            if (!result.Succeeded) throw new InvalidOperationException($"The shipped suite {file} could not be loaded: {string.Join(" ", result.Problems)}");
            loaded++;
        }
        return loaded;
    }

    private static JeProfile ToRow(NationalProfile p, JeReference reference, string version)
    {
        var row = new JeProfile
        {
            SuiteName = Trim(p.Suite, 200), Title = Trim(p.Title, 300), Key = Trim(p.Key, 510), Version = Trim(p.Version is { Length: > 0 } v ? v : version, 100),
            Status = p.Status, StatusNote = p.StatusNote is null ? null : Trim(p.StatusNote, 500), JobStatement = p.JobStatement,
            PrintedScore = p.PrintedTotal?.Printed is { } s ? Trim(s, 50) : null,
            PrintedBand = p.PrintedBandText is { } b ? Trim(b, 50) : null,
            BandLow = p.PrintedBand?.Low.Name,
            Warnings = string.Join("\n", p.Warnings),
        };
        if (p.IsScorable)
        {
            var score = reference.Scorer.Score(p.Ranges, p.PrintedBand);
            row.ComputedMin = score.Min;
            row.ComputedMax = score.Max;
            row.ComputedMinBand = score.MinBandName;
            row.ComputedMaxBand = score.MaxBandName;
            row.BandLow ??= score.MinBand?.Name;
            foreach (var (f, i) in p.Factors.Select((f, i) => (f, i)))
                row.Factors.Add(new JeProfileFactor
                {
                    Factor = f.Factor.Number, Levels = Trim(f.Levels.Notation, 100), Descriptor = f.Descriptor,
                    PrintedPoints = f.PrintedPoints?.Printed is { } pp ? Trim(pp, 50) : null,
                    MinPoints = score.Factors[i].MinPoints, MaxPoints = score.Factors[i].MaxPoints,
                });
        }
        return row;
    }

    /// <summary>Rebuilds the engine's profile from a stored row (factors must be loaded), so matching uses the engine's rules.</summary>
    public static NationalProfile ToCore(JeProfile row)
    {
        var reference = JeReference.Default;
        BandSpan? band = null;
        if (row.PrintedBand is { } printed)
            try { band = BandSpan.Parse(printed, reference.Bands); } catch (FormatException) { }
        var factors = row.Factors.OrderBy(f => f.Factor)
            .Select(f => new ProfileFactor(reference.Plan[f.Factor], LevelNotationReader.Read(f.Levels, reference.Plan[f.Factor]), f.Descriptor, PrintedScore.TryParse(f.PrintedPoints)))
            .ToList();
        return new NationalProfile
        {
            Suite = row.SuiteName, Title = row.Title, JobStatement = row.JobStatement, Factors = factors,
            PrintedTotal = PrintedScore.TryParse(row.PrintedScore), PrintedBand = band, PrintedBandText = row.PrintedBand,
            Version = row.Version, Revision = row.Revision, Status = row.Status, StatusNote = row.StatusNote,
            Warnings = row.WarningList, Errors = factors.Count == FactorPlan.FactorCount ? [] : ["Not all 16 factor rows are held."],
        };
    }

    /// <summary>The current, scorable profiles with their rows: what a panel may match against.</summary>
    public static async Task<IReadOnlyList<(JeProfile Row, NationalProfile Profile)>> OfferedForMatchingAsync(CadreDbContext db, CancellationToken cancel = default)
    {
        var rows = await db.Set<JeProfile>().AsNoTracking().Include(p => p.Factors)
            .Where(p => p.Status == ProfileStatus.Current && p.ComputedMin != null)
            .OrderBy(p => p.SuiteName).ThenBy(p => p.Position).ToListAsync(cancel);
        return rows.Select(r => (r, ToCore(r))).Where(x => x.Item2.IsOfferedForMatching).ToList();
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
