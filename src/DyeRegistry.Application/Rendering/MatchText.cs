using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Application.Rendering;

/// <summary>The readable explanation of one matched record (<c>--format text</c>).</summary>
public static class MatchText
{
    public static string Render(string id, string location, string smiles, CompoundMatch? match, string? error)
    {
        if (match is null)
        {
            return $"{id} ({location}): cannot be read: {error}\n";
        }

        var within = match.Within.Count == 0 ? "no formula" : string.Join(", ", match.Within);
        var undetermined = match.Undetermined.Count == 0 ? string.Empty : $"; undetermined (search limit): {string.Join(", ", match.Undetermined)}";
        var open = MatchJson.NotExcluded(match);
        var notExcluded = open.Count == 0 ? string.Empty : $"; not excluded: {string.Join(", ", open)} (structure not encoded: cannot be decided)";
        var lines = new List<string> { $"{id} ({location}) {match.MatchedSmiles ?? smiles}: within {within}{undetermined}{notExcluded}" };
        if (match.SetAside.Count > 0)
        {
            lines.Add($"  set aside: {string.Join(" ", match.SetAside)}");
        }

        lines.AddRange(match.Formulas.Select(f => "  " + f.Explanation));
        return string.Join('\n', lines) + "\n";
    }
}
