using System.Text.RegularExpressions;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// A record field in a reader's words, for reasons an attorney reads: the claim's language comes
/// first and the field path second (issue 21). <c>layers[second].microparticles.secondary_diameter_nm</c>
/// reads "second layer, microparticles, secondary diameter (nm)"; the path itself stays in the
/// evidence. The unit suffixes are those of the record schema's field names (docs/records.md).
/// </summary>
public static partial class FieldWords
{
    private static readonly (string Suffix, string Unit)[] Units =
    [
        ("_ml_per_cm2", "ml/cm2"),
        ("_ml_per_m2", "ml/m2"),
        ("_g_per_100g", "g/100 g water"),
        ("_mol_percent", "mol %"),
        ("_percent", "%"),
        ("_nm", "nm"),
        ("_um", "um"),
        ("_c", "°C"),
    ];

    /// <summary>The field path (inside its record) in words.</summary>
    public static string Of(string field) =>
        string.Join(", ", field.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Step));

    /// <summary>"MED-1, ink receiving layer, polymer particles": the record, then the field in words.</summary>
    public static string At(string record, string field) => field.Length == 0 ? record : $"{record}, {Of(field)}";

    private static string Step(string step)
    {
        var m = Position().Match(step);
        if (m.Success)
        {
            // layers[first] is "the first layer"; a list of any other name keeps its name.
            var name = m.Groups[1].Value;
            var positions = m.Groups[2].Value.Replace(",", " and ", StringComparison.Ordinal);
            return name == "layers" ? $"{positions} layer" : $"{Words(name)} ({positions})";
        }

        foreach (var (suffix, unit) in Units)
        {
            if (step.EndsWith(suffix, StringComparison.Ordinal) && step.Length > suffix.Length)
            {
                return $"{Words(step[..^suffix.Length])} ({unit})";
            }
        }

        return Words(step);
    }

    private static string Words(string name) => name.Replace('_', ' ');

    [GeneratedRegex(@"^([a-z_]+)\[([^\]]+)\]$")]
    private static partial Regex Position();
}
