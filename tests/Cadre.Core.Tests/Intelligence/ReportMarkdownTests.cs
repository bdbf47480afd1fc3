using Cadre.Core.Intelligence;

namespace Cadre.Core.Tests.Intelligence;

public sealed class ReportMarkdownTests
{
    [Fact]
    public void Tables_become_pipe_tables_and_cell_text_cannot_break_them()
    {
        var report = new Report("x", "Test", "Trust A", new DateOnly(2026, 6, 30), true,
            [new ReportTable(Measures.Headcount.Id, "Headcount", ["Department", "Headcount"], [["Physics | Engineering", "*"], ["Audiology", 12], ["Imaging", 1.50m]])]);
        var md = ReportMarkdown.Write(report);
        Assert.Contains("# Test", md);
        Assert.Contains("Trust A, as at 30 June 2026.", md);
        Assert.Contains("## Headcount (INTEL-EST-07)", md);
        Assert.Contains("| Department | Headcount |\n| --- | --- |".Replace("\n", Environment.NewLine), md);
        Assert.Contains("| Physics \\| Engineering | \\* |", md);
        Assert.Contains("| Audiology | 12 |", md);
        Assert.Contains("| Imaging | 1.5 |", md);
    }
}

public sealed class MeasureDocumentationTests
{
    [Fact]
    public void Every_measure_is_defined_once_with_a_unique_id_and_documented()
    {
        Assert.Equal(Measures.All.Count, Measures.All.Select(m => m.Id).Distinct().Count());
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "workforce-intelligence.md"));
        foreach (var m in Measures.All) Assert.Contains($"| {m.Id} | ", doc);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}

public sealed class ReportMarkdownHtmlTests
{
    [Fact]
    public void Html_and_links_in_names_are_written_as_text_not_markup()
    {
        var report = new Report("x", "<script>alert(1)</script>", "Trust <b>A</b> & co", new DateOnly(2026, 6, 30), false,
            [new ReportTable(Measures.Headcount.Id, "Headcount", ["Department", "Headcount"], [["<img src=x onerror=alert(1)>", 3], ["[click](javascript:alert(1))", 1]])]);
        var md = ReportMarkdown.Write(report);
        Assert.DoesNotContain("<script>", md);
        Assert.DoesNotContain("<img", md);
        Assert.DoesNotContain("<b>", md);
        Assert.Contains("# &lt;script&gt;alert(1)&lt;/script&gt;", md);
        Assert.Contains("Trust &lt;b&gt;A&lt;/b&gt; &amp; co", md);
        Assert.Contains("| \\[click\\](javascript:alert(1)) | 1 |", md);
    }
}
