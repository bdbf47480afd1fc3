using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cadre.Web.Features.People;

/// <summary>
/// What the person form posts back: names, staff number and year of birth (never a full date of birth), and on a new
/// person the post they start in. Numbers and dates arrive as text so a mistyped value gets a sentence naming the field.
/// </summary>
public sealed class PersonInput
{
    [Required(ErrorMessage = "Enter the staff number")]
    [StringLength(30, ErrorMessage = "Staff number must be 30 characters or fewer")]
    public string? StaffNumber { get; set; }

    [Required(ErrorMessage = "Enter the given name")]
    [StringLength(100, ErrorMessage = "Given name must be 100 characters or fewer")]
    public string? GivenName { get; set; }

    [Required(ErrorMessage = "Enter the family name")]
    [StringLength(100, ErrorMessage = "Family name must be 100 characters or fewer")]
    public string? FamilyName { get; set; }

    public string? YearOfBirth { get; set; }

    /// <summary>The version the form was opened on; a save against a newer version is refused, not silently merged.</summary>
    public Guid Version { get; set; }

    // The first post, on a new person only.
    public string? PostNumber { get; set; }
    public string? Wte { get; set; } = "1.00";
    public string? StartDate { get; set; }

    public static PersonInput From(Person person) => new()
    {
        StaffNumber = person.StaffNumber,
        GivenName = person.GivenName,
        FamilyName = person.FamilyName,
        YearOfBirth = person.YearOfBirth?.ToString(CultureInfo.InvariantCulture),
        Version = person.Version,
    };

    /// <summary>Copies the form onto the person and checks the register's rules, putting each problem on its field.</summary>
    public bool ApplyTo(Person person, ModelStateDictionary state, int currentYear)
    {
        person.StaffNumber = (StaffNumber ?? "").Trim();
        person.GivenName = (GivenName ?? "").Trim();
        person.FamilyName = (FamilyName ?? "").Trim();
        person.YearOfBirth = null;
        if (FormValues.Blank(YearOfBirth) is { } year)
        {
            if (int.TryParse(year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)) person.YearOfBirth = y;
            else state.AddModelError("Input.YearOfBirth", "Year of birth must be a 4-digit year, for example 1985");
        }
        foreach (var problem in RegisterRules.Check(new Person
        {
            StaffNumber = person.StaffNumber, GivenName = person.GivenName, FamilyName = person.FamilyName, YearOfBirth = person.YearOfBirth,
        }, currentYear))
        {
            var key = $"Input.{problem.Field}";
            if (state.TryGetValue(key, out var existing) && existing.Errors.Count > 0) continue;
            state.AddModelError(key, problem.Message);
        }
        return state.IsValid;
    }

    public static readonly IReadOnlyList<string> FieldOrder =
        ["Input.StaffNumber", "Input.GivenName", "Input.FamilyName", "Input.YearOfBirth", "Input.PostNumber", "Input.Wte", "Input.StartDate"];
}
