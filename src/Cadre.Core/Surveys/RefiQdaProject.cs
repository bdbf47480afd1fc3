using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Cadre.Core.Surveys;

/// <summary>A free-text answer as a text source of a coded project: its id, a name, its text, and who gave it in words.</summary>
public sealed record QdaSource(Guid AnswerId, string Name, string Text, string Description);

/// <summary>
/// The coded project in the REFI-QDA exchange format (QDA-XML 1.0, the <c>project.qde</c> inside a <c>.qdpx</c>) that
/// NVivo, ATLAS.ti, MAXQDA and QualCoder read: the analysts as users, the codebook as codes (a child theme inside its
/// parent), each free-text answer as a text source with its content inline, and each analyst's coding of it as a
/// selection over the whole answer coded with the theme. Checked against the schema in reference/surveys.
/// </summary>
public static class RefiQdaProject
{
    public static readonly XNamespace Ns = "urn:QDA-XML:project:1.0";
    public const string EntryName = "project.qde";
    public const string SchemaFile = "surveys/refi-qda-project-1.0.xsd";

    public static XDocument Build(string name, DateTimeOffset created, IReadOnlyList<ThemeSpec> themes, IReadOnlyList<QdaSource> sources, IReadOnlyList<ThemeCodingRow> codings)
    {
        var analysts = codings.Select(c => c.Analyst).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var when = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var project = new XElement(Ns + "Project",
            new XAttribute("name", name),
            new XAttribute("origin", "Cadre"),
            new XAttribute("creationDateTime", when));
        if (analysts.Count > 0)
            project.Add(new XElement(Ns + "Users", analysts.Select(a => new XElement(Ns + "User", new XAttribute("guid", UserGuid(a)), new XAttribute("name", a)))));
        if (themes.Count > 0)
            project.Add(new XElement(Ns + "CodeBook", new XElement(Ns + "Codes", themes.Where(t => t.ParentId is null || themes.All(p => p.Id != t.ParentId)).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(t => Code(t, themes)))));
        var known = themes.Select(t => t.Id).ToHashSet();
        var byAnswer = codings.Where(c => known.Contains(c.ThemeId)).ToLookup(c => c.AnswerId);
        if (sources.Count > 0)
            project.Add(new XElement(Ns + "Sources", sources.Select(s => Source(s, byAnswer[s.AnswerId].ToList(), when))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), project);
    }

    private static XElement Code(ThemeSpec theme, IReadOnlyList<ThemeSpec> all)
    {
        var code = new XElement(Ns + "Code", new XAttribute("guid", theme.Id), new XAttribute("name", theme.Name), new XAttribute("isCodable", "true"));
        if (!string.IsNullOrWhiteSpace(theme.Definition)) code.Add(new XElement(Ns + "Description", theme.Definition));
        code.Add(all.Where(c => c.ParentId == theme.Id).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(c => Code(c, all)));
        return code;
    }

    private static XElement Source(QdaSource s, IReadOnlyList<ThemeCodingRow> codings, string when)
    {
        var source = new XElement(Ns + "TextSource", new XAttribute("guid", s.AnswerId), new XAttribute("name", s.Name), new XAttribute("creationDateTime", when),
            new XElement(Ns + "Description", s.Description),
            new XElement(Ns + "PlainTextContent", s.Text));
        // Positions count Unicode characters (code points), as the REFI-QDA standard counts them, not UTF-16 units.
        var length = s.Text.EnumerateRunes().Count();
        foreach (var analyst in codings.GroupBy(c => c.Analyst, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            var user = UserGuid(analyst.Key);
            source.Add(new XElement(Ns + "PlainTextSelection",
                new XAttribute("guid", Derived($"{s.AnswerId}|{analyst.Key}")),
                new XAttribute("name", s.Name),
                new XAttribute("startPosition", 0),
                new XAttribute("endPosition", length),
                new XAttribute("creatingUser", user),
                analyst.Select(c => new XElement(Ns + "Coding",
                    new XAttribute("guid", Derived($"{s.AnswerId}|{analyst.Key}|{c.ThemeId}")),
                    new XAttribute("creatingUser", user),
                    new XElement(Ns + "CodeRef", new XAttribute("targetGUID", c.ThemeId))))));
        }
        return source;
    }

    /// <summary>An analyst's id in the project, the same in every export so a tool can merge two exports of one project.</summary>
    public static Guid UserGuid(string analyst) => Derived("user|" + analyst.ToLowerInvariant());

    private static Guid Derived(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16));
    }
}
