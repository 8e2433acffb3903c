namespace DyeRegistry.Markush.Matching;

/// <summary>A substituent's classes and its SMILES (with * at cut bonds).</summary>
internal sealed record ClassifiedSubstituent(IReadOnlyList<string> Classes, string Smiles);
