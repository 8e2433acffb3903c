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
    /// <param name="document">A whole HTML document, as a renderer made it.</param>
    /// <param name="scope">The selector of the element the body goes in: the document's style rules
    /// are limited to it (its <c>body</c> rules apply to that element), so they leave the page's frame alone.</param>
    public static string BodyOf(string document, string scope = "#chart")
    {
        var styles = string.Empty;
        var s = document.IndexOf("<style>", StringComparison.Ordinal);
        var se = document.IndexOf("</style>", StringComparison.Ordinal);
        if (s >= 0 && se > s)
        {
            styles = "<style>" + Scoped(document[(s + "<style>".Length)..se], scope) + "</style>";
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

    /// <summary>Style rules limited to the elements inside <paramref name="scope"/> (at-rules such as
    /// @media keep their own rules, each limited the same way).</summary>
    public static string Scoped(string css, string scope)
    {
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < css.Length)
        {
            var open = css.IndexOf('{', i);
            if (open < 0)
            {
                break;
            }

            var selectors = css[i..open].Trim();
            var depth = 1;
            var j = open + 1;
            while (j < css.Length && depth > 0)
            {
                depth += css[j] == '{' ? 1 : css[j] == '}' ? -1 : 0;
                j++;
            }

            var body = css[(open + 1)..(j - 1)];
            if (selectors.StartsWith('@'))
            {
                result.Append(selectors).Append('{').Append(selectors.StartsWith("@media", StringComparison.Ordinal) ? Scoped(body, scope) : body).Append('}');
            }
            else
            {
                var scoped = selectors.Split(',').Select(sel => sel.Trim()).Select(sel => sel is "body" or "html" ? scope : sel.StartsWith("body ", StringComparison.Ordinal) ? scope + sel[4..] : scope + " " + sel);
                result.Append(string.Join(",", scoped)).Append('{').Append(body).Append('}');
            }

            i = j;
        }

        return result.ToString();
    }
}
