using System.Text.RegularExpressions;

namespace DyeRegistry.Markush.Loading;

/// <summary>
/// The macros of the vocabulary file, expanded into plain SMARTS. The engine labels the cut-out
/// substituent with isotopes: 100 on the attachment dummy, 101 on ring-closure dummies, and on
/// every other atom a bit set of kinds (1 aliphatic carbon, 2 aryl carbon, 4 heterocyclic ring
/// atom). Each kind macro becomes one recursive primitive, so it combines with any operator.
/// </summary>
public static partial class ClassMacros
{
    public const int AttachmentLabel = 100;
    public const int ClosureLabel = 101;
    public const int Aliphatic = 1;
    public const int Aryl = 2;
    public const int Heterocyclic = 4;

    private static readonly Dictionary<string, string> Expansions = new(StringComparer.Ordinal)
    {
        ["A"] = $"[{AttachmentLabel}*]",
        ["closure"] = $"[{ClosureLabel}*]",
        ["aliphatic"] = KindPrimitive(Aliphatic),
        ["aryl"] = KindPrimitive(Aryl),
        ["heterocyclic"] = KindPrimitive(Heterocyclic),
    };

    /// <summary>Known macro names.</summary>
    public static IReadOnlyCollection<string> Names => Expansions.Keys;

    /// <summary>Expands every {macro}; unknown names are returned in <paramref name="unknown"/>.</summary>
    public static string Expand(string smarts, out IReadOnlyList<string> unknown)
    {
        var missing = new List<string>();
        var expanded = Macro().Replace(smarts, m =>
        {
            if (Expansions.TryGetValue(m.Groups[1].Value, out var e))
            {
                return e;
            }

            missing.Add(m.Groups[1].Value);
            return m.Value;
        });
        unknown = missing;
        return expanded;
    }

    // Every label value 1..7 that has the kind's bit set.
    private static string KindPrimitive(int bit) =>
        "$([" + string.Join(",", Enumerable.Range(1, 7).Where(v => (v & bit) != 0).Select(v => $"{v}*")) + "])";

    [GeneratedRegex(@"\{([A-Za-z-]+)\}")]
    private static partial Regex Macro();
}
