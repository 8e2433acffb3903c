namespace DyeRegistry.Markush.Model;

/// <summary>What the new ring of an allowed ring closure must be.</summary>
public enum ClosureRing
{
    /// <summary>Any ring.</summary>
    Any,

    /// <summary>An aromatic ring or one that contains a heteroatom.</summary>
    AromaticOrHeterocyclic,
}

/// <summary>An allowed ring closure between two slots ("R1 and R5 may bond to form a ring").</summary>
/// <param name="SlotA">One slot id.</param>
/// <param name="SlotB">The other.</param>
/// <param name="Ring">What the new ring must be.</param>
/// <param name="Sizes">Allowed ring sizes, empty for any.</param>
/// <param name="Line">Line in the formula file, for messages.</param>
public sealed record RingClosureRule(string SlotA, string SlotB, ClosureRing Ring, IReadOnlyList<int> Sizes, int Line)
{
    public bool Joins(string a, string b) => (SlotA == a && SlotB == b) || (SlotA == b && SlotB == a);
}
