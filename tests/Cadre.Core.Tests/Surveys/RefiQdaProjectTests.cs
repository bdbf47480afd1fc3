using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Cadre.Core.Surveys;

namespace Cadre.Core.Tests.Surveys;

/// <summary>The coded project as REFI-QDA's project.qde, checked against the published schema (QDA-XML 1.0).</summary>
public sealed class RefiQdaProjectTests
{
    internal static XmlSchemaSet Schema()
    {
        var set = new XmlSchemaSet();
        using var stream = ReferenceFiles.Open(RefiQdaProject.SchemaFile);
        set.Add(XmlSchema.Read(stream, null)!);
        set.Compile();
        return set;
    }

    /// <summary>Every error the schema finds (none for a valid document).</summary>
    internal static List<string> Validate(XDocument document)
    {
        var errors = new List<string>();
        document.Validate(Schema(), (_, e) => errors.Add(e.Message));
        return errors;
    }

    [Fact]
    public void A_coded_project_is_valid_against_the_schema_with_users_codes_sources_and_codings()
    {
        var parent = new ThemeSpec(Guid.NewGuid(), "Training", "About the programme", null);
        var child = new ThemeSpec(Guid.NewGuid(), "Supervision", "Time with a supervisor", parent.Id);
        var answer = Guid.NewGuid();
        var document = RefiQdaProject.Build("HSST survey", new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), [parent, child],
            [new QdaSource(answer, "responses.csv row 2: Why", "My supervisor 😀 had no time", "Specialism: Radiotherapy Physics")],
            [new(answer, child.Id, "ana@a.test"), new(answer, parent.Id, "ben@a.test")]);

        Assert.Empty(Validate(document));
        var ns = RefiQdaProject.Ns;
        Assert.Equal(2, document.Descendants(ns + "User").Count());
        // The child theme sits inside its parent in the codebook.
        Assert.Equal("Supervision", document.Descendants(ns + "Code").Single(c => (string)c.Attribute("name")! == "Training").Element(ns + "Code")!.Attribute("name")!.Value);
        var selections = document.Descendants(ns + "PlainTextSelection").ToList();
        Assert.Equal(2, selections.Count); // one per analyst
        // Positions count characters as people do: the emoji is one, though two UTF-16 units.
        Assert.Equal("27", selections[0].Attribute("endPosition")!.Value);
        Assert.Equal(child.Id.ToString(), selections.Single(s => s.Attribute("creatingUser")!.Value == RefiQdaProject.UserGuid("ana@a.test").ToString())
            .Descendants(ns + "CodeRef").Single().Attribute("targetGUID")!.Value);
    }

    [Fact]
    public void A_project_the_schema_refuses_is_caught()
    {
        var document = RefiQdaProject.Build("Empty", DateTimeOffset.UnixEpoch, [], [], []);
        Assert.Empty(Validate(document));
        // A code without its required isCodable attribute is refused: the check can fail.
        document.Root!.Add(new XElement(RefiQdaProject.Ns + "CodeBook", new XElement(RefiQdaProject.Ns + "Codes",
            new XElement(RefiQdaProject.Ns + "Code", new XAttribute("guid", Guid.NewGuid()), new XAttribute("name", "x")))));
        Assert.NotEmpty(Validate(document));
    }
}
