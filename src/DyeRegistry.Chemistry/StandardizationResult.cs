namespace DyeRegistry.Chemistry;

/// <summary>A standardized molecule and what standardization did to get it.</summary>
/// <param name="Parent">The standardized molecule (owned by this result's holder: dispose it).</param>
/// <param name="Steps">The steps run, in order ("cleanup", "fragments:parent", ...).</param>
/// <param name="RemovedFragments">Canonical SMILES of every fragment removed (counter-ions, solvents).</param>
/// <param name="TautomersConsidered">Tautomers enumerated for the canonical-tautomer step (0 if not run).</param>
public sealed record StandardizationResult(
    Molecule Parent,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> RemovedFragments,
    int TautomersConsidered);
