using DyeRegistry.Chemistry.Interop;

namespace DyeRegistry.Chemistry;

public sealed partial class Molecule
{
    /// <summary>All embeddings of <paramref name="query"/> (up to the options' limit).</summary>
    public IReadOnlyList<SubstructMatch> GetSubstructMatches(QueryMolecule query, SubstructMatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var json = options is null || options == SubstructMatchOptions.Default ? null : options.ToJson();
        return Proxy.SubstructMatches(handle, query.Handle, json).Select(m => new SubstructMatch(m)).ToArray();
    }

    /// <summary>Whether <paramref name="query"/> matches at all (stops at the first match).</summary>
    public bool HasSubstructMatch(QueryMolecule query, SubstructMatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var json = options is null || options == SubstructMatchOptions.Default ? null : options.ToJson();
        return Proxy.HasSubstructMatch(handle, query.Handle, json);
    }

    /// <summary>
    /// A cheap necessary condition for each query: false when some atom of the query (outside
    /// recursive SMARTS) matches no atom here, or some bond matches no bond with compatible ends,
    /// so <see cref="HasSubstructMatch"/> would be false; true when a match is possible. One call
    /// for many queries, far cheaper than one substructure search each.
    /// </summary>
    public bool[] MightMatch(IReadOnlyList<QueryMolecule> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Proxy.Screen(handle, queries);
    }

    /// <summary>
    /// For each query, whether its skeleton embeds here: the query with only its elements and
    /// ring membership and any bonds (what <see cref="ParseSmilesIfMightContain"/> tests). Moving
    /// hydrogens and bond orders changes neither, so false means that no tautomer of this
    /// molecule can match the query.
    /// </summary>
    public bool[] SkeletonMightEmbed(IReadOnlyList<QueryMolecule> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Proxy.SkeletonScreen(handle, queries);
    }
}
