using DyeRegistry.Chemistry.Interop;

namespace DyeRegistry.Chemistry;

public sealed partial class Molecule
{
    /// <summary>Ring counts, charge, heteroatoms, sp3 fraction and Labute surface area.</summary>
    public RingChargeFeatures GetRingChargeFeatures()
    {
        var f = Proxy.RingChargeFeatures(handle);
        return new RingChargeFeatures(
            f.Rings, f.AromaticRings, f.AliphaticRings, f.FormalCharge, f.ChargedAtoms,
            f.Heteroatoms, f.Halogens, f.FractionCsp3, f.LabuteAsa);
    }

    /// <summary>The Bemis-Murcko scaffold (rings and the linkers joining them, RDKit
    /// MurckoDecompose) as canonical SMILES; empty for a molecule without rings.</summary>
    public string MurckoScaffold() => Proxy.MurckoScaffold(handle);
}
