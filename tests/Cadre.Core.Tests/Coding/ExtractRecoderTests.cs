using System.Text;
using Cadre.Core.Coding;
using Cadre.Core.Coding.Extract;

namespace Cadre.Core.Tests.Coding;

public class ExtractRecoderTests
{
    private const string Header = "post_id,role,title,department,pay_band,wte,current_code,current_area_of_work,entry_requirement,specialist,trainee_programme,manages_department,direct_hcs_pct,requires_hcs_qualification,consultant_appointment,activities,registrations";

    // Job descriptions repeated down the extract with different posts, WTEs and current coding, and two-role posts,
    // so the memo of assessments and rendered rows is exercised.
    private static string Extract(int rows)
    {
        string[] jds =
        [
            "Clinical Scientist,Medical Physics,7,{0},{1},clinical_scientist,no,none,no,,yes,none,Radiotherapy Physics:100,HCPC Clinical Scientist",
            "Clinical Scientist (Vascular),Medical Physics,7,{0},{1},clinical_scientist,no,none,no,,yes,none,Vascular Science:100,HCPC Clinical Scientist",
            "Clinical Engineer,Clinical Engineering,7,{0},{1},clinical_scientist,no,none,no,,yes,none,EBME:50;Radiation Safety:50,HCPC Clinical Scientist",
            "Consultant Clinical Scientist,Medical Physics,8d,{0},{1},consultant,yes,none,yes,40,yes,peer_review,Nuclear Medicine:60;PET Imaging:40,HCPC Clinical Scientist;HSSR",
            "Healthcare Science Assistant,Medical Physics,5,{0},{1},assistant,no,none,no,,yes,none,Nuclear Medicine:100,",
            "Imaging physicist,Medical Physics,7,{0},{1},clinical_scientist,no,none,no,,yes,none,Mammography:30;CT:30;Fluoroscopy:20;DEXA:20,",
        ];
        string[] codes = ["U2H", "T1Q", "", "U2E", "S4F", "UAH"];
        string[] areas = ["Radiotherapy Physics", "", "Medical Physics", "Vascular Science"];
        var sb = new StringBuilder(Header).Append('\n');
        var post = 0;
        for (var i = 0; i < rows; i++)
        {
            var second = i % 7 == 3;
            if (!second) post++;
            var jd = string.Format(jds[(i * 7 + i / 5) % jds.Length], codes[i % codes.Length], areas[(i / 3) % areas.Length]);
            sb.Append($"P{post},{(second ? "second" : "main")},{jd.Split(',')[0]},").Append(string.Join(',', jd.Split(',').Skip(1).Take(2)))
              .Append(second ? ",0.4," : ",1.0,").Append(string.Join(',', jd.Split(',').Skip(3))).Append('\n');
        }
        return sb.ToString();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Memoised_streaming_recode_gives_the_same_decisions_as_coding_each_post(bool parallel)
    {
        var text = Extract(3_000);
        var output = new StringWriter();
        var outcome = new ExtractRecoder(CodingEngine.Default, Roles.Today, parallel).Run(new StringReader(text), output, null, null, p => Assert.Fail(p.ToString()));
        Assert.False(outcome.Refused);

        var roles = new List<PostRole>();
        var reader = new ExtractReader(new StringReader(text), CodingEngine.Default.Reference.Services);
        Assert.Empty(reader.ReadHeader());
        while (reader.ReadNext(out var row)) roles.Add(row.Role!);
        var expected = roles.GroupBy(r => r.PostId).SelectMany(g => CodingEngine.Default.DecidePost(g.ToList(), Roles.Today)).ToList();

        var actual = CsvText.ReadTable(new StringReader(output.ToString()));
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].PostId, actual[i]["post_id"]);
            Assert.Equal(expected[i].Wte.ToString(System.Globalization.CultureInfo.InvariantCulture), actual[i]["wte"]);
            Assert.Equal(expected[i].ProposedCode?.Value ?? "", actual[i]["proposed_code"]);
            Assert.Equal(expected[i].ProposedAreaOfWork, actual[i]["proposed_area_of_work"]);
            Assert.Equal(DecisionCsv.StatusText(expected[i].Status), actual[i]["status"]);
            Assert.Equal(expected[i].Reason, actual[i]["reason"]);
        }
        Assert.Equal(expected.Count, outcome.Summary.Roles);
        Assert.Equal(expected.Count(d => d.Status == CodingStatus.Review), outcome.Summary.Review);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Deciders_side_by_side_write_what_one_thread_writes_in_file_order(int deciders)
    {
        // 5,000 rows (about ten batches) with one post of 150 roles in the middle: longer than a batch's cut point and than
        // a decider's 64-role split, so batch boundaries fall inside it.
        var lines = Extract(5_000).TrimEnd('\n').Split('\n').ToList();
        var longPost = Enumerable.Range(0, 150).Select(i => System.Text.RegularExpressions.Regex.Replace(lines[1 + i % 40], "^P[0-9]+,", "PLONG,"));
        lines.InsertRange(2_000, longPost);
        var text = string.Join('\n', lines) + "\n";

        string Run(bool parallel, int workers, out RecodeOutcome outcome)
        {
            var decisions = new StringWriter();
            var review = new StringWriter();
            var esr = new StringWriter();
            outcome = new ExtractRecoder(CodingEngine.Default, Roles.Today, parallel, workers).Run(new StringReader(text), decisions, review, esr, p => Assert.Fail(p.ToString()));
            return decisions + "\u0000" + review + "\u0000" + esr;
        }

        var expected = Run(false, 1, out var one);
        var actual = Run(true, deciders, out var many);
        Assert.Equal(5_150, one.Summary.Roles);
        Assert.Equal(expected, actual);
        Assert.Equal(one.Summary.ToText("x"), many.Summary.ToText("x"));
        Assert.Contains("PLONG,", actual);
    }

    [Fact]
    public void An_extract_of_all_different_job_descriptions_stops_memoising_and_still_codes_every_row_as_coded_alone()
    {
        // 40,000 rows, each its own job description (split, band and title vary), then rows repeating the first ones:
        // past 32,768 rows with almost no repeats the reader stops keeping job descriptions; nothing it decides changes.
        string[] bands = ["5", "6", "7", "8a", "8b"];
        var sb = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 40_000; i++)
        {
            var j = i % 38_000;
            var p = 1 + j % 99;
            sb.Append($"P{i},main,Clinical Scientist {j / 495},Medical Physics,{bands[j / 99 % 5]},1.0,U2H,,clinical_scientist,no,none,no,,yes,none,")
              .Append($"Nuclear Medicine:{p};Radiotherapy Physics:{100 - p},HCPC Clinical Scientist\n");
        }
        var text = sb.ToString();
        var output = new StringWriter();
        var outcome = new ExtractRecoder(CodingEngine.Default, Roles.Today, parallel: false).Run(new StringReader(text), output, null, null, p => Assert.Fail(p.ToString()));
        Assert.Equal(40_000, outcome.Summary.Roles);

        var reader = new ExtractReader(new StringReader(text), CodingEngine.Default.Reference.Services);
        Assert.Empty(reader.ReadHeader());
        var actual = CsvText.ReadTable(new StringReader(output.ToString()));
        var i2 = 0;
        while (reader.ReadNext(out var row))
        {
            if (i2 % 97 == 0 || i2 > 38_000)
            {
                var expected = CodingEngine.Default.Decide(row.Role!, Roles.Today);
                Assert.Equal(expected.ProposedCode?.Value ?? "", actual[i2]["proposed_code"]);
                Assert.Equal(expected.ProposedAreaOfWork, actual[i2]["proposed_area_of_work"]);
                Assert.Equal(expected.Reason, actual[i2]["reason"]);
            }
            i2++;
        }
        Assert.Equal(40_000, i2);
    }

    [Fact]
    public void A_bad_row_anywhere_refuses_the_extract_and_every_problem_is_reported()
    {
        var text = Extract(500).Split('\n').ToList();
        static string Set(string line, int column, string value)
        {
            var fields = CsvText.ReadTable(new StringReader(Header + "\n" + line)).Single();
            return string.Join(",", fields.Select((kv, i) => CsvText.Escape(i == column ? value : kv.Value)));
        }
        text[200] = Set(text[200], 5, "one");
        text[400] = Set(text[400], 8, "scientist");
        var problems = new List<ExtractProblem>();
        var outcome = new ExtractRecoder(CodingEngine.Default, Roles.Today).Run(new StringReader(string.Join('\n', text)), new StringWriter(), null, null, problems.Add);
        Assert.True(outcome.Refused);
        Assert.Contains(problems, p => p.Row == 201 && p.Column == "wte");
        Assert.Contains(problems, p => p.Row == 401 && p.Column == "entry_requirement");
    }
}
