using System.Globalization;
using System.Text.Json;
using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cadre.Data.Auditing;

/// <summary>
/// How one column's value is written into an audit entry's before/after JSON: as the database stores it (bands as "8a",
/// enums by name, dates as yyyy-MM-dd). One definition for the save interceptor and the bulk import writer, because the
/// hash chain seals these exact bytes: two writers that drifted apart would make the same change verify differently.
/// </summary>
internal static class AuditValueJson
{
    public static void Write(Utf8JsonWriter json, IProperty property, object? value)
    {
        switch (Plain(property, value))
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case int number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case decimal number: json.WriteNumberValue(number); break;
            case double number: json.WriteNumberValue(number); break;
            case Guid id: json.WriteStringValue(id); break;
            case DateTime time: json.WriteStringValue(time); break;
            case DateTimeOffset time: json.WriteStringValue(time); break;
            case var other: json.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture)); break;
        }
    }

    private static object? Plain(IProperty property, object? value) => value switch
    {
        null => null,
        decimal d => d,
        PayBand b => b.Code,
        Enum e => e.ToString(),
        char c => c.ToString(),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        _ => property.GetValueConverter() is { } converter ? converter.ConvertToProvider(value) : value,
    };
}
