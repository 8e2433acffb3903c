namespace DyeRegistry.Chemistry;

/// <summary>
/// RDKit descriptors of one molecule, each with its unit in the name where it has one. Values of a
/// <see cref="DescriptorGroups"/> group that was not computed are null, never a default.
/// </summary>
/// <param name="Formula">Hill-order formula with net charge, e.g. "C16H11N2O4S-".</param>
/// <param name="AverageMassGramsPerMole">Average molecular mass (RDKit calcAMW).</param>
/// <param name="MonoisotopicMassGramsPerMole">Exact mass of the most abundant isotopes.</param>
/// <param name="CrippenLogP">Wildman–Crippen logP (octanol/water), dimensionless.</param>
/// <param name="CrippenMolarRefractivity">Wildman–Crippen molar refractivity.</param>
/// <param name="TopologicalPolarSurfaceAreaSquareAngstroms">TPSA (Ertl), N and O only.</param>
/// <param name="RotatableBonds">RDKit's strict rotatable-bond count.</param>
/// <param name="HBondDonors">RDKit calcNumHBD.</param>
/// <param name="HBondAcceptors">RDKit calcNumHBA.</param>
/// <param name="HeavyAtoms">Atoms other than hydrogen.</param>
/// <param name="AromaticAtomFraction">Aromatic heavy atoms over heavy atoms, from 0 to 1.</param>
public sealed record MolecularDescriptors(
    string Formula,
    double? AverageMassGramsPerMole,
    double? MonoisotopicMassGramsPerMole,
    double? CrippenLogP,
    double? CrippenMolarRefractivity,
    double? TopologicalPolarSurfaceAreaSquareAngstroms,
    int? RotatableBonds,
    int? HBondDonors,
    int? HBondAcceptors,
    int? HeavyAtoms,
    double? AromaticAtomFraction);
