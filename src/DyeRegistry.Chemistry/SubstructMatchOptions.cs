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

    internal string ToJson() => JsonSerializer.Serialize(new
    {
        maxMatches = MaxMatches,
        uniquify = Uniquify,
        useChirality = UseChirality,
        useGenericMatchers = UseGenericMatchers,
        recursionPossible = RecursionPossible,
    });
}
