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
}
