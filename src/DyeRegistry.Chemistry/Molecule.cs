using DyeRegistry.Chemistry.Interop;

namespace DyeRegistry.Chemistry;

/// <summary>
/// A molecule held by RDKit. Immutable from .NET: every operation that changes structure
/// (standardization, tautomers, fragments) returns new molecules.
/// </summary>
/// <remarks>
/// Thread safety: any member may be called from several threads at once (the bridge locks the
/// native molecule for each call). Dispose releases the native memory; an undisposed molecule is
/// released by the finalizer.
/// </remarks>
public sealed partial class Molecule : IDisposable
{
    private readonly MolHandle handle;

    private Molecule(MolHandle handle)
    {
        this.handle = handle;
    }

    internal MolHandle Handle => handle;

    /// <summary>
    /// Parses SMILES; a bad SMILES is returned as a failed result with RDKit's reason, one over
    /// the options' <see cref="StructureLimits"/> (or with a control character, which RDKit would
    /// never see past a NUL) with the limit or the character named, before any costly step.
    /// </summary>
    public static ParseResult<Molecule> ParseSmiles(string smiles, MoleculeParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        if (OverLimits(smiles, molBlock: false, (options ?? MoleculeParseOptions.Default).Limits) is { } over)
        {
            return ParseResult<Molecule>.Fail(over);
        }

        return Wrap(Proxy.MolFromSmiles(smiles, OptionsJson(options)));
    }

    /// <summary>
    /// Parses SMILES as <see cref="ParseSmiles"/> does with default options, but only where one
    /// of <paramref name="queries"/> could match: a valid SMILES that by its elements, connectivity
    /// and ring membership can contain none of them is <see cref="ScreenedParse.RuledOut"/>, at a
    /// fraction of a full parse. Those facts survive sanitization, setting fragments aside and
    /// tautomer enumeration, so "ruled out" holds for every form of the compound a matcher makes.
    /// Errors are those of <see cref="ParseSmiles"/>: validity is checked by the steps of the full
    /// parse that can reject a structure (the proof, from RDKit's source, is in the bridge's
    /// mol_io.cpp), and anything doubtful (a failing step, a CXSMILES part) gets the full parse. A
    /// SMILES that could hold a query goes on through the rest of the full parse from the graph
    /// read for the screen: the same molecule, without reading the text twice.
    /// </summary>
    /// <remarks>
    /// With <paramref name="validate"/> false a SMILES whose connectivity rules every query out is
    /// not sanitized to prove it valid (<see cref="ScreenedParse.NotValidated"/>): it may be one
    /// the full parse rejects. Every SMILES that could hold a query is parsed in full as before.
    /// </remarks>
    public static ScreenedParse ParseSmilesIfMightContain(string smiles, IReadOnlyList<QueryMolecule> queries, StructureLimits? limits = null, bool validate = true)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        ArgumentNullException.ThrowIfNull(queries);
        if (OverLimits(smiles, molBlock: false, limits ?? StructureLimits.Default) is { } over)
        {
            return ScreenedParse.Failed(over);
        }

        var result = validate ? Proxy.MolFromSmilesScreened(smiles, queries) : Proxy.MolFromSmilesScreenedUnvalidated(smiles, queries);
        if (!result.Success)
        {
            return ScreenedParse.Failed(result.Error);
        }

        if (result.Value.IsInvalid)
        {
            result.Value.Dispose();
            return validate ? ScreenedParse.NoneOfTheQueries() : ScreenedParse.NoneOfTheQueriesUnvalidated();
        }

        return ScreenedParse.Parsed(new Molecule(result.Value));
    }

    /// <summary>Parses SMILES or throws <see cref="ChemistryException"/>.</summary>
    public static Molecule FromSmiles(string smiles, MoleculeParseOptions? options = null) =>
        ParseSmiles(smiles, options).GetValueOrThrow();

    /// <summary>Parses an MDL molfile block (V2000 or V3000).</summary>
    public static ParseResult<Molecule> ParseMolBlock(string molBlock, MoleculeParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(molBlock);
        if (OverLimits(molBlock, molBlock: true, (options ?? MoleculeParseOptions.Default).Limits) is { } over)
        {
            return ParseResult<Molecule>.Fail(over);
        }

        return Wrap(Proxy.MolFromMolBlock(molBlock, OptionsJson(options)));
    }

    public static Molecule FromMolBlock(string molBlock, MoleculeParseOptions? options = null) =>
        ParseMolBlock(molBlock, options).GetValueOrThrow();

    /// <summary>Restores a molecule from <see cref="ToPickle"/> bytes (RDKit's binary pickle).</summary>
    public static ParseResult<Molecule> ParsePickle(ReadOnlySpan<byte> pickle) => Wrap(Proxy.MolFromPickle(pickle));

    /// <summary>Canonical isomeric SMILES (RDKit's canonicalization).</summary>
    public string ToSmiles() => Proxy.ToSmiles(handle, null);

    public string ToSmiles(SmilesWriteOptions options) => Proxy.ToSmiles(handle, options.ToJson());

    public string ToMolBlock() => Proxy.ToMolBlock(handle);

    /// <summary>RDKit's binary pickle with all properties: the fastest way back to a molecule.</summary>
    public byte[] ToPickle() => Proxy.ToPickle(handle);

    /// <summary>Number of atoms in the graph (hydrogens only when drawn explicitly and kept).</summary>
    public int AtomCount => Proxy.AtomCount(handle);

    public void Dispose() => handle.Dispose();

    public override string ToString() => ToSmiles();

    // The text first (one pass over its characters); RDKit counts exactly, without sanitizing,
    // only when a bound from the text is over a limit. A text RDKit cannot read even so is left
    // to the full parse, whose error is the one to report.
    private static ChemistryException? OverLimits(string text, bool molBlock, StructureLimits limits)
    {
        var scan = molBlock ? StructureTextScan.OfMolBlock(text) : StructureTextScan.OfSmiles(text);
        if (scan.CertainlyOver(limits, smiles: !molBlock) is { } over)
        {
            return over;
        }

        if (!scan.MayBeOver(limits))
        {
            return null;
        }

        return Proxy.StructureSize(text, molBlock) is { } size ? StructureTextScan.Over(limits, size.Atoms, size.Bonds, size.Rings) : null;
    }

    // Null options mean the bridge's defaults, which equal the managed defaults: no JSON is
    // written or parsed on the hot path (limits are checked here, not in the bridge).
    private static string? OptionsJson(MoleculeParseOptions? options) =>
        options is null || (options.Sanitize && (options.RemoveHydrogens ?? true)) ? null : options.ToJson();

    private static ParseResult<Molecule> Wrap(ParseResult<MolHandle> result) =>
        result.Success ? ParseResult<Molecule>.Ok(new Molecule(result.Value)) : ParseResult<Molecule>.Fail(result.Error);

    internal static Molecule FromHandle(MolHandle handle) => new(handle);
}
