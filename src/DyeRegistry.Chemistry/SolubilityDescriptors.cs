namespace DyeRegistry.Chemistry;

/// <summary>
/// What the water-solubility model reads of a structure, from one call into RDKit
/// (<see cref="Molecule.GetSolubilityDescriptors"/>): the drawn structure's mass and its standardized
/// parent's descriptors, each the value <see cref="Molecule.GetDescriptors"/> and
/// <see cref="Molecule.GetRingChargeFeatures"/> give for it, without the formula and exact masses.
/// <c>DrawnAverageMassGramsPerMole</c> is the structure's as drawn (salt included), every other
/// value the parent's.
/// </summary>
public readonly record struct SolubilityDescriptors(
    double DrawnAverageMassGramsPerMole,
    double AverageMassGramsPerMole,
    double CrippenLogP,
    double CrippenMolarRefractivity,
    double TopologicalPolarSurfaceAreaSquareAngstroms,
    int RotatableBonds,
    int HBondDonors,
    int HBondAcceptors,
    int HeavyAtoms,
    double AromaticAtomFraction,
    int Rings,
    int AromaticRings,
    int AliphaticRings,
    int FormalCharge,
    int ChargedAtoms,
    int Heteroatoms,
    int Halogens,
    double FractionCsp3,
    double LabuteAsaSquareAngstroms);
