namespace DyeRegistry.Chemistry;

/// <summary>Bond types (values equal RDKit's <c>BondType</c> for those listed).</summary>
public enum BondKind
{
    Unspecified = 0,
    Single = 1,
    Double = 2,
    Triple = 3,
    Aromatic = 12,
    Dative = 17,
    Other = 21,
}

/// <summary>What RDKit knows about one bond.</summary>
public readonly record struct BondFacts(
    int Index,
    int BeginAtom,
    int EndAtom,
    BondKind Kind,
    bool IsAromatic,
    bool IsInRing,
    bool IsConjugated)
{
    /// <summary>The atom at the other end from <paramref name="atom"/>.</summary>
    public int OtherAtom(int atom) => atom == BeginAtom ? EndAtom : BeginAtom;
}
