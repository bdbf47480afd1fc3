namespace Cadre.Core.Text;

/// <summary>
/// The largest input Cadre reads, named once (docs/decisions/input-limits.md). The per-cell, per-row and per-sheet
/// figures are Excel's own maximums, so any workbook Excel can save passes; the size limits stop a small compressed
/// file from expanding into gigabytes of memory or database (a "decompression bomb").
/// </summary>
public static class InputLimits
{
    /// <summary>Excel's maximum characters in one cell.</summary>
    public const int CellCharacters = 32_767;

    /// <summary>Excel's maximum columns in a sheet (XFD).</summary>
    public const int Columns = 16_384;

    /// <summary>Excel's maximum rows in a sheet.</summary>
    public const int SheetRows = 1_048_576;

    /// <summary>
    /// The most an .xlsx may expand to, all its parts together. A 100,000-row register with shared strings is about
    /// 60 MB expanded; larger extracts go through CSV, which is read as a stream.
    /// </summary>
    public const long WorkbookExpandedBytes = 256L * 1024 * 1024;

    /// <summary>The most a workbook's shared-string table may expand to: it is the one part held in memory whole.</summary>
    public const long SharedStringsExpandedBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The most one part of a workbook may expand by (Apache POI refuses the same, at 1%): real sheets expand 5 to 20
    /// times; a bomb a thousand. Parts under a megabyte expanded are not asked.
    /// </summary>
    public const int ExpansionRatio = 100;

    /// <summary>Parts in a workbook; Excel writes a handful per sheet.</summary>
    public const int WorkbookParts = 10_000;

    /// <summary>"32,767" as a person reads it.</summary>
    public static string Describe(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Bytes as a person reads them ("256 MB").</summary>
    public static string DescribeBytes(long bytes) => $"{bytes / (1024 * 1024)} MB";
}
