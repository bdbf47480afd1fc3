using Cadre.Core.Coding.Extract;

namespace Cadre.Cli.Tests.Coding;

public class CodeCommandTests
{
    private const string Header = "post_id,role,title,department,pay_band,wte,current_code,current_area_of_work,entry_requirement,specialist,trainee_programme,manages_department,direct_hcs_pct,requires_hcs_qualification,consultant_appointment,activities,registrations";
    private const string GoodRow = "P1,physicist,Clinical Scientist,Medical Physics,7,1.0,U2H,Radiotherapy Physics,clinical_scientist,no,none,no,,yes,none,Radiotherapy Physics:100,HCPC Clinical Scientist";

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        return CsvText.ReadTable(reader);
    }

    [Fact]
    public void Good_file_writes_one_row_per_role_with_the_contract_columns()
    {
        using var s = new Scratch();
        var output = s.Path("out.csv");
        var r = CadreProcess.Run("code", CadreProcess.Fixture("demo-extract.csv"), "--out", output, "--on", "2026-01-01");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("post_id,role,wte,current_code,proposed_code,proposed_area_of_work,status,rules,reason", File.ReadLines(output).First());
        var rows = ReadCsv(output);
        Assert.Equal(20, rows.Count);
        var vascular = rows.Single(x => x["post_id"] == "MP001");
        Assert.Equal("U2E", vascular["proposed_code"]);
        Assert.Equal("Vascular Science", vascular["proposed_area_of_work"]);
        Assert.Equal("recode", vascular["status"]);
        Assert.Contains("ESR-THEME-01", vascular["rules"]);
        Assert.Equal("U4J", rows.Single(x => x["post_id"] == "CE014")["proposed_code"]);
        Assert.Equal("G1C", rows.Single(x => x["post_id"] == "MP022")["proposed_code"]);
        Assert.Equal(["U2H", "U2H"], rows.Where(x => x["post_id"] == "MP050").Select(x => x["proposed_code"]));
        Assert.Equal(["0.6", "0.4"], rows.Where(x => x["post_id"] == "MP050").Select(x => x["wte"]));
        Assert.All(rows, x => Assert.Contains(x["status"], new[] { "unchanged", "recode", "review" }));
        Assert.Contains("20 roles", r.Stdout);
    }

    [Fact]
    public void Report_writes_summary_moves_causes_review_and_esr_changes()
    {
        using var s = new Scratch();
        var report = s.Path("report");
        var r = CadreProcess.Run("code", CadreProcess.Fixture("demo-extract.csv"), "--out", s.Path("out.csv"), "--report", report, "--on", "2026-01-01");
        Assert.True(r.ExitCode == 0, r.Stderr);
        foreach (var f in new[] { "summary.txt", "codes.csv", "moves.csv", "causes.csv", "review.csv", "esr-changes.csv" })
            Assert.True(File.Exists(Path.Combine(report, f)), f);
        var summary = File.ReadAllText(Path.Combine(report, "summary.txt"));
        Assert.Contains("Miscoded", summary);
        Assert.Contains("wrong theme", summary);
        var codes = ReadCsv(Path.Combine(report, "codes.csv"));
        Assert.Contains(codes, x => x["code"] == "U2E" && x["roles_before"] == "0" && x["roles_after"] == "1");
        var esr = ReadCsv(Path.Combine(report, "esr-changes.csv"));
        Assert.Contains(esr, x => x["post_id"] == "MP001" && x["new_occupation_code"] == "U2E" && x["new_area_of_work"] == "Vascular Science");
        Assert.DoesNotContain(esr, x => x["post_id"] == "MP080"); // review rows wait for a person
        Assert.Equal(string.Join(",", EsrChangeCsv.Columns), File.ReadLines(Path.Combine(report, "esr-changes.csv")).First());
        Assert.Contains(ReadCsv(Path.Combine(report, "review.csv")), x => x["post_id"] == "MP080" && x["what_to_check"].Contains("ESR-TITLE-01"));
    }

    private static CadreProcess.Result RunBad(Scratch s, string content, out string output)
    {
        var input = s.Path("in.csv");
        File.WriteAllText(input, content);
        output = s.Path("out.csv");
        return CadreProcess.Run("code", input, "--out", output, "--report", s.Path("report"));
    }

    private static void AssertRefused(Scratch s, CadreProcess.Result r, string output)
    {
        Assert.NotEqual(0, r.ExitCode);
        Assert.False(File.Exists(output), "no output file on a refused extract");
        Assert.False(Directory.Exists(s.Path("report")), "no report on a refused extract");
        Assert.Empty(Directory.GetFiles(s.Dir, "*.tmp", SearchOption.AllDirectories));
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
        Assert.Contains("refused", r.Stderr);
    }

    [Fact]
    public void Wte_that_is_not_a_number_is_refused_with_row_column_and_value()
    {
        using var s = new Scratch();
        var r = RunBad(s, Header + "\n" + GoodRow + "\n" + GoodRow.Replace(",7,1.0,", ",7,full-time,") + "\n", out var output);
        AssertRefused(s, r, output);
        Assert.Contains("row 3, column wte, value 'full-time'", r.Stderr);
        Assert.Contains("expected a positive number", r.Stderr);
    }

    [Theory]
    [InlineData("clinical_scientist,no,none", "doctor,no,none", "entry_requirement", "doctor")]
    [InlineData(",no,none,no,,yes,", ",maybe,none,no,,yes,", "specialist", "maybe")]
    [InlineData("no,none,no,,yes,none", "no,MSc,no,,yes,none", "trainee_programme", "MSc")]
    [InlineData("yes,none,Radio", "yes,interview,Radio", "consultant_appointment", "interview")]
    [InlineData(",7,1.0,", ",Band 10,1.0,", "pay_band", "Band 10")]
    public void Unknown_enumeration_values_are_refused(string from, string to, string column, string value)
    {
        using var s = new Scratch();
        var row = GoodRow.Replace(from, to);
        Assert.NotEqual(GoodRow, row);
        var r = RunBad(s, Header + "\n" + row + "\n", out var output);
        AssertRefused(s, r, output);
        Assert.Contains($"row 2, column {column}, value '{value}'", r.Stderr);
        Assert.Contains("expected", r.Stderr);
    }

    [Fact]
    public void Activities_not_summing_to_100_are_refused()
    {
        using var s = new Scratch();
        var r = RunBad(s, Header + "\n" + GoodRow.Replace("Radiotherapy Physics:100", "Radiotherapy Physics:60;Radiation Safety:30") + "\n", out var output);
        AssertRefused(s, r, output);
        Assert.Contains("row 2, column activities", r.Stderr);
        Assert.Contains("add up to 90", r.Stderr);
    }

    [Fact]
    public void Unknown_service_is_refused_with_the_nearest_names()
    {
        using var s = new Scratch();
        var r = RunBad(s, Header + "\n" + GoodRow.Replace("Radiotherapy Physics:100", "Radiotherapy Phisics:100") + "\n", out var output);
        AssertRefused(s, r, output);
        Assert.Contains("row 2, column activities, value 'Radiotherapy Phisics'", r.Stderr);
        Assert.Contains("unknown service", r.Stderr);
        Assert.Contains("Radiotherapy Physics", r.Stderr);
    }

    [Fact]
    public void Missing_column_is_refused()
    {
        using var s = new Scratch();
        var header = Header.Replace(",registrations", "");
        var row = GoodRow[..GoodRow.LastIndexOf(',')];
        var r = RunBad(s, header + "\n" + row + "\n", out var output);
        AssertRefused(s, r, output);
        Assert.Contains("column registrations", r.Stderr);
        Assert.Contains("missing", r.Stderr);
    }

    [Fact]
    public void Every_problem_in_the_file_is_printed_not_just_the_first()
    {
        using var s = new Scratch();
        var rows = new[]
        {
            GoodRow,
            GoodRow.Replace(",7,1.0,", ",7,abc,"),
            GoodRow.Replace("clinical_scientist,no", "scientist,no"),
            GoodRow.Replace("Radiotherapy Physics:100", "Radiotherapy Physics:50"),
            GoodRow.Replace("Radiotherapy Physics:100", "Bowling:100"),
            GoodRow,
        };
        var r = RunBad(s, Header + "\n" + string.Join("\n", rows) + "\n", out var output);
        AssertRefused(s, r, output);
        Assert.Contains("row 3, column wte", r.Stderr);
        Assert.Contains("row 4, column entry_requirement", r.Stderr);
        Assert.Contains("row 5, column activities", r.Stderr);
        Assert.Contains("row 6, column activities, value 'Bowling'", r.Stderr);
        Assert.Contains("4 problems in 4 rows", r.Stderr);
    }

    [Fact]
    public void A_refused_file_leaves_an_existing_output_untouched()
    {
        using var s = new Scratch();
        var output = s.Path("out.csv");
        File.WriteAllText(output, "previous run");
        var input = s.Path("in.csv");
        File.WriteAllText(input, Header + "\n" + GoodRow.Replace(",7,1.0,", ",7,x,") + "\n");
        var r = CadreProcess.Run("code", input, "--out", output);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("previous run", File.ReadAllText(output));
    }

    [Fact]
    public void Forgiving_service_names_and_quoted_fields_are_accepted()
    {
        using var s = new Scratch();
        var input = s.Path("in.csv");
        File.WriteAllText(input, Header + "\n" +
            "P2,\"Physicist, non-ionising\",Clinical Scientist,Medical Physics,Band 7,1,,,Clinical Scientist,No,None,No,,Yes,None,\" uv and pulsed LIGHT sources :60; Ultrasound:40\",HCPC Clinical Scientist\n");
        var output = s.Path("out.csv");
        var r = CadreProcess.Run("code", input, "--out", output);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var row = ReadCsv(output).Single();
        Assert.Equal("Physicist, non-ionising", row["role"]);
        Assert.Equal("U2H", row["proposed_code"]);
        Assert.Equal("Non-ionising Radiation", row["proposed_area_of_work"]);
    }

    [Fact]
    public void Missing_input_file_is_a_plain_error()
    {
        using var s = new Scratch();
        var r = CadreProcess.Run("code", s.Path("nope.csv"), "--out", s.Path("out.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot find", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}
