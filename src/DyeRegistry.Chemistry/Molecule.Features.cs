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

    /// <summary>What the water-solubility model reads, in one call: this structure's (as drawn) mass
    /// and <paramref name="parent"/>'s descriptors (its standardized parent; may be this molecule).</summary>
    public SolubilityDescriptors GetSolubilityDescriptors(Molecule parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var f = Proxy.SolubilityFeatures(handle, parent.handle);
        return new SolubilityDescriptors(
            f.DrawnAverageMass, f.AverageMass, f.CrippenLogP, f.CrippenMolarRefractivity, f.Tpsa,
            f.RotatableBonds, f.HBondDonors, f.HBondAcceptors, f.HeavyAtoms, f.AromaticAtomFraction,
            f.Rings, f.AromaticRings, f.AliphaticRings, f.FormalCharge, f.ChargedAtoms, f.Heteroatoms,
            f.Halogens, f.FractionCsp3, f.LabuteAsa);
    }

    /// <summary>The Bemis-Murcko scaffold (rings and the linkers joining them, RDKit
    /// MurckoDecompose) as canonical SMILES; empty for a molecule without rings.</summary>
    public string MurckoScaffold() => Proxy.MurckoScaffold(handle);
}
