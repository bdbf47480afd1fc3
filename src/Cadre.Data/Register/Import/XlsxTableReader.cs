using System.IO.Compression;
using System.Text;
using System.Xml;
using Cadre.Core.Text;

namespace Cadre.Data.Register.Import;

/// <summary>
/// Reads the first worksheet of an .xlsx straight from its zip parts with a forward-only XML reader, so a 100,000-row
/// workbook is never held whole. Written on the zip and XML readers rather than the Open XML SDK because a workbook is
/// untrusted input: the sizes each part declares are checked against <see cref="InputLimits"/> before anything is
/// expanded, each part is expanded through a counter that stops at its declared size, and cell text is read in chunks
/// that stop at Excel's cell limit, so a 400 KB "decompression bomb" is refused having used a few megabytes.
/// </summary>
internal sealed class XlsxTableReader : TableReader
{
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly string _file;
    private readonly ZipArchive _zip;
    private readonly XmlReader _sheet;
    private readonly List<string> _sharedStrings = [];
    private readonly Dictionary<int, string> _row = [];
    private readonly StringBuilder _text = new();
    private readonly char[] _chunk = new char[4096];
    private int _column;

    public XlsxTableReader(Stream stream, string fileName)
    {
        _file = Path.GetFileName(fileName);
        try
        {
            _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Unreadable();
        }
        CheckDeclaredSizes();
        try
        {
            var workbook = Resolve("", Relationship("_rels/.rels", "officeDocument") ?? "xl/workbook.xml");
            var folder = workbook.Contains('/') ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
            var rels = folder + "_rels/" + workbook[(workbook.LastIndexOf('/') + 1)..] + ".rels";
            var sheetId = FirstSheetRelationshipId(workbook) ?? throw new ImportFormatException($"{_file}: the workbook has no sheets");
            var sheetPath = Resolve(folder, RelationshipTarget(rels, r => r.Id == sheetId) ?? throw new ImportFormatException($"{_file}: the workbook has no sheets"));
            if (RelationshipTarget(rels, r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)) is { } shared)
                ReadSharedStrings(Resolve(folder, shared));
            _sheet = OpenXml(sheetPath);
            if (!ReadRow()) throw new ImportFormatException($"{_file}: the first sheet is empty: expected a header row");
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            throw Unreadable();
        }
        var width = _row.Count == 0 ? 0 : _row.Keys.Max() + 1;
        Headers = Enumerable.Range(0, width).Select(i => _row.GetValueOrDefault(i, "")).ToArray();
    }

    private ImportFormatException Unreadable() => new($"{_file}: the file is not a readable .xlsx workbook; save it again from Excel as .xlsx or .csv");

    private ImportFormatException TooLarge(string what) => new(
        $"{_file}: {what}, more than Cadre reads from a workbook ({InputLimits.DescribeBytes(InputLimits.WorkbookExpandedBytes)} unzipped, " +
        $"{InputLimits.DescribeBytes(InputLimits.SharedStringsExpandedBytes)} of text); nothing was read. Save the sheet as CSV, or split it.");

    // The central directory's sizes are checked before a byte is expanded; ExpandedPart holds each part to its size.
    private void CheckDeclaredSizes()
    {
        if (_zip.Entries.Count > InputLimits.WorkbookParts) throw TooLarge($"it holds {InputLimits.Describe(_zip.Entries.Count)} parts");
        var total = 0L;
        foreach (var entry in _zip.Entries)
        {
            total += entry.Length;
            if (entry.Length < 0 || total > InputLimits.WorkbookExpandedBytes) throw TooLarge("it expands to more than its limit when unzipped");
            if (entry.Length > 1024 * 1024 && entry.Length > entry.CompressedLength * InputLimits.ExpansionRatio)
                throw TooLarge($"its part {entry.FullName} expands {InputLimits.Describe(entry.Length / Math.Max(1, entry.CompressedLength))} times when unzipped, as no spreadsheet does");
            if (entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase) && entry.Length > InputLimits.SharedStringsExpandedBytes)
                throw TooLarge("its shared text expands to more than its limit when unzipped");
        }
    }

    private XmlReader OpenXml(string path)
    {
        var entry = _zip.GetEntry(path) ?? throw Unreadable();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true,
            MaxCharactersInDocument = entry.Length + 1, MaxCharactersFromEntities = 1024,
        };
        return XmlReader.Create(new ExpandedPart(entry.Open(), entry.Length, () => TooLarge($"its part {entry.FullName} expands beyond the size it declares")), settings);
    }

    private string? Relationship(string rels, string typeSuffix) => RelationshipTarget(rels, r => r.Type.EndsWith("/" + typeSuffix, StringComparison.Ordinal));

    private string? RelationshipTarget(string rels, Func<(string Id, string Type), bool> wanted)
    {
        if (_zip.GetEntry(rels) is null) return null;
        using var xml = OpenXml(rels);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                && wanted((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "")))
                return xml.GetAttribute("Target");
        return null;
    }

    private string? FirstSheetRelationshipId(string workbook)
    {
        using var xml = OpenXml(workbook);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet") return xml.GetAttribute("id", RelationshipsNs);
        return null;
    }

    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (part is not ("" or ".")) parts.Add(part);
        return string.Join('/', parts);
    }

    private void ReadSharedStrings(string path)
    {
        if (_zip.GetEntry(path) is null) return;
        using var xml = OpenXml(path);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                _sharedStrings.Add(xml.IsEmptyElement ? "" : ReadRichText(xml, $"shared text {_sharedStrings.Count + 1}"));
    }

    // The text of an <si> or <is>: its <t> runs, leaving out phonetic guides (<rPh>).
    private string ReadRichText(XmlReader xml, string where)
    {
        _text.Clear();
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "rPh") xml.Skip();
            else if (xml.LocalName == "t") AppendText(xml, where);
        }
        return _text.ToString();
    }

    // Reads an element's text in chunks, so a cell of a billion characters stops at the limit instead of being built.
    private void AppendText(XmlReader xml, string where)
    {
        if (xml.IsEmptyElement) return;
        while (xml.Read() && xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
        {
            int n;
            while ((n = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
            {
                if (_text.Length + n > InputLimits.CellCharacters)
                    throw new ImportFormatException($"{_file}: {where} holds more than {InputLimits.Describe(InputLimits.CellCharacters)} characters, more than an Excel cell can; nothing was read");
                _text.Append(_chunk, 0, n);
            }
        }
    }

    public override bool Read()
    {
        while (ReadRow())
            if (_row.Values.Any(v => !string.IsNullOrWhiteSpace(v))) return true;
        return false;
    }

    private bool ReadRow()
    {
        try
        {
            while (_sheet.Read())
            {
                if (_sheet.NodeType != XmlNodeType.Element || _sheet.LocalName != "row") continue;
                RowNumber = int.TryParse(_sheet.GetAttribute("r"), out var index) ? index : RowNumber + 1;
                if (RowNumber is < 1 or > InputLimits.SheetRows)
                    throw new ImportFormatException($"{_file}: the sheet goes beyond row {InputLimits.Describe(InputLimits.SheetRows)}, the most Excel holds; nothing was read");
                _row.Clear();
                _column = 0;
                if (_sheet.IsEmptyElement) return true;
                var depth = _sheet.Depth;
                while (_sheet.Read() && !(_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == depth))
                    if (_sheet.NodeType == XmlNodeType.Element && _sheet.LocalName == "c") ReadCell();
                return true;
            }
            return false;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            throw Unreadable();
        }
    }

    private void ReadCell()
    {
        var column = _sheet.GetAttribute("r") is { } reference ? ColumnIndex(reference) : _column;
        _column = column + 1;
        if (column is < 0 or >= InputLimits.Columns)
            throw new ImportFormatException($"{_file}: row {RowNumber} goes beyond column XFD ({InputLimits.Describe(InputLimits.Columns)} columns), the most Excel holds; nothing was read");
        var type = _sheet.GetAttribute("t");
        var where = $"row {RowNumber}, column {ColumnName(column)}";
        string value = "";
        if (!_sheet.IsEmptyElement)
        {
            var depth = _sheet.Depth;
            while (_sheet.Read() && !(_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == depth))
            {
                if (_sheet.NodeType != XmlNodeType.Element) continue;
                if (_sheet.LocalName == "is") value = ReadRichText(_sheet, where);
                else if (_sheet.LocalName == "v") { _text.Clear(); AppendText(_sheet, where); value = _text.ToString(); }
                else _sheet.Skip();
            }
        }
        _row[column] = type switch
        {
            "s" => int.TryParse(value, out var i) && i >= 0 && i < _sharedStrings.Count ? _sharedStrings[i] : "",
            "b" => value == "1" ? "TRUE" : "FALSE",
            _ => value,
        };
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > InputLimits.Columns) return InputLimits.Columns;
        }
        return index - 1;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    public override string? GetAsWritten(int column) => _row.TryGetValue(column, out var v) && v.Trim() is { Length: > 0 } t ? t : null;

    public override void Dispose()
    {
        _sheet?.Dispose();
        _zip.Dispose();
    }

    /// <summary>A zip part's expanded bytes, stopped with a refusal once they pass the size the part declared.</summary>
    private sealed class ExpandedPart(Stream inner, long declared, Func<Exception> tooLarge) : Stream
    {
        private long _read;
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            if (_read > declared) throw tooLarge();
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
