namespace DyeRegistry.Registry;

/// <summary>One dye a search found: its id, its SMILES as registered (drawn), and for a similarity search
/// the Tanimoto similarity (null otherwise). <paramref name="Verdict"/> is null for a plain hit;
/// for a formula search it says "undetermined ..." when the dye's search hit a limit.</summary>
public sealed record SearchHit(string Id, string Smiles, double? Similarity = null, string? Verdict = null)
{
    /// <summary>The standardized parent's SMILES: what SMARTS, similarity and exact searches compared.</summary>
    public string? Parent { get; init; }

    /// <summary>The record's name, when it has one.</summary>
    public string? Name { get; init; }
}
