using Cadre.Core.Intelligence;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Intelligence;

/// <summary>
/// The contract between the measures, the reports that compute them and the documentation: every measure registered in
/// <see cref="Measures.All"/> is computed by a report and documented word for word; nothing a report shows is unregistered.
/// </summary>
public sealed class MeasureRegistryTests
{
    private static IReadOnlyList<Report> EveryReport()
    {
        var s = new SnapshotBuilder();
        var trust = s.Organisation("ZA1", "Trust A");
        var physics = s.Department(trust, "Radiotherapy Physics", 'H');
        var person = s.Hold(s.Post(physics, "8c", 1.0m, title: "Consultant Clinical Scientist", code: "UAH", areas: ["Radiotherapy"]), 1.0m, born: 1965);
        s.Enrolments.Add(new(person, TrainingProgramme.Hsst, "Medical Physics", new DateOnly(2024, 1, 2), new DateOnly(2028, 12, 31), TrainingStatus.Active, StudyMode.FullTime));
        s.CodingChecked = true;
        var snapshot = s.Build();
        return [HeadOfServiceReport.Build(snapshot), OrganisationBenchmark.Build(snapshot), ProfessionReport.Build(snapshot),
            Cadre.Core.Surveys.SurveyReport.Build(Surveys.SurveyReportTests.Figures())];
    }

    /// <summary>The measure ids a report computes: its tables' ids and the ids its key figures and findings name.</summary>
    private static IEnumerable<string> Computed(Report report) =>
        report.Tables.Where(t => t.Id != "definitions").SelectMany(t => t.Rows.SelectMany(r => r).OfType<string>().Prepend(t.Id))
            .Where(id => id.StartsWith("INTEL-", StringComparison.Ordinal));

    [Fact]
    public void Every_registered_measure_is_computed_by_a_report()
    {
        var computed = EveryReport().SelectMany(Computed).ToHashSet();
        Assert.Equal(Array.Empty<string>(), Measures.All.Select(m => m.Id).Where(id => !computed.Contains(id)).ToArray());
    }

    [Fact]
    public void Everything_a_report_computes_is_registered()
    {
        var registered = Measures.All.Select(m => m.Id).ToHashSet();
        Assert.Equal(Array.Empty<string>(), EveryReport().SelectMany(Computed).Distinct().Where(id => !registered.Contains(id)).ToArray());
        Assert.All(HeadOfServiceReport.Sections, s => Assert.Contains(s.Measure, Measures.All));
        Assert.Equal(HeadOfServiceReport.Sections.Count, HeadOfServiceReport.Sections.Select(s => s.Measure).Distinct().Count());
    }

    [Fact]
    public void Every_measure_is_documented_with_the_same_name_and_definition()
    {
        var doc = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "workforce-intelligence.md"));
        foreach (var m in Measures.All)
        {
            var line = Assert.Single(doc, l => l.StartsWith($"| {m.Id} | ", StringComparison.Ordinal));
            var cells = line.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
            Assert.Equal(m.Name, cells[1]);
            Assert.Equal(m.Definition, cells[2]);
        }
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
