using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cadre.Web.Features.Shared;

/// <summary>
/// A fingerprint of a record's own values, carried in a hidden field, for records without a <c>Version</c> column
/// (registrations, certificates, training, assignments, services, accreditations). If the record's values differ when the
/// form comes back, someone else changed it in between, and the save is refused rather than silently overwriting them.
/// </summary>
public static class RecordToken
{
    public static string Of(object record)
    {
        var text = new StringBuilder();
        foreach (var property in record.GetType().GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            // Own columns only: navigations and lists belong to other records with their own checks.
            if (!(type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
                || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(PayBand))) continue;
            text.Append(property.Name).Append('=').Append(Convert.ToString(property.GetValue(record), CultureInfo.InvariantCulture)).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    public static bool Matches(object record, string? token) => string.Equals(Of(record), token, StringComparison.Ordinal);

    public const string StaleMessage = "Someone else changed this record while you were editing it. Open it again to see their change, then make yours.";
}
