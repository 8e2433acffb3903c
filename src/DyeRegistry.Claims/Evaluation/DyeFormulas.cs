using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DyeRegistry.Chemistry;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;

namespace DyeRegistry.Claims.Evaluation;

/// <summary>
/// The general-formula verdicts of dye records (seed 001 claim 2), from the Markush engine on
/// the record's structure as drawn, under the chart's reading of (I)'s X; each dye is matched
/// once per evaluator. Thread-safe. <paramref name="limits"/> sets the search limits (tautomers,
/// embeddings; the matcher's defaults when null); a verdict reached at a limit is undetermined
/// and the limitation unknown.
/// </summary>
public sealed class DyeFormulas(FormulaLibrary library, IReadOnlyDictionary<string, string> formulaReadings, bool depict, MatchOptions? limits = null)
{
    private readonly MarkushMatcher matcher = new(library);
    private readonly ConcurrentDictionary<string, (CompoundMatch? Match, string? Error)> cache = new();

    public FormulaLibrary Library => library;

    /// <summary>The dye's verdicts for every formula, or why its structure could not be read.</summary>
    public (CompoundMatch? Match, string? Error) Of(ScopeRecord dye) =>
        cache.GetOrAdd($"{dye.Id}\u0001{dye.Version}\u0001{dye.Document["smiles"]}\u0001{dye.Document["molfile"]}", _ => Compute(dye.Document));

    private (CompoundMatch?, string?) Compute(JsonObject document)
    {
        ParseResult<Molecule> parsed;
        if (document["smiles"] is JsonValue s && s.TryGetValue<string>(out var smiles))
        {
            parsed = Molecule.ParseSmiles(smiles);
        }
        else if (document["molfile"] is JsonValue m && m.TryGetValue<string>(out var molfile))
        {
            parsed = Molecule.ParseMolBlock(molfile);
        }
        else
        {
            return (null, "the dye record has no structure (smiles or molfile)");
        }

        if (!parsed.Success)
        {
            return (null, "RDKit could not read the dye's structure: " + parsed.Error.Message);
        }

        using var molecule = parsed.Value;
        var options = (limits ?? MatchOptions.Default) with { Readings = formulaReadings, Depict = depict };
        return (matcher.Match(molecule, options), null);
    }
}
