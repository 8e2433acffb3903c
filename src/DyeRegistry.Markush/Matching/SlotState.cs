namespace DyeRegistry.Markush.Matching;

/// <summary>What sits in a slot.</summary>
public enum SlotState
{
    /// <summary>A substituent (possibly ring-closed to another slot).</summary>
    Substituent,

    /// <summary>Nothing but hydrogen.</summary>
    Hydrogen,

    /// <summary>The slot does not exist in this drawing (R3 when B1 is N).</summary>
    Absent,
}
