using System.Globalization;
using Cadre.Core.Register;

namespace Cadre.Data.Register.Import;

/// <summary>
/// Reads one field of an import row, accepting what people and ESR extracts actually write ("Yes"/"Y"/"TRUE",
/// "31/03/2027" or "2027-03-31", "Band 8a") and producing the sentence shown when it cannot.
/// </summary>
internal static class Fields
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MMM-yyyy", "d MMM yyyy", "dd.MM.yyyy"];

    public static string Key(string header) => new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static bool TryDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        // XLSX dates arrive as day numbers (days since 1899-12-30).
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466 && serial == Math.Floor(serial))
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        // "2027-03-31T00:00:00" from some exports.
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) && dt.TimeOfDay == TimeSpan.Zero)
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        return false;
    }

    public const string DateExpected = "a date such as 2027-03-31 or 31/03/2027";

    public static bool TryDecimal(string text, out decimal value)
    {
        var ok = decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
        // Spreadsheets store 0.8 as 0.80000000000000004: keep what the person typed.
        if (ok) value = decimal.Round(value, 6) / 1.000000m;
        return ok;
    }

    public static bool TryInt(string text, out int value)
    {
        if (int.TryParse(text.TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out value)) return true;
        if (TryDecimal(text.TrimEnd('%'), out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue) { value = (int)d; return true; }
        return false;
    }

    public static bool TryBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "y" or "yes" or "true" or "1": value = true; return true;
            case "n" or "no" or "false" or "0": value = false; return true;
            default: value = false; return false;
        }
    }

    public const string BoolExpected = "Yes or No";

    /// <summary>Matches an enum by name ignoring case, spaces, hyphens and underscores ("Clinical scientist", "PART_TIME").</summary>
    public static bool TryEnum<T>(string text, out T value) where T : struct, Enum
    {
        var key = Key(text);
        foreach (var v in Enum.GetValues<T>())
            if (Key(v.ToString()) == key) { value = v; return true; }
        value = default;
        return false;
    }

    public static string EnumExpected<T>() where T : struct, Enum => "one of " + string.Join(", ", Enum.GetValues<T>().Select(Words));

    /// <summary>An enum member as words: ClinicalScientist -> "Clinical Scientist" (also how exports write it).</summary>
    public static string Words<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) sb.Append(' ');
            sb.Append(name[i]);
        }
        return sb.ToString();
    }

    public static bool TryRegistration(string text, out RegistrationType type)
    {
        var key = Key(text);
        RegistrationType? found = key switch
        {
            "hcpcclinicalscientist" or "clinicalscientist" or "hcpccs" => RegistrationType.HcpcClinicalScientist,
            "hcpcbiomedicalscientist" or "biomedicalscientist" or "hcpcbs" => RegistrationType.HcpcBiomedicalScientist,
            "ahcs" => RegistrationType.Ahcs,
            "hssr" => RegistrationType.Hssr,
            _ => null,
        };
        type = found ?? default;
        return found is not null;
    }

    /// <summary>How registers are written in exports and on screen.</summary>
    public static string RegistrationName(RegistrationType type) => type switch
    {
        RegistrationType.HcpcClinicalScientist => "HCPC Clinical Scientist",
        RegistrationType.HcpcBiomedicalScientist => "HCPC Biomedical Scientist",
        RegistrationType.Ahcs => "AHCS",
        RegistrationType.Hssr => "HSSR",
        _ => type.ToString(),
    };

    public const string RegistrationExpected = "one of HCPC Clinical Scientist, HCPC Biomedical Scientist, AHCS, HSSR";
}
