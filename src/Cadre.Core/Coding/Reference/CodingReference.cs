using System.Globalization;
using Cadre.Core.Coding.Extract;

namespace Cadre.Core.Coding.Reference;

/// <summary>
/// Every fact the coding rules use, read once from the files under <c>reference/occupation-codes/</c> compiled into
/// Cadre.Core. Immutable after loading, so one instance serves every request and thread.
/// </summary>
public sealed class CodingReference
{
    private const string Folder = "occupation-codes/";
    private static readonly Lazy<CodingReference> LazyDefault = new(Load);

    private CodingReference(OccupationCodeManual manual, ServiceCatalogue services, IReadOnlyDictionary<string, char?> titleKeywords,
        IReadOnlyDictionary<char, string> themeNames)
    {
        Manual = manual;
        Services = services;
        TitleKeywords = titleKeywords;
        ThemeNames = themeNames;
    }

    /// <summary>The reference data shipped with this build of Cadre.</summary>
    public static CodingReference Default => LazyDefault.Value;

    public OccupationCodeManual Manual { get; }
    public ServiceCatalogue Services { get; }

    /// <summary>Words in a job title that point to a theme (null: the word is known to point to none), used only to break an exact 50:50.</summary>
    public IReadOnlyDictionary<string, char?> TitleKeywords { get; }

    /// <summary>Theme names of the latest manual (v22.1): A Blood Sciences … M Environmental Sciences.</summary>
    public IReadOnlyDictionary<char, string> ThemeNames { get; }

    /// <summary>
    /// The theme each department name points to, worked out once per spelling (a department repeats on every row of an
    /// extract). Capped by the caller, so memory stays flat.
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, char?> DepartmentThemes { get; } = new(StringComparer.Ordinal);

    private static TextReader Open(string file) => new StreamReader(ReferenceFiles.Open(Folder + file));

    private static List<Dictionary<string, string>> Table(string file)
    {
        using var reader = Open(file);
        return CsvText.ReadTable(reader);
    }

    public static CodingReference Load()
    {
        var versions = new List<ManualVersion>();
        foreach (var row in Table("manual-versions.csv"))
        {
            var file = row["u_matrix_file"];
            List<CodeListEntry> codes;
            using (var reader = Open(file))
                codes = CsvText.ReadTable(reader).Select(r => OccupationCodeManual.EntryFrom(r, "title",
                    r.ContainsKey("status_v22_1") ? "status_v22_1" : "", r.ContainsKey("main_staff_group") ? "main_staff_group" : "staff_group_class",
                    row["source"])).ToList();
            versions.Add(new ManualVersion(row["version"], DateOnly.ParseExact(row["valid_from"], "yyyy-MM-dd", CultureInfo.InvariantCulture), row["source"], codes));
        }

        var others = new List<CodeListEntry>();
        others.AddRange(Table("t-matrix-retired.csv").Select(r => OccupationCodeManual.EntryFrom(r, "title", "status_v22_1", "main_staff_group", "t-matrix-retired.csv")));
        others.AddRange(Table("related-codes.csv").Select(r => OccupationCodeManual.EntryFrom(r, "title", "status_v22_1", "main_staff_group", "related-codes.csv")));
        var manual = new OccupationCodeManual(versions, others);

        var latest = manual.Versions[^1];
        var themeNames = Table("themes.csv").ToDictionary(r => r["theme_char"][0], r => r["theme_name_v22_1"]);

        var services = new ServiceCatalogue();
        var areaRows = Table("areas-of-work.csv");
        var areas = new Dictionary<string, AreaOfWork>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in areaRows)
        {
            var kind = r["kind"] switch { "broad" => AreaKind.Broad, "u-matrix" => AreaKind.UMatrix, _ => AreaKind.Specialism };
            areas[r["area_of_work"]] = new AreaOfWork(r["area_of_work"], r["theme_char"][0], kind, r["source"], r["source_row"]);
        }
        foreach (var r in areaRows)
            if (r["parent_area"].Length > 0) areas[r["area_of_work"]].Parent = areas[r["parent_area"]];

        // Themes outside Medical Physics and Clinical Engineering: the theme itself is the broad area, each specialism a specific one.
        var specialismRows = Table("specialism-themes.csv");
        foreach (var (theme, name) in themeNames)
        {
            if (areas.Values.Any(a => a.Kind == AreaKind.Broad && a.Theme == theme)) continue;
            var broad = specialismRows.FirstOrDefault(s => s["theme_char"][0] == theme && s["specialism"].Equals(name, StringComparison.OrdinalIgnoreCase));
            areas[name] = new AreaOfWork(name, theme, AreaKind.Broad, broad?["source"] ?? "themes.csv (v22.1)", "");
        }
        foreach (var r in specialismRows)
        {
            if (areas.ContainsKey(r["specialism"])) continue;
            var theme = r["theme_char"][0];
            var area = new AreaOfWork(r["specialism"], theme, AreaKind.Specialism, r["source"], "");
            area.Parent = areas.Values.First(a => a.Kind == AreaKind.Broad && a.Theme == theme);
            areas[area.Name] = area;
        }

        var aliases = areaRows.ToDictionary(r => r["area_of_work"], r => Split(r["aliases"]), StringComparer.OrdinalIgnoreCase);
        foreach (var r in specialismRows) aliases[r["specialism"]] = [.. aliases.GetValueOrDefault(r["specialism"], []), .. Split(r["aliases"])];
        foreach (var area in areas.Values) services.AddArea(area, aliases.GetValueOrDefault(area.Name, []));

        foreach (var r in Table("list-of-services.csv"))
            services.AddTarget(new ActivityTarget(r["service"], areas[r["area_of_work"]], null, r["source"], r["source_row"]), Split(r["aliases"]));
        foreach (var r in Table("outside-u-matrix.csv"))
            services.AddTarget(new ActivityTarget(r["activity"], null, OccupationCode.Parse(r["code"]), r["source"], r["source_row"]), Split(r["aliases"]));

        var keywords = Table("title-keywords.csv").ToDictionary(r => r["keyword"].ToLowerInvariant(), r => r["theme_char"].Length > 0 ? r["theme_char"][0] : (char?)null);
        _ = latest;
        return new CodingReference(manual, services, keywords, themeNames);
    }

    private static string[] Split(string text) =>
        text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
