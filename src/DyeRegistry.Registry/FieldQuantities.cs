using System.Globalization;
using System.Text.RegularExpressions;

namespace DyeRegistry.Registry;

/// <summary>Reading a quantity given as text in an SD or CSV field: a number, optionally followed
/// by exactly the field's unit; anything else (another unit, words) is not a quantity of that field.</summary>
public static partial class FieldQuantities
{
    /// <summary>The number, or null when <paramref name="text"/> is not a number in <paramref name="unit"/>.</summary>
    public static double? Parse(string text, string unit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(unit);
        var m = NumberThenRest().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return null;
        }

        var rest = m.Groups["rest"].Value.Trim();
        return rest.Length == 0 || Squeezed(rest) == Squeezed(unit) ? value : null;
    }

    /// <summary>True for text that reads as a number with a unit ("1.5 g/100 mL", "30 nm").</summary>
    public static bool LooksLikeQuantity(string text) => text is not null && NumberThenUnit().IsMatch(text.Trim());

    private static string Squeezed(string unit) => unit.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    [GeneratedRegex(@"^(?<n>[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?)(?<rest>.*)$")]
    private static partial Regex NumberThenRest();

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)\s*(%|°\s?C|[a-zA-Zµμ]+(\s*/\s*\d*\s*[a-zA-Zµμ]+)*)$")]
    private static partial Regex NumberThenUnit();
}
