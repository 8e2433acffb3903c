namespace DyeRegistry.Chemistry;

/// <summary>RDKit MolHash functions (values equal RDKit's <c>HashFunction</c> enum).</summary>
public enum MolHashFunction
{
    AnonymousGraph = 1,
    ElementGraph = 2,
    CanonicalSmiles = 3,
    MurckoScaffold = 4,
    ExtendedMurcko = 5,
    MolFormula = 6,
    AtomBondCounts = 7,
    DegreeVector = 8,
    Mesomer = 9,

    /// <summary>Hydrogens and charges on heteroatoms pooled: azo and hydrazone drawings of one dye
    /// hash the same (the tautomer layer of RDKit's registration hash).</summary>
    HetAtomTautomer = 10,
    HetAtomProtomer = 11,
    RedoxPair = 12,
    Regioisomer = 13,
    NetCharge = 14,
}
