using System.Text.Json.Nodes;
using DyeRegistry.Chemistry;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;
using DyeRegistry.Storage;

namespace DyeRegistry.Registry;

/// <summary>
/// What registering a dye computes from its structure: the standardized parent (cleanup, salts
/// and solvents stripped and recorded with metal ions kept, neutralized, canonical tautomer by
/// heteroatom H shifts), the duplicate key, fingerprints and formula membership. Thread-safe.
/// </summary>
/// <remarks>
/// Duplicate key: RDKit's HetAtomTautomer MolHash of the standardized parent, so azo/hydrazone
/// drawings and salt forms of one dye share it. Formula membership is computed on the record's
/// structure as drawn, exactly as <c>dyereg match</c> computes it over a file.
/// </remarks>
public sealed class DyeChemistry(FormulaLibrary library)
{
    public static readonly StandardizationOptions Standardization = StandardizationOptions.Registration with
    {
        HeteroatomTautomersOnly = true,
        MaxTautomers = 64,
    };

    private readonly MarkushMatcher matcher = new(library);

    public FormulaLibrary Library { get; } = library;

    /// <summary>The structure and its registry chemistry; a structure RDKit rejects is an error.</summary>
    public ParseResult<DyeStructure> Prepare(string id, JsonObject document)
    {
        var parsed = document["smiles"] is JsonValue s && s.TryGetValue<string>(out var smiles)
            ? Molecule.ParseSmiles(smiles)
            : document["molfile"] is JsonValue m && m.TryGetValue<string>(out var molfile)
                ? Molecule.ParseMolBlock(molfile)
                : ParseResult<Molecule>.Fail(new ChemistryException(ChemistryErrorCode.InvalidArgument, "no smiles or molfile"));
        if (!parsed.Success)
        {
            return ParseResult<DyeStructure>.Fail(parsed.Error);
        }

        using var record = parsed.Value;
        try
        {
            var standardized = record.Standardize(Standardization);
            using var parent = standardized.Parent;
            var within = Membership(matcher.Match(record));
            return ParseResult<DyeStructure>.Ok(new DyeStructure(
                id,
                parent.ToSmiles(),
                parent.Hash(MolHashFunction.HetAtomTautomer),
                standardized.RemovedFragments,
                record.ToPickle(),
                record.PatternFingerprint().ToBytes(),
                record.MorganFingerprint().ToBytes(),
                within,
                Library.Stamp));
        }
        catch (ChemistryException e)
        {
            return ParseResult<DyeStructure>.Fail(e);
        }
    }

    /// <summary>Formula membership of a stored structure (when the formula files changed).</summary>
    public IReadOnlyList<string> Within(DyeStructure dye)
    {
        using var mol = Molecule.ParsePickle(dye.RecordPickle).GetValueOrThrow();
        return Membership(matcher.Match(mol));
    }

    /// <summary>Marks a stored membership entry whose search hit a limit: "undetermined:Y-I".</summary>
    public const string UndeterminedPrefix = "undetermined:";

    // The stored membership: the formulas the structure is within, then those it is undetermined
    // for (prefixed), so that search --formula can list a dye that may be within.
    private static IReadOnlyList<string> Membership(CompoundMatch match) =>
        [.. match.Within, .. match.Undetermined.Select(f => UndeterminedPrefix + f)];
}
