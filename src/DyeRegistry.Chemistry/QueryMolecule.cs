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

    /// <summary>The query drawn by RDKit as SVG (a formula's core on the Formulas page: atoms as their
    /// query allows, any-bonds dashed); throws <see cref="ChemistryException"/> when RDKit cannot draw it.</summary>
    public string ToSvg(DepictionOptions? options = null) => Proxy.ToSvg(handle, (options ?? DepictionOptions.Default).ToJson());

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

    /// <summary>
    /// Parses a user's SMARTS within <paramref name="limits"/>: the text length before RDKit reads
    /// it, then its atoms (recursive SMARTS included) and recursion depth before it is matched
    /// against anything. Over a limit is a failed result naming the limit.
    /// </summary>
    public static ParseResult<QueryMolecule> ParseSmarts(string smarts, QueryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(smarts);
        ArgumentNullException.ThrowIfNull(limits);
        var bad = smarts.Select((c, i) => (c, i)).FirstOrDefault(x => x.c < ' ' || x.c == '\x7f');
        if (bad.c != '\0' || smarts.Contains('\0'))
        {
            return ParseResult<QueryMolecule>.Fail(new ChemistryException(ChemistryErrorCode.InvalidStructure, "SMARTS contains " + StructureTextScan.Describe(bad.c, bad.i)));
        }

        if (smarts.Length > limits.MaxLength)
        {
            return ParseResult<QueryMolecule>.Fail(StructureLimits.Exceeded("SMARTS", smarts.Length, limits.MaxLength, "--max-query-length"));
        }

        var parsed = ParseSmarts(smarts);
        if (!parsed.Success)
        {
            return parsed;
        }

        var (atoms, depth) = Proxy.QuerySize(parsed.Value.handle);
        var over = atoms > limits.MaxAtoms ? StructureLimits.Exceeded("SMARTS", atoms, limits.MaxAtoms, "--max-query-atoms")
            : depth > limits.MaxRecursionDepth ? StructureLimits.Exceeded("SMARTS", depth, limits.MaxRecursionDepth, "--max-query-recursion")
            : null;
        if (over is not null)
        {
            parsed.Value.Dispose();
            return ParseResult<QueryMolecule>.Fail(over);
        }

        return parsed;
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
