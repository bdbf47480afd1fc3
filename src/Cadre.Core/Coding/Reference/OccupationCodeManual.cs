using Cadre.Core.Coding.Extract;

namespace Cadre.Core.Coding.Reference;

/// <summary>One code as a manual version lists it.</summary>
public sealed record CodeListEntry(OccupationCode Code, string Title, string LevelName, string ThemeName, bool Valid, string StaffGroup, string Source);

/// <summary>A version of the NHS Occupation Code Manual and the U-matrix it publishes, in force from <see cref="ValidFrom"/>.</summary>
public sealed class ManualVersion
{
    private readonly Dictionary<string, CodeListEntry> _uMatrix;

    public ManualVersion(string name, DateOnly validFrom, string source, IEnumerable<CodeListEntry> uMatrix)
    {
        Name = name;
        ValidFrom = validFrom;
        Source = source;
        _uMatrix = uMatrix.ToDictionary(e => e.Code.Value, StringComparer.Ordinal);
    }

    public string Name { get; }
    public DateOnly ValidFrom { get; }
    public string Source { get; }
    public IReadOnlyCollection<CodeListEntry> UMatrix => _uMatrix.Values;

    public CodeListEntry? FindU(OccupationCode code) => _uMatrix.GetValueOrDefault(code.Value);

    /// <summary>True when the U-matrix of this version has the level for the theme (the matrix is not a full grid).</summary>
    public bool Offers(char level, char theme) => _uMatrix.TryGetValue(OccupationCode.HealthcareValue(level, theme), out var e) && e.Valid;

    public string ThemeName(char theme) => _uMatrix.Values.FirstOrDefault(e => e.Code.Theme == theme)?.ThemeName ?? theme.ToString();
}

/// <summary>How a code stands in the manual version in force on a date.</summary>
public enum CodeStanding { Valid, Retired, NotInThisVersion, Unknown }

public sealed record CodeLookup(OccupationCode Code, CodeStanding Standing, string Title, ManualVersion Version, string StaffGroup);

/// <summary>
/// All manual versions Cadre holds, plus the non-U codes a recode meets (retired T matrix, S and G codes).
/// A code is judged against the version in force on the date asked about.
/// </summary>
public sealed class OccupationCodeManual
{
    private readonly List<ManualVersion> _versions;
    private readonly Dictionary<string, CodeListEntry> _otherCodes;

    public OccupationCodeManual(IEnumerable<ManualVersion> versions, IEnumerable<CodeListEntry> otherCodes)
    {
        _versions = versions.OrderBy(v => v.ValidFrom).ToList();
        _otherCodes = otherCodes.GroupBy(c => c.Code.Value).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<ManualVersion> Versions => _versions;

    public ManualVersion InForceOn(DateOnly date)
    {
        for (var i = _versions.Count - 1; i >= 0; i--)
            if (_versions[i].ValidFrom <= date) return _versions[i];
        return _versions[0];
    }

    public ManualVersion Version(string name) =>
        _versions.FirstOrDefault(v => v.Name == name) ?? throw new ArgumentException($"No manual version '{name}'.");

    // A recode looks the same few dozen codes up a million times; remember each answer per version (bounded).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Code, ManualVersion Version), CodeLookup> _looks = new();

    public CodeLookup Look(OccupationCode code, DateOnly on)
    {
        var version = InForceOn(on);
        if (_looks.TryGetValue((code.Value, version), out var cached)) return cached;
        var look = LookUncached(code, version);
        if (_looks.Count < 4_096) _looks.TryAdd((code.Value, version), look);
        return look;
    }

    private CodeLookup LookUncached(OccupationCode code, ManualVersion version)
    {
        if (code.IsHealthcareScience)
        {
            var entry = version.FindU(code);
            if (entry is not null) return new(code, entry.Valid ? CodeStanding.Valid : CodeStanding.Retired, entry.Title, version, entry.StaffGroup);
            // Known to another version: introduced later or dropped earlier.
            var elsewhere = _versions.Select(v => v.FindU(code)).FirstOrDefault(e => e is not null);
            return elsewhere is null
                ? new(code, CodeStanding.Unknown, "", version, "")
                : new(code, CodeStanding.NotInThisVersion, elsewhere.Title, version, elsewhere.StaffGroup);
        }
        return _otherCodes.TryGetValue(code.Value, out var other)
            ? new(code, other.Valid ? CodeStanding.Valid : CodeStanding.Retired, other.Title, version, other.StaffGroup)
            : new(code, CodeStanding.Unknown, "", version, "");
    }

    public string Title(OccupationCode code, DateOnly on)
    {
        var look = Look(code, on);
        return look.Title;
    }

    internal static CodeListEntry EntryFrom(Dictionary<string, string> row, string titleKey, string statusKey, string staffGroupKey, string source)
    {
        var code = OccupationCode.Parse(row["code"]);
        var status = statusKey.Length == 0 ? "Valid" : row.GetValueOrDefault(statusKey, "Valid");
        return new CodeListEntry(code, row.GetValueOrDefault(titleKey, ""), row.GetValueOrDefault("level_name", ""),
            row.GetValueOrDefault("theme_name", ""), !status.Equals("Retired", StringComparison.OrdinalIgnoreCase),
            row.GetValueOrDefault(staffGroupKey, ""), row.GetValueOrDefault("source", source));
    }

    internal static IEnumerable<CodeListEntry> ReadCodes(TextReader reader, string titleKey, string statusKey, string staffGroupKey, string source) =>
        CsvText.ReadTable(reader).Select(r => EntryFrom(r, titleKey, statusKey, staffGroupKey, source)).ToList();
}
