namespace DyeRegistry.Registry;

/// <summary>One dye a search found: its id, its SMILES as registered, and for a similarity search
/// the Tanimoto similarity (null otherwise).</summary>
public sealed record SearchHit(string Id, string Smiles, double? Similarity = null);
