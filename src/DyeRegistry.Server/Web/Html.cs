using System.Globalization;
using System.Text.Encodings.Web;

namespace DyeRegistry.Server.Web;

/// <summary>Encoding for everything a page shows: names, SMILES and notes may hold markup, and
/// are always shown as text.</summary>
internal static class Html
{
    /// <summary>Text, encoded for an element's content or a quoted attribute.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>A value encoded for a URL's query.</summary>
    public static string U(string? text) => Uri.EscapeDataString(text ?? string.Empty);

    public static string N(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A labelled text field (the label names the unit where there is one).</summary>
    public static string Field(string name, string label, string? value, string type = "text", string? help = null, bool required = false, string? error = null, string attributes = "") =>
        $"<div class=\"field{(error is null ? string.Empty : " invalid")}\"><label for=\"f-{E(name)}\">{E(label)}</label>" +
        $"<input id=\"f-{E(name)}\" name=\"{E(name)}\" type=\"{type}\" value=\"{E(value)}\"{(required ? " required" : string.Empty)}{(error is null ? string.Empty : $" aria-invalid=\"true\" aria-describedby=\"e-{E(name)}\"")} {attributes}>" +
        (help is null ? string.Empty : $"<small>{E(help)}</small>") +
        (error is null ? string.Empty : $"<p class=\"error\" id=\"e-{E(name)}\">{E(error)}</p>") + "</div>";

    /// <summary>A labelled choice; <paramref name="id"/> tells apart several fields of one name.</summary>
    public static string Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? selected, string? id = null) =>
        $"<div class=\"field\"><label for=\"f-{E(id ?? name)}\">{E(label)}</label><select id=\"f-{E(id ?? name)}\" name=\"{E(name)}\">" +
        string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : string.Empty)}>{E(o.Text)}</option>")) +
        "</select></div>";

    /// <summary>The part of a whole HTML document between its body tags (a renderer's document shown inside a page), with its style elements.</summary>
    public static string BodyOf(string document)
    {
        var styles = string.Empty;
        var s = document.IndexOf("<style>", StringComparison.Ordinal);
        var se = document.IndexOf("</style>", StringComparison.Ordinal);
        if (s >= 0 && se > s)
        {
            styles = document[s..(se + "</style>".Length)];
        }

        var b = document.IndexOf("<body", StringComparison.Ordinal);
        var be = document.LastIndexOf("</body>", StringComparison.Ordinal);
        if (b < 0 || be < 0)
        {
            return styles + document;
        }

        b = document.IndexOf('>', b) + 1;
        return styles + document[b..be];
    }
}
