using System.IO.Compression;
using System.Text;

namespace Cadre.Tests.Shared;

/// <summary>
/// Files built to attack a reader (issue 12): workbooks that unzip to hundreds of megabytes, parts that lie about
/// their size, cells longer than a spreadsheet's, text with a byte that is not UTF-8, and cells a spreadsheet would run.
/// Linked into each test project that performs the attack.
/// </summary>
public static class HostileFiles
{
    public const string PostsHeader = "Post Number,Title,Department,Pay Band,Funded WTE";

    /// <summary>The cells a spreadsheet would run as formulas or commands, as an attacker would type them.</summary>
    public static readonly string[] FormulaCells =
        ["=HYPERLINK(\"http://evil.example\",\"Click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"];

    /// <summary>True when a cell as written can no longer be run: it does not start with a trigger character.</summary>
    public static bool IsInert(string cell) => cell.Length == 0 || cell[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r');

    /// <summary>
    /// A posts workbook whose one post has a title <paramref name="expandedBytes"/> long, all one letter: 300 MB of
    /// sheet compresses to about 300 KB, the shape of the bomb in issue 12.
    /// </summary>
    public static byte[] Bomb(long expandedBytes = 300L * 1024 * 1024) => Workbook(sheet =>
    {
        sheet.Write(Encoding.UTF8.GetBytes(SheetStart + Row(1, PostsHeader.Split(',')) + "<row r=\"2\"><c t=\"inlineStr\"><is><t>BOMB</t></is></c><c t=\"inlineStr\"><is><t>"));
        var letters = new byte[1024 * 1024];
        Array.Fill(letters, (byte)'A');
        for (long written = 0; written < expandedBytes; written += letters.Length) sheet.Write(letters);
        sheet.Write(Encoding.UTF8.GetBytes("</t></is></c></row>" + SheetEnd));
    });

    /// <summary>
    /// A workbook whose sheet says it unzips to 1 KB and really unzips to <paramref name="expandedBytes"/>: the zip's
    /// local and central size fields are rewritten after it is built.
    /// </summary>
    public static byte[] LyingBomb(long expandedBytes = 40L * 1024 * 1024)
    {
        var bytes = Bomb(expandedBytes);
        var name = Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml");
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            var (sizeAt, nameLengthAt, nameAt) = signature switch { 0x04034b50 => (22, 26, 30), 0x02014b50 => (24, 28, 46), _ => (0, 0, 0) };
            if (sizeAt == 0 || BitConverter.ToUInt16(bytes, i + nameLengthAt) != name.Length || !bytes.AsSpan(i + nameAt, name.Length).SequenceEqual(name)) continue;
            BitConverter.TryWriteBytes(bytes.AsSpan(i + sizeAt, 4), 1024u);
        }
        return bytes;
    }

    /// <summary>A posts workbook with one title of <paramref name="characters"/> random letters (so it does not compress away).</summary>
    public static byte[] HugeCell(int characters = 40_000)
    {
        var random = new Random(12);
        var title = new string(Enumerable.Range(0, characters).Select(_ => (char)('a' + random.Next(26))).ToArray());
        return Workbook(sheet => sheet.Write(Encoding.UTF8.GetBytes(SheetStart + Row(1, PostsHeader.Split(','))
            + Row(2, ["BIG1", title, "Radiotherapy Physics", "7", "1"]) + SheetEnd)));
    }

    /// <summary>UTF-8 text with one byte (0xE9, "é" in Windows-1252) dropped in after <paramref name="before"/>.</summary>
    public static byte[] OneBadByte(string text, string before)
    {
        var at = text.IndexOf(before, StringComparison.Ordinal) + before.Length;
        return [.. Encoding.UTF8.GetBytes(text[..at]), 0xE9, .. Encoding.UTF8.GetBytes(text[at..])];
    }

    private const string SheetStart = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private const string SheetEnd = "</sheetData></worksheet>";

    private static string Row(int number, string[] cells) =>
        $"<row r=\"{number}\">" + string.Concat(cells.Select(c => $"<c t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(c)}</t></is></c>")) + "</row>";

    private static byte[] Workbook(Action<Stream> writeSheet)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(Encoding.UTF8.GetBytes(xml));
            }
            Part("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Posts\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            writeSheet(sheet);
        }
        return output.ToArray();
    }
}
