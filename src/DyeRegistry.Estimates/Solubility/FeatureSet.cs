namespace DyeRegistry.Estimates.Solubility;

/// <summary>Which structure features a solubility model learns from.</summary>
public enum FeatureSet
{
    /// <summary>The descriptors issue 19 names: Crippen logP and MR, mass, TPSA, H-bond donors and
    /// acceptors, rotatable bonds, heavy atoms, aromatic atom fraction, aromatic and aliphatic
    /// rings, formal charge.</summary>
    Basic,

    /// <summary>Basic plus charged atoms, heteroatoms, halogens, sp3 fraction, Labute surface
    /// area, salt fragments set aside and the ESOL equation's value (measured ablation in
    /// docs/models/solubility.md).</summary>
    Extended,
}
