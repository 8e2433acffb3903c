using System.Text.Json;

namespace DyeRegistry.Chemistry;

/// <summary>
/// Parameters of a substructure search, as RDKit's <c>SubstructMatchParameters</c>. Immutable;
/// defaults equal RDKit's.
/// </summary>
public sealed record SubstructMatchOptions
{
    public static SubstructMatchOptions Default { get; } = new();

    /// <summary>At most this many matches are returned. Default 1000.</summary>
    public int MaxMatches { get; init; } = 1000;

    /// <summary>Matches covering the same atom set are reported once. Default true. Set false
    /// to see every mapping of a symmetric query (each slot assignment).</summary>
    public bool Uniquify { get; init; } = true;

    /// <summary>Tetrahedral stereo must agree. Default false.</summary>
    public bool UseChirality { get; init; }

    /// <summary>Honour generic groups (ALK, ARY, ...) set on query atoms. Default false.</summary>
    public bool UseGenericMatchers { get; init; }

    /// <summary>Allow recursive SMARTS. Default true.</summary>
    public bool RecursionPossible { get; init; } = true;

    // Written once per options object: options reused across many molecules cost nothing after
    // the first call. Kept outside the record, which `with` and equality would otherwise copy
    // and compare.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SubstructMatchOptions, string> JsonCache = new();

    internal string ToJson() => JsonCache.GetValue(this, o => JsonSerializer.Serialize(new
    {
        maxMatches = o.MaxMatches,
        uniquify = o.Uniquify,
        useChirality = o.UseChirality,
        useGenericMatchers = o.UseGenericMatchers,
        recursionPossible = o.RecursionPossible,
    }));
}
