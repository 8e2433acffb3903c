using System.Text.Json.Nodes;
using DyeRegistry.Chemistry;
using DyeRegistry.Markush;
using DyeRegistry.Markush.Matching;
using DyeRegistry.Storage;

namespace DyeRegistry.Registry;

/// <summary>
/// What registering a dye computes from its structure: the standardized parent (cleanup, salts
/// and solvents stripped and recorded with metal complexes kept whole, metal bonds broken into
/// ions, neutralized), the duplicate key, fingerprints and formula membership. Thread-safe.
/// </summary>
/// <remarks>
/// The parent of a metal-complex dye is the whole complex: every ligand and metal with their
/// stoichiometry (the rule: <see cref="StandardizationOptions.KeepMetalIons"/>).
/// The parent of a complex drawn with covalent or dative metal bonds is its ions (RDKit's metal
/// disconnector, after the salts are set aside so axial oxo and chloro ligands stay), as for a
/// complex drawn as ions. The stored parent is that standardized structure in the tautomer it was
/// drawn in: no tautomer is enumerated or chosen (a capped enumeration could give two drawings of
/// one large dye different canonical tautomers, and it was two thirds of an import's CPU).
/// Duplicate key (<see cref="DuplicateKey"/>): <see cref="Molecule.TautomerInvariantKey"/> of the
/// parent as written and read back, so azo/hydrazone and lactam/lactim drawings, salt forms,
/// fragment orders and covalent, dative or ionic drawings of one complex share it, while the
/// metal, the ligand set and the stoichiometry (1:1 or 1:2, symmetrical or not) tell complexes
/// apart. A parent whose written SMILES RDKit cannot read back is refused (it could never be
/// searched or checked again). Formula membership is computed on the record's structure as
/// drawn, exactly as <c>dyereg match</c> computes it over a file. The fingerprints (pattern and
/// Morgan) are the parent's: SMARTS, similarity and exact searches compare standardized parents,
/// so a sodium salt and its free acid are one dye to them (issue 22).
/// </remarks>
public sealed class DyeChemistry(FormulaLibrary library)
{
    public static readonly StandardizationOptions Standardization = StandardizationOptions.Registration with
    {
        DisconnectMetals = true,
        CanonicalTautomer = false,
    };

    private readonly MarkushMatcher matcher = new(library);

    public FormulaLibrary Library { get; } = library;

    /// <summary>Size limits on the structures registered (checked before RDKit's costly steps).</summary>
    public StructureLimits Limits { get; init; } = StructureLimits.Default;

    /// <summary>The formula search's options (default: every formula, the default limits). A
    /// formula whose search hits a limit is stored as undetermined for it, never as not within.</summary>
    public MatchOptions MatchOptions { get; init; } = MatchOptions.Default;

    /// <summary>The structure and its registry chemistry; a structure RDKit rejects is an error.</summary>
    public ParseResult<DyeStructure> Prepare(string id, JsonObject document) => PrepareWith(id, document, null);

    /// <summary>As <see cref="Prepare"/>; <paramref name="atParent"/> then sees the structure as drawn,
    /// its standardized parent and the prepared chemistry while both molecules are at hand, so that
    /// work on the parent (a solubility estimate's features) needs no second parse or
    /// standardization. Not called when the structure is rejected.</summary>
    public ParseResult<DyeStructure> PrepareWith(string id, JsonObject document, ParentWork? atParent)
    {
        var parsed = document["smiles"] is JsonValue s && s.TryGetValue<string>(out var smiles)
            ? Molecule.ParseSmiles(smiles, ParseOptions)
            : document["molfile"] is JsonValue m && m.TryGetValue<string>(out var molfile)
                ? Molecule.ParseMolBlock(molfile, ParseOptions)
                : ParseResult<Molecule>.Fail(new ChemistryException(ChemistryErrorCode.InvalidArgument, "no smiles or molfile"));
        if (!parsed.Success)
        {
            return ParseResult<DyeStructure>.Fail(parsed.Error);
        }

        using var record = parsed.Value;
        try
        {
            var (standardized, parentSmiles, key, readBack) = StandardizedAndReadBack(record, ParseOptions);
            using var parent = standardized.Parent;
            using var storedParent = readBack;
            var within = Membership(matcher.Match(record, MatchOptions));
            var dye = new DyeStructure(
                id,
                parentSmiles,
                key,
                standardized.RemovedFragments,
                record.ToPickle(),
                parent.PatternFingerprint().ToBytes(),
                parent.MorganFingerprint().ToBytes(),
                within,
                Library.Stamp)
            {
                ParentPickle = storedParent.ToPickle(),
            };
            // The parent as stored and read back: what a later reader of the dye gets (a
            // re-estimate parses the stored SMILES), with the ring perception of a parse.
            atParent?.Invoke(record, storedParent, dye);
            return ParseResult<DyeStructure>.Ok(dye);
        }
        catch (ChemistryException e)
        {
            return ParseResult<DyeStructure>.Fail(e);
        }
    }

    private MoleculeParseOptions? ParseOptions => ReferenceEquals(Limits, StructureLimits.Default) ? null : new MoleculeParseOptions { Limits = Limits };

    /// <summary>The registry's duplicate key of a structure as drawn: equal for two records exactly
    /// when import reports one as a duplicate of the other.</summary>
    public static string DuplicateKey(Molecule record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (standardized, _, key) = Standardized(record, null);
        standardized.Parent.Dispose();
        return key;
    }

    /// <summary>The registry's standardization of <paramref name="record"/>, with the parent's
    /// SMILES and its key computed on the SMILES read back: what is stored is what a later reader
    /// gets. The bridge's neutralization already keeps a parent readable (it keeps the charged form
    /// when the neutral one would not read back); a parent that still cannot be read back is an
    /// error (the record is refused with the reason).</summary>
    public static (StandardizationResult Result, string Smiles, string Key) Standardized(Molecule record, MoleculeParseOptions? options = null)
    {
        var (result, smiles, key, readBack) = StandardizedAndReadBack(record, options);
        readBack.Dispose();
        return (result, smiles, key);
    }

    /// <summary>As <see cref="Standardized"/>, with the parent read back from its SMILES (the caller
    /// disposes it).</summary>
    private static (StandardizationResult Result, string Smiles, string Key, Molecule ReadBack) StandardizedAndReadBack(Molecule record, MoleculeParseOptions? options)
    {
        ArgumentNullException.ThrowIfNull(record);
        var standardized = record.Standardize(Standardization);
        var smiles = standardized.Parent.ToSmiles();
        var reread = Molecule.ParseSmiles(smiles, options);
        if (!reread.Success)
        {
            standardized.Parent.Dispose();
            throw new ChemistryException(ChemistryErrorCode.InvalidStructure, $"the standardized parent {smiles} cannot be read back by RDKit ({reread.Error.Message}); the record is not registered");
        }

        var back = reread.Value;
        try
        {
            return (standardized, smiles, back.TautomerInvariantKey(), back);
        }
        catch
        {
            back.Dispose();
            standardized.Parent.Dispose();
            throw;
        }
    }

    /// <summary>Formula membership of a stored structure (when the formula files changed).</summary>
    public IReadOnlyList<string> Within(DyeStructure dye)
    {
        using var mol = Molecule.ParsePickle(dye.RecordPickle).GetValueOrThrow();
        return Membership(matcher.Match(mol, MatchOptions));
    }

    /// <summary>Marks a stored membership entry whose search hit a limit: "undetermined:Y-I".</summary>
    public const string UndeterminedPrefix = "undetermined:";

    // The stored membership: the formulas the structure is within, then those it is undetermined
    // for (prefixed), so that search --formula can list a dye that may be within.
    private static IReadOnlyList<string> Membership(CompoundMatch match) =>
        [.. match.Within, .. match.Undetermined.Select(f => UndeterminedPrefix + f)];
}
