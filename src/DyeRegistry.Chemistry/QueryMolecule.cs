using DyeRegistry.Chemistry.Interop;

namespace DyeRegistry.Chemistry;

/// <summary>
/// A substructure query parsed from SMARTS (CXSMARTS atom labels such as <c>AEL</c> become RDKit
/// generic groups when asked). Prepared once at creation and only read afterwards: one query may
/// be matched from many threads at once.
/// </summary>
public sealed class QueryMolecule : IDisposable
{
    private readonly MolHandle handle;

    private QueryMolecule(MolHandle handle, string smarts)
    {
        this.handle = handle;
        Smarts = smarts;
        AtomCount = Proxy.AtomCount(handle);
    }

    /// <summary>The SMARTS text the query was parsed from.</summary>
    public string Smarts { get; }

    /// <summary>Number of query atoms: the width of every <see cref="SubstructMatch"/>.</summary>
    public int AtomCount { get; }

    internal MolHandle Handle => handle;

    /// <summary>Parses SMARTS; a bad SMARTS is a failed result carrying RDKit's reason.</summary>
    /// <param name="smarts">SMARTS or CXSMARTS.</param>
    /// <param name="genericGroups">Turn CXSMARTS atom labels (ALK, ARY, ...) into RDKit generic groups.</param>
    public static ParseResult<QueryMolecule> ParseSmarts(string smarts, bool genericGroups = false)
    {
        ArgumentNullException.ThrowIfNull(smarts);
        var result = Proxy.MolFromSmarts(smarts, genericGroups ? "{\"generics\":true}" : null);
        return result.Success
            ? ParseResult<QueryMolecule>.Ok(new QueryMolecule(result.Value, smarts))
            : ParseResult<QueryMolecule>.Fail(result.Error);
    }

    public static QueryMolecule FromSmarts(string smarts, bool genericGroups = false) =>
        ParseSmarts(smarts, genericGroups).GetValueOrThrow();

    /// <summary>RDKit's pattern fingerprint of the query: a molecule can only match when its own
    /// pattern fingerprint contains every bit of this one.</summary>
    public Fingerprint PatternFingerprint(int bits = Fingerprint.DefaultBits) =>
        new(Proxy.PatternFingerprint(handle, bits));

    /// <summary>Atom map numbers of the query atoms (<c>[#6:3]</c> gives 3), 0 where none.</summary>
    public IReadOnlyList<int> AtomMapNumbers() => Proxy.AtomMapNumbers(handle);

    public void Dispose() => handle.Dispose();

    public override string ToString() => Smarts;
}
