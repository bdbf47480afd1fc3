using System.Text;
using Cadre.Core.Coding.Extract;

namespace Cadre.Core.Tests.Coding;

public class CsvTextTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("the \"Clinical Scientist\" title", "\"the \"\"Clinical Scientist\"\" title\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void A_field_in_a_builder_is_written_as_the_same_field_as_a_string(string value, string expected)
    {
        // Built from many small appends so the builder holds several chunks and a quote can sit at a chunk's edge.
        var builder = new StringBuilder(1);
        foreach (var c in value) builder.Append(c);
        var fromBuilder = new StringWriter();
        CsvText.WriteField(fromBuilder, builder);
        var fromString = new StringWriter();
        CsvText.WriteField(fromString, value);
        Assert.Equal(expected, fromBuilder.ToString());
        Assert.Equal(expected, fromString.ToString());
    }
}
