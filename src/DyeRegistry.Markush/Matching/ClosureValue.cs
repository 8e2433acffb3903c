namespace DyeRegistry.Markush.Matching;

/// <summary>A ring closed between two slots, and whether the formula allows it.</summary>
/// <param name="SlotA">One slot.</param>
/// <param name="SlotB">The other.</param>
/// <param name="RingSize">Size of the new ring (0 when it could not be determined).</param>
/// <param name="RingIsAromatic">All ring atoms aromatic.</param>
/// <param name="RingHasHeteroatom">The ring contains an atom other than carbon.</param>
/// <param name="Allowed">The formula allows this closure and this ring.</param>
public sealed record ClosureValue(string SlotA, string SlotB, int RingSize, bool RingIsAromatic, bool RingHasHeteroatom, bool Allowed);
