namespace DyeRegistry.Chemistry;

/// <summary>RDKit's hybridization states (values equal RDKit's <c>HybridizationType</c>).</summary>
public enum Hybridization
{
    Unspecified = 0,
    S = 1,
    SP = 2,
    SP2 = 3,
    SP3 = 4,
    SP3D = 5,
    SP3D2 = 6,
    Other = 7,
}

/// <summary>What RDKit knows about one atom after sanitization.</summary>
/// <param name="Index">Atom index in the molecule.</param>
/// <param name="AtomicNumber">Element (0 for a dummy atom).</param>
/// <param name="FormalCharge">Formal charge.</param>
/// <param name="HydrogenCount">Implicit plus explicit H (not counting H atoms kept as graph nodes).</param>
/// <param name="Degree">Number of neighbours in the graph.</param>
/// <param name="Isotope">Mass number, 0 when unspecified.</param>
/// <param name="RadicalElectrons">Unpaired electrons.</param>
/// <param name="Hybridization">RDKit's hybridization.</param>
/// <param name="IsAromatic">Aromatic by RDKit's model.</param>
/// <param name="IsInRing">Member of at least one SSSR ring.</param>
/// <param name="SmallestRingSize">Smallest SSSR ring through the atom; 0 when acyclic.</param>
/// <param name="RingSystem">Index of the fused ring system (rings sharing a bond); -1 when acyclic.</param>
public readonly record struct AtomFacts(
    int Index,
    int AtomicNumber,
    int FormalCharge,
    int HydrogenCount,
    int Degree,
    int Isotope,
    int RadicalElectrons,
    Hybridization Hybridization,
    bool IsAromatic,
    bool IsInRing,
    int SmallestRingSize,
    int RingSystem);
