using System.Text.RegularExpressions;
using DyeRegistry.Claims.Model;
using DyeRegistry.Markush.Loading;
using YamlDotNet.RepresentationModel;

namespace DyeRegistry.Claims.Loading;

/// <summary>
/// The <c>words:</c> of a limitation (the claim's own words it tests, quoted first in every
/// reason) and their checks: required, one fragment or a list of fragments, never a record
/// field path (words are for the reader, paths belong in the test); and when the claim carries
/// its full <c>text:</c>, every fragment must occur in it (compared without case, whitespace
/// collapsed), so a quotation cannot drift from the claim it quotes.
/// </summary>
internal static partial class ClaimWords
{
    public static IReadOnlyList<string> Read(YamlFields y, YamlNode limitation)
    {
        var node = y.Node("words");
        List<(string Value, YamlNode At)> fragments = node switch
        {
            null => [],
            YamlScalarNode s => [(s.Value ?? string.Empty, s)],
            YamlSequenceNode list => list.Children.Select(c => ((c as YamlScalarNode)?.Value ?? string.Empty, c)).ToList(),
            _ => [],
        };
        if (node is null)
        {
            y.Error(limitation, "words", "missing (required): the claim's words this limitation tests, quoted from the claim (a string, or a list of fragments)");
            return [];
        }

        if (node is YamlMappingNode)
        {
            y.Error(node, "words", "expected the claim's words: a string, or a list of strings");
            return [];
        }

        var words = new List<string>();
        foreach (var (value, at) in fragments)
        {
            var text = Collapse(value);
            if (text.Length == 0)
            {
                y.Error(at, "words", "empty: quote the claim's words");
            }
            else if (PathLike().Match(text) is { Success: true } m)
            {
                y.Error(at, "words", $"'{m.Value}' is a record field, not claim words: quote the claim (the field belongs in test:)");
            }
            else
            {
                words.Add(text);
            }
        }

        if (fragments.Count == 0)
        {
            y.Error(node, "words", "an empty list: quote the claim's words");
        }

        return words;
    }

    /// <summary>Every fragment of the claim's own limitations occurs in its full text.</summary>
    public static void CheckAgainstText(YamlFields y, YamlNode claim, int number, string text, IReadOnlyList<Limitation> limitations)
    {
        var haystack = Collapse(text).ToLowerInvariant();
        foreach (var l in limitations)
        {
            foreach (var w in l.Words.Where(w => !haystack.Contains(w.ToLowerInvariant(), StringComparison.Ordinal)))
            {
                y.Error(claim, "text", $"limitation '{l.Id}' quotes \"{w}\", which is not in claim {number}'s text (fix the words or the text)");
            }
        }
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // medium.x, layer.binder, or a snake_case field name: record vocabulary, not the claim's.
    [GeneratedRegex(@"\b(medium|ink|dye|solvent|polymer|layer)\.[a-z_]+|\b[a-z]+_[a-z_]+\b")]
    private static partial Regex PathLike();
}
