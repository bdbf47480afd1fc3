using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cadre.Web.Features.Shared;

/// <summary>
/// `&lt;nhs-field for="Input.Title" label="Post title" hint="..."&gt;` renders an NHS.UK form group: label, hint, the error
/// message for that field (if any) and a text input, select or textarea wired with aria-describedby. It keeps every form
/// in the same pattern so the error summary links always land on a field.
/// </summary>
[HtmlTargetElement("nhs-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;
    [HtmlAttributeName("label")] public string Label { get; set; } = "";
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("items")] public IEnumerable<SelectListItem>? Items { get; set; }
    [HtmlAttributeName("type")] public string InputType { get; set; } = "text";
    [HtmlAttributeName("width")] public string? Width { get; set; }
    [HtmlAttributeName("rows")] public int Rows { get; set; }
    [HtmlAttributeName("inputmode")] public string? InputMode { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var error = state?.Errors.FirstOrDefault()?.ErrorMessage;
        var hasError = state?.ValidationState == ModelValidationState.Invalid && error is not null;
        var attempted = state?.AttemptedValue;
        var value = attempted ?? Convert.ToString(For.Model, System.Globalization.CultureInfo.InvariantCulture) ?? "";

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Items is not null && InputType == "radio")
        {
            RenderRadios(output, name, id, value, error, hasError);
            return;
        }
        output.Attributes.SetAttribute("class", hasError ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group");

        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        html.Append($"<label class=\"nhsuk-label\" for=\"{id}\">{Enc(Label)}</label>");
        if (!string.IsNullOrEmpty(Hint))
        {
            html.Append($"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{Enc(Hint)}</div>");
            describedBy.Add($"{id}-hint");
        }
        if (hasError)
        {
            html.Append($"<span class=\"nhsuk-error-message\" id=\"{id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>{Enc(error!)}</span>");
            describedBy.Add($"{id}-error");
        }
        var aria = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "";
        if (Items is not null)
        {
            html.Append($"<select class=\"nhsuk-select{(hasError ? " nhsuk-select--error" : "")}\" id=\"{id}\" name=\"{Enc(name)}\"{aria}>");
            foreach (var item in Items)
            {
                var selected = string.Equals(item.Value, value, StringComparison.OrdinalIgnoreCase) ? " selected" : "";
                html.Append($"<option value=\"{Enc(item.Value)}\"{selected}>{Enc(item.Text)}</option>");
            }
            html.Append("</select>");
        }
        else if (Rows > 0)
        {
            html.Append($"<textarea class=\"nhsuk-textarea{(hasError ? " nhsuk-textarea--error" : "")}\" id=\"{id}\" name=\"{Enc(name)}\" rows=\"{Rows}\"{aria}>{Enc(value)}</textarea>");
        }
        else
        {
            var width = Width is null ? "" : $" nhsuk-input--width-{Width}";
            var mode = InputMode is null ? "" : $" inputmode=\"{InputMode}\"";
            html.Append($"<input class=\"nhsuk-input{width}{(hasError ? " nhsuk-input--error" : "")}\" id=\"{id}\" name=\"{Enc(name)}\" type=\"{InputType}\" value=\"{Enc(value)}\"{mode}{aria}>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>NHS.UK radios in a fieldset; the first radio carries the field's id so the error summary link lands on it.</summary>
    private void RenderRadios(TagHelperOutput output, string name, string id, string value, string? error, bool hasError)
    {
        output.Attributes.SetAttribute("class", hasError ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group");
        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        var inner = new System.Text.StringBuilder();
        if (!string.IsNullOrEmpty(Hint))
        {
            inner.Append($"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{Enc(Hint)}</div>");
            describedBy.Add($"{id}-hint");
        }
        if (hasError)
        {
            inner.Append($"<span class=\"nhsuk-error-message\" id=\"{id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>{Enc(error!)}</span>");
            describedBy.Add($"{id}-error");
        }
        var aria = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "";
        html.Append($"<fieldset class=\"nhsuk-fieldset\"{aria}><legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">{Enc(Label)}</legend>");
        html.Append(inner);
        html.Append("<div class=\"nhsuk-radios nhsuk-radios--inline\">");
        var n = 0;
        foreach (var item in Items!)
        {
            var itemId = n == 0 ? id : $"{id}-{n + 1}";
            var isChecked = string.Equals(item.Value, value, StringComparison.OrdinalIgnoreCase) ? " checked" : "";
            html.Append($"<div class=\"nhsuk-radios__item\"><input class=\"nhsuk-radios__input\" id=\"{itemId}\" name=\"{Enc(name)}\" type=\"radio\" value=\"{Enc(item.Value)}\"{isChecked}>");
            html.Append($"<label class=\"nhsuk-label nhsuk-radios__label\" for=\"{itemId}\">{Enc(item.Text)}</label></div>");
            n++;
        }
        html.Append("</div></fieldset>");
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string Enc(string s) => System.Net.WebUtility.HtmlEncode(s);
}
