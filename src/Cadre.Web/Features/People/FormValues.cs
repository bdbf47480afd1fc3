using System.Globalization;

namespace Cadre.Web.Features.People;

/// <summary>
/// Reading what people type into the people forms. Dates are accepted as 1/9/2025, 01/09/2025, 2025-09-01 or
/// 1 September 2025 (UK order: day first), since staff copy them from letters, ESR screens and spreadsheets.
/// </summary>
public static class FormValues
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d M yyyy", "d MMMM yyyy", "d MMM yyyy", "d-M-yyyy"];
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? "").Trim(), DateFormats, UkCulture, DateTimeStyles.AllowWhiteSpaces, out date);

    public static bool TryWte(string? text, out decimal wte) =>
        decimal.TryParse((text ?? "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out wte);

    public static string Date(DateOnly? date) => date?.ToString("d/M/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public const string DateHint = "For example, 1/9/2025";
}
