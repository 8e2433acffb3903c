namespace DyeRegistry.Chemistry;

/// <summary>
/// Ring, charge and saturation counts of one molecule (RDKit's Lipinski and MolSurf
/// definitions), the structure features property estimates use beside <see cref="MolecularDescriptors"/>.
/// </summary>
/// <param name="Rings">SSSR ring count.</param>
/// <param name="AromaticRings">Rings RDKit calls aromatic.</param>
/// <param name="AliphaticRings">Rings with at least one non-aromatic bond.</param>
/// <param name="FormalCharge">Net formal charge.</param>
/// <param name="ChargedAtoms">Atoms with a formal charge (a zwitterion has net 0 but counts here).</param>
/// <param name="Heteroatoms">Atoms other than C and H.</param>
/// <param name="Halogens">F, Cl, Br and I atoms.</param>
/// <param name="FractionCsp3">sp3 carbons over all carbons.</param>
/// <param name="LabuteAsaSquareAngstroms">Labute's approximate surface area.</param>
public sealed record RingChargeFeatures(
    int Rings,
    int AromaticRings,
    int AliphaticRings,
    int FormalCharge,
    int ChargedAtoms,
    int Heteroatoms,
    int Halogens,
    double FractionCsp3,
    double LabuteAsaSquareAngstroms);
