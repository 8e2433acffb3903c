using DyeRegistry.Chemistry;

namespace DyeRegistry.Estimates.Solubility;

/// <summary>
/// What a solubility model needs of one compound, computed once from its structure.
/// </summary>
/// <param name="Features">The full feature vector, in <see cref="SolubilityFeatures.Names"/> order.</param>
/// <param name="Morgan">Morgan fingerprint of the parent (radius 2, 2048 bits): the applicability domain.</param>
/// <param name="MolarMassGramsPerMole">Average mass of the structure as given, salt included: the
/// substance a measured or estimated mol/L refers to, used for g/100 g.</param>
/// <param name="ParentSmiles">Canonical SMILES of the standardized parent.</param>
/// <param name="Scaffold">Bemis-Murcko scaffold of the parent; empty without rings.</param>
/// <param name="IsAzo">The structure as given has an acyclic C-N=N-C (drawn azo).</param>
/// <param name="IsAnthraquinone">The structure as given contains 9,10-anthraquinone.</param>
public sealed record FeaturizedCompound(
    float[] Features,
    Fingerprint Morgan,
    double MolarMassGramsPerMole,
    string ParentSmiles,
    string Scaffold,
    bool IsAzo,
    bool IsAnthraquinone)
{
    /// <summary>
    /// What a scaffold split groups by: the scaffold, or for a compound without rings its own
    /// parent (it has no ring system to share, so grouping every acyclic compound into one fold
    /// would test chains-from-rings extrapolation rather than new scaffolds).
    /// </summary>
    public string SplitGroup => Scaffold.Length > 0 ? Scaffold : "acyclic:" + ParentSmiles;

    /// <summary>The ESOL equation's log S for this compound.</summary>
    public double EsolLogS => Features[SolubilityFeatures.Names.Count - 1];
}
