namespace DyeRegistry.Storage;

/// <summary>
/// The chemistry stored with a registered dye, so searches never re-parse SMILES: the
/// standardized parent (SMILES, RDKit pickle), its duplicate key, what standardization removed,
/// fingerprints, and its formula membership with the stamp of the formula files it was computed
/// with (recomputed when they change).
/// </summary>
/// <param name="Id">The dye record's id.</param>
/// <param name="ParentSmiles">Canonical SMILES of the standardized parent.</param>
/// <param name="ParentKey">Duplicate key: equal for tautomers and salt forms of one parent.</param>
/// <param name="RemovedFragments">Fragments standardization removed, as SMILES.</param>
/// <param name="RecordPickle">The record's own structure (as drawn), RDKit pickle: what formula membership sees (searches see the parent).</param>
/// <param name="PatternFingerprint">RDKit pattern fingerprint of the standardized parent (substructure prescreen; searches compare parents).</param>
/// <param name="MorganFingerprint">Morgan radius-2 2048-bit fingerprint of the standardized parent (similarity).</param>
/// <param name="Within">Formula ids the structure is within.</param>
/// <param name="FormulaStamp">Identifies the formula files <see cref="Within"/> was computed with.</param>
public sealed record DyeStructure(
    string Id,
    string ParentSmiles,
    string ParentKey,
    IReadOnlyList<string> RemovedFragments,
    byte[] RecordPickle,
    byte[] PatternFingerprint,
    byte[] MorganFingerprint,
    IReadOnlyList<string> Within,
    string FormulaStamp)
{
    /// <summary>The standardized parent as read back from <see cref="ParentSmiles"/>, RDKit pickle:
    /// the molecule a reader of the SMILES gets, already at hand when a dye is registered, so a
    /// store that keeps the parent as a molecule (the PostgreSQL cartridge's <c>mol</c>) need not
    /// parse the SMILES again. Null when not at hand (a dye read from a store: stores keep the
    /// SMILES, not this); a store then builds the molecule from <see cref="ParentSmiles"/>.</summary>
    public byte[]? ParentPickle { get; init; }
}
