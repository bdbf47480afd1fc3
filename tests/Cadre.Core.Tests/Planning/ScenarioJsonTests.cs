using Cadre.Core.Planning;

namespace Cadre.Core.Tests.Planning;

public class ScenarioJsonTests
{
    private const string Good = """
    { "name": "x", "startYear": 2025, "years": 5, "targetYear": 2030,
      "segments": [ { "name": "CS", "establishmentWte": 10, "staffInPost": [ { "headcount": 10, "wte": 9 } ] } ] }
    """;

    [Theory]
    [InlineData("\"name\": \"x\",", "", "name")]
    [InlineData("\"years\": 5", "\"years\": 50", "years")]
    [InlineData("\"targetYear\": 2030", "\"targetYear\": 2040", "targetYear")]
    [InlineData("\"targetYear\": 2030", "\"targetYear\": 2027", "targetYear")] // STP started 2026 ends 2029
    [InlineData("\"wte\": 9", "\"wte\": 11", "segments[0].staffInPost[0].wte")]
    [InlineData("\"wte\": 9", "\"wte\": \"nine\"", "segments[0].staffInPost[0].wte")]
    [InlineData("\"establishmentWte\": 10,", "", "segments[0].establishmentWte")]
    [InlineData("\"name\": \"CS\",", "\"name\": \"CS\", \"band\": \"8e\",", "segments[0].band")]
    [InlineData("\"name\": \"CS\",", "\"name\": \"CS\", \"commissionProgramme\": \"HSSE\",", "segments[0].commissionProgramme")]
    [InlineData("\"name\": \"CS\",", "\"name\": \"CS\", \"intake\": [ { \"programme\": \"STP\", \"year\": 2026, \"trainees\": -1 } ],", "segments[0].intake[0].trainees")]
    [InlineData("\"name\": \"CS\",", "\"name\": \"CS\", \"intake\": [ { \"programme\": \"MSc\", \"year\": 2026, \"trainees\": 1 } ],", "segments[0].intake[0].programme")]
    [InlineData("\"name\": \"CS\",", "\"name\": \"CS\", \"intake\": [ { \"programme\": \"STP\", \"year\": 2020, \"trainees\": 1 } ],", "segments[0].intake")]
    [InlineData("\"years\": 5,", "\"years\": 5, \"assumptions\": { \"PLAN-LEAVERS-01\": 8 },", "assumptions.PLAN-LEAVERS-01")]
    [InlineData("\"years\": 5,", "\"years\": 5, \"assumptions\": { \"PLAN-TURNOVER\": 0.1 },", "assumptions.PLAN-TURNOVER")]
    [InlineData("\"years\": 5,", "\"years\": 5, \"assumptions\": { \"PLAN-WDR-STP\": { \"value\": 0.1, \"low\": 0.2 } },", "assumptions.PLAN-WDR-STP")]
    [InlineData("\"name\": \"CS\",", "\"name\": \"CS\", \"assumptions\": { \"PLAN-RETIRE-01\": 99 },", "segments[0].assumptions.PLAN-RETIRE-01")]
    [InlineData("\"years\": 5,", "\"years\": 5, \"assumptions\": { \"PLAN-DUR-STP\": { \"value\": 3, \"low\": 3, \"high\": 5 } },", "assumptions.PLAN-DUR-STP")]
    public void Bad_scenarios_name_the_field(string find, string replace, string field)
    {
        Assert.Contains(find, Good);
        var ex = Assert.Throws<ScenarioException>(() => ScenarioJson.Parse(Good.Replace(find, replace)));
        Assert.Equal(field, ex.Field);
        Assert.StartsWith(field + ": ", ex.Message);
    }

    [Fact]
    public void Not_json_is_one_plain_error()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioJson.Parse("{ name: "));
        Assert.Equal("scenario", ex.Field);
    }

    [Fact]
    public void Overrides_replace_defaults_scenario_then_segment()
    {
        var s = ScenarioJson.Parse(Good
            .Replace("\"years\": 5,", "\"years\": 5, \"assumptions\": { \"PLAN-LEAVERS-01\": { \"value\": 0.1, \"low\": 0.05, \"high\": 0.12, \"source\": \"ESR 2024/25\" }, \"PLAN-RETIRE-01\": 63 },")
            .Replace("\"name\": \"CS\",", "\"name\": \"CS\", \"assumptions\": { \"PLAN-RETIRE-01\": 60 },"));
        var a = s.AssumptionsFor(s.Segments[0]);
        Assert.Equal(0.1, a["PLAN-LEAVERS-01"].Value);
        Assert.Equal("ESR 2024/25", a["PLAN-LEAVERS-01"].Source);
        Assert.True(a["PLAN-LEAVERS-01"].Overridden);
        Assert.True(a["PLAN-LEAVERS-01"].Uncertain);
        Assert.Equal(60, a["PLAN-RETIRE-01"].Value);
        Assert.False(a["PLAN-RETIRE-01"].Uncertain); // a bare number is a point value
        Assert.False(a["PLAN-WDR-HSST"].Overridden);
    }

    [Fact]
    public void The_shipped_example_parses()
    {
        var s = ScenarioJson.Parse(ReferenceFiles.ReadAllText("planning/examples/medical-physics.json"));
        Assert.True(s.Segments.Count >= 2);
    }
}
