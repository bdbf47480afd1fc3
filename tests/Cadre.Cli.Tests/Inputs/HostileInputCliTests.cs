using System.Text;
using Cadre.Cli.Tests.Coding;
using Cadre.Core.Coding.Extract;
using Cadre.Tests.Shared;

namespace Cadre.Cli.Tests.Inputs;

/// <summary>Issue 12 through the real program: bombs, bad bytes and formula cells, each refused or neutralised.</summary>
public sealed class HostileInputCliTests
{
    private static string Migrated(Scratch s)
    {
        var data = s.Path("data");
        Assert.Equal(0, CadreProcess.Run("db", "migrate", "--with-demo", "--data", data).ExitCode);
        return data;
    }

    private static string CodingFixture(string name, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Coding", "Fixtures", name);

    // As an attacker writes it: quoted where CSV needs it, never neutralised.
    private static string Raw(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    [Fact]
    public void A_decompression_bomb_is_refused_by_import_naming_the_file()
    {
        using var s = new Scratch();
        var data = Migrated(s);
        var bomb = s.Path("bomb.xlsx");
        File.WriteAllBytes(bomb, HostileFiles.Bomb());
        var r = CadreProcess.Run("import", "posts", bomb, "--organisation", "ZZ1", "--data", data);
        CadreProcess.AssertPlainError(r, "bomb.xlsx: it expands to more than its limit when unzipped");
    }

    [Fact]
    public void A_CSV_with_one_bad_byte_is_refused_by_row_and_column_unless_its_encoding_is_named()
    {
        using var s = new Scratch();
        var data = Migrated(s);
        var posts = s.Path("posts.csv");
        File.WriteAllBytes(posts, HostileFiles.OneBadByte(HostileFiles.PostsHeader + "\nENC1,Clinical Scientist (Zoë Nguyễn Caf),Audiology,7,1\n", "Caf"));
        CadreProcess.AssertPlainError(CadreProcess.Run("import", "posts", posts, "--organisation", "ZZ1", "--data", data),
            "posts.csv: row 2, column 'Title' holds a byte that is not UTF-8 text (just after 'Clinical Scientist (Zoë Nguyễn Caf')");

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(posts, Encoding.GetEncoding(1252).GetBytes(HostileFiles.PostsHeader + "\nENC1,Clinical Scientist (Zoë Café),Audiology,7,1\n"));
        var declared = CadreProcess.Run("import", "posts", posts, "--organisation", "ZZ1", "--encoding", "windows-1252", "--data", data);
        Assert.Equal(0, declared.ExitCode);
        var export = s.Path("out.csv");
        Assert.Equal(0, CadreProcess.Run("export", "posts", export, "--organisation", "ZZ1", "--data", data).ExitCode);
        Assert.Contains("Clinical Scientist (Zoë Café)", File.ReadAllText(export));
    }

    [Fact]
    public void Code_out_and_every_report_file_write_formula_cells_inert()
    {
        using var s = new Scratch();
        var lines = File.ReadAllLines(CodingFixture("demo-extract.csv"));
        var rows = new List<string> { lines[0] };
        for (var i = 0; i < HostileFiles.FormulaCells.Length; i++)
        {
            // Each attack in the post id, the role and the title of a copy of the first row (a vascular scientist to recode).
            var cells = lines[1].Split(',');
            var attack = HostileFiles.FormulaCells[i] + i;
            (cells[0], cells[1], cells[2]) = (attack, attack, attack + " Clinical Scientist (Vascular)");
            rows.Add(string.Join(',', cells.Select(Raw)));
        }
        var input = s.Path("extract.csv");
        File.WriteAllText(input, string.Join('\n', rows) + "\n");
        var report = s.Path("report");
        var r = CadreProcess.Run("code", input, "--out", s.Path("decisions.csv"), "--report", report, "--on", "2026-01-01");
        Assert.Equal(0, r.ExitCode);

        var written = Directory.GetFiles(report, "*.csv").Append(s.Path("decisions.csv")).ToList();
        Assert.Contains(written, f => f.EndsWith("esr-changes.csv", StringComparison.Ordinal));
        foreach (var file in written)
        {
            var csv = new CsvRecordReader(new StreamReader(file));
            var fields = new List<string>();
            while (csv.Read(fields))
                foreach (var cell in fields) Assert.True(HostileFiles.IsInert(cell), $"{Path.GetFileName(file)} row {csv.RecordNumber} holds '{cell}'");
        }
        var esr = File.ReadAllText(Path.Combine(report, "esr-changes.csv"));
        Assert.Contains("'=HYPERLINK", esr);
        Assert.Contains("'+cmd", esr);
    }
}

public sealed class DataFolderPermissionTests
{
    [Fact]
    public void The_data_folder_is_created_0700_and_the_database_0600()
    {
        if (OperatingSystem.IsWindows()) return;
        using var s = new Scratch();
        var data = s.Path("data");
        Assert.Equal(0, CadreProcess.Run("db", "migrate", "--data", data).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "cadre.db")));
    }
}
