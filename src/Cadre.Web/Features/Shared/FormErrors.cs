using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cadre.Web.Features.Shared;

/// <summary>One line of an error summary: the message and the id of the field it links to.</summary>
public sealed record FormError(string FieldId, string Message);

public static class FormErrors
{
    /// <summary>
    /// Turns model state into error summary lines, in the order the fields appear on the page, each linking to its field.
    /// Field ids follow the tag helpers' convention (dots become underscores).
    /// </summary>
    public static IReadOnlyList<FormError> From(ModelStateDictionary state, IReadOnlyList<string>? fieldOrder = null)
    {
        var errors = new List<(int Order, FormError Error)>();
        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                var order = fieldOrder is null ? 0 : IndexOf(fieldOrder, key);
                errors.Add((order, new FormError(key.Replace('.', '_').Replace('[', '_').Replace(']', '_'),
                    string.IsNullOrEmpty(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage)));
            }
        }
        return errors.OrderBy(e => e.Order).Select(e => e.Error).ToList();
    }

    private static int IndexOf(IReadOnlyList<string> order, string key)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], key, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return int.MaxValue;
    }
}
