using Cadre.Core.Coding;
using EntryRequirement = Cadre.Core.Register.EntryRequirement;
using TraineeProgramme = Cadre.Core.Register.TraineeProgramme;
using ConsultantAppointment = Cadre.Core.Register.ConsultantAppointment;
using PayBand = Cadre.Core.Register.PayBand;
using Cadre.Core.Coding.Extract;

namespace Cadre.Core.Tests.Coding;

public class CsvRecordReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_CRLF_ends_a_record()
    {
        var csv = new CsvRecordReader(new StringReader("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\r\nlast"));
        var fields = new List<string>();
        Assert.True(csv.Read(fields));
        Assert.Equal(["a", "b, c", "say \"hi\""], fields);
        Assert.True(csv.Read(fields));
        Assert.Equal(["two\nlines", "", "x"], fields);
        Assert.True(csv.Read(fields));
        Assert.Equal(["last"], fields);
        Assert.False(csv.Read(fields));
        Assert.Equal(3, csv.RecordNumber);
    }

    [Fact]
    public void Written_fields_are_quoted_only_when_needed()
    {
        var w = new StringWriter();
        CsvText.WriteRecord(w, ["plain", "with, comma", "with \"quote\"", ""]);
        Assert.Equal("plain,\"with, comma\",\"with \"\"quote\"\"\",\n", w.ToString());
    }
}

public class ExtractReaderTests
{
    private const string Header = "post_id,role,title,department,pay_band,wte,current_code,current_area_of_work,entry_requirement,specialist,trainee_programme,manages_department,direct_hcs_pct,requires_hcs_qualification,consultant_appointment,activities,registrations";

    private static ExtractRow Read(string row, string header = Header)
    {
        var reader = new ExtractReader(new StringReader(header + "\n" + row + "\n"), CodingEngine.Default.Reference.Services);
        Assert.Empty(reader.ReadHeader());
        Assert.True(reader.ReadNext(out var r));
        return r;
    }

    [Fact]
    public void Values_are_read_forgivingly_where_a_practitioner_would_expect()
    {
        var r = Read("P1,r,Clinical Scientist,MP,Band 8C,0.6,u2h,,Clinical Scientist,YES,stp,No,,y,Peer-Review,\" Radiotherapy Physics : 70 ; radiation safety:30% ;\",HCPC Clinical Scientist; HSSR");
        Assert.Empty(r.Problems);
        var role = r.Role!;
        Assert.Equal(PayBand.Band8c, role.PayBand);
        Assert.Equal("U2H", role.CurrentCode?.Value);
        Assert.Equal(EntryRequirement.ClinicalScientist, role.EntryRequirement);
        Assert.True(role.Specialist);
        Assert.Equal(TraineeProgramme.Stp, role.TraineeProgramme);
        Assert.Equal(ConsultantAppointment.PeerReview, role.ConsultantAppointment);
        Assert.Equal(2, role.Activities.Count);
        Assert.Equal(["HCPC Clinical Scientist", "HSSR"], role.Registrations);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_case()
    {
        var cols = Header.Split(',').Reverse().Select(c => c.ToUpperInvariant()).ToArray();
        var values = "P1,r,t,MP,7,1,,,clinical_scientist,no,none,no,,yes,none,Nuclear Medicine:100,".Split(',').Reverse();
        var r = Read(string.Join(",", values), string.Join(",", cols));
        Assert.Empty(r.Problems);
        Assert.Equal("P1", r.Role!.PostId);
    }

    [Theory]
    [InlineData(",7,1,", ",7,0,", "wte")]
    [InlineData(",7,1,", ",7,-1,", "wte")]
    [InlineData(",1,,,", ",1,U2HH,,", "current_code")]
    [InlineData("Nuclear Medicine:100", "Nuclear Medicine", "activities")]
    [InlineData("Nuclear Medicine:100", "Nuclear Medicine:0;CT:100", "activities")]
    [InlineData("Nuclear Medicine:100", "Nuclear Medicine:60;CT:60", "activities")]
    [InlineData("P1,", ",", "post_id")]
    [InlineData(",no,,yes", ",yes,,yes", "direct_hcs_pct")]
    public void Bad_values_are_problems_naming_the_column(string from, string to, string column)
    {
        const string good = "P1,r,t,MP,7,1,,,clinical_scientist,no,none,no,,yes,none,Nuclear Medicine:100,";
        var row = good.Replace(from, to);
        Assert.NotEqual(good, row);
        var r = Read(row);
        Assert.Null(r.Role);
        Assert.Contains(r.Problems, p => p.Column == column && p.Row == 2);
    }

    [Fact]
    public void Aliases_resolve_to_the_restored_area()
    {
        var r = CodingEngine.Default.Reference.Services.Resolve("Maxillofacial");
        Assert.NotNull(r.Target);
        Assert.Equal("Maxillo-facial (inc Prosthetics)", r.Target!.Area!.Name);
    }
}
